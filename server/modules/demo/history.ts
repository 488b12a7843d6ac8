// The life of a demo organisation: founding date and dated legal-status history.
import type { Kind, Sector, Status } from '../../../shared/contracts/enums.ts';
import type { Random } from './random.ts';
import { STATUS_NOTES } from './words.ts';

export const DEMO_PERIODS = ['2023', '2024', '2025-H1', '2025'] as const;
/** The data describe the registry as it stood on this day (every date is on or before it). */
export const AS_OF = '2026-03-31';

export const SPANS: Record<(typeof DEMO_PERIODS)[number], [string, string]> = {
  '2023': ['2023-01-01', '2023-12-31'],
  '2024': ['2024-01-01', '2024-12-31'],
  '2025-H1': ['2025-01-01', '2025-06-30'],
  '2025': ['2025-01-01', '2025-12-31'],
};
export const TERMINAL: readonly Status[] = ['dissolved', 'bankrupt', 'revoked', 'reorganized'];

export interface StatusEvent {
  status: Status;
  effectiveOn: string;
  note: string | null;
}

const DAY = 86_400_000;
export const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const toIso = (days: number) => new Date(Math.round(days) * DAY).toISOString().slice(0, 10);
const between = (r: Random, from: string, to: string) => toIso(r.int(toDays(from), Math.max(toDays(from), toDays(to))));

/** Founding years: the 1997–2000 conversion wave, then steady growth; groups mostly recent. */
function yearWeight(key: Kind | 'credit_fund', y: number): number {
  if (key === 'credit_fund') return y <= 2002 ? 3 : 0.15;
  if (key === 'THT') return y < 2005 ? 0.3 : y < 2016 ? 1 : 2;
  if (key === 'LHHTX') return y < 2005 ? 0.1 : 1;
  if (y < 1997) return 1;
  if (y <= 2000) return 3;
  if (y <= 2012) return 1.2;
  return y <= 2018 ? 1.6 : 2.8;
}

const YEAR_WEIGHTS = new Map<string, [number, number][]>();

function yearWeights(kind: Kind, sector: Sector): [number, number][] {
  const key = sector === 'credit_fund' ? sector : kind;
  let years = YEAR_WEIGHTS.get(key);
  if (!years) {
    years = [];
    for (let y = 1995; y <= 2025; y++) years.push([y, yearWeight(key, y) * (y === 2025 ? 0.5 : 1)]);
    YEAR_WEIGHTS.set(key, years);
  }
  return years;
}

export function foundingDate(r: Random, kind: Kind, sector: Sector): string {
  const year = r.weighted(yearWeights(kind, sector));
  return between(r, `${year}-01-01`, `${year}-12-31`);
}

/** Status events, oldest first; the first is the founding. */
export function statusHistory(r: Random, founded: string): StatusEvent[] {
  const note = (k: keyof typeof STATUS_NOTES) => r.pick(STATUS_NOTES[k]);
  const events: StatusEvent[] = [{ status: 'active', effectiveOn: founded, note: note('founded') }];
  const earliest = toIso(Math.max(toDays(founded) + 365, toDays('2012-01-01')));
  if (toDays(earliest) > toDays(AS_OF) - 60) return events;

  const final = r.weighted<Status>([
    ['active', 85.5],
    ['suspended', 6],
    ['dissolving', 1.5],
    ['dissolved', 5],
    ['revoked', 0.8],
    ['bankrupt', 0.4],
    ['reorganized', 0.8],
  ]);
  const first = between(r, earliest, toIso(toDays(AS_OF) - 60));
  const later = () => between(r, toIso(toDays(first) + 45), toIso(Math.min(toDays(first) + 720, toDays(AS_OF))));
  const push = (status: Status, effectiveOn: string, k: keyof typeof STATUS_NOTES) =>
    events.push({ status, effectiveOn, note: note(k) });

  if (final === 'active') {
    if (r.chance(0.04)) {
      push('suspended', first, 'suspended');
      push('active', later(), 'resumed');
    }
  } else if (final === 'suspended') {
    push('suspended', first, 'suspended');
  } else if (final === 'dissolving') {
    if (r.chance(0.5)) push('suspended', first, 'suspended');
    push('dissolving', events.length > 1 ? later() : first, 'dissolving');
  } else {
    const path = r.next();
    if (path < 0.5) push('suspended', first, 'suspended');
    else if (path < 0.7 && final === 'dissolved') push('dissolving', first, 'dissolving');
    push(final, events.length > 1 ? later() : first, final);
  }
  return events;
}

export function statusOn(events: StatusEvent[], day: string): Status | undefined {
  let status: Status | undefined;
  for (const e of events) if (e.effectiveOn <= day) status = e.status;
  return status;
}
