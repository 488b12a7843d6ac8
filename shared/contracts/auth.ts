// Accounts, roles and sessions (contracts §8). Roles and permissions are data: the server's
// grant table (server/modules/auth/permissions.ts) must name every role, and the web app shows
// only what `permissions` and each record's `can` allow.
import { z } from 'zod';

export const ROLES = ['admin', 'province_staff', 'commune_officer', 'cooperative', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** `resource.action`: what a role may do at all; where it may do it is its scope. */
export const PERMISSIONS = [
  'organizations.read',
  'organizations.create',
  'organizations.update',
  'organizations.history',
  'stats.read',
  'imports.run',
  'admin_units.read',
  'users.manage',
  'audit.read',
  'reports.read',
  'completeness.read',
  'reports.edit',
  'reports.submit',
  'reports.review',
  'grades.score',
  'periods.manage',
  'reviews.read',
  'reviews.edit',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_LABELS = {
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
  province_staff: { vi: 'Cán bộ Liên minh HTX tỉnh', en: 'Provincial alliance staff' },
  commune_officer: { vi: 'Cán bộ xã', en: 'Commune officer' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
} satisfies Record<Role, { vi: string; en: string }>;

const bi = (vi: string, en: string) => `${vi} / ${en}`;

export const emailSchema = z
  .email(bi('Email không hợp lệ', 'Invalid email'))
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, bi('Mật khẩu cần ít nhất 10 ký tự', 'The password needs at least 10 characters'))
  .max(200, bi('Mật khẩu quá dài', 'The password is too long'));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, bi('Nhập mật khẩu', 'Enter the password')).max(200),
});
export type Login = z.input<typeof loginSchema>;

/** Where a user works: the area (current map) or the organisation their role is limited to. */
export const userScopeSchema = z.object({
  areaCode: z.string().nullable().describe('a province (2 digits) or commune (5 digits) code; null: the whole country'),
  areaName: z.string().nullable(),
  areaProvinceCode: z.string().nullable().describe("areaCode's province (itself for a province)"),
  organizationId: z.number().int().nullable(),
  organizationName: z.string().nullable(),
});

export const userSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .extend(userScopeSchema.shape);
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  user: userSchema.extend({
    permissions: z.array(z.enum(PERMISSIONS)),
    homeArea: z
      .string()
      .nullable()
      .describe('the area pages open on: VN, a province or a commune; null for a cooperative'),
    homeProvince: z.string().nullable().describe("homeArea's province (itself for a province); null for VN"),
  }),
  csrfToken: z.string().describe('send it as the x-csrf-token header with every request that changes something'),
});
export type Session = z.infer<typeof sessionSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
