// What each role may do (permissions as data). `satisfies Record<Role, …>`: a new role that is
// not granted here does not compile. Where a role may do it is its scope (scope.ts).
import type { Permission, Role } from '../../../shared/contracts/auth.ts';
import { PERMISSIONS } from '../../../shared/contracts/auth.ts';

const READ = [
  'organizations.read',
  'organizations.history',
  'stats.read',
  'admin_units.read',
  'reports.read',
  'completeness.read',
  'reviews.read',
] as const;
const WRITE = [
  'organizations.create',
  'organizations.update',
  'imports.run',
  'reports.edit',
  'reports.submit',
  'reports.review',
  'grades.score',
  'reviews.edit',
] as const;

export const GRANTS = {
  admin: PERMISSIONS,
  province_staff: [...READ, ...WRITE],
  commune_officer: [...READ, ...WRITE],
  // its own organisation: it reports and grades itself; other organisations' figures are not its to see
  cooperative: [
    'organizations.read',
    'organizations.history',
    'admin_units.read',
    'reports.read',
    'reports.edit',
    'reports.submit',
    'grades.score',
  ],
  viewer: READ,
} as const satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
