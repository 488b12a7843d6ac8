import type { MapName, Level } from '../../../shared/contracts/enums.ts';
import { invalidField } from '../../http/errors.ts';
import type { Db } from '../../db/pool.ts';
import { findUnit, successorsOf } from './admin-units.queries.ts';
import { FORMER_PROVINCES } from './former-provinces.ts';

/** An area to count or list in: the whole country or one unit on one map. */
export type Area =
  | { code: 'VN'; name: string; level: 'country'; map: MapName }
  | { code: string; name: string; level: Level; map: MapName };

/** A 3-digit code implies the pre-2025 map (contracts §2). */
export function mapFor(code: string, map?: MapName): MapName {
  return map ?? (code.length === 3 ? 'pre-2025' : 'current');
}

/**
 * The level a unit with this code has on its map, told by its length: VN, 2 digits a province,
 * 3 a former district (pre-2025 map only), 5 a commune. null when no unit can have it.
 */
export function levelOf(code: string, map: MapName): Area['level'] | null {
  if (code === 'VN') return 'country';
  if (code.length === 2) return 'province';
  if (code.length === 3 && map === 'pre-2025') return 'district';
  if (code.length === 5) return 'commune';
  return null;
}

/** The command line's option, then the API's parameter: the message serves both. */
const USE_OLD_MAP = { vi: 'dùng --map pre-2025 (API: map=pre-2025)', en: 'use --map pre-2025 (API: map=pre-2025)' };

/**
 * Checks an area code against its map. An unknown code is a user error that says where the
 * unit went, e.g. "06 Bắc Kạn no longer exists on the current map: it merged into 19 Thái Nguyên".
 */
export async function resolveArea(db: Pick<Db, 'select' | 'execute'>, code: string, map?: MapName): Promise<Area> {
  const onMap = mapFor(code, map);
  if (code === 'VN') return { code, name: 'Việt Nam', level: 'country', map: onMap };
  if (onMap === 'current' && code.length === 3) {
    throw invalidField(
      'area',
      `Mã ${code} là mã huyện, chỉ có trên bản đồ trước 01/7/2025 (${USE_OLD_MAP.vi})`,
      `${code} is a district code, which exists only on the pre-2025 map (${USE_OLD_MAP.en})`,
    );
  }
  const unit = await findUnit(db, onMap, code);
  if (unit) return { code, name: unit.fullName, level: unit.level, map: onMap };

  if (onMap === 'current') {
    // the former provinces ship with the app; other former units once the pre-2025 list is loaded
    const former = FORMER_PROVINCES[code];
    const old = former ?? (await findUnit(db, 'pre-2025', code));
    if (old) {
      const next = former ? [await findUnit(db, 'current', former.into)] : await successorsOf(db, code);
      const units = next.flatMap((n) => (n ? [`${n.code} ${n.fullName}`] : []));
      const into = units.join(', ');
      // a commune divided among several did not merge into each of them
      const [went, wentEn] =
        units.length > 1 ? ['được chia về', 'it was divided among'] : ['đã sáp nhập vào', 'it merged into'];
      throw invalidField(
        'area',
        `${code} ${old.fullName} không còn trên bản đồ hiện hành: ${went} ${into || '(chưa có bảng chuyển đổi)'} từ 01/7/2025; ${USE_OLD_MAP.vi}`,
        `${code} ${old.fullName} no longer exists on the current map: ${wentEn} ${into || '(no mapping loaded)'} on 1 July 2025; ${USE_OLD_MAP.en}`,
      );
    }
  }
  throw invalidField(
    'area',
    `Không có đơn vị hành chính mã ${code} trên bản đồ ${onMap === 'current' ? 'hiện hành' : 'trước 01/7/2025'}`,
    `No administrative unit ${code} on the ${onMap} map`,
  );
}
