// The SQL of `admin-units import`: batched upserts that touch only rows that really change,
// so a re-run writes nothing and says so.
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/pool.ts';
import { adminUnits, adminUnitSuccessors } from '../../db/schema.ts';
import type { KnownUnits } from './import-csv.ts';
import type { SuccessorPair } from './import-mapping.ts';
import type { UnitRow } from './import-rows.ts';

const BATCH = 1000;

function* batches<T>(rows: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

// A file without English names keeps the ones we have.
const UNIT_VALUES = sql.raw(`(excluded.name, excluded.full_name, coalesce(excluded.name_en, admin_units.name_en),
  excluded.level, excluded.type, excluded.parent_code, excluded.province_code)`);
const UNIT_COLUMNS = sql.raw(`(admin_units.name, admin_units.full_name, admin_units.name_en,
  admin_units.level, admin_units.type, admin_units.parent_code, admin_units.province_code)`);

/** Inserts new units and updates changed ones, by (map, code). Never deletes. */
export async function upsertUnits(tx: Tx, rows: UnitRow[]): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const batch of batches(rows)) {
    const written = await tx
      .insert(adminUnits)
      .values(batch)
      .onConflictDoUpdate({
        target: [adminUnits.map, adminUnits.code],
        set: {
          name: sql`excluded.name`,
          fullName: sql`excluded.full_name`,
          nameEn: sql.raw('coalesce(excluded.name_en, admin_units.name_en)'),
          level: sql`excluded.level`,
          type: sql`excluded.type`,
          parentCode: sql`excluded.parent_code`,
          provinceCode: sql`excluded.province_code`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${UNIT_COLUMNS} is distinct from ${UNIT_VALUES}`,
      })
      // xmax is 0 on a freshly inserted row version, set on an updated one
      .returning({ inserted: sql<boolean>`xmax = 0` });
    const inserted = written.filter((r) => r.inserted).length;
    added += inserted;
    updated += written.length - inserted;
  }
  return { added, updated };
}

export async function countUnits(tx: Tx): Promise<{ map: string; level: string; n: number }[]> {
  const rows = await tx.execute<{ map: string; level: string; n: number }>(
    sql`select map, level, count(*)::int as n from admin_units group by map, level`,
  );
  return rows.rows;
}

export async function knownUnits(tx: Tx, codes: string[]): Promise<KnownUnits> {
  const known: KnownUnits = new Map();
  if (codes.length === 0) return known;
  const rows = await tx
    .select({
      map: adminUnits.map,
      code: adminUnits.code,
      level: adminUnits.level,
      type: adminUnits.type,
      provinceCode: adminUnits.provinceCode,
    })
    .from(adminUnits)
    .where(inArray(adminUnits.code, codes));
  for (const r of rows) known.set(`${r.map}/${r.code}`, r);
  return known;
}

/** The codes among `codes` that exist on `map`. */
export async function codesOnMap(tx: Tx, map: 'current' | 'pre-2025', codes: string[]): Promise<Set<string>> {
  const rows = await tx.execute<{ code: string }>(
    sql`select code from admin_units where map = ${map} and code = any(${sql.param(codes)}::text[])`,
  );
  return new Set(rows.rows.map((r) => r.code));
}

/**
 * Makes the successors of the codes in scope (old codes for splits, new codes for merges)
 * exactly the given pairs: adds, updates coverage, removes pairs the file no longer has.
 */
export async function replaceSuccessors(
  tx: Tx,
  pairs: SuccessorPair[],
  scope: { by: 'old' | 'new'; codes: Set<string> },
): Promise<{ added: number; updated: number; removed: number }> {
  const existing = new Map<string, SuccessorPair>();
  for (const r of await tx.select().from(adminUnitSuccessors)) {
    if (scope.codes.has(scope.by === 'old' ? r.oldCode : r.newCode))
      existing.set(`${r.oldCode}/${r.newCode}`, r as SuccessorPair);
  }
  const wanted = new Map(pairs.map((p) => [`${p.oldCode}/${p.newCode}`, p]));
  const gone = [...existing.entries()].filter(([k]) => !wanted.has(k)).map(([, p]) => p);
  const changed = pairs.filter((p) => {
    const e = existing.get(`${p.oldCode}/${p.newCode}`);
    return !e || e.coverage !== p.coverage || e.level !== p.level;
  });
  if (gone.length > 0) {
    await tx.execute(sql`
      delete from admin_unit_successors s
      using unnest(${sql.param(gone.map((p) => p.oldCode))}::text[], ${sql.param(gone.map((p) => p.newCode))}::text[]) as d(old_code, new_code)
      where s.old_code = d.old_code and s.new_code = d.new_code`);
  }
  for (const batch of batches(changed, 2000)) {
    await tx
      .insert(adminUnitSuccessors)
      .values(batch)
      .onConflictDoUpdate({
        target: [adminUnitSuccessors.oldCode, adminUnitSuccessors.newCode],
        set: { level: sql`excluded.level`, coverage: sql`excluded.coverage` },
      });
  }
  const added = changed.filter((p) => !existing.has(`${p.oldCode}/${p.newCode}`)).length;
  return { added, updated: changed.length - added, removed: gone.length };
}

export async function countSuccessors(tx: Tx): Promise<{ level: string; olds: number; links: number }[]> {
  const rows = await tx.execute<{ level: string; olds: number; links: number }>(sql`
    select level, count(distinct old_code)::int as olds, count(*)::int as links
    from admin_unit_successors group by level`);
  return rows.rows;
}
