import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import type { Commune } from './generate.ts';

/** The communes of the current map with their province, ordered by code (all, or of the given provinces). */
export async function currentCommunes(db: Db | Tx, provinceCodes?: readonly string[]): Promise<Commune[]> {
  const only = provinceCodes ? sql`and c.province_code = any(${sql.param([...provinceCodes])}::text[])` : sql``;
  const result = await db.execute<{
    code: string;
    name: string;
    full_name: string;
    type: string;
    province_code: string;
    province_name: string;
    province_full_name: string;
  }>(sql`
    select c.code, c.name, c.full_name, c.type, c.province_code, p.name as province_name, p.full_name as province_full_name
    from admin_units c
    join admin_units p on p.map = 'current' and p.code = c.province_code and p.level = 'province'
    where c.map = 'current' and c.level = 'commune' ${only}
    order by c.code`);
  return result.rows.map((r) => ({
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    type: r.type,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    provinceFullName: r.province_full_name,
  }));
}
