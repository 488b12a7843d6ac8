// Reminders (nhắc việc): for each period open today whose deadline is less than six months
// ahead or passed less than 60 days ago, a cooperative's own report still to send, and an officer's area's reports
// waiting for review or missing (from the same completeness figures as the dashboard).
import type { Reminder, ReportStatus } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { homeArea, type Caller } from '../auth/caller.ts';
import { todayInVietnam } from '../imports/parse-values.ts';
import { computeCompleteness } from './completeness.ts';
import { reportsOf } from '../organizations/organizations.queries.ts';
import { listPeriods } from './periods.ts';

const GRACE_DAYS = 60;
const AHEAD_DAYS = 183;
const shift = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

export async function remindersFor(db: Db, caller: Caller, today = todayInVietnam()): Promise<Reminder[]> {
  const [since, until] = [shift(today, -GRACE_DAYS), shift(today, AHEAD_DAYS)];
  const periods = (await listPeriods(db, today)).filter(
    (p) => p.opensOn <= today && p.dueOn >= since && p.dueOn <= until,
  );
  // a cooperative's reports of every period, read once
  const own =
    caller.read.kind === 'organization'
      ? new Map((await reportsOf(db, caller.read.id)).map((r) => [r.period, r.status as ReportStatus | null]))
      : null;
  const out: Reminder[] = [];
  for (const { period, dueOn } of periods) {
    const late = today > dueOn;
    if (own && caller.read.kind === 'organization') {
      const status = own.get(period) ?? 'none';
      if (status === 'none' || status === 'draft' || status === 'returned') {
        out.push({ kind: 'own', period, dueOn, organizationId: caller.read.id, status, late });
      }
    } else if (caller.permissions.has('completeness.read')) {
      const c = await computeCompleteness(db, caller, { area: homeArea(caller) ?? 'VN', period }, today);
      const waiting = c.submitted - c.approved;
      const missing = c.expected - c.submitted;
      if (waiting > 0 || missing > 0) {
        out.push({
          kind: 'area',
          period,
          dueOn,
          area: { code: c.area.code, name: c.area.name },
          waiting,
          missing,
          late,
        });
      }
    }
  }
  return out;
}
