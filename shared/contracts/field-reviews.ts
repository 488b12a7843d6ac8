// Field reviews (rà soát, khảo sát): a delegation visits or surveys cooperatives of an area,
// and notes per organisation what it found, its difficulties by category and its proposals.
import { z } from 'zod';
import { DIFFICULTIES, DIFFICULTY_LABELS, type Difficulty } from './reports.ts';
import { areaCodeSchema } from './stats.ts';

export { DIFFICULTIES, DIFFICULTY_LABELS, type Difficulty };

export const REVIEW_KINDS = ['visit', 'survey'] as const;
export const REVIEW_KIND_LABELS = {
  visit: { vi: 'Kiểm tra, rà soát trực tiếp', en: 'Visit' },
  survey: { vi: 'Khảo sát, điều tra', en: 'Survey' },
} satisfies Record<(typeof REVIEW_KINDS)[number], { vi: string; en: string }>;

const bi = (vi: string, en: string) => `${vi} / ${en}`;
const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date(bi('Ngày theo dạng YYYY-MM-DD', 'A date as YYYY-MM-DD'));

export const findingInputSchema = z.object({
  organizationId: z.number().int().positive(),
  findings: text(4000).nullable().default(null),
  difficulties: z.array(z.enum(DIFFICULTIES)).max(DIFFICULTIES.length).default([]),
  proposals: text(2000).nullable().default(null),
});

export const fieldReviewInputSchema = z.object({
  kind: z.enum(REVIEW_KINDS),
  title: text(300).min(3, bi('Nhập tên đợt rà soát', 'Give the review a title')),
  heldOn: day,
  areaCode: z
    .string()
    .regex(
      /^\d{2}$|^\d{5}$/,
      bi('Mã tỉnh (2 số) hoặc mã xã (5 số)', 'A province (2 digits) or commune (5 digits) code'),
    )
    .describe('where it took place, on the current map'),
  delegation: text(1000).min(2, bi('Ghi thành phần đoàn', 'Say who was in the delegation')),
  notes: text(4000).nullable().default(null),
  findings: z
    .array(findingInputSchema)
    .min(1, bi('Chọn ít nhất một tổ chức', 'Pick at least one organisation'))
    .max(500)
    .refine(
      (fs) => new Set(fs.map((f) => f.organizationId)).size === fs.length,
      bi('Mỗi tổ chức chỉ ghi một lần', 'Each organisation appears once'),
    ),
  version: z.number().int().min(1).optional().describe('the version you read, when changing a review'),
});
export type FieldReviewInput = z.input<typeof fieldReviewInputSchema>;

export const findingSchema = z.object({
  organizationId: z.number().int(),
  registrationNo: z.string(),
  name: z.string(),
  findings: z.string().nullable(),
  difficulties: z.array(z.enum(DIFFICULTIES)),
  proposals: z.string().nullable(),
});

export const fieldReviewSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  kind: z.enum(REVIEW_KINDS),
  title: z.string(),
  heldOn: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  provinceCode: z.string().describe('the province of the area (itself for a province), current map'),
  delegation: z.string(),
  notes: z.string().nullable(),
  findings: z.array(findingSchema),
  updatedAt: z.string(),
});
export type FieldReview = z.infer<typeof fieldReviewSchema>;

/** Reviews are placed on the current map: asked for another, they say so, rather than read its codes as current ones. */
const currentMapOnly = z
  .literal('current', bi('Chỉ theo bản đồ hiện hành (map=current)', 'On the current map only (map=current)'))
  .optional();

export const fieldReviewListQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out"),
  map: currentMapOnly,
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  organizationId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("reviews that saw this organisation, in any area of the caller's; each with what it found there"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const fieldReviewListSchema = z.object({
  items: z.array(
    fieldReviewSchema.omit({ findings: true, notes: true }).extend({
      organizations: z.number().int(),
      finding: findingSchema
        .pick({ findings: true, difficulties: true, proposals: true })
        .optional()
        .describe('what the review found at organizationId, when the list is asked for one'),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FieldReviewList = z.infer<typeof fieldReviewListSchema>;

const byCategory = z.object(
  Object.fromEntries(DIFFICULTIES.map((d) => [d, z.number().int()])) as Record<
    (typeof DIFFICULTIES)[number],
    z.ZodNumber
  >,
);

/** Organisations naming each difficulty in a year, in reviews or in their reports. */
export const difficultyStatsQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out; current map"),
  map: currentMapOnly,
  year: z.coerce.number().int().min(1990).max(2100),
});

export const difficultyStatsSchema = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number().int(),
  organizations: z.number().int().describe('organisations with at least one difficulty'),
  byCategory: byCategory.describe('organisations naming each difficulty (one may name several)'),
  breakdown: z
    .array(z.object({ code: z.string(), name: z.string(), organizations: z.number().int(), byCategory }))
    .describe('the same for each unit one level down'),
});
export type DifficultyStats = z.infer<typeof difficultyStatsSchema>;
