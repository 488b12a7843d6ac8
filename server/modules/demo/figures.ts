// The figures a demo organisation reported per period, with plausible sizes by kind, sector
// and region: members, workers, capital, revenue, profit (some negative), income and grade.
import type { Grade, Kind, Sector } from '../../../shared/contracts/enums.ts';
import type { Random } from './random.ts';
import { DEMO_PERIODS, SPANS, TERMINAL, statusOn, toDays, type StatusEvent } from './history.ts';
import type { Region } from './words.ts';

export interface Report {
  period: string;
  members: number;
  workers: number;
  charterCapitalVnd: number;
  revenueVnd: number;
  profitVnd: number;
  incomePerWorkerMonthVnd: number;
  grade: Grade | null;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  source: 'officer' | 'cooperative';
}

interface Profile {
  members: number;
  workers: number;
  capital: number;
  revenue: number;
  margin: number;
  income: number;
  quality: number;
}

const REGION_INCOME: Record<Region, number> = { mountain: 4.3, central: 5.2, highlands: 5.6, delta: 6.3, south: 6.0 };
const SECTOR_INCOME: Partial<Record<Sector, number>> = {
  credit_fund: 2,
  transport: 1,
  construction: 0.8,
  trade_services: 0.5,
};

function profile(r: Random, kind: Kind, sector: Sector, region: Region): Profile {
  const bigFarms = region === 'delta' || region === 'south' || region === 'central';
  const members =
    kind === 'THT'
      ? Math.max(2, r.logNormal(8, 0.5))
      : kind === 'LHHTX'
        ? Math.max(3, r.logNormal(6, 0.4))
        : sector === 'credit_fund'
          ? r.logNormal(1200, 0.5)
          : sector === 'agriculture'
            ? Math.max(5, r.logNormal(bigFarms ? 45 : 15, 0.9))
            : Math.max(5, r.logNormal(sector === 'transport' ? 25 : 10, 0.6));
  const workerMedian: Record<Sector, number> = {
    agriculture: 6,
    industry_handicraft: 12,
    construction: 20,
    trade_services: 6,
    transport: 25,
    credit_fund: 9,
    environment: 12,
    other: 6,
  };
  const workers =
    kind === 'THT'
      ? Math.min(members * 2, Math.max(2, r.logNormal(5, 0.5)))
      : kind === 'LHHTX'
        ? Math.max(5, r.logNormal(25, 0.6))
        : Math.max(2, r.logNormal(workerMedian[sector], 0.6));
  const capitalMedian: Record<Sector, number> = {
    agriculture: 600e6,
    industry_handicraft: 700e6,
    construction: 1.5e9,
    trade_services: 800e6,
    transport: 2e9,
    credit_fund: 3e9,
    environment: 500e6,
    other: 500e6,
  };
  const capital =
    kind === 'THT'
      ? Math.max(5e6, r.logNormal(60e6, 0.9))
      : kind === 'LHHTX'
        ? r.logNormal(6e9, 0.8)
        : Math.max(20e6, r.logNormal(capitalMedian[sector], sector === 'credit_fund' ? 0.6 : 0.9));
  const revenue = capital * r.logNormal(sector === 'credit_fund' ? 1 : kind === 'THT' ? 3 : 2, 0.7);
  const margin = sector === 'credit_fund' ? r.normal(0.12, 0.03) : r.normal(kind === 'LHHTX' ? 0.06 : 0.08, 0.045);
  const income = REGION_INCOME[region] + (SECTOR_INCOME[sector] ?? 0) - (kind === 'THT' ? 0.5 : 0) + r.normal(0, 0.7);
  return { members, workers, capital, revenue, margin, income: income * 1e6, quality: r.normal(0, 8) };
}

const round = (v: number, unit: number) => Math.round(v / unit) * unit;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

function gradeOf(score: number): Grade {
  return score >= 80 ? 'good' : score >= 65 ? 'fair' : score >= 50 ? 'average' : 'weak';
}

/** The figures of each period the organisation existed in and reported for. */
export function reports(
  r: Random,
  o: { kind: Kind; sector: Sector; region: Region; foundedOn: string; events: StatusEvent[] },
): Report[] {
  const p = profile(r, o.kind, o.sector, o.region);
  const minMembers = o.kind === 'HTX' ? 5 : o.kind === 'THT' ? 2 : 3;
  const skipRate = o.kind === 'THT' ? 0.1 : o.kind === 'LHHTX' ? 0.02 : 0.04;
  const out: Report[] = [];
  let { members, workers, capital, revenue: annual } = p;
  let grownTo = Number(DEMO_PERIODS[0].slice(0, 4));
  for (const period of DEMO_PERIODS) {
    const [start, end] = SPANS[period];
    const half = period.endsWith('-H1');
    const year = Number(period.slice(0, 4));
    if (year > grownTo) {
      grownTo = year;
      annual *= Math.exp(r.normal(0.06, 0.12));
      members = Math.max(minMembers, members * Math.exp(r.normal(0.03, 0.08)));
      workers = Math.max(o.kind === 'THT' ? 2 : 1, workers * Math.exp(r.normal(0.02, 0.1)));
      if (r.chance(0.2)) capital *= 1.1 + r.next() * 0.4;
    }
    if (o.foundedOn > end) continue;
    const before = statusOn(o.events, start);
    const after = statusOn(o.events, end)!;
    if ((before && TERMINAL.includes(before)) || TERMINAL.includes(after)) continue;
    const suspended = after === 'suspended' || after === 'dissolving';
    if ((suspended && r.chance(0.6)) || r.chance(skipRate)) continue;

    const openShare = clamp((toDays(end) - Math.max(toDays(start), toDays(o.foundedOn)) + 1) / 365, 0.05, 1);
    const periodRevenue = suspended
      ? annual * 0.2
      : annual * (half ? clamp(r.normal(0.46, 0.05), 0.3, 0.6) : openShare);
    const margin = suspended ? -Math.abs(r.normal(0.1, 0.05)) : clamp(r.normal(p.margin, 0.035), -0.3, 0.3);
    const income = clamp(p.income * 1.04 ** (year - 2023) + r.normal(0, 2e5), 3e6, 9e6);
    const graded = o.kind !== 'THT' && !half && o.foundedOn.slice(0, 4) !== period && !r.chance(0.05);
    const score = 54 + 160 * margin + (3 * (income - 5.5e6)) / 1e6 + p.quality + r.normal(0, 7);
    out.push({
      period,
      members: Math.round(members),
      workers: Math.round(workers),
      charterCapitalVnd: round(capital, 1e6),
      revenueVnd: round(periodRevenue, 1000),
      profitVnd: round(periodRevenue * margin, 1000),
      incomePerWorkerMonthVnd: round(income, 1e5),
      grade: graded ? (suspended ? 'weak' : gradeOf(score)) : null,
      status:
        period === '2025'
          ? r.weighted([
              ['approved', 75],
              ['submitted', 15],
              ['returned', 4],
              ['draft', 6],
            ])
          : 'approved',
      source: period === '2023' || r.chance(period === '2025' ? 0.5 : 0.7) ? 'officer' : 'cooperative',
    });
  }
  return out;
}
