import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { adminUnits, adminUnitSuccessors } from '../../db/schema.ts';
import type { AdminUnit } from '../../../shared/contracts/admin-units.ts';
import type { Level, MapName } from '../../../shared/contracts/enums.ts';

type Executor = Pick<Db, 'select' | 'execute'>;

const unitColumns = {
  map: adminUnits.map,
  code: adminUnits.code,
  name: adminUnits.name,
  fullName: adminUnits.fullName,
  nameEn: adminUnits.nameEn,
  level: adminUnits.level,
  type: adminUnits.type,
  parentCode: adminUnits.parentCode,
  provinceCode: adminUnits.provinceCode,
};

export async function findUnit(db: Executor, map: MapName, code: string): Promise<AdminUnit | undefined> {
  const [row] = await db
    .select(unitColumns)
    .from(adminUnits)
    .where(and(eq(adminUnits.map, map), eq(adminUnits.code, code)));
  return row as AdminUnit | undefined;
}

export async function listUnits(
  db: Executor,
  opts: { map: MapName; parent?: string | undefined; q?: string | undefined; level?: Level | undefined; limit: number },
): Promise<AdminUnit[]> {
  const where: SQL[] = [eq(adminUnits.map, opts.map)];
  if (opts.parent) where.push(eq(adminUnits.parentCode, opts.parent));
  if (opts.level) where.push(eq(adminUnits.level, opts.level));
  if (!opts.parent && !opts.level && !opts.q) where.push(eq(adminUnits.level, 'province'));
  if (opts.q) {
    where.push(sql`lower(f_unaccent(${adminUnits.fullName})) like '%' || lower(f_unaccent(${opts.q})) || '%'`);
  }
  const rows = await db
    .select(unitColumns)
    .from(adminUnits)
    .where(and(...where))
    .orderBy(asc(adminUnits.code))
    .limit(opts.limit);
  return rows as AdminUnit[];
}

export async function countChildren(db: Executor, map: MapName, code: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(adminUnits)
    .where(and(eq(adminUnits.map, map), eq(adminUnits.parentCode, code)));
  return row?.n ?? 0;
}

type UnitRef = { code: string; fullName: string; coverage: 'full' | 'partial' };

/** What a pre-2025 unit became on the current map. */
export async function successorsOf(db: Executor, oldCode: string): Promise<UnitRef[]> {
  const rows = await db
    .select({
      code: adminUnitSuccessors.newCode,
      fullName: adminUnits.fullName,
      coverage: adminUnitSuccessors.coverage,
    })
    .from(adminUnitSuccessors)
    .innerJoin(adminUnits, and(eq(adminUnits.map, 'current'), eq(adminUnits.code, adminUnitSuccessors.newCode)))
    .where(eq(adminUnitSuccessors.oldCode, oldCode))
    .orderBy(asc(adminUnitSuccessors.newCode));
  return rows as UnitRef[];
}

/** The pre-2025 units a current unit came from. */
export async function predecessorsOf(db: Executor, newCode: string): Promise<UnitRef[]> {
  const rows = await db
    .select({
      code: adminUnitSuccessors.oldCode,
      fullName: adminUnits.fullName,
      coverage: adminUnitSuccessors.coverage,
    })
    .from(adminUnitSuccessors)
    .innerJoin(adminUnits, and(eq(adminUnits.map, 'pre-2025'), eq(adminUnits.code, adminUnitSuccessors.oldCode)))
    .where(
      and(
        eq(adminUnitSuccessors.newCode, newCode),
        eq(adminUnitSuccessors.level, newCode.length === 2 ? 'province' : 'commune'),
      ),
    )
    .orderBy(asc(adminUnitSuccessors.oldCode));
  return rows as UnitRef[];
}
