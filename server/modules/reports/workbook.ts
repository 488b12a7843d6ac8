// The Excel round trip of an area's reports (sổ báo cáo): download a workbook pre-filled with
// each organisation's figures — the period's report, else its latest earlier one — with the
// cells' validation built in and everything but the figures locked; upload it back to see,
// cell by cell, what would change and what is wrong; apply writes every change in one
// transaction, or nothing when any row has an error. The rules are those of the form and the API.
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { DataValidation } from 'exceljs';
import type { Kind } from '../../../shared/contracts/enums.ts';
import {
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  FIGURE_LABELS,
  FIGURES,
  REPORT_STATUS_LABELS,
  type Difficulty,
  type Figure,
  type WorkbookPreview,
  type WorkbookRow,
  type workbookQuery,
} from '../../../shared/contracts/reports.ts';
import { checkReport } from '../../../shared/rules/check-report.ts';
import type { Db, Tx } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import ExcelJS from '../../lib/exceljs.ts';
import { recordAudit, type AuditInput } from '../audit/audit.ts';
import type { Area } from '../admin-units/area.ts';
import type { Caller } from '../auth/caller.ts';
import { canRead, canWrite, readableArea, scopeWhere } from '../auth/scope.ts';
import { cellText, parseWhole, type Cell } from '../imports/parse-values.ts';
import { readRows } from '../imports/read-rows.ts';
import { lookupOf, normalizeHeader } from '../imports/normalize.ts';
import { assertPeriodOpen } from './periods.ts';
import {
  activeRules,
  insertReports,
  updateReportsContent,
  uploadTargets,
  workbookSources,
  type ReportContent,
  type UploadTarget,
} from './reports.queries.ts';
import { abilities, ensurePeriodSummary, reportSource } from './reports.service.ts';

type Key =
  | 'registrationNo'
  | 'name'
  | 'commune'
  | Figure
  | 'difficulties'
  | 'proposals'
  | 'comment'
  | 'status'
  | 'from'
  | 'version';

/** The sheet's columns, in order: what it shows, and which the user may change. */
const COLUMNS: { key: Key; header: string; width: number; editable?: boolean }[] = [
  { key: 'registrationNo', header: 'Mã số', width: 16 },
  { key: 'name', header: 'Tên tổ chức', width: 42 },
  { key: 'commune', header: 'Xã/phường', width: 22 },
  ...FIGURES.map((f) => ({ key: f, header: FIGURE_LABELS[f].vi, width: 20, editable: true })),
  { key: 'difficulties', header: 'Khó khăn (cách nhau bởi dấu ;)', width: 40, editable: true },
  { key: 'proposals', header: 'Kiến nghị, đề xuất', width: 36, editable: true },
  { key: 'comment', header: 'Giải trình', width: 30, editable: true },
  { key: 'status', header: 'Trạng thái', width: 20 },
  { key: 'from', header: 'Số liệu điền sẵn từ kỳ', width: 18 },
  { key: 'version', header: 'Phiên bản (không sửa)', width: 10 },
];
const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const COUNTS = new Set<Figure>(['members', 'workers']);
const SHEET = 'Báo cáo';
const COUNTRY: Area = { code: 'VN', name: 'Việt Nam', level: 'country', map: 'current' };

/** What people write for each difficulty besides its label: the label's halves, the usual short word. */
const DIFFICULTY_WORDS: Record<Difficulty, string[]> = {
  capital: ['Vốn', 'Tín dụng'],
  market: ['Thị trường', 'Tiêu thụ'],
  land: ['Đất đai', 'Mặt bằng'],
  skills: ['Nhân lực', 'Trình độ quản lý'],
  technology: ['Khoa học', 'Công nghệ'],
  infrastructure: ['Hạ tầng'],
  policy: ['Cơ chế', 'Chính sách'],
  other: [],
};
const findDifficulty = lookupOf(
  Object.fromEntries(
    DIFFICULTIES.map((d) => [d, [DIFFICULTY_LABELS[d].vi, DIFFICULTY_LABELS[d].en, ...DIFFICULTY_WORDS[d]]]),
  ) as Record<Difficulty, string[]>,
);

/** The workbook of an area's organisations for a period, in the caller's scope. */
export async function downloadWorkbook(
  db: Db,
  caller: Caller,
  q: z.output<typeof workbookQuery>,
): Promise<{ fileName: string; data: Buffer }> {
  // a cooperative's workbook is its own organisation's row
  const area = caller.read.kind === 'organization' && !q.area ? COUNTRY : await readableArea(db, caller, q);
  await ensurePeriodSummary(db, q.period);
  const sources = await workbookSources(db, { area, period: q.period, scope: scopeWhere(caller.read, 'o') });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoptac';
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getColumn('version').hidden = true;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const s of sources) {
    const row = sheet.addRow({
      ...Object.fromEntries(FIGURES.map((f) => [f, s[f]])),
      registrationNo: s.registrationNo,
      name: s.name,
      commune: s.communeName,
      difficulties: s.difficulties.map((d) => DIFFICULTY_LABELS[d].vi).join('; ') || null,
      proposals: s.proposals,
      comment: s.comment,
      status: s.status ? REPORT_STATUS_LABELS[s.status].vi : 'Chưa có báo cáo',
      from: s.from,
      version: s.version,
    });
    for (const c of COLUMNS) if (c.editable) row.getCell(c.key).protection = { locked: false };
  }
  for (const f of FIGURES) sheet.getColumn(f).numFmt = '#,##0';
  const last = Math.max(2, sources.length + 1);
  const v = (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  for (const f of FIGURES) {
    const letter = sheet.getColumn(f).letter;
    v.add(`${letter}2:${letter}${last}`, {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [f === 'profitVnd' ? -9e15 : 0, 9e15],
      showErrorMessage: true,
      errorTitle: 'Số không hợp lệ',
      error: COUNTS.has(f) ? 'Số nguyên không âm' : 'Số tiền nguyên (đồng), không có phần thập phân',
    });
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const fileName = `bao-cao-${q.period}-${area.code}.xlsx`;
  return { fileName, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

interface Planned extends WorkbookRow {
  target: UploadTarget | null;
  content: ReportContent | null;
}

/** Reads the uploaded sheet, and answers what each row would change; writes when `apply` and all is well. */
export async function uploadWorkbook(
  db: Db,
  caller: Caller,
  file: { fileName: string; fileData: Buffer },
  opts: { period: string; apply: boolean },
): Promise<WorkbookPreview> {
  const lines = await readSheet(file);
  await assertPeriodOpen(db, opts.period);
  const rules = await activeRules(db);
  const run = async (tx: Db | Tx) => {
    const targets = await uploadTargets(
      tx,
      lines.map((l) => l.registrationNo),
      opts.period,
      { lock: opts.apply },
    );
    const targetOf = new Map(targets.map((t) => [t.registrationNo, t]));
    const seen = new Set<string>();
    return lines.map((l) => {
      const planned = planRow(caller, rules, l, targetOf.get(l.registrationNo) ?? null);
      if (seen.has(l.registrationNo)) {
        planned.errors.push(issue('registrationNo', 'Mã số lặp lại ở dòng trước', 'Registration number repeated'));
        planned.outcome = 'error';
      }
      seen.add(l.registrationNo);
      return planned;
    });
  };
  if (!opts.apply) return preview(opts.period, await run(db), false);
  return db.transaction(async (tx) => {
    const planned = await run(tx);
    if (planned.some((p) => p.outcome === 'error')) return preview(opts.period, planned, false);
    const writes = planned.filter((p) => p.outcome === 'new' || p.outcome === 'changed');
    const source = reportSource(caller);
    // two statements for all the rows: the statistics triggers run once for each
    await insertReports(
      tx,
      writes
        .filter((p) => !p.target!.report)
        .map((p) => ({
          organizationId: p.target!.organizationId,
          period: opts.period,
          content: p.content!,
          source,
          by: caller.user?.id ?? null,
        })),
    );
    await updateReportsContent(
      tx,
      writes.filter((p) => p.target!.report).map((p) => ({ id: p.target!.report!.id, content: p.content! })),
    );
    const audits: AuditInput[] = writes.map((p) => ({
      action: p.target!.report ? 'report.update' : 'report.create',
      entity: 'organization',
      entityId: p.target!.organizationId,
      organizationId: p.target!.organizationId,
      changes: Object.fromEntries(p.changes.map((c) => [`${c.field}@${opts.period}`, [c.before, c.after]])),
      note: `${file.fileName}:${p.line}`,
    }));
    await recordAudit(tx, caller, audits);
    return preview(opts.period, planned, true);
  });
}

function preview(period: string, planned: Planned[], applied: boolean): WorkbookPreview {
  const count = (o: WorkbookRow['outcome']) => planned.filter((p) => p.outcome === o).length;
  return {
    period,
    applied,
    counts: {
      rows: planned.length,
      new: count('new'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      errors: count('error'),
    },
    rows: planned
      .filter((p) => p.outcome !== 'unchanged' || p.warnings.length > 0)
      .map(({ target: _t, content: _c, ...row }) => row),
  };
}

interface Line {
  line: number;
  registrationNo: string;
  version: number | null;
  cells: Partial<Record<Key, Cell>>;
}

/** The rows of the first sheet, by the headers of the downloaded workbook. */
async function readSheet(file: { fileName: string; fileData: Buffer }): Promise<Line[]> {
  const rows = readRows(file.fileName, 'xlsx', Readable.from([file.fileData]));
  const out: Line[] = [];
  let columns: Map<number, Key> | null = null;
  for await (const { line, cells } of rows) {
    if (!columns) {
      const keyOf = new Map(COLUMNS.map((c) => [normalizeHeader(c.header), c.key]));
      const key = (c: Cell) => keyOf.get(normalizeHeader(cellText(c) ?? ''));
      columns = new Map(cells.flatMap((c, i) => (key(c) ? [[i, key(c)!]] : [])));
      const missing = (['registrationNo', 'version'] as const).filter((k) => ![...columns!.values()].includes(k));
      if (missing.length) {
        throw new AppError('validation_failed', {
          vi: `Không phải sổ báo cáo tải từ hoptac: thiếu cột ${missing.map((k) => `"${HEADER_OF[k]}"`).join(', ')}`,
          en: `Not a report workbook downloaded from hoptac: missing ${missing.map((k) => `"${HEADER_OF[k]}"`).join(', ')}`,
        });
      }
      continue;
    }
    const byKey: Line['cells'] = {};
    for (const [i, key] of columns) byKey[key] = cells[i];
    const version = parseWhole(byKey.version ?? null);
    out.push({
      line,
      registrationNo: cellText(byKey.registrationNo ?? null)?.toUpperCase() ?? '',
      version: version.ok ? version.value : null,
      cells: byKey,
    });
  }
  return out;
}

const issue = (column: Key, message: string, messageEn: string) => ({ column: HEADER_OF[column], message, messageEn });

/** One row: the organisation may be changed by the caller, its cells parse, its report is not locked, the rules pass. */
function planRow(
  caller: Caller,
  rules: Awaited<ReturnType<typeof activeRules>>,
  l: Line,
  found: UploadTarget | null,
): Planned {
  // an organisation the caller may not read is answered as one that does not exist: no id, no name
  const target = found && canRead(caller, found) ? found : null;
  const base = {
    line: l.line,
    registrationNo: l.registrationNo,
    organizationId: target?.organizationId ?? null,
    name: target?.name ?? null,
    changes: [],
    errors: [],
    warnings: [],
    target,
    content: null,
  };
  const planned: Planned = { ...base, outcome: 'error' };
  if (!target) {
    planned.errors.push(
      issue('registrationNo', `Không có tổ chức mã số ${l.registrationNo}`, `No organisation ${l.registrationNo}`),
    );
    return planned;
  }
  if (!canWrite(caller, target)) {
    planned.errors.push(
      issue('registrationNo', 'Nằm ngoài địa bàn bạn được cập nhật', 'Outside the area you may change'),
    );
    return planned;
  }
  const report = target.report;
  if ((report?.version ?? 0) !== l.version) {
    planned.errors.push(
      issue(
        'version',
        'Báo cáo đã thay đổi sau khi tải sổ về: tải lại sổ mới',
        'The report changed after the workbook was downloaded: download it again',
      ),
    );
    return planned;
  }
  const content = parseContent(l, report, planned);
  const changes = diffContent(report, content);
  // a row left as it was pre-filled from an earlier period is not a report of this one
  if (!report && untouched(target.prefill, content)) {
    return { ...planned, outcome: planned.errors.length > 0 ? 'error' : 'unchanged' };
  }
  planned.changes = changes;
  planned.content = content;
  if (changes.length > 0 && !abilities(caller, target, report?.status ?? null).edit) {
    planned.errors.push(
      report?.status === 'approved'
        ? issue('status', 'Báo cáo đã duyệt, không sửa được', 'The report is approved: it cannot change')
        : issue('status', 'Báo cáo đang chờ duyệt, chưa sửa được', 'The report waits for review'),
    );
  }
  for (const found of checkReport(rules, content, { kind: target.kind as Kind, previous: target.previous })) {
    const to = found.level === 'error' ? planned.errors : planned.warnings;
    to.push({ column: FIGURE_LABELS[found.field as Figure].vi, message: found.message, messageEn: found.messageEn });
  }
  planned.outcome =
    planned.errors.length > 0 ? 'error' : changes.length === 0 ? 'unchanged' : report ? 'changed' : 'new';
  return planned;
}

/** The row's values; a column the sheet lacks keeps the report's value. Parse errors go to `planned`. */
function parseContent(l: Line, report: UploadTarget['report'], planned: Planned): ReportContent {
  const has = (k: Key) => k in l.cells;
  const figures = Object.fromEntries(
    FIGURES.map((f) => {
      if (!has(f)) return [f, report?.[f] ?? null];
      const parsed = parseWhole(l.cells[f] ?? null, {
        negative: f === 'profitVnd',
        max: COUNTS.has(f) ? 2_147_483_647 : undefined,
      });
      if (parsed.ok) return [f, parsed.value];
      planned.errors.push(issue(f, parsed.reason.vi, parsed.reason.en));
      return [f, null];
    }),
  ) as Record<Figure, number | null>;
  let difficulties = report?.difficulties ?? [];
  if (has('difficulties')) {
    const names = (cellText(l.cells.difficulties ?? null) ?? '')
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !findDifficulty(n));
    if (unknown.length) {
      planned.errors.push(
        issue(
          'difficulties',
          `Không rõ loại khó khăn: ${unknown.join(', ')} (dùng: ${DIFFICULTIES.map((d) => DIFFICULTY_LABELS[d].vi).join('; ')})`,
          `Unknown difficulty: ${unknown.join(', ')}`,
        ),
      );
    }
    difficulties = [...new Set(names.flatMap((n) => findDifficulty(n) ?? []))];
  }
  const text = (k: 'proposals' | 'comment', max: number) => {
    if (!has(k)) return report?.[k] ?? null;
    const value = cellText(l.cells[k] ?? null);
    if (value && value.length > max)
      planned.errors.push(issue(k, `Dài quá ${max} ký tự`, `Longer than ${max} characters`));
    return value || null;
  };
  return { ...figures, difficulties, proposals: text('proposals', 2000), comment: text('comment', 2000) };
}

const untouched = (prefill: UploadTarget['prefill'], c: ReportContent) =>
  FIGURES.every((f) => (prefill?.[f] ?? null) === c[f]) && c.difficulties.length === 0 && !c.proposals && !c.comment;

function diffContent(report: UploadTarget['report'], content: ReportContent): WorkbookRow['changes'] {
  const fields = [...FIGURES, 'difficulties', 'proposals', 'comment'] as const;
  return fields.flatMap((field) => {
    const before = report ? report[field] : field === 'difficulties' ? [] : null;
    const after = content[field];
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    const column = (FIGURES as readonly string[]).includes(field) ? HEADER_OF[field as Figure] : HEADER_OF[field];
    return [{ column, field, before, after }];
  });
}
