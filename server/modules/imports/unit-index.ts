// Administrative units held in memory for one import (both maps, ~14k units, and the 2025
// mapping), so that checking a row's codes costs no query. Says where a code went when it
// belongs to the other map.
import type { Level, MapName } from '../../../shared/contracts/enums.ts';
import type { Placement } from '../organizations/placement.ts';
import type { Reason } from './parse-values.ts';
import { loadSuccessors, loadUnits, type Executor } from './import-queries.ts';

export interface Unit {
  map: MapName;
  code: string;
  level: Level;
  fullName: string;
  parentCode: string | null;
  provinceCode: string;
}

export interface UnitIndex {
  get(map: MapName, code: string): Unit | undefined;
  /** current units an old (pre-2025) unit went into */
  successors(oldCode: string): Unit[];
  /** the 2025 links of a unit, at one level: old → new codes, or new → old */
  links(direction: 'next' | 'prev', code: string, level: Level): string[];
  has(map: MapName): boolean;
}

export async function loadUnitIndex(db: Executor): Promise<UnitIndex> {
  const units = new Map<string, Unit>();
  const onMap = new Set<MapName>();
  for (const u of await loadUnits(db)) {
    units.set(`${u.map}:${u.code}`, u);
    onMap.add(u.map);
  }
  const next = new Map<string, { code: string; level: Level }[]>();
  const prev = new Map<string, { code: string; level: Level }[]>();
  const add = (m: typeof next, from: string, link: { code: string; level: Level }) => {
    const list = m.get(from);
    if (list) list.push(link);
    else m.set(from, [link]);
  };
  for (const s of await loadSuccessors(db)) {
    add(next, s.oldCode, { code: s.newCode, level: s.level });
    add(prev, s.newCode, { code: s.oldCode, level: s.level });
  }
  return {
    get: (map, code) => units.get(`${map}:${code}`),
    successors: (oldCode) =>
      (next.get(oldCode) ?? []).map((l) => units.get(`current:${l.code}`)).filter((u): u is Unit => u !== undefined),
    links: (direction, code, level) =>
      ((direction === 'next' ? next : prev).get(code) ?? []).filter((l) => l.level === level).map((l) => l.code),
    has: (map) => onMap.has(map),
  };
}

/**
 * The other map's side of a placement, as placement.ts#derivePlacement computes it in SQL (the
 * same rules; a test keeps them in step). Rows are inserted complete, so that re-deriving them
 * in SQL changes nothing.
 */
export function deriveOtherMap<P extends Placement>(index: UnitIndex, p: P): P {
  if (p.recordedMap === 'pre-2025') {
    const communes = p.oldCommuneCode ? index.links('next', p.oldCommuneCode, 'commune') : [];
    return { ...p, communeCode: communes.length === 1 ? communes[0]! : null };
  }
  const olds = p.communeCode
    ? index.links('prev', p.communeCode, 'commune')
    : p.provinceCode
      ? index.links('prev', p.provinceCode, 'province')
      : [];
  const units = olds.map((c) => index.get('pre-2025', c)).filter((u): u is Unit => u !== undefined);
  const only = (values: (string | null)[]) => {
    const set = new Set(values.filter((v): v is string => v !== null));
    return set.size === 1 ? [...set][0]! : null;
  };
  const anyCommune = units.some((u) => u.level === 'commune');
  return {
    ...p,
    oldCommuneCode: anyCommune ? only(units.map((u) => u.code)) : null,
    oldDistrictCode: anyCommune ? only(units.map((u) => u.parentCode)) : null,
    oldProvinceCode: only(units.map((u) => u.provinceCode)),
  };
}

export type CodeField = 'provinceCode' | 'districtCode' | 'communeCode';
export type CodeProblem = { field: CodeField; reason: Reason };

const LEVEL_OF: Record<CodeField, Level> = {
  provinceCode: 'province',
  districtCode: 'district',
  communeCode: 'commune',
};
const MAP_VI: Record<MapName, string> = { current: 'bản đồ hiện hành', 'pre-2025': 'bản đồ trước 01/7/2025' };
const label = (u: Unit) => `${u.code} ${u.fullName}`;

/**
 * Checks a row's codes on the import's map and places it there (with the current province,
 * which is never null); the other map's side is left to deriveOtherMap.
 */
export function placeRow(
  index: UnitIndex,
  map: MapName,
  codes: { provinceCode: string; districtCode: string | null; communeCode: string | null },
): { placement: Placement & { provinceCode: string } } | { problems: CodeProblem[] } {
  const problems: CodeProblem[] = [];
  const province = findOn(index, map, 'provinceCode', codes.provinceCode, problems);
  let district: Unit | undefined;
  if (codes.districtCode && map === 'current') {
    problems.push({
      field: 'districtCode',
      reason: {
        vi: 'bản đồ hiện hành không còn cấp huyện: bỏ trống mã huyện, hoặc nhập với bản đồ trước 01/7/2025 (--map pre-2025)',
        en: 'the current map has no districts: leave the district empty, or import on the pre-2025 map (--map pre-2025)',
      },
    });
  } else if (codes.districtCode) {
    district = findOn(index, map, 'districtCode', codes.districtCode, problems);
    if (district && province) inside(district, province, 'districtCode', problems);
  }
  let commune: Unit | undefined;
  if (codes.communeCode) {
    commune = findOn(index, map, 'communeCode', codes.communeCode, problems);
    const parent = district ?? (codes.districtCode ? undefined : province);
    if (commune && parent) inside(commune, parent, 'communeCode', problems);
  }
  if (problems.length > 0) return { problems };

  if (map === 'current') {
    const placement = {
      recordedMap: 'current' as const,
      provinceCode: codes.provinceCode,
      communeCode: codes.communeCode,
      oldProvinceCode: null,
      oldDistrictCode: null,
      oldCommuneCode: null,
    };
    return { placement };
  }
  const current = index.successors(codes.provinceCode).find((u) => u.level === 'province');
  if (!current) {
    return {
      problems: [
        {
          field: 'provinceCode',
          reason: {
            vi: `chưa có bảng chuyển đổi cho tỉnh ${codes.provinceCode} (hoptac admin-units import … splits.json)`,
            en: `no 2025 mapping for province ${codes.provinceCode} (hoptac admin-units import … splits.json)`,
          },
        },
      ],
    };
  }
  const placement = {
    recordedMap: 'pre-2025' as const,
    provinceCode: current.code,
    communeCode: null,
    oldProvinceCode: codes.provinceCode,
    // a commune tells its district when the file leaves it out
    oldDistrictCode: codes.districtCode ?? commune?.parentCode ?? null,
    oldCommuneCode: codes.communeCode,
  };
  return { placement };
}

function findOn(
  index: UnitIndex,
  map: MapName,
  field: CodeField,
  code: string,
  problems: CodeProblem[],
): Unit | undefined {
  const level = LEVEL_OF[field];
  const unit = index.get(map, code);
  if (unit?.level === level) return unit;
  problems.push({ field, reason: whereItWent(index, map, code, level) });
  return undefined;
}

/** Not on the import's map: say so, and where the code is found on the other map. */
function whereItWent(index: UnitIndex, map: MapName, code: string, level: Level): Reason {
  const other: MapName = map === 'current' ? 'pre-2025' : 'current';
  const there = index.get(other, code);
  if (there?.level === level && map === 'current') {
    const into = index.successors(code).filter((u) => u.level === level);
    const list = into.map(label).join(', ');
    const went =
      into.length === 0
        ? { vi: '(chưa nạp bảng chuyển đổi)', en: '(no mapping loaded)' }
        : into.length === 1
          ? { vi: `đã nhập vào ${list}`, en: `it went into ${list}` }
          : { vi: `đã chia vào ${list}`, en: `it was split into ${list}` };
    return {
      vi: `${label(there)} không còn trên bản đồ hiện hành: từ 01/7/2025 ${went.vi}; nếu tệp dùng mã cũ, nhập với --map pre-2025`,
      en: `${label(there)} no longer exists on the current map: on 1 July 2025 ${went.en}; if the file uses the old codes, import with --map pre-2025`,
    };
  }
  if (there?.level === level) {
    return {
      vi: `${label(there)} là mã trên bản đồ hiện hành (từ 01/7/2025), không có trên bản đồ trước 01/7/2025; nhập với --map current`,
      en: `${label(there)} is a code of the current map (since 1 July 2025), not of the pre-2025 map; import with --map current`,
    };
  }
  const unit = index.get(map, code);
  if (unit) {
    return {
      vi: `${label(unit)} không phải cấp ${LEVEL_VI[level]}`,
      en: `${label(unit)} is not a ${level}`,
    };
  }
  return { vi: `không có mã ${code} trên ${MAP_VI[map]}`, en: `no code ${code} on the ${map} map` };
}

const LEVEL_VI: Record<Level, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

function inside(unit: Unit, parent: Unit, field: CodeField, problems: CodeProblem[]) {
  const within = parent.level === 'province' ? unit.provinceCode === parent.code : unit.parentCode === parent.code;
  if (!within) {
    problems.push({
      field,
      reason: {
        vi: `${label(unit)} không thuộc ${label(parent)}`,
        en: `${label(unit)} is not inside ${label(parent)}`,
      },
    });
  }
}
