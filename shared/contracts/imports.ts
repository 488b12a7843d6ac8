// Importing organisations from a file (contracts §2 `hoptac import organizations`, §3 the file):
// the result of a run (a preview or the real thing) and the background jobs of the web app.
import { z } from 'zod';
import { GRADES, KINDS, SECTORS, STATUSES } from './enums.ts';
import { mapSchema } from './admin-units.ts';

/** One problem in one cell (or one row when `column` is null), both languages. */
export const importErrorSchema = z.object({
  line: z.number().int().describe('line of the CSV file / row of the sheet, 1 = the header'),
  column: z.string().nullable().describe('the header as written in the file'),
  value: z.string().nullable().describe('the cell as read'),
  message: z.string().describe('Vietnamese'),
  messageEn: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importWarningSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

const whole = z.number().int().nullable();

/** A row as it will be stored: keys of §7, codes on the import's map, ISO dates, whole VND. */
export const importPreviewRowSchema = z.object({
  line: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged']),
  registrationNo: z.string(),
  name: z.string(),
  kind: z.enum(KINDS),
  sector: z.enum(SECTORS),
  status: z.enum(STATUSES).nullable().describe('null: not given (new: active; existing: kept)'),
  foundedOn: z.string().nullable(),
  provinceCode: z.string(),
  districtCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  members: whole,
  workers: whole,
  charterCapitalVnd: whole,
  revenueVnd: whole,
  profitVnd: whole,
  incomePerWorkerMonthVnd: whole,
  grade: z.enum(GRADES).nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importResultSchema = z.object({
  file: z.string(),
  map: mapSchema,
  period: z.string().nullable(),
  dryRun: z.boolean(),
  /** true when the rows were written for good (no error and not a dry run) */
  committed: z.boolean(),
  rows: z.number().int().describe('data rows read (blank rows skipped)'),
  created: z.number().int().describe('valid rows that create an organisation'),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importErrorSchema).describe('the first 10,000 errors'),
  errorCount: z.number().int(),
  warnings: z.array(importWarningSchema),
  preview: z.array(importPreviewRowSchema).describe('the first 20 valid rows, normalised'),
  durationMs: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Form fields of `POST /imports/organizations` (multipart, next to the `file` part). */
export const importUploadFields = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-H[12])?$/, 'Kỳ báo cáo: 2024, 2024-H1 hoặc 2024-H2 / Period: 2024, 2024-H1 or 2024-H2')
    .optional(),
  map: mapSchema.default('current'),
  dryRun: z
    .enum(['true', 'false', '1', '0', 'on', 'off'])
    .default('true')
    .transform((v) => v === 'true' || v === '1' || v === 'on'),
});

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

export const importJobSchema = z.object({
  id: z.uuid(),
  kind: z.literal('organizations'),
  status: z
    .enum(IMPORT_JOB_STATUSES)
    .describe('succeeded: the run ended without a row error; failed: rows in error, or the file could not be read'),
  fileName: z.string(),
  options: z.object({ period: z.string().nullable(), map: mapSchema, dryRun: z.boolean() }),
  processedRows: z.number().int(),
  result: importResultSchema.optional().describe('when the run is over and the file could be read'),
  error: z
    .object({
      message: z.string(),
      messageEn: z.string(),
      field: z.string().optional().describe('the option to change, when one is named (period)'),
    })
    .optional()
    .describe('when the file could not be read at all (missing headers, not UTF-8, …)'),
  /** a dry run whose result can be applied (POST /imports/:id/apply) */
  canApply: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobParams = z.object({ id: z.uuid() });
