// Periodic reports (báo cáo định kỳ), contracts §8: one per organisation and period, its
// figures, difficulties and proposals, and its way from draft to approved.
import { z } from 'zod';
import { areaCodeSchema, periodSchema } from './stats.ts';
import { mapSchema } from './admin-units.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
} satisfies Record<ReportStatus, { vi: string; en: string }>;

/** Kinds of difficulty a cooperative reports or a field review finds (khó khăn, vướng mắc). */
export const DIFFICULTIES = [
  'capital',
  'market',
  'land',
  'skills',
  'technology',
  'infrastructure',
  'policy',
  'other',
] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const DIFFICULTY_LABELS = {
  capital: { vi: 'Vốn, tín dụng', en: 'Capital and credit' },
  market: { vi: 'Thị trường tiêu thụ', en: 'Markets' },
  land: { vi: 'Đất đai, mặt bằng', en: 'Land and premises' },
  skills: { vi: 'Nhân lực, trình độ quản lý', en: 'Skills and management' },
  technology: { vi: 'Khoa học, công nghệ', en: 'Technology' },
  infrastructure: { vi: 'Cơ sở hạ tầng', en: 'Infrastructure' },
  policy: { vi: 'Cơ chế, chính sách', en: 'Policies and procedures' },
  other: { vi: 'Khác', en: 'Other' },
} satisfies Record<Difficulty, { vi: string; en: string }>;

/** The figures of a report, each may be left empty (null). Money is whole VND. */
export const FIGURES = [
  'members',
  'workers',
  'charterCapitalVnd',
  'assetsVnd',
  'revenueVnd',
  'serviceRevenueVnd',
  'profitVnd',
  'incomePerWorkerMonthVnd',
] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_LABELS = {
  members: { vi: 'Số thành viên', en: 'Members' },
  workers: { vi: 'Số lao động thường xuyên', en: 'Regular workers' },
  charterCapitalVnd: { vi: 'Vốn điều lệ', en: 'Charter capital' },
  assetsVnd: { vi: 'Tổng tài sản', en: 'Total assets' },
  revenueVnd: { vi: 'Doanh thu', en: 'Revenue' },
  serviceRevenueVnd: { vi: 'Doanh thu từ dịch vụ cho thành viên', en: 'Revenue from services to members' },
  profitVnd: { vi: 'Lợi nhuận trước thuế', en: 'Pre-tax profit' },
  incomePerWorkerMonthVnd: { vi: 'Thu nhập bình quân lao động (đồng/tháng)', en: 'Income per worker (VND/month)' },
} satisfies Record<Figure, { vi: string; en: string }>;

const bi = (vi: string, en: string) => `${vi} / ${en}`;
const money = z
  .number()
  .int(bi('Phải là số nguyên (đồng)', 'Must be a whole number (VND)'))
  .min(-9e15)
  .max(9e15)
  .nullable();
/** People: a whole number, not negative, within the database's integer. */
const count = z
  .number()
  .int(bi('Phải là số nguyên', 'Must be a whole number'))
  .min(0, bi('Không được âm', 'Must not be negative'))
  .max(2_147_483_647, bi('Quá lớn (tối đa 2.147.483.647)', 'Too large (at most 2,147,483,647)'))
  .nullable();
const schemaOf = (f: Figure) => (f === 'members' || f === 'workers' ? count : money);
const figureShape = Object.fromEntries(FIGURES.map((f) => [f, schemaOf(f)])) as Record<Figure, typeof money>;
/** A PUT replaces the report: a figure left out is empty. */
const figureInputShape = Object.fromEntries(FIGURES.map((f) => [f, schemaOf(f).default(null)])) as Record<
  Figure,
  z.ZodDefault<typeof money>
>;

export const reportInputSchema = z.object({
  ...figureInputShape,
  difficulties: z.array(z.enum(DIFFICULTIES)).max(DIFFICULTIES.length).default([]),
  proposals: z.string().trim().max(2000).nullable().default(null),
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .describe('the explanation a warning asks for (a large change, an unusual income)'),
  version: z.number().int().min(1).optional().describe('the version you read; left out only on the first save'),
});
export type ReportInput = z.input<typeof reportInputSchema>;

/** One finding of the validation rules on a report. */
export const ruleIssueSchema = z.object({
  rule: z.string(),
  field: z.string(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
});
export type RuleIssue = z.infer<typeof ruleIssueSchema>;

export const reportSchema = z.object({
  organizationId: z.number().int(),
  period: z.string(),
  ...figureShape,
  difficulties: z.array(z.enum(DIFFICULTIES)),
  proposals: z.string().nullable(),
  comment: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  source: z.enum(['officer', 'cooperative']).describe('who entered it: an officer (or an import) or the cooperative'),
  version: z.number().int(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  check: z
    .object({ errors: z.array(ruleIssueSchema), warnings: z.array(ruleIssueSchema) })
    .describe('errors block submission; a warning needs a comment'),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), return: z.boolean(), approve: z.boolean() }),
});
export type Report = z.infer<typeof reportSchema>;

export const reportParams = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
  period: periodSchema,
});

export const returnSchema = z.object({
  reason: z.string().trim().min(3, bi('Ghi rõ lý do trả lại', 'Say why it is returned')).max(1000),
});

export const completenessQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out"),
  period: periodSchema,
  map: mapSchema.optional(),
});

export const completenessSchema = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string(), map: mapSchema }),
  period: z.string(),
  dueOn: z.string().describe('the deadline of the period (YYYY-MM-DD)'),
  expected: z.number().int().describe('organisations existing at the end of the period'),
  submitted: z.number().int().describe('of them, with a report submitted (approved included)'),
  approved: z.number().int(),
  late: z.number().int().describe('submitted after the deadline, or not submitted once it has passed'),
  share: z.number().nullable().describe('submitted / expected'),
});
export type Completeness = z.infer<typeof completenessSchema>;

/**
 * A validation rule, as data (table report_rules): what it checks (`kind` with its `params`),
 * whether it blocks submission (error) or asks for a comment (warning), and its message, where
 * {label}, {value}, {limit} and {other} are filled in. shared/rules/check-report.ts runs them,
 * in the form, the API and the Excel upload alike.
 */
export const reportRuleSchema = z.object({
  code: z.string(),
  level: z.enum(['error', 'warning']),
  kind: z.enum(['non_negative', 'not_greater', 'min_by_kind', 'change', 'range']),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
  messageEn: z.string(),
});
export type ReportRule = z.infer<typeof reportRuleSchema>;

/** The review queue and the list of who is missing (GET /api/v1/reports). */
export const reportListQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out"),
  map: mapSchema.optional(),
  period: periodSchema,
  status: z
    .enum([...REPORT_STATUSES, 'none'])
    .optional()
    .describe("'none': organisations existing at the period's end without a report"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const reportListItemSchema = z.object({
  organizationId: z.number().int(),
  registrationNo: z.string(),
  name: z.string(),
  kind: z.string(),
  communeName: z.string().nullable(),
  status: z.enum([...REPORT_STATUSES, 'none']),
  source: z.string().nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
});

export const reportListSchema = z.object({
  items: z.array(reportListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReportList = z.infer<typeof reportListSchema>;

/** A reporting period's window: reports may be saved from `opensOn`; after `dueOn` they are late. */
export const periodWindowSchema = z.object({
  period: z.string(),
  opensOn: z.string(),
  dueOn: z.string(),
  custom: z.boolean().describe('false: the default dates (the period’s first day; 15 July, 15 January, 15 December)'),
  version: z.number().int().describe('0 while the dates are the defaults, never saved'),
});
export type PeriodWindow = z.infer<typeof periodWindowSchema>;

const day = z.iso.date(bi('Ngày theo dạng YYYY-MM-DD', 'A date as YYYY-MM-DD'));
export const periodWindowInput = z
  .object({
    opensOn: day,
    dueOn: day,
    version: z.number().int().min(0).describe('the version you read (0: the defaults, never saved)'),
  })
  .refine((w) => w.opensOn <= w.dueOn, {
    message: bi('Hạn nộp phải sau ngày mở', 'The deadline must come after the opening'),
    path: ['dueOn'],
  });

/**
 * What needs doing now (GET /api/v1/reminders), for the periods open today whose deadline is
 * less than six months ahead or passed less than 60 days ago: a cooperative's own report not yet submitted (or
 * returned), and for an officer the reports of their area waiting for review or missing.
 */
export const reminderSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('own'),
    period: z.string(),
    dueOn: z.string(),
    organizationId: z.number().int(),
    status: z.enum(['none', 'draft', 'returned']),
    late: z.boolean(),
  }),
  z.object({
    kind: z.literal('area'),
    period: z.string(),
    dueOn: z.string(),
    area: z.object({ code: z.string(), name: z.string() }),
    waiting: z.number().int().describe('submitted, not yet approved or returned'),
    missing: z.number().int().describe('expected but not submitted'),
    late: z.boolean().describe('the deadline has passed'),
  }),
]);
export type Reminder = z.infer<typeof reminderSchema>;

/**
 * The Excel round trip of an area's reports for a period: GET /reports/workbook.xlsx gives each
 * organisation's figures (the period's report, else its latest earlier one); POST
 * /reports/workbook with the file answers what each row would change (apply=false) or writes
 * every change in one transaction when no row has an error (apply=true).
 */
export const workbookQuery = z.object({
  area: areaCodeSchema.optional().describe("the caller's own area when left out"),
  map: mapSchema.optional(),
  period: periodSchema,
});

export const workbookUploadFields = z.object({
  period: periodSchema,
  apply: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('false (default): only answer the preview'),
});

const cellValue = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);
const cellIssue = z.object({ column: z.string(), message: z.string(), messageEn: z.string() });

export const workbookRowSchema = z.object({
  line: z.number().int().describe('the row of the sheet'),
  organizationId: z.number().int().nullable(),
  registrationNo: z.string(),
  name: z.string().nullable(),
  outcome: z.enum(['new', 'changed', 'unchanged', 'error']),
  changes: z.array(z.object({ column: z.string(), field: z.string(), before: cellValue, after: cellValue })),
  errors: z.array(cellIssue),
  warnings: z.array(cellIssue),
});
export type WorkbookRow = z.infer<typeof workbookRowSchema>;

export const workbookPreviewSchema = z.object({
  period: z.string(),
  applied: z.boolean().describe('true: every change is written; false: nothing is'),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
  }),
  rows: z.array(workbookRowSchema).describe('rows with a change, an error or a warning, in sheet order'),
});
export type WorkbookPreview = z.infer<typeof workbookPreviewSchema>;
