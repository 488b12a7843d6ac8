import { z } from 'zod';
import { GRADES, KINDS, SECTORS, STATUSES } from './enums.ts';
import { mapSchema } from './admin-units.ts';

const bi = (vi: string, en: string) => `${vi} / ${en}`;
const code = (digits: number, vi: string, en: string) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${digits}}$`), bi(`${vi} phải gồm ${digits} chữ số`, `${en} must be ${digits} digits`));
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date(bi('Ngày không hợp lệ (YYYY-MM-DD)', 'Invalid date (YYYY-MM-DD)'));
const pastDate = isoDate.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  bi('Ngày không được ở tương lai', 'Date cannot be in the future'),
);

export const provinceCode = code(2, 'Mã tỉnh', 'Province code');
export const districtCode = code(3, 'Mã huyện', 'District code');
export const communeCode = code(5, 'Mã xã', 'Commune code');

/** Fields a user may write; placement on either map (the other one is derived). */
const writable = {
  // stored in capitals: "k2" and "K2" are one number (migration 0014)
  registrationNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[0-9A-Za-z./-]{1,40}$/,
      bi(
        'Mã số chỉ gồm chữ, số, ".", "/", "-" (tối đa 40)',
        'Registration number: letters, digits, ".", "/", "-" (max 40)',
      ),
    ),
  name: z.string().trim().min(2, bi('Tên quá ngắn', 'Name is too short')).max(255),
  kind: z.enum(KINDS),
  sector: z.enum(SECTORS),
  status: z.enum(STATUSES),
  statusSince: pastDate.nullable().optional(),
  foundedOn: pastDate.nullable(),
  provinceCode: provinceCode.nullable(),
  communeCode: communeCode.nullable(),
  oldProvinceCode: provinceCode.nullable(),
  oldDistrictCode: districtCode.nullable(),
  oldCommuneCode: communeCode.nullable(),
  address: optionalText(500),
  representative: optionalText(200),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{6,20}$/, bi('Số điện thoại không hợp lệ', 'Invalid phone number'))
    .nullable()
    .optional(),
  email: z.email(bi('Email không hợp lệ', 'Invalid email')).nullable().optional(),
};

export const organizationCreateSchema = z
  .object({
    ...writable,
    status: writable.status.default('active'),
    foundedOn: writable.foundedOn.optional(),
    provinceCode: writable.provinceCode.optional(),
    communeCode: writable.communeCode.optional(),
    oldProvinceCode: writable.oldProvinceCode.optional(),
    oldDistrictCode: writable.oldDistrictCode.optional(),
    oldCommuneCode: writable.oldCommuneCode.optional(),
  })
  .refine((o) => o.provinceCode || o.oldProvinceCode, {
    path: ['provinceCode'],
    message: bi(
      'Cần mã tỉnh (bản đồ hiện hành hoặc trước 2025)',
      'A province code is required (current or pre-2025 map)',
    ),
  });
export type OrganizationCreate = z.input<typeof organizationCreateSchema>;

export const organizationPatchSchema = z
  .object(writable)
  .partial()
  .extend({ version: z.number().int().min(1).describe('the version you read; 409 when it changed since') });
export type OrganizationPatch = z.input<typeof organizationPatchSchema>;

export const statusEventSchema = z.object({
  status: z.enum(STATUSES),
  effectiveOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

/** An organisation's figures and grade for one period (contracts §3); null: not reported. Money is whole VND. */
export const periodFiguresSchema = z.object({
  members: z.number().int().nullable(),
  workers: z.number().int().nullable(),
  charterCapitalVnd: z.number().int().nullable(),
  revenueVnd: z.number().int().nullable(),
  profitVnd: z.number().int().nullable(),
  incomePerWorkerMonthVnd: z.number().int().nullable(),
  grade: z.enum(GRADES).nullable(),
});
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

export const reportFiguresSchema = z.object({
  period: z.string(),
  ...periodFiguresSchema.shape,
  status: z.string().nullable().describe("the report's status; null when the period has a grade only"),
  source: z.string().nullable(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const organizationSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  registrationNo: z.string(),
  name: z.string(),
  kind: z.enum(KINDS),
  sector: z.enum(SECTORS),
  status: z.enum(STATUSES),
  statusSince: z.string().nullable(),
  foundedOn: z.string().nullable(),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  oldProvinceCode: z.string().nullable(),
  oldDistrictCode: z.string().nullable(),
  oldCommuneCode: z.string().nullable(),
  recordedMap: mapSchema,
  address: z.string().nullable(),
  representative: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z
    .object({ update: z.boolean() })
    .describe('what the caller may do with it: the web app shows only these actions'),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationDetailSchema = organizationSchema.extend({
  statusHistory: z.array(statusEventSchema),
  reports: z.array(reportFiguresSchema).describe('figures per period, newest first'),
});
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

export const SORTS = [
  'name',
  '-name',
  'registrationNo',
  '-registrationNo',
  'foundedOn',
  '-foundedOn',
  'updatedAt',
  '-updatedAt',
] as const;
export type Sort = (typeof SORTS)[number];

export const organizationListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('name or registration number, without regard to case or diacritics'),
  area: z.union([z.literal('VN'), z.string().regex(/^\d{2,5}$/)]).optional(),
  map: mapSchema.optional().describe('current by default; a 3-digit area implies pre-2025'),
  kind: z.enum(KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  status: z.enum(STATUSES).optional(),
  grade: z.enum(GRADES).optional(),
  period: z
    .string()
    .regex(/^\d{4}(-H[12])?$/)
    .optional()
    .describe('with grade: the period graded'),
  sort: z.enum(SORTS).default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrganizationListQuery = z.input<typeof organizationListQuery>;

export const organizationListSchema = z.object({
  items: z.array(organizationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OrganizationList = z.infer<typeof organizationListSchema>;

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
