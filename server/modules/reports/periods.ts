// Reporting periods' windows (kỳ báo cáo): when reports open and when they are due. A period
// without a row in reporting_periods has the defaults: it opens on its first day and is due on
// 15 July (H1), 15 January (H2) or 15 December (the year), as period_due_on() in SQL says.
import { sql, type SQL } from 'drizzle-orm';
import type { PeriodWindow } from '../../../shared/contracts/reports.ts';
import { prepareStatement, runPrepared, type Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { reportedPeriods } from '../stats/stats.queries.ts';
import type { Caller } from '../auth/caller.ts';
import { todayInVietnam } from '../imports/parse-values.ts';
import { comparePeriods, parsePeriod } from './period.ts';

type Executor = Pick<Db, 'execute'>;

type WindowRow = { period: string; opensOn: string | null; dueOn: string; version: number };

/** A period's window from its row in reporting_periods, if any, and period_due_on(). */
const windowSql = (periods: SQL) => sql`
  select p.period, r.opens_on::text as "opensOn", period_due_on(p.period)::text as "dueOn",
    coalesce(r.version, 0) as version
  from (${periods}) p (period) left join reporting_periods r on r.period = p.period`;

const toWindow = (row: WindowRow): PeriodWindow => ({
  period: row.period,
  opensOn: row.opensOn ?? parsePeriod(row.period).start,
  dueOn: row.dueOn,
  custom: row.opensOn !== null,
  version: row.version,
});

/** One period's window: every save asks it (built once). */
const PERIOD_WINDOW = prepareStatement(windowSql(sql`select ${sql.placeholder('period')}::text`));

export async function periodWindow(db: Executor, period: string): Promise<PeriodWindow> {
  const { rows } = await runPrepared<WindowRow>(db, PERIOD_WINDOW, { period });
  return toWindow(rows[0]!);
}

/** The periods with reports or set dates, and this year's and last year's (due in January), latest first. */
export async function listPeriods(db: Executor, today = todayInVietnam()): Promise<PeriodWindow[]> {
  const years = [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1];
  const known = [...(await reportedPeriods(db)), ...years.flatMap((y) => [`${y}-H1`, `${y}-H2`, String(y)])];
  const { rows } = await db.execute<WindowRow>(
    windowSql(sql`select unnest(${sql.param(known)}::text[]) union select period from reporting_periods`),
  );
  return rows
    .map(toWindow)
    .sort((a, b) => comparePeriods(a.period, b.period))
    .reverse();
}

export async function setPeriodWindow(
  db: Db,
  caller: Caller,
  period: string,
  window: { opensOn: string; dueOn: string; version: number },
): Promise<PeriodWindow> {
  parsePeriod(period);
  return db.transaction(async (tx) => {
    const before = await periodWindow(tx, period);
    // the version read, checked again by the write itself against a save in between
    const { rows } =
      before.version === window.version
        ? await tx.execute(sql`
            insert into reporting_periods (period, opens_on, due_on) values (${period}, ${window.opensOn}, ${window.dueOn})
            on conflict (period) do update set opens_on = excluded.opens_on, due_on = excluded.due_on,
              version = reporting_periods.version + 1, updated_at = now()
            where reporting_periods.version = ${window.version}
            returning version`)
        : { rows: [] };
    if (rows.length === 0) {
      throw new AppError('conflict', {
        vi: `Ngày của kỳ ${period} đã được người khác đổi sau khi bạn mở; hãy xem lại`,
        en: `Someone else changed the dates of ${period} after you opened them; review them`,
        current: (await periodWindow(tx, period)) as unknown as Record<string, unknown>,
      });
    }
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
