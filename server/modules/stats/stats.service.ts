// The one query layer of the statistics (contracts §4): the CLI, the API, the narrative, the
// Excel export and the dashboard all take their figures from computeStats.
import type { Db } from '../../db/pool.ts';
import { GRADES, KINDS, SECTORS, type Grade, type Kind, type MapName } from '../../../shared/contracts/enums.ts';
import { periodSchema, type Stats } from '../../../shared/contracts/stats.ts';
import { levelOf, mapFor, resolveArea, type Area } from '../admin-units/area.ts';
import { comparePeriods, parsePeriod } from '../reports/period.ts';
import { buildPeriod, reportedPeriods, selectStats, type Scope, type StatsRow } from './stats.queries.ts';

export type Executor = Pick<Db, 'select' | 'execute'>;

export interface StatsOptions {
  /** 'VN', or a unit code on `map` */
  area: string;
  /** the latest period with an approved report when left out */
  period?: string | undefined;
  /** all kinds when left out */
  kind?: Kind | undefined;
  /** current by default; a 3-digit area implies pre-2025 */
  map?: MapName | undefined;
}

const ratedGrades = GRADES.filter((g) => g !== 'unrated');

/** The latest of the periods (by their end, a year after its second half); the current year when none. */
export function latestPeriod(periods: readonly string[], today = new Date()): string {
  const valid = periods.filter((p) => periodSchema.safeParse(p).success).sort(comparePeriods);
  return valid.at(-1) ?? String(today.getFullYear());
}

/** Checks the area against its map and settles the period. */
export async function resolveScope(db: Executor, opts: StatsOptions): Promise<Scope> {
  const area = await resolveArea(db, opts.area, opts.map);
  const period = opts.period ?? latestPeriod(await reportedPeriods(db));
  return { area, period, end: parsePeriod(period).end, kind: opts.kind ?? null };
}

/**
 * Reads from the statistics summary; the first read of a period that is not kept yet builds
 * its summary, then reads again (one statement tells both, so it never reads half a build).
 */
export async function fromSummary<T extends { tracked: boolean }>(
  db: Executor,
  scope: Scope,
  read: () => Promise<T>,
): Promise<T> {
  const first = await read();
  if (first.tracked) return first;
  await buildPeriod(db, scope.period, scope.end);
  return read();
}

/**
 * Every figure of contracts §4 for an area, a period, a kind and a map. A unit's name is looked
 * up in the same statement as the figures; the country, or a code that names no unit (for its
 * message), takes resolveArea.
 */
export async function computeStats(db: Executor, opts: StatsOptions): Promise<Stats> {
  const map = mapFor(opts.area, opts.map);
  const level = levelOf(opts.area, map);
  if (!level) await resolveArea(db, opts.area, opts.map); // throws: no unit has such a code
  const period = opts.period ?? latestPeriod(await reportedPeriods(db));
  const scope: Scope = {
    area: { code: opts.area, name: '', level: level!, map } as Area,
    period,
    end: parsePeriod(period).end,
    kind: opts.kind ?? null,
  };
  const row = await fromSummary(db, scope, async () => {
    const read = await selectStats(db, scope);
    if (read.area_name === null) read.area_name = (await resolveArea(db, opts.area, opts.map)).name;
    return read;
  });
  return shapeStats({ ...scope, area: { ...scope.area, name: row.area_name! } }, row);
}

/** share = count / graded, null when nothing is graded. */
export function effectiveShare(count: number, graded: number) {
  return { count, graded, share: graded > 0 ? count / graded : null };
}

function shapeStats({ area, period, kind }: Scope, row: StatsRow): Stats {
  const counts = <K extends keyof StatsRow>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, Number(row[k] ?? 0)])) as Record<K, number>;
  const byGrade = counts(GRADES);
  const sumOf = (grades: readonly Grade[]) => grades.reduce((n, g) => n + byGrade[g], 0);
  return {
    area: { code: area.code, name: area.name, level: area.level, map: area.map },
    period,
    kind,
    organizations: {
      total: row.total,
      byKind: counts(KINDS),
      bySector: counts(SECTORS),
      byStatus: { active: row.active, suspended: row.suspended },
      byGrade,
    },
    effective: effectiveShare(sumOf(row.effective_grades), sumOf(ratedGrades)),
    members: row.members,
    workers: row.workers,
    totals: {
      charterCapitalVnd: row.charter_capital_total,
      revenueVnd: row.revenue_total,
      profitVnd: row.profit_total,
    },
    averages: {
      charterCapitalVnd: row.charter_capital_avg,
      revenueVnd: row.revenue_avg,
      profitVnd: row.profit_avg,
      incomePerWorkerMonthVnd: row.income_per_worker,
    },
  };
}
