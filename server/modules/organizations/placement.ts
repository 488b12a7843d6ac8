// Where an organisation stands on both maps. The map it was recorded on is kept as entered;
// the other is derived through the 1 July 2025 mapping (admin_unit_successors):
//  - pre-2025 → current: the province always (every old province went whole into one new one),
//    the commune when the old commune went into exactly one new commune;
//  - current → pre-2025: the old commune / district / province when every predecessor of the
//    new commune (or province) lies in that one old unit.
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import type { MapName } from '../../../shared/contracts/enums.ts';
import { invalidField } from '../../http/errors.ts';
import { findUnit } from '../admin-units/admin-units.queries.ts';

type Executor = Db | Tx;

export interface Placement {
  recordedMap: MapName;
  provinceCode: string | null;
  communeCode: string | null;
  oldProvinceCode: string | null;
  oldDistrictCode: string | null;
  oldCommuneCode: string | null;
}

/** Checks that each given code exists on its map and sits inside the unit above it. */
export async function checkPlacement(db: Executor, p: Placement): Promise<void> {
  if (p.recordedMap === 'current') {
    await expectUnit(db, 'current', 'provinceCode', p.provinceCode, 'province', null);
    await expectUnit(db, 'current', 'communeCode', p.communeCode, 'commune', p.provinceCode);
  } else {
    await expectUnit(db, 'pre-2025', 'oldProvinceCode', p.oldProvinceCode, 'province', null);
    await expectUnit(db, 'pre-2025', 'oldDistrictCode', p.oldDistrictCode, 'district', p.oldProvinceCode);
    await expectUnit(
      db,
      'pre-2025',
      'oldCommuneCode',
      p.oldCommuneCode,
      'commune',
      p.oldDistrictCode ?? undefined,
      p.oldProvinceCode,
    );
  }
}

async function expectUnit(
  db: Executor,
  map: MapName,
  field: string,
  code: string | null,
  level: string,
  parent: string | null | undefined,
  province?: string | null,
) {
  if (!code) return;
  const unit = await findUnit(db, map, code);
  const mapVi = map === 'current' ? 'bản đồ hiện hành' : 'bản đồ trước 01/7/2025';
  if (!unit || unit.level !== level) {
    throw invalidField(field, `Mã ${code} không có trên ${mapVi}`, `Code ${code} does not exist on the ${map} map`);
  }
  if ((parent && unit.parentCode !== parent) || (province && unit.provinceCode !== province)) {
    throw invalidField(
      field,
      `${unit.fullName} không thuộc đơn vị ${parent ?? province}`,
      `${unit.fullName} is not inside ${parent ?? province}`,
    );
  }
}

/** Fills the derived side of the placement for the given organisations (or all, when omitted). */
export async function derivePlacement(db: Executor, ids?: number[]): Promise<void> {
  const only = ids ? sql`and o.id = any(${`{${ids.join(',')}}`}::int[])` : sql``;
  // pre-2025 recorded → current (rows already right are not rewritten)
  await db.execute(sql`
    update organizations o set province_code = d.province, commune_code = d.commune
    from (
      select o.id,
        coalesce(
          (select s.new_code from admin_unit_successors s where s.old_code = o.old_province_code and s.level = 'province' limit 1),
          o.province_code) as province,
        (select min(s.new_code) from admin_unit_successors s
          where s.old_code = o.old_commune_code and s.level = 'commune'
          having count(*) = 1) as commune
      from organizations o
      where o.recorded_map = 'pre-2025' ${only}
    ) d
    where o.id = d.id and (o.province_code, o.commune_code) is distinct from (d.province, d.commune)`);
  // current recorded → pre-2025: derived once per commune — a few thousand places — then
  // written through the commune's index; the few recorded without a commune, per province
  await db.execute(oldPlacement('commune_code', only));
  await db.execute(oldPlacement('province_code', sql`${only} and o.commune_code is null`));
}

/**
 * The pre-2025 unit of each current place (a commune, or a province for organisations recorded
 * without one): the one old commune, district and province all its predecessors lie in. The
 * update joins on the plain column, so every plan is an index lookup per place, whatever
 * statistics the planner has for rows just loaded.
 */
function oldPlacement(column: 'commune_code' | 'province_code', only: SQL): SQL {
  const level = column === 'commune_code' ? 'commune' : 'province';
  const at = sql.raw(`o.${column}`);
  return sql`
    with places as (
      select distinct ${at} as code from organizations o
      where o.recorded_map = 'current' and ${at} is not null ${only}
    ),
    derived as (
      select p.code,
        case when count(distinct u.code) = 1 and min(u.level) = 'commune' then min(u.code) end as commune,
        case when count(distinct u.parent_code) = 1 and min(u.level) = 'commune' then min(u.parent_code) end as district,
        case when count(distinct u.province_code) = 1 then min(u.province_code) end as province
      from places p
      left join admin_unit_successors s on s.new_code = p.code and s.level = ${level}
      left join admin_units u on u.map = 'pre-2025' and u.code = s.old_code
      group by p.code
    )
    update organizations o set
      old_commune_code = d.commune, old_district_code = d.district, old_province_code = d.province
    from derived d
    where ${at} = d.code and o.recorded_map = 'current' ${only}
      and (o.old_commune_code, o.old_district_code, o.old_province_code) is distinct from (d.commune, d.district, d.province)`;
}
