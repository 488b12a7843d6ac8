// All the SQL of the statistics; the statements as they run are in stats.sql (kept current by
// stats.test.ts). Figures are read from the summary of migration 0004 (ADR 0007): per tracked
// period, stats_facts holds what each organisation counted at the period's end contributes, and
// stats_cells their sums for the country and the provinces of both maps, by kind, sector,
// status and grade. Smaller areas (communes, former districts) sum their facts when read. Who
// is counted (founded by the end, existing then, with the status it had then) is defined once,
// in the view stats_facts_now; triggers keep the summary equal to it in every writing
// transaction.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { builtOnce, runPrepared, type Db } from '../../db/pool.ts';
import type { Area } from '../admin-units/area.ts';
import { GRADES, KINDS, SECTORS, type Grade, type Kind, type Level } from '../../../shared/contracts/enums.ts';
import { EFFECTIVE_GRADES } from '../settings/settings.queries.ts';

export type Executor = Pick<Db, 'execute'>;

/** What is counted: organisations in `area`, existing at `end` (the period's last day). */
export interface Scope {
  area: Area;
  period: string;
  end: string;
  kind: Kind | null;
}

/** A parameter: its value, or the slot a statement built once fills with it on each run. */
type Value = string | Placeholder;

/** The level of an area's sub-areas on its map: provinces of VN, districts of an old province… */
export function childLevel(area: Pick<Area, 'map' | 'level'>): Level | null {
  if (area.level === 'country') return 'province';
  if (area.level === 'province') return area.map === 'current' ? 'commune' : 'district';
  if (area.level === 'district') return 'commune';
  return null;
}

/** The column of stats_facts that places an organisation in an area of the given map and level. */
export const AREA_FACT_COLUMN = {
  current: { country: null, province: 'province_code', district: null, commune: 'commune_code' },
  'pre-2025': {
    country: null,
    province: 'old_province_code',
    district: 'old_district_code',
    commune: 'old_commune_code',
  },
} as const;

/**
 * Rows shaped like stats_cells (code, kind, sector, status, grade, then each figure's sum and
 * reporters) for the areas `codes` (an SQL list) of one level on one map: the cells of the
 * country (kept once, under the current map) and of provinces; facts summed for the others.
 */
function cellRows(period: Value, map: Area['map'], level: Area['level'], codes: SQL): SQL {
  if (level === 'country' || level === 'province') {
    return sql`select code, kind, sector, status, grade, report_status, late, ${sql.raw(FIGURES)}
      from stats_cells where period = ${period} and map = ${level === 'country' ? 'current' : map} and code in (${codes})`;
  }
  const column = sql.identifier(AREA_FACT_COLUMN[map][level]!);
  return sql`select ${column} as code, kind, sector, status, grade, report_status, late, count(*) as organizations,
      ${sql.raw(SUMMED_FACTS)}
    from stats_facts where period = ${period} and ${column} in (${codes})
    group by 1, 2, 3, 4, 5, 6, 7`;
}
const FIGURES = `organizations, members, members_reported, workers, workers_reported, charter_capital_vnd,
      charter_capital_reported, revenue_vnd, revenue_reported, profit_vnd, profit_reported, income_vnd,
      income_reported, income_weighted, income_workers`;
const SUMMED_FACTS = `coalesce(sum(members), 0) as members, count(members) as members_reported,
      coalesce(sum(workers), 0) as workers, count(workers) as workers_reported,
      coalesce(sum(charter_capital_vnd), 0) as charter_capital_vnd, count(charter_capital_vnd) as charter_capital_reported,
      coalesce(sum(revenue_vnd), 0) as revenue_vnd, count(revenue_vnd) as revenue_reported,
      coalesce(sum(profit_vnd), 0) as profit_vnd, count(profit_vnd) as profit_reported,
      coalesce(sum(income_vnd), 0) as income_vnd, count(income_vnd) as income_reported,
      coalesce(sum(income_vnd::numeric * income_workers), 0) as income_weighted,
      coalesce(sum(income_workers), 0) as income_workers`;

const tracked = (period: Value) => sql`exists (select from stats_periods where period = ${period})`;
const areaName = (map: Area['map'], level: Area['level'], code: Value) =>
  level === 'country'
    ? sql`null::text`
    : sql`(select full_name from admin_units where map = ${map} and code = ${code} and level = ${level})`;

// SQL fragments over rows of stats_cells (`picked`: of the kind asked for)
const int = (expr: SQL) => sql`coalesce(${expr}, 0)::bigint`;
const count = (where: SQL) => int(sql`sum(organizations) filter (where ${where})`);
/** A figure's column and the column counting who reported it ('charter_capital' → …_vnd, …_reported). */
const figureColumns = (figure: string) => ({
  sum: sql.identifier(['members', 'workers'].includes(figure) ? figure : `${figure}_vnd`),
  reporters: sql.identifier(`${figure}_reported`),
});
const reported = (figure: string) => {
  const c = figureColumns(figure);
  return sql`case when sum(${c.reporters}) filter (where picked) > 0 then sum(${c.sum}) filter (where picked)::bigint end`;
};
const mean = (figure: string) => {
  const c = figureColumns(figure);
  return sql`round(sum(${c.sum}) filter (where picked) / nullif(sum(${c.reporters}) filter (where picked), 0))::bigint`;
};
/**
 * Income per worker: weighted by workers over the organisations that reported both; when none
 * did, the plain mean of those that reported income. Whole VND, rounded half away from zero.
 */
const incomePerWorker = sql`coalesce(
    round(sum(income_weighted) filter (where picked) / nullif(sum(income_workers) filter (where picked), 0)),
    round(sum(income_vnd) filter (where picked) / nullif(sum(income_reported) filter (where picked), 0))
  )::bigint`;

export type StatsRow = Record<Kind | 'total' | (typeof SECTORS)[number] | 'active' | 'suspended' | Grade, number> & {
  tracked: boolean;
  /** the unit's full name; null for the country, or when no unit has the code on its map */
  area_name: string | null;
  /** the setting: which grades count as effective */
  effective_grades: Grade[];
  members: number | null;
  workers: number | null;
  charter_capital_total: number | null;
  revenue_total: number | null;
  profit_total: number | null;
  charter_capital_avg: number | null;
  revenue_avg: number | null;
  profit_avg: number | null;
  income_per_worker: number | null;
};

/** Every figure of contracts §4 in one statement over the area's cells. */
export async function selectStats(db: Executor, s: Scope): Promise<StatsRow> {
  return (await runPrepared<StatsRow>(db, statsStatement(s.area.map, s.area.level), valuesOf(s))).rows[0]!;
}

/**
 * The statements of an area's figures are built once per map and level (pool.ts, ADR 0010);
 * the area, period and kind are their values.
 */
export const valuesOf = (s: Scope) => ({ period: s.period, code: s.area.code, kind: s.kind });
const [period, code, kind] = [sql.placeholder('period'), sql.placeholder('code'), sql.placeholder('kind')];

export const statsStatement = builtOnce(
  (map: Area['map'], level: Area['level']) => sql`
    with cells as (
      select *, (${kind}::text is null or kind = ${kind}) as picked
      from (${cellRows(period, map, level, sql`${code}`)}) c
    )
    select
      ${tracked(period)} as tracked,
      ${areaName(map, level, code)} as area_name,
      ${EFFECTIVE_GRADES} as effective_grades,
      -- byKind: every kind, whatever the kind filter
      ${sql.join(
        KINDS.map((k) => sql`${count(sql`kind = ${k}`)} as ${sql.identifier(k)}`),
        sql`, `,
      )},
      -- from here on, only the kind asked for
      ${count(sql`picked`)} as total,
      ${sql.join(
        SECTORS.map((k) => sql`${count(sql`picked and sector = ${k}`)} as ${sql.identifier(k)}`),
        sql`, `,
      )},
      ${count(sql`picked and status = 'active'`)} as active,
      ${count(sql`picked and status = 'suspended'`)} as suspended,
      ${sql.join(
        GRADES.map((g) => sql`${count(sql`picked and grade = ${g}`)} as ${sql.identifier(g)}`),
        sql`, `,
      )},
      -- sums and means skip organisations that did not report the figure; null when none did
      ${reported('members')} as members,
      ${reported('workers')} as workers,
      ${reported('charter_capital')} as charter_capital_total,
      ${reported('revenue')} as revenue_total,
      ${reported('profit')} as profit_total,
      ${mean('charter_capital')} as charter_capital_avg,
      ${mean('revenue')} as revenue_avg,
      ${mean('profit')} as profit_avg,
      ${incomePerWorker} as income_per_worker
    from cells`,
);

export type BreakdownSqlRow = {
  tracked: boolean;
  code: string | null;
  name: string | null;
  HTX: number | null;
  THT: number | null;
  LHHTX: number | null;
  total: number | null;
  members: number | null;
  workers: number | null;
  effective: number | null;
  graded: number | null;
  income_per_worker: number | null;
};

/**
 * The sub-areas of the area with their figures, in one statement: every child unit (with nulls
 * where nothing is counted) and, last with a null code, what the area holds beyond its child
 * units (no commune recorded, or a split commune not yet assigned) — the area's sums less the
 * children's, when some organisation is left there.
 */
export async function selectBreakdown(db: Executor, s: Scope): Promise<BreakdownSqlRow[]> {
  if (!childLevel(s.area)) return [];
  return (await runPrepared<BreakdownSqlRow>(db, breakdownStatement(s.area.map, s.area.level), valuesOf(s))).rows;
}

export const breakdownStatement = builtOnce((map: Area['map'], areaLevel: Area['level']) => {
  const level = childLevel({ map, level: areaLevel })!;
  const children = areaLevel === 'country' ? sql`level = 'province'` : sql`parent_code = ${code} and level = ${level}`;
  // the raw sums of a group of cells, which subtract: counts, and each figure with its reporters
  const sums = {
    HTX: sql`sum(organizations) filter (where kind = 'HTX')`,
    THT: sql`sum(organizations) filter (where kind = 'THT')`,
    LHHTX: sql`sum(organizations) filter (where kind = 'LHHTX')`,
    total: sql`sum(organizations) filter (where picked)`,
    members: sql`sum(members) filter (where picked)`,
    members_reported: sql`sum(members_reported) filter (where picked)`,
    workers: sql`sum(workers) filter (where picked)`,
    workers_reported: sql`sum(workers_reported) filter (where picked)`,
    effective: sql`sum(organizations) filter (where picked and grade = any(${EFFECTIVE_GRADES}))`,
    graded: sql`sum(organizations) filter (where picked and grade <> 'unrated')`,
    income_weighted: sql`sum(income_weighted) filter (where picked)`,
    income_workers: sql`sum(income_workers) filter (where picked)`,
    income_vnd: sql`sum(income_vnd) filter (where picked)`,
    income_reported: sql`sum(income_reported) filter (where picked)`,
  };
  const columns = (fn: (name: SQL) => SQL) =>
    sql.join(
      Object.keys(sums).map((k) => fn(sql`${sql.identifier(k)}`)),
      sql`, `,
    );
  return sql`
    with units as (
      select code, full_name from admin_units where map = ${map} and ${children}
    ),
    cells as (
      select c.*, (${kind}::text is null or c.kind = ${kind}) as picked
      from (
        select false as whole, * from (${cellRows(period, map, level, sql`select code from units`)}) children
        union all
        select true, * from (${cellRows(period, map, areaLevel, sql`${code}`)}) area
      ) c
    ),
    figures as (
      select case when whole then null else code end as code,
        ${sql.join(
          Object.entries(sums).map(([k, v]) => sql`${v} as ${sql.identifier(k)}`),
          sql`, `,
        )}
      from cells
      group by 1
    ),
    -- what the area holds beyond its child units
    rest as (
      select null::text as code, ${columns((n) => sql`coalesce(w.${n}, 0) - coalesce(c.${n}, 0) as ${n}`)}
      from (select * from figures where code is null) w
      cross join (select ${columns((n) => sql`sum(${n}) as ${n}`)} from figures where code is not null) c
    ),
    placed as (
      select u.code, u.full_name as name, ${columns((n) => sql`f.${n}`)}
      from units u left join figures f on f.code = u.code
      union all
      select null, null, ${columns((n) => sql`${n}`)} from rest where "HTX" + "THT" + "LHHTX" > 0
    )
    select ${tracked(period)} as tracked, code, name,
      "HTX"::bigint, "THT"::bigint, "LHHTX"::bigint, total::bigint,
      case when members_reported > 0 then members::bigint end as members,
      case when workers_reported > 0 then workers::bigint end as workers,
      effective::bigint, graded::bigint,
      coalesce(round(income_weighted / nullif(income_workers, 0)), round(income_vnd / nullif(income_reported, 0)))::bigint
        as income_per_worker
    from placed
    order by code nulls last`;
});

export type CompletenessRow = {
  tracked: boolean;
  area_name: string | null;
  due_on: string;
  expected: number;
  submitted: number;
  approved: number;
  submitted_late: number;
};

/**
 * Where the reports of an area's organisations stand for the period, from the same cells as
 * the statistics: how many organisations exist at its end, submitted (approved included),
 * approved, submitted after the deadline; and the deadline.
 */
export async function selectCompleteness(db: Executor, s: Scope): Promise<CompletenessRow> {
  return (await runPrepared<CompletenessRow>(db, completenessStatement(s.area.map, s.area.level), valuesOf(s)))
    .rows[0]!;
}

const completenessStatement = builtOnce(
  (map: Area['map'], level: Area['level']) => sql`
    select ${tracked(period)} as tracked, ${areaName(map, level, code)} as area_name,
      coalesce((select due_on from stats_periods where period = ${period}), period_due_on(${period}))::text as due_on,
      ${int(sql`sum(organizations)`)} as expected,
      ${count(sql`report_status in ('submitted', 'approved')`)} as submitted,
      ${count(sql`report_status = 'approved'`)} as approved,
      ${count(sql`late`)} as submitted_late
    from (${cellRows(period, map, level, sql`${code}`)}) c`,
);

/**
 * Starts keeping the summary of a period (its first statistics); false when it was kept
 * already. At national scale this reads every organisation once (bench/RESULTS.md), then
 * refreshes the planner's statistics of the summary, which grew by a period: PGlite never does
 * it by itself, nor does a server without autovacuum, and without them the breakdown's plan
 * took the country's 3,000 cells for one row (10 ms rather than 5 on PostgreSQL).
 */
export async function buildPeriod(db: Executor, period: string, end: string): Promise<boolean> {
  const { rows } = await db.execute<{ built: boolean }>(
    sql`select stats_build_period(${period}, ${end}::date) as built`,
  );
  const built = rows[0]!.built;
  if (built) await db.execute(sql`analyze stats_facts, stats_cells`);
  return built;
}

/**
 * For a bulk writer (the import): the triggers leave the summary alone until the end of this
 * transaction, when refreshStats brings it up to date for everything written, in one go.
 */
export async function deferStatsRefresh(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('hoptac.stats_deferred', 'on', true)`);
}

/** Brings the summary up to date for these organisations, which the caller holds (wrote or locked). */
export async function refreshStats(tx: Executor, ids: number[]): Promise<void> {
  if (ids.length > 0) await tx.execute(sql`select stats_refresh(${sql.param(ids)}::int[])`);
}

/** Merges the changes appended by writers; answers how many rows it merged. */
export async function compactCells(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ merged: number }>(sql`select stats_compact() as merged`);
  return rows[0]!.merged;
}

/**
 * The periods with figures that count: an approved report (a draft or a report waiting for
 * review is not in the statistics, so it does not make its period the latest with data). Found
 * by skipping through the (period, status) index rather than reading every report (a handful
 * of periods, hundreds of thousands of rows).
 */
export async function reportedPeriods(db: Executor): Promise<string[]> {
  const { rows } = await db.execute<{ period: string }>(sql`
    with recursive p(period) as (
      (select period from organization_reports where status = 'approved' order by period limit 1)
      union all
      select (select r.period from organization_reports r
        where r.period > p.period and r.status = 'approved' order by r.period limit 1)
      from p where p.period is not null
    )
    select period from p where period is not null`);
  return rows.map((r) => r.period);
}
