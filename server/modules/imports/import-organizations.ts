// Importing organisations from a file (contracts §2, §3), all or nothing: the file is streamed
// through one transaction in batches — validate, then write the valid rows — so memory stays
// bounded however long the file. Any invalid row (or a dry run) rolls everything back at the
// end; the result lists every bad row.
import type { Readable } from 'node:stream';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import type { MapName } from '../../../shared/contracts/enums.ts';
import type { ImportError, ImportPreviewRow, ImportResult } from '../../../shared/contracts/imports.ts';
import { reduceMemory } from '../../db/engine.ts';
import type { Db, Tx } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit, type AuditInput } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { inScope } from '../auth/scope.ts';
import { deferStatsRefresh, refreshStats } from '../stats/stats.queries.ts';
import { parsePeriod, type Period } from '../reports/period.ts';
import { COLUMNS, FIELDS, FIGURE_FIELDS, matchHeaders, type HeaderMatch } from './columns.ts';
import {
  buildIndexes,
  countOrganizations,
  dropSecondaryIndexes,
  insertStatusEvents,
  lockExisting,
  type Existing,
  upsertOrganizations,
  upsertReports,
  writeImportedGrades,
  type StatusEventValues,
} from './import-queries.ts';
import { cellText, todayInVietnam } from './parse-values.ts';
import { planRow, storedFigures, storedValues, type PlanContext, type RowPlan } from './plan-row.ts';
import { readRows, type FileFormat, type RawRow } from './read-rows.ts';
import { deriveOtherMap, loadUnitIndex } from './unit-index.ts';
import { validateRow, type ImportRow, type RowContext } from './validate-row.ts';

export interface ImportOptions {
  /** who imports: rows outside their area are errors; each organisation written is on the audit trail */
  caller: Caller;
  /** the name shown in messages (and the status events' note) */
  fileName: string;
  format: FileFormat;
  source: Readable;
  period?: string | null | undefined;
  map: MapName;
  dryRun: boolean;
  /** rows read so far, after each batch */
  onProgress?: (rows: number) => void;
  batchSize?: number;
  /** organisations created from which the indexes are built again at the end (default 10,000) */
  bulkRows?: number;
}

const BATCH = 2000;
const YIELD_EVERY = 100;
/** Organisations created, at least, before the indexes are dropped and built again at the end. */
const BULK_ROWS = 10_000;
/** Rows written from which an import refreshes the planner's statistics. */
const ANALYZE_AFTER = 1000;
/** Rows read from which an import gives its spent heap back before the end (~50–100 ms). */
const RELEASE_AFTER = 10_000;
const MAX_ERRORS = 10_000;
const MAX_WARNINGS = 1_000;
const PREVIEW = 20;

const fatal = (vi: string, en: string) => new AppError('validation_failed', { vi, en });

export async function importOrganizations(db: Db | Tx, opts: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const period = opts.period ? parsePeriod(opts.period) : null;
  const rows = readRows(opts.fileName, opts.format, opts.source);
  try {
    return await run(db, opts, period, rows, started);
  } finally {
    await rows.return(undefined); // closes the file when we stopped early
  }
}

async function run(
  db: Db | Tx,
  opts: ImportOptions,
  period: Period | null,
  rows: AsyncGenerator<RawRow>,
  started: number,
): Promise<ImportResult> {
  const first = await rows.next();
  if (first.done) throw fatal(`Tệp ${opts.fileName} trống`, `${opts.fileName} is empty`);
  const headers = checkHeaders(opts.fileName, first.value, period);

  const result: ImportResult = {
    file: opts.fileName,
    map: opts.map,
    period: period?.code ?? null,
    dryRun: opts.dryRun,
    committed: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    warnings: headers.unknown.map((h) => ({
      line: first.value.line,
      column: h,
      message: `bỏ qua cột không biết "${h}"`,
      messageEn: `unknown column "${h}" ignored`,
    })),
    preview: [],
    durationMs: 0,
  };
  const today = todayInVietnam();

  try {
    await db.transaction(async (tx) => {
      // the statistics summary follows the import once, at its end, rather than batch by batch
      await deferStatsRefresh(tx);
      const touched = new Set<number>();
      // a large load into a small registry (the first national file): the secondary indexes
      // are built again at the end rather than maintained row by row
      const bulkFrom = Math.max(opts.bulkRows ?? BULK_ROWS, await countOrganizations(tx));
      let dropped: string[] | null = null;
      const units = await loadUnitIndex(tx);
      if (opts.map === 'pre-2025' && !units.has('pre-2025')) {
        throw fatal(
          'Chưa nạp danh sách đơn vị hành chính trước 01/7/2025 và bảng chuyển đổi: quản trị viên nạp bằng lệnh hoptac admin-units import',
          'The pre-2025 units and the 2025 mapping are not loaded: an administrator loads them with hoptac admin-units import',
        );
      }
      const plan: PlanContext = {
        present: new Set(FIELDS.filter((f) => headers.index[f] !== undefined)),
        period,
        today,
        // stored with the record, as a person's note is: in Vietnamese
        note: `Nhập từ tệp ${opts.fileName}`,
        derive: (p) => deriveOtherMap(units, p),
      };
      const ctx: RowContext = {
        headers,
        map: opts.map,
        units,
        today,
        seen: new Map(),
        extraCellsAreErrors: opts.format === 'csv',
      };
      // one batch is written while the next is read and checked (the database works in
      // another process or thread); never two writes at once on the transaction
      let batch: ImportRow[] = [];
      let writing: Promise<void> = Promise.resolve();
      const write = async (rows: ImportRow[], read: number) => {
        await writing;
        if (!dropped && result.created >= bulkFrom) dropped = await dropSecondaryIndexes(tx);
        writing = writeBatch(tx, rows, { ...plan, caller: opts.caller }, result, touched).then(() =>
          opts.onProgress?.(read),
        );
        writing.catch(() => {}); // awaited later; not an unhandled rejection meanwhile
      };
      for await (const raw of rows) {
        result.rows++;
        // let the batch being written send its next statement: reading and checking is
        // JavaScript on this one thread, and the database waits while it runs
        if (result.rows % YIELD_EVERY === 0) await new Promise(setImmediate);
        const checked = validateRow(raw, ctx);
        if ('errors' in checked) addErrors(result, checked.errors);
        else batch.push(checked.row);
        if (batch.length >= (opts.batchSize ?? BATCH)) {
          await write(batch, result.rows);
          batch = [];
        }
      }
      if (result.rows === 0) {
        throw fatal(
          `Tệp ${opts.fileName} chỉ có dòng tiêu đề, không có dòng dữ liệu nào`,
          `${opts.fileName} has a header row and no data rows`,
        );
      }
      await write(batch, result.rows);
      await writing;
      // what reading the file left in this thread's heap goes back to the system before the
      // database's own peak (PGlite rebuilding the indexes, in this process): see reduceMemory
      if (result.rows >= RELEASE_AFTER) reduceMemory();
      if (result.errorCount > 0 || opts.dryRun) tx.rollback();
      if (dropped) await buildIndexes(tx, dropped);
      await refreshStats(tx, [...touched]);
      result.committed = true;
    });
  } catch (err) {
    if (!(err instanceof TransactionRollbackError)) throw err;
  }
  if (result.committed && result.created + result.updated >= ANALYZE_AFTER) {
    // PGlite runs no autovacuum: fresh planner statistics after a bulk load (bench/RESULTS.md §5)
    await db.execute(sql`analyze organizations, organization_reports, organization_status_events`);
  }
  if (result.warnings.length > MAX_WARNINGS) {
    const more = result.warnings.length - MAX_WARNINGS;
    result.warnings.length = MAX_WARNINGS;
    result.warnings.push({
      line: null,
      column: null,
      message: `… và ${more} cảnh báo nữa`,
      messageEn: `… and ${more} more warnings`,
    });
  }
  result.durationMs = Date.now() - started;
  return result;
}

/** The header row: every required column present, none twice; figures need a period. */
function checkHeaders(file: string, header: RawRow, period: Period | null): HeaderMatch {
  const written = header.cells.map((c) => cellText(c) ?? '');
  const m = matchHeaders(written);
  const found = written
    .filter(Boolean)
    .map((h) => `"${h}"`)
    .join(', ');
  if (m.missing.length > 0) {
    const vi = m.missing.map((f) => `"${COLUMNS[f].header}" (${COLUMNS[f].alias})`).join(', ');
    throw fatal(
      `${file}, dòng ${header.line}: thiếu cột bắt buộc ${vi}. Dòng tiêu đề đang có: ${found}`,
      `${file}, line ${header.line}: missing required column(s) ${vi}. The header row has: ${found}`,
    );
  }
  if (m.duplicates.length > 0) {
    const list = m.duplicates.map((d) => d.headers.map((h) => `"${h}"`).join(' = ')).join('; ');
    throw fatal(
      `${file}, dòng ${header.line}: một cột xuất hiện nhiều lần: ${list}`,
      `${file}, line ${header.line}: a column appears more than once: ${list}`,
    );
  }
  const figures = FIGURE_FIELDS.filter((f) => m.index[f] !== undefined);
  if (figures.length > 0 && !period) {
    const list = figures.map((f) => m.written[f]).join(', ');
    const vi = `${file} có số liệu (${list}): cần chọn kỳ của số liệu (2024, 2024-H1 …; dòng lệnh: --period)`;
    const en = `${file} has figures (${list}): choose their period (2024, 2024-H1 …; command line: --period)`;
    throw new AppError('validation_failed', { vi, en, errors: [{ field: 'period', message: vi, messageEn: en }] });
  }
  return m;
}

function addErrors(result: ImportResult, errors: ImportError[]) {
  result.errorCount += errors.length;
  for (const e of errors) if (result.errors.length < MAX_ERRORS) result.errors.push(e);
}

/**
 * Plans the batch against the stored organisations (locked until the end), then — while the
 * file has no error yet — writes it, adding the organisations it wrote to `touched`, each with
 * its audit event. A row that would create or change an organisation outside the caller's area
 * is an error. Once a row failed nothing more is written (it will be rolled back), but every
 * row is still planned so the counts stay right.
 */
async function writeBatch(
  tx: Tx,
  batch: ImportRow[],
  ctx: PlanContext & { caller: Caller },
  result: ImportResult,
  touched: Set<number>,
) {
  if (batch.length === 0) return;
  const stored = new Map(
    (
      await lockExisting(
        tx,
        batch.map((r) => r.registrationNo),
        ctx.period?.code ?? null,
      )
    ).map((e) => [e.registration_no, e]),
  );
  const plans = batch.map((row) => ({ row, plan: planRow(row, stored.get(row.registrationNo), ctx) }));
  for (const { row, plan } of plans) {
    result[plan.action === 'create' ? 'created' : plan.action === 'update' ? 'updated' : 'unchanged']++;
    if (plan.warning) result.warnings.push(plan.warning);
    if (result.preview.length < PREVIEW) result.preview.push(previewOf(row, plan.action));
    const outside = outsideScope(ctx.caller, row, plan, stored.get(row.registrationNo));
    if (outside) addErrors(result, [outside]);
    if (plan.reportInReview) addErrors(result, [inReview(row, ctx.period!.code)]);
  }
  if (result.errorCount > 0) return;

  const written = await upsertOrganizations(
    tx,
    plans.flatMap((p) => (p.plan.org ? [p.plan.org] : [])),
  );
  const ids = new Map(written.map((w) => [w.registration_no, w.id]));
  // planned as new, but another transaction inserted the number meanwhile: it was an update
  const late = written.filter((w) => !w.inserted && !stored.has(w.registration_no)).length;
  result.created -= late;
  result.updated += late;
  for (const [no, e] of stored) if (!ids.has(no)) ids.set(no, e.id);
  const idOf = (row: ImportRow) => ids.get(row.registrationNo)!;

  const events: StatusEventValues[] = plans.flatMap(({ row, plan }) =>
    plan.events.map((e) => ({ ...e, organizationId: idOf(row) })),
  );
  await insertStatusEvents(tx, events);
  if (ctx.period) {
    const reported = plans.filter(({ plan }) => plan.report);
    // a file with a grade column only writes grades, not empty reports
    if (FIGURE_FIELDS.some((f) => f !== 'grade' && ctx.present.has(f))) {
      await upsertReports(
        tx,
        ctx.period.code,
        reported
          .filter(({ plan }) => plan.figuresChanged)
          .map(({ row, plan }) => ({ ...plan.report!, organizationId: idOf(row) })),
      );
    }
    if (ctx.present.has('grade')) {
      const graded = reported.map(({ row, plan }) => ({ organizationId: idOf(row), grade: plan.report!.grade }));
      await writeImportedGrades(tx, ctx.period.code, graded);
    }
  }
  for (const w of written) touched.add(w.id);
  for (const e of events) touched.add(e.organizationId);
  if (ctx.period) for (const { row, plan } of plans) if (plan.report) touched.add(idOf(row));
  await recordAudit(
    tx,
    ctx.caller,
    plans.flatMap(({ row, plan }) =>
      plan.action === 'unchanged' ? [] : [auditOf(idOf(row), row, plan, stored.get(row.registrationNo), ctx)],
    ),
  );
}

/** A file does not change a report in review's hands: its reviewer would not know. */
function inReview(row: ImportRow, period: string): ImportError {
  return {
    line: row.line,
    column: null,
    value: row.registrationNo,
    message: `${row.registrationNo}: báo cáo kỳ ${period} đang chờ duyệt hoặc đã được duyệt, tệp không sửa được số liệu của nó (chờ duyệt: trả lại trước; đã duyệt: bỏ số liệu của dòng này)`,
    messageEn: `${row.registrationNo}: the ${period} report is awaiting review or approved, and a file cannot change its figures (awaiting review: return it first; approved: leave this row's figures out)`,
  };
}

/** The row's error when it would create or change an organisation outside the caller's area. */
function outsideScope(
  caller: Caller,
  row: ImportRow,
  plan: RowPlan,
  existing: Existing | undefined,
): ImportError | null {
  if (plan.action === 'unchanged') return null;
  const before = existing && {
    id: existing.id,
    provinceCode: existing.province_code,
    communeCode: existing.commune_code,
  };
  const after = plan.org && {
    id: existing?.id ?? -1,
    provinceCode: plan.org.provinceCode,
    communeCode: plan.org.communeCode,
  };
  const organizationOutside = before && !inScope(caller.write, before);
  if (!organizationOutside && (!after || inScope(caller.write, after))) return null;
  // the cell at fault: the number of an organisation outside, else the placement that takes it out
  const [column, value] = organizationOutside
    ? [COLUMNS.registrationNo.header, row.registrationNo]
    : caller.write?.kind === 'commune'
      ? [COLUMNS.communeCode.header, row.codes.communeCode ?? '']
      : [COLUMNS.provinceCode.header, row.codes.provinceCode];
  return {
    line: row.line,
    column,
    value,
    message: `${row.registrationNo}: ngoài địa bàn bạn được cập nhật`,
    messageEn: `${row.registrationNo}: outside the area you may change`,
  };
}

/**
 * The organisation's audit event. A change: its fields and the period's figures, before →
 * after. A creation: the file and line it came from, without the values — they are the row's
 * own, and every later change records what it replaced (thousands of creations at once would
 * otherwise double the import's writing).
 */
function auditOf(
  id: number,
  row: ImportRow,
  plan: RowPlan,
  existing: Existing | undefined,
  ctx: PlanContext,
): AuditInput {
  const at = `${ctx.note}, dòng ${row.line}`;
  if (!existing)
    return { action: 'import', entity: 'organization', entityId: id, organizationId: id, changes: {}, note: at };
  const figures = (values: Partial<Record<keyof NonNullable<RowPlan['report']>, unknown>> | null | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [`${k}@${ctx.period?.code}`, v]));
  const before = { ...storedValues(existing), ...(existing.report_id != null && figures(storedFigures(existing))) };
  const after = { ...before, ...(plan.org ?? {}), ...figures(plan.report) };
  return { action: 'import', entity: 'organization', entityId: id, organizationId: id, before, after, note: at };
}

function previewOf(row: ImportRow, action: ImportPreviewRow['action']): ImportPreviewRow {
  return {
    line: row.line,
    action,
    registrationNo: row.registrationNo,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    status: row.status,
    foundedOn: row.foundedOn,
    ...row.codes,
    ...row.figures,
  };
}
