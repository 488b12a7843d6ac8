// A report's way (ADR 0009): draft → submitted → returned (with a reason) → submitted again →
// approved, which locks it. A cooperative edits and submits its own; an officer of the area
// (commune officer, provincial staff, administrator) may also enter one, and returns or
// approves. Every step is one transaction, checks the version it was given, and is audited.
import { sql } from 'drizzle-orm';
import type { Report, ReportList, reportListQuery, ReportStatus } from '../../../shared/contracts/reports.ts';
import { FIGURES, REPORT_STATUS_LABELS } from '../../../shared/contracts/reports.ts';
import { checkReport } from '../../../shared/rules/check-report.ts';
import type { z } from 'zod';
import type { reportInputSchema } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { assertWritable, canWrite, readableArea, scopeWhere, type Placed } from '../auth/scope.ts';
import { buildPeriod } from '../stats/stats.queries.ts';
import { parsePeriod } from './period.ts';
import { assertPeriodOpen } from './periods.ts';
import { findReadable } from '../organizations/organizations.service.ts';
import type { Organization } from '../../../shared/contracts/organizations.ts';
import {
  activeRules,
  findReport,
  insertReport,
  listReports,
  previousFigures,
  setReportStatus,
  updateReportContent,
  type ReportContent,
  type ReportRow,
} from './reports.queries.ts';

type Executor = Parameters<typeof findReadable>[0];
type Input = z.output<typeof reportInputSchema>;

const missing = (id: number, period: string) =>
  notFound(`Tổ chức ${id} chưa có báo cáo kỳ ${period}`, `Organisation ${id} has no report for ${period}`);

const refused = (vi: string, en: string) => new AppError('conflict', { vi, en });

/** What the caller may do with the report now: the web app shows only these actions. */
export function abilities(caller: Caller, org: Placed, status: ReportStatus | null) {
  const mine = canWrite(caller, org);
  const has = (p: Parameters<Caller['permissions']['has']>[0]) => caller.permissions.has(p) && mine;
  const reviewer = has('reports.review');
  const open = status === null || status === 'draft' || status === 'returned';
  return {
    edit: has('reports.edit') && (open || (status === 'submitted' && reviewer)),
    submit: has('reports.submit') && status !== null && open,
    return: reviewer && status === 'submitted',
    approve: reviewer && status === 'submitted',
  };
}

/** The report with the findings of the validation rules (when not known yet) and the caller's abilities. */
async function shape(
  db: Executor,
  caller: Caller,
  org: Organization,
  row: ReportRow,
  found?: Awaited<ReturnType<typeof check>>,
): Promise<Report> {
  const { id: _id, ...rest } = row;
  return { ...rest, check: found ?? (await check(db, org, row)), can: abilities(caller, org, row.status) };
}

async function check(db: Executor, org: Organization, content: ReportContent & { period: string }) {
  const issues = checkReport(await activeRules(db), content, {
    kind: org.kind,
    previous: await previousFigures(db, org.id, content.period),
  });
  return { errors: issues.filter((i) => i.level === 'error'), warnings: issues.filter((i) => i.level === 'warning') };
}

/** Errors refuse a submission; so do warnings without the comment that explains them. */
function assertSubmittable(found: Awaited<ReturnType<typeof check>>, comment: string | null): void {
  const blocking = found.errors.length > 0;
  if (!blocking && (found.warnings.length === 0 || comment)) return;
  const issues = blocking ? found.errors : found.warnings;
  throw new AppError('validation_failed', {
    vi: blocking
      ? 'Báo cáo còn lỗi, chưa gửi được: ' + issues.map((i) => i.message).join('; ')
      : 'Có cảnh báo cần giải thích trong phần ghi chú trước khi gửi: ' + issues.map((i) => i.message).join('; '),
    en: blocking
      ? 'The report has errors and cannot be submitted: ' + issues.map((i) => i.messageEn).join('; ')
      : 'Explain the warnings in the comment before submitting: ' + issues.map((i) => i.messageEn).join('; '),
    errors: issues.map((i) => ({ field: i.field, message: i.message, messageEn: i.messageEn })),
  });
}

/** Who entered a report the caller writes: a cooperative its own, else an officer (imports included). */
export const reportSource = (caller: Caller) => (caller.read.kind === 'organization' ? 'cooperative' : 'officer');

export async function getReport(db: Executor, caller: Caller, id: number, period: string): Promise<Report> {
  const org = await findReadable(db, caller, id);
  const row = await findReport(db, id, period);
  if (!row) throw missing(id, period);
  return shape(db, caller, org, row);
}

const stale = async (db: Executor, caller: Caller, org: Organization, row: ReportRow) =>
  new AppError('conflict', {
    vi: 'Báo cáo đã được người khác sửa sau khi bạn mở; hãy xem lại rồi lưu',
    en: 'Someone else changed this report after you opened it; review it and save again',
    current: (await shape(db, caller, org, row)) as unknown as Record<string, unknown>,
  });

/** Saves the figures: a new draft on the first save, else the version read must be the current one. */
export async function saveReport(db: Db, caller: Caller, id: number, period: string, input: Input): Promise<Report> {
  return db.transaction(async (tx) => {
    const org = await findReadable(tx, caller, id);
    assertWritable(caller, org);
    await assertPeriodOpen(tx, period);
    const before = await findReport(tx, id, period, { lock: true });
    if (before && input.version === undefined) {
      throw new AppError('conflict', {
        vi: `Kỳ ${period} đã có báo cáo: mở báo cáo đó để sửa`,
        en: `There is a report for ${period} already: open it to edit`,
        current: (await shape(tx, caller, org, before)) as unknown as Record<string, unknown>,
      });
    }
    if (before && before.version !== input.version) throw await stale(tx, caller, org, before);
    if (!abilities(caller, org, before?.status ?? null).edit) {
      throw before?.status === 'approved'
        ? refused('Báo cáo đã được duyệt nên không sửa được nữa', 'The report is approved: it can no longer change')
        : refused('Báo cáo đã gửi, đang chờ duyệt: chưa sửa được', 'The report is submitted and waits for review');
    }
    const content: ReportContent = {
      ...(Object.fromEntries(FIGURES.map((f) => [f, input[f] ?? null])) as Record<
        (typeof FIGURES)[number],
        number | null
      >),
      difficulties: [...new Set(input.difficulties)],
      proposals: input.proposals || null,
      comment: input.comment || null,
    };
    // nothing to write: no event, and the version read stays the current one
    if (before && sameContent(before, content)) return shape(tx, caller, org, before);
    const after = before
      ? await updateReportContent(tx, before.id, content)
      : await insertReport(tx, {
          organizationId: id,
          period,
          content,
          source: reportSource(caller),
          by: caller.user?.id ?? null,
        });
    await recordAudit(tx, caller, {
      action: before ? 'report.update' : 'report.create',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      before: before && reportValues(before),
      after: reportValues(after),
    });
    return shape(tx, caller, org, after);
  });
}

const sameContent = (row: ReportRow, content: ReportContent) =>
  (Object.keys(content) as (keyof ReportContent)[]).every((k) => JSON.stringify(row[k]) === JSON.stringify(content[k]));

/** The fields of a report the audit trail compares, keyed by period as an import writes them. */
function reportValues(r: ReportRow): Record<string, unknown> {
  const at = (k: string) => `${k}@${r.period}`;
  return Object.fromEntries(
    [...FIGURES, 'difficulties', 'proposals', 'comment', 'status', 'returnReason'].map((k) => [
      at(k),
      r[k as keyof ReportRow],
    ]),
  );
}

type Step = 'submit' | 'return' | 'approve';
const NEXT: Record<Step, ReportStatus> = { submit: 'submitted', return: 'returned', approve: 'approved' };

/** One step of the workflow, by a caller the report's abilities allow. */
export async function moveReport(
  db: Db,
  caller: Caller,
  id: number,
  period: string,
  step: Step,
  opts: { version?: number | undefined; reason?: string } = {},
): Promise<Report> {
  return db.transaction(async (tx) => {
    const org = await findReadable(tx, caller, id);
    const before = await findReport(tx, id, period, { lock: true });
    if (!before) throw missing(id, period);
    if (opts.version !== undefined && opts.version !== before.version) throw await stale(tx, caller, org, before);
    const can = abilities(caller, org, before.status);
    if (!can[step]) {
      if (!canWrite(caller, org) || !caller.permissions.has(step === 'submit' ? 'reports.submit' : 'reports.review')) {
        throw new AppError('forbidden', {
          vi: 'Bạn không được thực hiện bước này với báo cáo của tổ chức này',
          en: 'You may not take this step for this organisation’s report',
        });
      }
      const status = REPORT_STATUS_LABELS[before.status];
      throw refused(
        `Báo cáo đang ở trạng thái "${status.vi}": không thể ${step === 'submit' ? 'gửi' : step === 'return' ? 'trả lại' : 'duyệt'}`,
        `The report is "${status.en}": it cannot be ${step === 'submit' ? 'submitted' : step === 'return' ? 'returned' : 'approved'}`,
      );
    }
    // the figures do not change with the status: what submitting checked is the answer's check
    const found = step === 'submit' ? await check(tx, org, before) : undefined;
    if (found) assertSubmittable(found, before.comment);
    const after = await setReportStatus(tx, before.id, {
      status: NEXT[step],
      by: caller.user?.id ?? null,
      returnReason: step === 'return' ? opts.reason : null,
    });
    await recordAudit(tx, caller, {
      action: `report.${step}`,
      entity: 'organization',
      entityId: id,
      organizationId: id,
      before: reportValues(before),
      after: reportValues(after),
    });
    return shape(tx, caller, org, after, found);
  });
}

/** Lists read the statistics summary of the period: built on the first read of a period. */
export async function ensurePeriodSummary(db: Db, period: string): Promise<void> {
  const { rows } = await db.execute<{ n: number }>(sql`select 1 as n from stats_periods where period = ${period}`);
  if (rows.length === 0) await buildPeriod(db, period, parsePeriod(period).end);
}

/** The review queue, or who is missing: the reports of an area in the caller's scope. */
export async function reportList(db: Db, caller: Caller, q: z.output<typeof reportListQuery>): Promise<ReportList> {
  const area = await readableArea(db, caller, q);
  await ensurePeriodSummary(db, q.period);
  const found = await listReports(db, { ...q, area, scope: scopeWhere(caller.read, 'o') });
  return {
    items: found.map(({ total: _t, ...item }) => item),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
