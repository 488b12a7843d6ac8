// All the SQL of reports: one per organisation and period, the validation rules, the periods'
// deadlines.
import { sql, type SQL } from 'drizzle-orm';
import type { Kind } from '../../../shared/contracts/enums.ts';
import type { Figure, ReportRule, ReportStatus, Difficulty } from '../../../shared/contracts/reports.ts';
import { FIGURES } from '../../../shared/contracts/reports.ts';
import type { Figures } from '../../../shared/rules/check-report.ts';
import { builtOnce, prepareStatement, runPrepared, type Db } from '../../db/pool.ts';
import type { Area } from '../admin-units/area.ts';
import { AREA_FACT_COLUMN } from '../stats/stats.queries.ts';

type Executor = Pick<Db, 'execute'>;

/** A report as stored (money whole VND). */
export type ReportRow = {
  id: number;
  organizationId: number;
  period: string;
  version: number;
  members: number | null;
  workers: number | null;
  charterCapitalVnd: number | null;
  assetsVnd: number | null;
  revenueVnd: number | null;
  serviceRevenueVnd: number | null;
  profitVnd: number | null;
  incomePerWorkerMonthVnd: number | null;
  difficulties: Difficulty[];
  proposals: string | null;
  comment: string | null;
  status: ReportStatus;
  source: 'officer' | 'cooperative';
  returnReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
};

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const COLUMNS = sql.join(
  [
    sql`id`,
    sql`organization_id as "organizationId"`,
    sql`period`,
    sql`version`,
    ...FIGURES.map((f) => sql.raw(`${snake(f)} as "${f}"`)),
    sql`difficulties`,
    sql`proposals`,
    sql`comment`,
    sql`status`,
    sql`source`,
    sql`return_reason as "returnReason"`,
    sql`${iso('submitted_at')} as "submittedAt"`,
    sql`${iso('reviewed_at')} as "reviewedAt"`,
    sql`${iso('updated_at')} as "updatedAt"`,
  ],
  sql`, `,
);

/** A report by organisation and period, read or locked for an update: every save and step runs it. */
const FIND_REPORT = builtOnce(
  (mode: 'read' | 'lock') => sql`
    select ${COLUMNS} from organization_reports
    where organization_id = ${sql.placeholder('organizationId')} and period = ${sql.placeholder('period')}
    ${mode === 'lock' ? sql`for update` : sql``}`,
);

export async function findReport(
  db: Executor,
  organizationId: number,
  period: string,
  opts: { lock?: boolean } = {},
): Promise<ReportRow | undefined> {
  const { rows } = await runPrepared<ReportRow>(db, FIND_REPORT(opts.lock ? 'lock' : 'read'), {
    organizationId,
    period,
  });
  return rows[0];
}

/** What a save writes: the figures, difficulties, proposals and comment. */
export type ReportContent = Record<Figure, number | null> & {
  difficulties: Difficulty[];
  proposals: string | null;
  comment: string | null;
};

/** A new report's content and whence it came. */
export interface NewReport {
  organizationId: number;
  period: string;
  content: ReportContent;
  source: 'officer' | 'cooperative';
  by: number | null;
}

/**
 * Rows to write, as one jsonb parameter read by jsonb_to_recordset: any number of rows in one
 * statement, so the statistics triggers (per statement) run once for all of them. Its columns
 * are named `v_…`, so that RETURNING's unqualified names are the table's own.
 */
const CONTENT_FIELDS = [...FIGURES, 'difficulties', 'proposals', 'comment'] as const;
const CONTENT_COLUMNS = CONTENT_FIELDS.map(snake);
const CONTENT_TYPES = [
  ...FIGURES.map((f) => `v_${snake(f)} bigint`),
  'v_difficulties text[]',
  'v_proposals text',
  'v_comment text',
].join(', ');
const contentJson = (c: ReportContent) => Object.fromEntries(CONTENT_FIELDS.map((f) => [`v_${snake(f)}`, c[f]]));

const INSERT_REPORTS = prepareStatement(sql`
    insert into organization_reports (organization_id, period, ${sql.raw(CONTENT_COLUMNS.join(', '))}, status, source,
      entered_by)
    select v_organization_id, v_period, ${sql.raw(CONTENT_COLUMNS.map((c) => `v_${c}`).join(', '))}, 'draft', v_source,
      v_entered_by
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(v_organization_id int, v_period text,
      ${sql.raw(CONTENT_TYPES)}, v_source text, v_entered_by int)
    returning ${COLUMNS}`);

/** New draft reports, in one statement; answers them in no particular order. */
export async function insertReports(db: Executor, reports: NewReport[]): Promise<ReportRow[]> {
  if (reports.length === 0) return [];
  const json = reports.map((r) => ({
    v_organization_id: r.organizationId,
    v_period: r.period,
    ...contentJson(r.content),
    v_source: r.source,
    v_entered_by: r.by,
  }));
  return (await runPrepared<ReportRow>(db, INSERT_REPORTS, { rows: JSON.stringify(json) })).rows;
}

export const insertReport = async (db: Executor, r: NewReport): Promise<ReportRow> =>
  (await insertReports(db, [r]))[0]!;

const UPDATE_REPORTS_CONTENT = prepareStatement(sql`
    update organization_reports
    set ${sql.raw(CONTENT_COLUMNS.map((c) => `${c} = v_${c}`).join(', '))}, version = version + 1, updated_at = now()
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(v_id int, ${sql.raw(CONTENT_TYPES)})
    where id = v_id
    returning ${COLUMNS}`);

/** New content for reports (by id), in one statement, each a version further; answers them in no particular order. */
export async function updateReportsContent(
  db: Executor,
  reports: { id: number; content: ReportContent }[],
): Promise<ReportRow[]> {
  if (reports.length === 0) return [];
  const json = reports.map((r) => ({ v_id: r.id, ...contentJson(r.content) }));
  return (await runPrepared<ReportRow>(db, UPDATE_REPORTS_CONTENT, { rows: JSON.stringify(json) })).rows;
}

export const updateReportContent = async (db: Executor, id: number, content: ReportContent): Promise<ReportRow> =>
  (await updateReportsContent(db, [{ id, content }]))[0]!;

/** A step of the workflow, by what it stamps: a submission, or a review (returned or approved). */
const SET_STATUS = builtOnce(
  (stamp: 'submitted' | 'reviewed') => sql`
    update organization_reports set status = ${sql.placeholder('status')},
      ${
        stamp === 'submitted'
          ? sql`submitted_at = now(), submitted_by = ${sql.placeholder('by')}::int, return_reason = null`
          : sql`reviewed_at = now(), reviewed_by = ${sql.placeholder('by')}::int,
              return_reason = ${sql.placeholder('returnReason')}::text`
      },
      version = version + 1, updated_at = now()
    where id = ${sql.placeholder('id')} returning ${COLUMNS}`,
);

/** A step of the workflow: the new status and who took it. */
export async function setReportStatus(
  db: Executor,
  id: number,
  step: { status: ReportStatus; by: number | null; returnReason?: string | null },
): Promise<ReportRow> {
  const statement = SET_STATUS(step.status === 'submitted' ? 'submitted' : 'reviewed');
  const { rows } = await runPrepared<ReportRow>(db, statement, {
    id,
    status: step.status,
    by: step.by,
    returnReason: step.returnReason ?? null,
  });
  return rows[0]!;
}

/** The figures of the same kind of period a year earlier ('2025' → '2024', '2025-H1' → '2024-H1'). */
export async function previousFigures(db: Executor, organizationId: number, period: string): Promise<Figures | null> {
  const before = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const found = await findReport(db, organizationId, before);
  return found ? Object.fromEntries(FIGURES.map((f) => [f, found[f]])) : null;
}

const ACTIVE_RULES = prepareStatement(sql`
    select code, level, kind, params, message, message_en as "messageEn"
    from report_rules where active order by position, code`);

export async function activeRules(db: Executor): Promise<ReportRule[]> {
  return (await runPrepared<ReportRule>(db, ACTIVE_RULES)).rows;
}

export type ReportListRow = {
  organizationId: number;
  registrationNo: string;
  name: string;
  kind: string;
  communeName: string | null;
  status: ReportStatus | 'none';
  source: string | null;
  submittedAt: string | null;
  late: boolean;
  total: number;
};

/**
 * The organisations of an area existing at the period's end, with where their report stands
 * (from the statistics summary, which the caller makes sure keeps the period), within `scope`:
 * submitted ones oldest first, then by name.
 */
export async function listReports(
  db: Executor,
  f: {
    area: Area;
    period: string;
    status?: ReportStatus | 'none' | undefined;
    scope: SQL;
    page: number;
    pageSize: number;
  },
): Promise<ReportListRow[]> {
  const column = AREA_FACT_COLUMN[f.area.map][f.area.level];
  const { rows } = await db.execute<ReportListRow>(sql`
    select o.id as "organizationId", o.registration_no as "registrationNo", o.name, o.kind,
      c.full_name as "communeName", sf.report_status as status, r.source,
      ${iso('r.submitted_at')} as "submittedAt", sf.late, count(*) over ()::int as total
    from stats_facts sf
    join organizations o on o.id = sf.organization_id
    left join organization_reports r on r.organization_id = sf.organization_id and r.period = sf.period
    left join admin_units c on c.map = 'current' and c.code = o.commune_code
    where sf.period = ${f.period}
      ${column ? sql`and sf.${sql.identifier(column)} = ${f.area.code}` : sql``}
      ${f.status ? sql`and sf.report_status = ${f.status}` : sql``}
      and ${f.scope}
    order by r.submitted_at nulls last, o.name_key, o.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return rows;
}

/** A period's place in time, for "the latest earlier period": by its end, a year after its H2. */
const periodOrder = (column: string) =>
  sql.raw(
    `(left(${column}, 4)::int * 10 + case when ${column} like '%-H1' then 1 when ${column} like '%-H2' then 2 else 3 end)`,
  );
const periodRank = (period: string) =>
  Number(period.slice(0, 4)) * 10 + (period.endsWith('-H1') ? 1 : period.endsWith('-H2') ? 2 : 3);

export type WorkbookSource = Omit<ReportRow, 'updatedAt' | 'submittedAt' | 'reviewedAt' | 'returnReason' | 'source'> & {
  registrationNo: string;
  name: string;
  communeName: string | null;
  /** the period the figures come from: the one asked, or the latest earlier one; null when none */
  from: string | null;
};

/**
 * The organisations of an area existing at the period's end (from the statistics summary, kept
 * by the caller), within `scope`, by commune and name: the period's report, else the figures of
 * their latest earlier report.
 */
export async function workbookSources(
  db: Executor,
  f: { area: Area; period: string; scope: SQL },
): Promise<WorkbookSource[]> {
  const column = AREA_FACT_COLUMN[f.area.map][f.area.level];
  const { rows } = await db.execute<WorkbookSource>(sql`
    select o.id as "organizationId", o.registration_no as "registrationNo", o.name, c.full_name as "communeName",
      coalesce(r.id, 0) as id, ${f.period} as period, coalesce(r.version, 0) as version,
      ${sql.join(
        FIGURES.map((k) => sql.raw(`coalesce(r.${snake(k)}, case when r.id is null then p.${snake(k)} end) as "${k}"`)),
        sql`, `,
      )},
      coalesce(r.difficulties, '{}') as difficulties, r.proposals, r.comment, r.status,
      case when r.id is not null then ${f.period} else p.period end as "from"
    from stats_facts sf
    join organizations o on o.id = sf.organization_id
    left join admin_units c on c.map = 'current' and c.code = o.commune_code
    left join organization_reports r on r.organization_id = o.id and r.period = ${f.period}
    left join lateral (
      select * from organization_reports e
      where e.organization_id = o.id and ${periodOrder('e.period')} < ${periodRank(f.period)}
      order by ${periodOrder('e.period')} desc limit 1
    ) p on r.id is null
    where sf.period = ${f.period}
      ${column ? sql`and sf.${sql.identifier(column)} = ${f.area.code}` : sql``}
      and ${f.scope}
    order by c.full_name nulls first, o.name_key, o.id`);
  return rows;
}

export type UploadTarget = {
  /** the organisation's id, as scope checks read it */
  id: number;
  organizationId: number;
  registrationNo: string;
  name: string;
  kind: Kind;
  provinceCode: string;
  communeCode: string | null;
  report: ReportRow | null;
  previous: Figures | null;
  /** without a report of the period: the figures the workbook was pre-filled with */
  prefill: Figures | null;
};

/**
 * The organisations an upload names, with their report of the period (locked, when writing)
 * and the figures of the same kind of period a year earlier (for the rules).
 */
export async function uploadTargets(
  db: Executor,
  registrationNos: string[],
  period: string,
  opts: { lock: boolean },
): Promise<UploadTarget[]> {
  const { rows: orgs } = await db.execute<Omit<UploadTarget, 'report' | 'previous'>>(sql`
    select id, id as "organizationId", registration_no as "registrationNo", name, kind, province_code as "provinceCode",
      commune_code as "communeCode"
    from organizations where registration_no = any(${sql.param(registrationNos)}::text[])`);
  const ids = orgs.map((o) => o.organizationId);
  const before = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const { rows: reports } = await db.execute<ReportRow>(sql`
    select ${COLUMNS} from organization_reports
    where organization_id = any(${sql.param(ids)}::int[]) and period in (${period}, ${before})
    order by id ${opts.lock ? sql`for update` : sql``}`);
  const { rows: latest } = await db.execute<ReportRow>(sql`
    select distinct on (organization_id) ${COLUMNS} from organization_reports
    where organization_id = any(${sql.param(ids)}::int[]) and ${periodOrder('period')} < ${periodRank(period)}
    order by organization_id, ${periodOrder('period')} desc`);
  // a province's workbook names thousands: look up by key, not by scanning
  const byKey = new Map(reports.map((r) => [`${r.organizationId} ${r.period}`, r]));
  const latestOf = new Map(latest.map((r) => [r.organizationId, r]));
  const figures = (r: ReportRow | null | undefined) => (r ? Object.fromEntries(FIGURES.map((f) => [f, r[f]])) : null);
  return orgs.map((o) => {
    const report = byKey.get(`${o.organizationId} ${period}`) ?? null;
    return {
      ...o,
      report,
      previous: figures(byKey.get(`${o.organizationId} ${before}`)),
      prefill: report ? null : figures(latestOf.get(o.organizationId)),
    };
  });
}
