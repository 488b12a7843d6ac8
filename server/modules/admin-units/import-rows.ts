// What every unit-list format produces: rows for admin_units, with the type read from the
// full name ("Huyện Hạ Lang" → type Huyện, name Hạ Lang), and user errors that name the file
// and the record or line.
import type { Level, MapName } from '../../../shared/contracts/enums.ts';
import { AppError } from '../../http/errors.ts';

export interface UnitRow {
  map: MapName;
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  level: Level;
  type: string;
  parentCode: string | null;
  provinceCode: string;
}

/** A reason in both languages, before we know where to pin it. */
export type Reason = { vi: string; en: string };

export const CODE_LENGTH = { province: 2, district: 3, commune: 5 } satisfies Record<Level, number>;

/** The unit types by map and level, as the first words of a full name. */
const UNIT_TYPES = {
  'pre-2025': {
    province: ['Thành phố', 'Tỉnh'],
    district: ['Thành phố', 'Thị xã', 'Quận', 'Huyện'],
    commune: ['Thị trấn', 'Phường', 'Xã'],
  },
  current: { province: ['Thành phố', 'Tỉnh'], district: [], commune: ['Phường', 'Xã', 'Đặc khu'] },
} satisfies Record<MapName, Record<Level, string[]>>;

export const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * Splits a full name into its type and the rest, matching the type without regard to case
 * (the 2026 list spells one ward "xã Bắc Sơn"); the full name comes back with the type as listed.
 */
export function splitType(fullName: string, level: Level, map: MapName): { type: string; rest: string } | undefined {
  const full = clean(fullName);
  const lower = full.toLowerCase();
  for (const type of UNIT_TYPES[map][level]) {
    if (lower.startsWith(type.toLowerCase() + ' ')) return { type, rest: full.slice(type.length + 1) };
  }
  return undefined;
}

/** True when the name starts with a unit type of any level ("Huyện …"). */
export function hasTypePrefix(name: string, map: MapName): boolean {
  return (['province', 'district', 'commune'] as const).some((level) => splitType(name, level, map));
}

export function typesOf(level: Level, map: MapName): string {
  return UNIT_TYPES[map][level].join(', ');
}

export function checkCode(code: unknown, level: Level): Reason | undefined {
  const want = CODE_LENGTH[level];
  if (typeof code === 'string' && code.length === want && /^\d+$/.test(code)) return undefined;
  return {
    vi: `mã "${String(code)}" không hợp lệ: mã cấp ${LEVEL_VI[level]} gồm ${want} chữ số`,
    en: `code "${String(code)}" is invalid: a ${level} code has ${want} digits`,
  };
}

export const LEVEL_VI = { province: 'tỉnh', district: 'huyện', commune: 'xã' } satisfies Record<Level, string>;

/** A row from a full name, or why not. `name` defaults to the full name without its type. */
export function buildUnit(u: {
  map: MapName;
  level: Level;
  code: string;
  fullName: string;
  name?: string | undefined;
  nameEn?: string | null | undefined;
  parentCode: string | null;
  provinceCode: string;
}): UnitRow | Reason {
  const split = splitType(u.fullName, u.level, u.map);
  if (!split || !split.rest) {
    return {
      vi: `tên "${u.fullName}" không bắt đầu bằng loại đơn vị (${typesOf(u.level, u.map)})`,
      en: `name "${u.fullName}" does not start with a unit type (${typesOf(u.level, u.map)})`,
    };
  }
  return {
    map: u.map,
    code: u.code,
    name: u.name ? clean(u.name) : split.rest,
    fullName: `${split.type} ${split.rest}`,
    nameEn: u.nameEn ? clean(u.nameEn) : null,
    level: u.level,
    type: split.type,
    parentCode: u.parentCode,
    provinceCode: u.provinceCode,
  };
}

export const isReason = (r: UnitRow | Reason): r is Reason => 'vi' in r;

/** A user error pinned to a file and a record (JSON) or a line (CSV). */
export function importError(file: string, where: string, reason: Reason): AppError {
  return new AppError('validation_failed', {
    vi: `${file}, ${where}: ${reason.vi}`,
    en: `${file}, ${where}: ${reason.en}`,
    errors: [{ field: where, message: reason.vi, messageEn: reason.en }],
  });
}

/** Vietnamese thousands separators: 10.035 */
export const num = (n: number) => n.toLocaleString('vi-VN');
