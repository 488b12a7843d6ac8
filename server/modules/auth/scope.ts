// The one place that decides where a caller may read and write. Lists, exports and search
// filter by scopeWhere; single records go through canRead / canWrite (outside the read scope a
// record answers 404, as if it did not exist); statistics ask areaReadable for the area.
import { sql, type SQL } from 'drizzle-orm';
import { prepareStatement, runPrepared, type Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { levelOf, mapFor, resolveArea, type Area } from '../admin-units/area.ts';
import { homeArea, type Caller, type Scope } from './caller.ts';

type Executor = Pick<Db, 'select' | 'execute'>;

/** The condition on `organizations` (aliased `alias`) that keeps a scope's organisations. */
export function scopeWhere(scope: Scope, alias = 'o'): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'province':
      return sql`${col('province_code')} = ${scope.code}`;
    case 'commune':
      return sql`${col('commune_code')} = ${scope.code}`;
    case 'organization':
      return sql`${col('id')} = ${scope.id}`;
  }
}

/** Where an organisation stands on the current map (all a scope looks at). */
export interface Placed {
  id: number;
  provinceCode: string;
  communeCode: string | null;
}

export function inScope(scope: Scope | null, org: Placed): boolean {
  if (!scope) return false;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return org.provinceCode === scope.code;
    case 'commune':
      return org.communeCode === scope.code;
    case 'organization':
      return org.id === scope.id;
  }
}

export const canRead = (caller: Caller, org: Placed) => inScope(caller.read, org);
export const canWrite = (caller: Caller, org: Placed) => inScope(caller.write, org);

/** 404 outside the read scope: the record does not exist for this caller. */
export function assertReadable(caller: Caller, org: Placed, missing: () => AppError): void {
  if (!canRead(caller, org)) throw missing();
}

/** 403 for a record the caller may see but not change (an officer of another commune's). */
export function assertWritable(caller: Caller, org: Placed): void {
  if (canWrite(caller, org)) return;
  throw new AppError('forbidden', {
    vi: 'Tổ chức này nằm ngoài địa bàn bạn được cập nhật',
    en: 'This organisation is outside the area you may change',
  });
}

const outsideArea = (area: Area) =>
  new AppError('forbidden', {
    vi: `Địa bàn ${area.code} nằm ngoài phạm vi bạn được xem`,
    en: `Area ${area.code} is outside what you may see`,
  });

/**
 * Whether every organisation an area counts lies in the caller's read scope: the whole
 * country for a caller who sees everything; a province, its communes and, on the pre-2025
 * map, the units of the former province(s) that became it; a commune only itself.
 */
export async function assertAreaReadable(db: Executor, caller: Caller, area: Area): Promise<void> {
  const scope = caller.read;
  if (scope.kind === 'all') return;
  // one's own area lies in one's scope by construction: no lookup (a commune officer's commune)
  if (area.map === 'current' && area.code === caller.user?.areaCode) return;
  if (scope.kind === 'organization' || area.level === 'country') throw outsideArea(area);
  if (scope.kind === 'commune') {
    if (area.map === 'current' && area.code === scope.code) return;
    throw outsideArea(area);
  }
  const province = await currentProvinceOf(db, area);
  // no such unit: the caller is told so, and where a merged one went
  if (province === undefined) await resolveArea(db, area.code, area.map);
  if (province === scope.code) return;
  throw outsideArea(area);
}

/**
 * The current province holding every organisation an area counts; null when none does (a
 * former province that became several); undefined when there is no such unit. Every former
 * province went whole into one current province (contracts §2).
 */
async function currentProvinceOf(db: Executor, area: Area): Promise<string | null | undefined> {
  if (area.map === 'current' && area.level === 'province') return area.code;
  const { rows } = await runPrepared<{ code: string | null }>(db, PROVINCE_OF[area.map], { code: area.code });
  return rows.length ? rows[0]!.code : undefined;
}

// built once: a province's staff asks for one of its communes on every drill-down (ADR 0010)
const PROVINCE_OF = {
  current: prepareStatement(
    sql`select province_code as code from admin_units where map = 'current' and code = ${sql.placeholder('code')}`,
  ),
  'pre-2025': prepareStatement(sql`
    select (select min(s.new_code) from admin_unit_successors s
        where s.old_code = u.province_code and s.level = 'province' having count(*) = 1) as code
    from admin_units u where u.map = 'pre-2025' and u.code = ${sql.placeholder('code')}`),
};

/**
 * The area a caller asks to count in — their own when they name none — checked against what
 * they may see: a code no unit has is a 400 saying so, a larger area a 403. The unit's name is
 * left to the statement that counts (it reads it with the figures).
 */
export async function readableArea(
  db: Executor,
  caller: Caller,
  asked: { area?: string | undefined; map?: Area['map'] | undefined },
): Promise<Area> {
  const code = asked.area ?? homeArea(caller) ?? 'VN';
  const map = mapFor(code, asked.map);
  const level = levelOf(code, map);
  if (!level) await resolveArea(db, code, asked.map); // no unit has such a code: says so
  const area = { code, map, level, name: '' } as Area;
  await assertAreaReadable(db, caller, area);
  return area;
}
