import type { Permission } from '../../shared/contracts/auth.ts';

/**
 * The pages of the menu and the permission each needs: the menu shows a page to the roles
 * granted it (layout.tsx), and the router opens it only for them (router.tsx).
 */
export const MENU_PAGES = {
  dashboard: 'stats.read',
  organizations: 'organizations.read',
  reports: 'completeness.read',
  'field-reviews': 'reviews.read',
  imports: 'imports.run',
  'admin-units': 'admin_units.read',
  users: 'users.manage',
  audit: 'audit.read',
  settings: 'settings.manage',
} as const satisfies Record<string, Permission>;

export type MenuPage = keyof typeof MENU_PAGES;
