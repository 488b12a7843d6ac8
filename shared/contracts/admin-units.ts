import { z } from 'zod';
import { LEVELS, MAPS } from './enums.ts';

export const mapSchema = z.enum(MAPS);

export const adminUnitSchema = z.object({
  map: mapSchema,
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  level: z.enum(LEVELS),
  type: z.string(),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;

const unitRef = z.object({ code: z.string(), fullName: z.string(), coverage: z.enum(['full', 'partial']) });

export const adminUnitDetailSchema = adminUnitSchema.extend({
  ancestors: z.array(adminUnitSchema).describe('from the province down to the parent'),
  childCount: z.number().int(),
  successors: z.array(unitRef).describe('pre-2025 units: what they became on the current map'),
  predecessors: z.array(unitRef).describe('current units: the pre-2025 units they came from'),
});
export type AdminUnitDetail = z.infer<typeof adminUnitDetailSchema>;

export const adminUnitListQuery = z.object({
  map: mapSchema.default('current'),
  parent: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('children of this unit; provinces when left out'),
  q: z.string().trim().max(100).optional(),
  level: z.enum(LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(5000),
});

export const adminUnitListSchema = z.object({ items: z.array(adminUnitSchema), total: z.number().int() });

export const adminUnitParams = z.object({ map: mapSchema, code: z.string().regex(/^\d{2,5}$/) });
