// Reporting periods' windows (kỳ báo cáo): when reports open and when they are due. A period
// without a row in reporting_periods has the defaults: it opens on its first day and is due on
// 15 July (H1), 15 January (H2) or 15 December (the year), as period_due_on() in SQL says.
import { sql } from 'drizzle-orm';
import type { PeriodWindow } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { todayInVietnam } from '../imports/parse-values.ts';
import { comparePeriods, parsePeriod } from './period.ts';

type Executor = Pick<Db, 'execute'>;

export async function periodWindow(db: Executor, period: string): Promise<PeriodWindow> {
  const { rows } = await db.execute<{ opensOn: string | null; dueOn: string }>(sql`
    select (select opens_on::text from reporting_periods where period = ${period}) as "opensOn",
      period_due_on(${period})::text as "dueOn"`);
  const row = rows[0]!;
  return { period, opensOn: row.opensOn ?? parsePeriod(period).start, dueOn: row.dueOn, custom: row.opensOn !== null };
}

/** The periods with reports or set dates, and this year's and last year's (due in January), latest first. */
export async function listPeriods(db: Executor, today = todayInVietnam()): Promise<PeriodWindow[]> {
  const years = [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1];
  const { rows } = await db.execute<{ period: string }>(sql`
    select period from organization_reports union select period from reporting_periods
    union select unnest(${sql.param(years.flatMap((y) => [`${y}-H1`, `${y}-H2`, String(y)]))}::text[])`);
  const periods = rows
    .map((r) => r.period)
    .sort(comparePeriods)
    .reverse();
  return Promise.all(periods.map((p) => periodWindow(db, p)));
}

export async function setPeriodWindow(
  db: Db,
  caller: Caller,
  period: string,
  window: { opensOn: string; dueOn: string },
): Promise<PeriodWindow> {
  parsePeriod(period);
  return db.transaction(async (tx) => {
    const before = await periodWindow(tx, period);
    await tx.execute(sql`
      insert into reporting_periods (period, opens_on, due_on) values (${period}, ${window.opensOn}, ${window.dueOn})
      on conflict (period) do update set opens_on = excluded.opens_on, due_on = excluded.due_on, updated_at = now()`);
    const after = await periodWindow(tx, period);
    await recordAudit(tx, caller, {
      action: 'period.update',
      entity: 'setting',
      entityId: `period ${period}`,
      before,
      after,
    });
    return after;
  });
}

/** Reports of a period are saved from its opening day on. */
export async function assertPeriodOpen(db: Executor, period: string, today = todayInVietnam()): Promise<void> {
  const { opensOn } = await periodWindow(db, period);
  if (today >= opensOn) return;
  throw new AppError('conflict', {
    vi: `Kỳ báo cáo ${period} mở từ ngày ${opensOn}: chưa nhập được`,
    en: `Reporting for ${period} opens on ${opensOn}`,
  });
}
