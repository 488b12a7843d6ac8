// Generates organisations (with their status history and reports) over given communes. Pure:
// the same seed and communes give the same data. Used by the demo seed and by the benchmark.
import type { Kind, Sector, Status } from '../../../shared/contracts/enums.ts';
import { reports, type Report } from './figures.ts';
import { foundingDate, statusHistory, type StatusEvent } from './history.ts';
import { address, email, organizationName, personName, phone, registrationNo, type Commune } from './names.ts';
import { createRandom, type Random } from './random.ts';
import { regionOf } from './words.ts';

export type { Commune } from './names.ts';

export interface GeneratedOrganization {
  registrationNo: string;
  name: string;
  /** the distinctive words of the name ("Tân Tiến"), for benchmark searches */
  properName: string;
  kind: Kind;
  sector: Sector;
  status: Status;
  statusSince: string | null;
  foundedOn: string;
  provinceCode: string;
  communeCode: string;
  address: string;
  representative: string;
  phone: string;
  email: string | null;
  events: StatusEvent[];
  reports: Report[];
}

export interface GenerateOptions {
  seed: string;
  /** where to place them; weighted at random, rural communes more than wards */
  communes: readonly Commune[];
  counts: Record<Kind, number>;
  /** registration numbers already used (filled in as numbers are given out) */
  taken?: Set<string>;
}

const SECTOR_WEIGHTS: Record<Kind, [Sector, number][]> = {
  HTX: [
    ['agriculture', 58],
    ['industry_handicraft', 9],
    ['construction', 6],
    ['trade_services', 10],
    ['transport', 6],
    ['credit_fund', 4],
    ['environment', 4],
    ['other', 3],
  ],
  THT: [
    ['agriculture', 72],
    ['industry_handicraft', 10],
    ['construction', 4],
    ['trade_services', 7],
    ['transport', 2],
    ['environment', 3],
    ['other', 2],
  ],
  LHHTX: [
    ['agriculture', 60],
    ['trade_services', 20],
    ['industry_handicraft', 10],
    ['transport', 10],
  ],
};

export function generateOrganizations(opts: GenerateOptions): GeneratedOrganization[] {
  if (opts.communes.length === 0) throw new Error('generateOrganizations: no communes');
  const r = createRandom(opts.seed);
  const taken = opts.taken ?? new Set<string>();
  const pickCommune = communePicker(r, opts.communes);
  const creditFunds = new Set<string>();
  const names = new Set<string>();
  const out: GeneratedOrganization[] = [];

  for (const kind of ['HTX', 'THT', 'LHHTX'] as const) {
    for (let i = 0; i < opts.counts[kind]; i++) {
      const commune = pickCommune();
      const region = regionOf(commune.provinceCode);
      let sector = r.weighted(
        SECTOR_WEIGHTS[kind].map(([s, w]): [Sector, number] => [
          s,
          commune.type === 'Phường' ? (s === 'agriculture' ? w * 0.35 : w * 1.5) : w,
        ]),
      );
      if (sector === 'credit_fund' && creditFunds.has(commune.code)) sector = 'trade_services';
      if (sector === 'credit_fund') creditFunds.add(commune.code);

      let named = organizationName(r, kind, sector, commune, region);
      for (let tries = 0; names.has(`${commune.code}|${named.name}`) && tries < 8; tries++) {
        named = organizationName(r, kind, sector, commune, region);
      }
      names.add(`${commune.code}|${named.name}`);

      const foundedOn = foundingDate(r, kind, sector);
      const events = statusHistory(r, foundedOn);
      const last = events[events.length - 1]!;
      out.push({
        registrationNo: registrationNo(r, commune.provinceCode, taken),
        name: named.name,
        properName: named.proper,
        kind,
        sector,
        status: last.status,
        statusSince: last.effectiveOn,
        foundedOn,
        provinceCode: commune.provinceCode,
        communeCode: commune.code,
        address: address(r, commune, region),
        representative: personName(r, region),
        phone: phone(r, commune.provinceCode),
        email: r.chance(kind === 'THT' ? 0.1 : 0.35) ? email(r, kind, named.proper) : null,
        events,
        reports: reports(r, { kind, sector, region, foundedOn, events }),
      });
    }
  }
  return out;
}

/** Picks communes by a random weight each, so some communes have many organisations and some none. */
function communePicker(r: Random, communes: readonly Commune[]): () => Commune {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of communes) {
    total += r.logNormal(1, 0.7) * (c.type === 'Phường' ? 0.6 : c.type === 'Đặc khu' ? 0.8 : 1.4);
    cumulative.push(total);
  }
  return () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return communes[lo]!;
  };
}
