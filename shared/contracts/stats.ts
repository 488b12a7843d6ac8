import { z } from 'zod';
import { GRADES, KINDS, SECTORS } from './enums.ts';
import { mapSchema } from './admin-units.ts';

/** '2024' (calendar year), '2024-H1' / '2024-H2' (half-years). */
export const periodSchema = z
  .string()
  .regex(/^\d{4}(-H[12])?$/, 'Kỳ báo cáo: 2024, 2024-H1 hoặc 2024-H2 / Period: 2024, 2024-H1 or 2024-H2');

/** VN (any case) or a unit's code of 2 to 5 digits. */
export const areaCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(
    z.union([
      z.literal('VN'),
      z.string().regex(/^\d{2,5}$/, 'VN hoặc mã đơn vị 2–5 chữ số / VN or a unit code of 2 to 5 digits'),
    ]),
  );

export const statsQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out (VN for the whole country)"),
  period: periodSchema.optional().describe('the latest period with data when left out'),
  kind: z.enum(KINDS).optional(),
  map: mapSchema.optional().describe('current by default; a 3-digit area implies pre-2025'),
});
export type StatsQuery = z.output<typeof statsQuery>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

const money = z.number().int().nullable();

/** contracts §4, exactly. */
export const statsSchema = z.object({
  area: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['country', 'province', 'district', 'commune']),
    map: mapSchema,
  }),
  period: z.string(),
  kind: z.enum(KINDS).nullable(),
  organizations: z.object({
    total: z.number().int(),
    byKind: countsOf(KINDS),
    bySector: countsOf(SECTORS),
    byStatus: z.object({ active: z.number().int(), suspended: z.number().int() }),
    byGrade: countsOf(GRADES),
  }),
  effective: z.object({ count: z.number().int(), graded: z.number().int(), share: z.number().nullable() }),
  members: z.number().int().nullable(),
  workers: z.number().int().nullable(),
  totals: z.object({ charterCapitalVnd: money, revenueVnd: money, profitVnd: money }),
  averages: z.object({
    charterCapitalVnd: money,
    revenueVnd: money,
    profitVnd: money,
    incomePerWorkerMonthVnd: money,
  }),
});
export type Stats = z.infer<typeof statsSchema>;

export const narrativeSchema = z.object({ text: z.string() });

/** The figures of one sub-area (or of the organisations placed in no sub-area). */
export const breakdownFiguresSchema = z.object({
  total: z.number().int(),
  byKind: countsOf(KINDS).describe('every kind, whatever `kind` filters'),
  members: z.number().int().nullable(),
  workers: z.number().int().nullable(),
  effective: z.object({ count: z.number().int(), graded: z.number().int(), share: z.number().nullable() }),
  incomePerWorkerMonthVnd: money.describe('weighted by workers, as in §4'),
});
export type BreakdownFigures = z.infer<typeof breakdownFiguresSchema>;

export const breakdownRowSchema = breakdownFiguresSchema.extend({ code: z.string(), name: z.string() });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

/** `GET /api/v1/stats/breakdown`: one row per child unit of the area, in code order. */
export const statsBreakdownSchema = z.object({
  area: statsSchema.shape.area,
  period: z.string(),
  kind: z.enum(KINDS).nullable(),
  childLevel: z
    .enum(['province', 'district', 'commune'])
    .nullable()
    .describe('the level of the rows; null for a commune, which has no sub-areas'),
  items: z.array(breakdownRowSchema),
  unplaced: breakdownFiguresSchema
    .nullable()
    .describe('organisations of the area not placed in any of its sub-areas (e.g. no commune recorded)'),
});
export type StatsBreakdown = z.infer<typeof statsBreakdownSchema>;
