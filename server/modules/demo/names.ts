// Names, people, addresses, phones and registration numbers that look like the real ones.
import type { Kind, Sector } from '../../../shared/contracts/enums.ts';
import type { Random } from './random.ts';
import {
  ACTIVITIES,
  AREA_CODES,
  EDE_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  HAMLETS,
  KIND_PREFIX,
  MIDDLE_NAMES,
  MOBILE_PREFIXES,
  NAME_WORDS,
  REGIONAL_FAMILY_NAMES,
  REGIONAL_PRODUCTS,
  STREETS,
  type Region,
} from './words.ts';

/** A commune of the current map with its province, as the generator needs it. */
export interface Commune {
  code: string;
  /** without the type: "Hạ Lang" */
  name: string;
  /** "Xã Hạ Lang" */
  fullName: string;
  /** Xã, Phường, Đặc khu */
  type: string;
  provinceCode: string;
  /** "Cao Bằng" */
  provinceName: string;
  /** "Tỉnh Cao Bằng" */
  provinceFullName: string;
}

/** "Hợp tác xã Nông nghiệp Dịch vụ Tân Tiến"; `proper` is the distinctive part ("Tân Tiến"). */
export function organizationName(r: Random, kind: Kind, sector: Sector, commune: Commune, region: Region) {
  if (sector === 'credit_fund') {
    const proper = commune.name;
    return { name: `Quỹ tín dụng nhân dân ${commune.type.toLowerCase()} ${proper}`, proper };
  }
  const activities = ACTIVITIES[kind][sector] ?? ACTIVITIES[kind].agriculture!;
  const activity =
    sector === 'agriculture' && r.chance(kind === 'THT' ? 0.35 : 0.4)
      ? r.pick(REGIONAL_PRODUCTS[region])
      : r.pick(activities);
  const proper =
    kind === 'LHHTX'
      ? r.weighted([
          [commune.provinceName, 3],
          [commune.name, 2],
          [r.pick(NAME_WORDS), 2],
        ])
      : r.weighted([
          [commune.name, 3.5],
          [r.pick(HAMLETS[region]), kind === 'THT' ? 3 : 1.5],
          [r.pick(NAME_WORDS), 4.5],
        ]);
  return { name: `${KIND_PREFIX[kind]} ${activity} ${proper}`, proper };
}

export function personName(r: Random, region: Region): string {
  const female = r.chance(0.32);
  if (region === 'highlands' && r.chance(0.35)) {
    return `${r.pick(female ? EDE_NAMES.female : EDE_NAMES.male)} ${r.pick(EDE_NAMES.clans)}`;
  }
  const regional = REGIONAL_FAMILY_NAMES[region];
  const family = regional && r.chance(region === 'mountain' ? 0.55 : 0.2) ? r.pick(regional) : r.weighted(FAMILY_NAMES);
  const middle = r.pick(female ? MIDDLE_NAMES.female : MIDDLE_NAMES.male);
  let given = r.pick(female ? GIVEN_NAMES.female : GIVEN_NAMES.male);
  while (given === middle) given = r.pick(female ? GIVEN_NAMES.female : GIVEN_NAMES.male);
  return `${family} ${middle} ${given}`;
}

export function address(r: Random, commune: Commune, region: Region): string {
  const place =
    commune.type === 'Phường'
      ? r.chance(0.6)
        ? `Số ${r.int(1, 250)} đường ${r.pick(STREETS)}`
        : `Tổ dân phố ${r.int(1, 25)}`
      : withHamletWord(r.pick(HAMLETS[region]), region);
  return `${place}, ${commune.fullName}, ${commune.provinceFullName}`;
}

function withHamletWord(hamlet: string, region: Region) {
  if (/^(Bản|Thôn|Xóm|Buôn|Ấp) /.test(hamlet)) return hamlet;
  return region === 'mountain' ? `Bản ${hamlet}` : `Thôn ${hamlet}`;
}

/** A mobile number "0912 345 678", or sometimes a provincial landline "0206 3852 147". */
export function phone(r: Random, provinceCode: string): string {
  const area = AREA_CODES[provinceCode];
  if (area && r.chance(0.2)) {
    const tail = 10 - area.length; // landlines have 11 digits: 0206 3852 147, 024 3825 1234
    const rest = '3' + String(r.int(0, 10 ** tail - 1)).padStart(tail, '0');
    return `${area} ${rest.slice(0, 4)} ${rest.slice(4)}`;
  }
  const digits = r.pick(MOBILE_PREFIXES) + String(r.int(0, 9_999_999)).padStart(7, '0');
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
}

export function email(r: Random, kind: Kind, proper: string): string {
  const slug = asciiFold(proper)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  const prefix = kind === 'THT' ? 'tht' : kind === 'LHHTX' ? 'lhhtx' : 'htx';
  return `${prefix}${slug}${r.chance(0.5) ? r.int(1, 99) : ''}@gmail.com`;
}

/** "Hợp tác xã Tuấn Tú" → "Hop tac xa Tuan Tu" (what a user types without diacritics). */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * A 10-digit registration number shaped like a tax code (mã số thuế, which is also the mã số
 * HTX): 2 digits of the province, 7 of a serial, and the tax-code check digit (weights 31…3,
 * mod 11, as python-stdnum's vn.mst; serials whose check would be 10 are skipped). Unique in `taken`.
 */
export function registrationNo(r: Random, provinceCode: string, taken: Set<string>): string {
  for (;;) {
    const body = provinceCode + String(r.int(0, 9_999_999)).padStart(7, '0');
    const sum = [...body].reduce((s, d, i) => s + Number(d) * TAX_WEIGHTS[i]!, 0);
    const check = 10 - (sum % 11);
    if (check > 9) continue;
    const no = body + check;
    if (taken.has(no)) continue;
    taken.add(no);
    return no;
  }
}
