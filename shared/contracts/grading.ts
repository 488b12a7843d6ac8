// Grading (đánh giá, xếp loại): schemes as data, a score per criterion, the grade computed
// from the total (contracts §8: PUT /organizations/:id/grades/:year, GET /grading-schemes).
import { z } from 'zod';
import { GRADES } from './enums.ts';

export const gradingCriterionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  group: z.string().describe('the group of criteria it belongs to'),
  maxPoints: z.number(),
});

export const gradingSchemeSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  criteria: z.array(gradingCriterionSchema),
  cutoffs: z
    .object({ good: z.number(), fair: z.number(), average: z.number() })
    .describe('the least total of each grade; below `average` is weak'),
  minMonths: z.number().int().describe('organisations operating for less are not graded'),
  note: z.string().nullable(),
});
export type GradingScheme = z.infer<typeof gradingSchemeSchema>;

export const gradeInputSchema = z.object({
  scheme: z.string(),
  scores: z.record(z.string(), z.number().min(0)).describe('criterion code → points'),
  version: z.number().int().min(1).optional().describe('the version you read, when the year was graded before'),
});
export type GradeInput = z.input<typeof gradeInputSchema>;

export const gradeParams = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
  year: z.string().regex(/^\d{4}$/, 'Năm: 4 chữ số / Year: 4 digits'),
});

export const gradeSchema = z.object({
  organizationId: z.number().int(),
  year: z.string(),
  scheme: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  grade: z.enum(GRADES),
  source: z.enum(['scored', 'import']),
  version: z.number().int(),
  gradedAt: z.string(),
});
export type Grade = z.infer<typeof gradeSchema>;
