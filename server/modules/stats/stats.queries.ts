// All the SQL of the statistics; the statements as they run are in stats.sql (kept current by
// stats.test.ts). One statement answers every figure of contracts §4 for an (area, period,
// kind, map); a second, on the same `counted` rows, groups them by sub-area. Both read the
// organisations of the area through the index on its area column, take the status history
// only for the few whose status changed after the period, and join the period's reports
// (by the unique (organization_id, period) index, or by hash at national scale).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import type { Area } from '../admin-units/area.ts';
import type { Grade, Kind, Level } from '../../../shared/contracts/enums.ts';

export type Executor = Pick<Db, 'execute'>;

/** What is counted: organisations in `area`, existing at `end` (the period's last day). */
export interface Scope {
  area: Area;
  period: string;
  end: string;
  kind: Kind | null;
}

/**
 * The column holding an area's code, by map and level (contracts §2: every organisation is
 * placed on both maps). `null` for the whole country.
 */
const AREA_COLUMNS = {
  current: { country: null, province: 'province_code', district: null, commune: 'commune_code' },
  'pre-2025': {
    country: null,
    province: 'old_province_code',
    district: 'old_district_code',
    commune: 'old_commune_code',
  },
} as const satisfies Record<Area['map'], Record<Area['level'], string | null>>;

/** The level of an area's sub-areas on its map: provinces of VN, districts of an old province… */
export function childLevel(area: Area): Level | null {
  if (area.level === 'country') return 'province';
  if (area.level === 'province') return area.map === 'current' ? 'commune' : 'district';
  if (area.level === 'district') return 'commune';
  return null;
}

function areaWhere(area: Area): SQL {
  const column = AREA_COLUMNS[area.map][area.level];
  return column ? sql`o.${sql.identifier(column)} = ${area.code}` : sql`true`;
}

/**
 * One row per organisation of the area founded by the period's end, with its kind, sector,
 * status at the end, grade and figures of the period, and two flags:
 * - `live`: existing at the end (registered, not dissolved, bankrupt, revoked or reorganized);
 * - `picked`: live and of the kind asked for (byKind counts every kind, so it reads `live`).
 * `child` is the code of the sub-area it sits in (breakdown only).
 *
 * Status at the end: `organizations.status` when it held already (status_since <= end, or no
 * date: the status as recorded); else the latest dated event up to the end, looked up only for
 * those few rows (a separate branch, so the planner costs the lookup for them alone); no event
 * by then means not registered yet (status null, not live). The flags are computed rather than
 * filtered in a WHERE, so that the planner knows how many rows come and joins the reports by
 * hash at national scale.
 */
function countedRows(s: Scope, child: SQL): SQL {
  const inArea = sql`${areaWhere(s.area)} and (o.founded_on is null or o.founded_on <= ${s.end}::date)`;
  return sql`
    -- the organisations founded by the end, with their status at the end: the recorded one
    -- when it already held (status_since <= end, or undated) …
    at_end as (
      select o.id, o.kind, o.sector, ${child} as child, o.status
      from organizations o
      where ${inArea}
        and (o.status_since is null or o.status_since <= ${s.end}::date)
      union all
      -- … else the latest event up to the end (none: not registered yet, status null)
      select o.id, o.kind, o.sector, ${child} as child, (
          select e.status from organization_status_events e
          where e.organization_id = o.id and e.effective_on <= ${s.end}::date
          order by e.effective_on desc, e.id desc
          limit 1)
      from organizations o
      where ${inArea}
        and o.status_since > ${s.end}::date
    ),
    counted as (
      select
        a.kind,
        a.sector,
        a.child,
        a.status,
        a.status in ('active', 'suspended', 'dissolving') as live,
        a.status in ('active', 'suspended', 'dissolving') and (${s.kind}::text is null or a.kind = ${s.kind}) as picked,
        coalesce(r.grade, 'unrated') as grade,
        r.members,
        r.workers,
        r.charter_capital_vnd,
        r.revenue_vnd,
        r.profit_vnd,
        r.income_per_worker_month_vnd as income,
        case when r.workers > 0 and r.income_per_worker_month_vnd is not null then r.workers end as income_workers
      from at_end a
      left join organization_reports r on r.organization_id = a.id and r.period = ${s.period}
    )`;
}

/**
 * Income per worker: weighted by workers over the organisations that reported both
 * (`income_workers`: workers > 0 with an income); when none did, the plain mean of those that
 * reported income. Whole VND, rounded half away from zero (PostgreSQL's round(numeric)).
 */
const incomePerWorker = sql`coalesce(round(sum(income * income_workers) filter (where picked) / nullif(sum(income_workers) filter (where picked), 0)), round(avg(income) filter (where picked)))::bigint`;

export interface StatsRow {
  HTX: number;
  THT: number;
  LHHTX: number;
  total: number;
  agriculture: number;
  industry_handicraft: number;
  construction: number;
  trade_services: number;
  transport: number;
  credit_fund: number;
  environment: number;
  other: number;
  active: number;
  suspended: number;
  good: number;
  fair: number;
  average: number;
  weak: number;
  unrated: number;
  members: number | null;
  workers: number | null;
  charter_capital_total: number | null;
  revenue_total: number | null;
  profit_total: number | null;
  charter_capital_avg: number | null;
  revenue_avg: number | null;
  profit_avg: number | null;
  income_per_worker: number | null;
}

/** Every figure of contracts §4 in one statement (see the counted rows above). */
export async function selectStats(db: Executor, s: Scope): Promise<StatsRow> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    with ${countedRows(s, sql`null`)}
    select
      -- byKind: every kind, whatever the kind filter
      count(*) filter (where live and kind = 'HTX') as "HTX",
      count(*) filter (where live and kind = 'THT') as "THT",
      count(*) filter (where live and kind = 'LHHTX') as "LHHTX",
      -- from here on, only the kind asked for
      count(*) filter (where picked) as total,
      count(*) filter (where picked and sector = 'agriculture') as agriculture,
      count(*) filter (where picked and sector = 'industry_handicraft') as industry_handicraft,
      count(*) filter (where picked and sector = 'construction') as construction,
      count(*) filter (where picked and sector = 'trade_services') as trade_services,
      count(*) filter (where picked and sector = 'transport') as transport,
      count(*) filter (where picked and sector = 'credit_fund') as credit_fund,
      count(*) filter (where picked and sector = 'environment') as environment,
      count(*) filter (where picked and sector = 'other') as other,
      -- a cooperative being dissolved still operates: counted as active
      count(*) filter (where picked and status in ('active', 'dissolving')) as active,
      count(*) filter (where picked and status = 'suspended') as suspended,
      count(*) filter (where picked and grade = 'good') as good,
      count(*) filter (where picked and grade = 'fair') as fair,
      count(*) filter (where picked and grade = 'average') as average,
      count(*) filter (where picked and grade = 'weak') as weak,
      count(*) filter (where picked and grade = 'unrated') as unrated,
      -- sums and means skip organisations that did not report the figure; null when none did
      sum(members) filter (where picked) as members,
      sum(workers) filter (where picked) as workers,
      sum(charter_capital_vnd) filter (where picked)::bigint as charter_capital_total,
      sum(revenue_vnd) filter (where picked)::bigint as revenue_total,
      sum(profit_vnd) filter (where picked)::bigint as profit_total,
      round(avg(charter_capital_vnd) filter (where picked))::bigint as charter_capital_avg,
      round(avg(revenue_vnd) filter (where picked))::bigint as revenue_avg,
      round(avg(profit_vnd) filter (where picked))::bigint as profit_avg,
      ${incomePerWorker} as income_per_worker
    from counted`);
  return rows[0] as unknown as StatsRow;
}

export interface BreakdownSqlRow {
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
}

/**
 * The sub-areas of the area with their figures, in one grouped statement: every child unit
 * (with nulls where nothing is counted) and, last with a null code, the organisations placed
 * in no child unit (no commune recorded, or a split commune not yet assigned).
 */
export async function selectBreakdown(db: Executor, s: Scope, effective: readonly Grade[]): Promise<BreakdownSqlRow[]> {
  const level = childLevel(s.area);
  if (!level) return [];
  const column = AREA_COLUMNS[s.area.map][level]!;
  const children =
    s.area.level === 'country' ? sql`level = 'province'` : sql`parent_code = ${s.area.code} and level = ${level}`;
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    with ${countedRows(s, sql`o.${sql.identifier(column)}`)},
    units as (
      select code, full_name from admin_units where map = ${s.area.map} and ${children}
    ),
    figures as (
      select
        u.code, -- null: placed in no child unit
        count(*) filter (where live and kind = 'HTX') as "HTX",
        count(*) filter (where live and kind = 'THT') as "THT",
        count(*) filter (where live and kind = 'LHHTX') as "LHHTX",
        count(*) filter (where picked) as total,
        sum(members) filter (where picked) as members,
        sum(workers) filter (where picked) as workers,
        count(*) filter (where picked and grade = any(${sql.param([...effective])}::text[])) as effective,
        count(*) filter (where picked and grade <> 'unrated') as graded,
        ${incomePerWorker} as income_per_worker
      from counted c
      left join units u on u.code = c.child
      group by u.code
      having count(*) filter (where live) > 0
    )
    select u.code, u.full_name as name, f."HTX", f."THT", f."LHHTX", f.total, f.members, f.workers,
      f.effective, f.graded, f.income_per_worker
    from units u
    full join figures f on f.code = u.code
    order by u.code nulls last`);
  return rows as unknown as BreakdownSqlRow[];
}

/**
 * The periods that have any report, found by skipping through the (period, grade) index
 * rather than reading every report (a handful of periods, hundreds of thousands of rows).
 */
export async function reportedPeriods(db: Executor): Promise<string[]> {
  const { rows } = await db.execute<{ period: string }>(sql`
    with recursive p(period) as (
      (select period from organization_reports order by period limit 1)
      union all
      select (select r.period from organization_reports r where r.period > p.period order by r.period limit 1)
      from p where p.period is not null
    )
    select period from p where period is not null`);
  return rows.map((r) => r.period);
}
