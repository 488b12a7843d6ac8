// Completeness and timeliness (tình hình nộp báo cáo) of an area for a period, from the
// statistics summary: expected (organisations existing at the period's end), submitted,
// approved, late (submitted after the deadline, or not submitted once it has passed).
import type { z } from 'zod';
import type { Completeness, completenessQuery } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { resolveArea } from '../admin-units/area.ts';
import type { Caller } from '../auth/caller.ts';
import { readableArea } from '../auth/scope.ts';
import { todayInVietnam } from '../imports/parse-values.ts';
import { parsePeriod } from './period.ts';
import { fromSummary } from '../stats/stats.service.ts';
import { selectCompleteness } from '../stats/stats.queries.ts';

export async function computeCompleteness(
  db: Db,
  caller: Caller,
  query: z.output<typeof completenessQuery>,
  today = todayInVietnam(),
): Promise<Completeness> {
  const area = await readableArea(db, caller, query);
  const scope = { area, period: query.period, end: parsePeriod(query.period).end, kind: null };
  const row = await fromSummary(db, scope, () => selectCompleteness(db, scope));
  const name = row.area_name ?? (await resolveArea(db, area.code, area.map)).name;
  const missing = row.expected - row.submitted;
  return {
    area: { code: area.code, name, level: area.level, map: area.map },
    period: query.period,
    dueOn: row.due_on,
    expected: row.expected,
    submitted: row.submitted,
    approved: row.approved,
    late: row.submitted_late + (today > row.due_on ? missing : 0),
    share: row.expected > 0 ? row.submitted / row.expected : null,
  };
}
