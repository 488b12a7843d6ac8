// User management by administrators (contracts §8: POST/GET/PATCH /api/v1/users).
import { z } from 'zod';
import { emailSchema, passwordSchema, ROLES, userSchema } from './auth.ts';

const bi = (vi: string, en: string) => `${vi} / ${en}`;
const areaCode = z
  .string()
  .regex(
    /^(\d{2}|\d{5})$/,
    bi('Mã địa bàn: tỉnh (2 số) hoặc xã (5 số)', 'Area: a province (2 digits) or commune (5 digits)'),
  );

const fields = {
  email: emailSchema,
  name: z.string().trim().min(2, bi('Tên quá ngắn', 'Name is too short')).max(200),
  role: z.enum(ROLES),
  areaCode: areaCode.nullable().optional(),
  organizationId: z.number().int().positive().nullable().optional(),
};

export const userCreateSchema = z.object({ ...fields, password: passwordSchema });
export type UserCreate = z.input<typeof userCreateSchema>;

export const userPatchSchema = z
  .object({
    ...fields,
    disabled: z.boolean().describe('a disabled account cannot sign in; its sessions end'),
    password: passwordSchema.describe("an administrator's reset; the user's sessions end"),
  })
  .partial()
  .extend({ version: z.number().int().min(1).describe('the version you read; 409 when it changed since') });
export type UserPatch = z.input<typeof userPatchSchema>;

export const userListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('name or email, without regard to case or diacritics'),
  role: z.enum(ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.input<typeof userListQuery>;

export const userListSchema = z.object({
  items: z.array(userSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
