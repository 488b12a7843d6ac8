// Sub-areas of an area with their main figures (`GET /api/v1/stats/breakdown`): provinces of
// the country, communes of a current province, districts of a pre-2025 province, communes of
// a pre-2025 district. One statement over the same summary as computeStats.
import type { BreakdownFigures, StatsBreakdown } from '../../../shared/contracts/stats.ts';
import { childLevel, selectBreakdown, type BreakdownSqlRow } from './stats.queries.ts';
import { effectiveShare, fromSummary, resolveScope, type Executor, type StatsOptions } from './stats.service.ts';

export async function computeBreakdown(db: Executor, opts: StatsOptions): Promise<StatsBreakdown> {
  const scope = await resolveScope(db, opts);
  const read = async () => {
    const rows = await selectBreakdown(db, scope);
    return { tracked: rows[0]?.tracked ?? true, rows };
  };
  const { rows } = await fromSummary(db, scope, read);
  const items = rows.filter((r) => r.code !== null).map((r) => ({ code: r.code!, name: r.name!, ...figures(r) }));
  const unplaced = rows.find((r) => r.code === null);
  const { area, period, kind } = scope;
  return {
    area: { code: area.code, name: area.name, level: area.level, map: area.map },
    period,
    kind,
    childLevel: childLevel(area),
    items,
    unplaced: unplaced ? figures(unplaced) : null,
  };
}

function figures(r: BreakdownSqlRow): BreakdownFigures {
  return {
    total: r.total ?? 0,
    byKind: { HTX: r.HTX ?? 0, THT: r.THT ?? 0, LHHTX: r.LHHTX ?? 0 },
    members: r.members,
    workers: r.workers,
    effective: effectiveShare(r.effective ?? 0, r.graded ?? 0),
    incomePerWorkerMonthVnd: r.income_per_worker,
  };
}
