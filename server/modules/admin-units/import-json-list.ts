// Unit lists in the JSON of thanglequoc/vietnamese-provinces-database (see
// ../shared/data/admin-units/SOURCE.md): an array of provinces, each
//  - with `District: [{ …, Ward: [...] }]` → the pre-2025 three-level map;
//  - with `Wards: [...]` → the current two-level map.
// Every record has `Code` and `FullName`; `Name` and `NameEn` are optional.
import type { Level, MapName } from '../../../shared/contracts/enums.ts';
import { buildUnit, checkCode, importError, isReason, type UnitRow } from './import-rows.ts';

type Json = Record<string, unknown>;

export type ListShape = 'three-level' | 'two-level';

/** Which list this parsed JSON is, if it is one. */
export function listShape(data: unknown): ListShape | undefined {
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const first = data[0] as Json | null;
  if (typeof first !== 'object' || first === null || !('Code' in first)) return undefined;
  if ('District' in first) return 'three-level';
  if ('Wards' in first) return 'two-level';
  return undefined;
}

export function parseUnitList(file: string, shape: ListShape, data: Json[]): UnitRow[] {
  const list = new UnitList(file, shape === 'three-level' ? 'pre-2025' : 'current');
  data.forEach((p, i) => {
    const where = `[${i}]`;
    const province = list.add(where, p, 'province', null, null);
    if (shape === 'two-level') {
      children(file, where, p, 'Wards').forEach((w, j) =>
        list.add(`${where}.Wards[${j}]`, w, 'commune', province, province),
      );
      return;
    }
    children(file, where, p, 'District').forEach((d, j) => {
      const dWhere = `${where}.District[${j}]`;
      const district = list.add(dWhere, d, 'district', province, province);
      children(file, dWhere, d, 'Ward').forEach((w, k) =>
        list.add(`${dWhere}.Ward[${k}]`, w, 'commune', district, province),
      );
    });
  });
  return list.rows;
}

/** A record's children; null (island districts without communes) counts as none. */
function children(file: string, where: string, record: Json, key: string): Json[] {
  const value = record[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw importError(file, where, { vi: `"${key}" phải là một mảng`, en: `"${key}" must be an array` });
  }
  return value as Json[];
}

class UnitList {
  readonly rows: UnitRow[] = [];
  private readonly seen = new Set<string>();
  private readonly file: string;
  private readonly map: MapName;

  constructor(file: string, map: MapName) {
    this.file = file;
    this.map = map;
  }

  /** Adds one record and returns its code. */
  add(where: string, record: Json, level: Level, parentCode: string | null, provinceCode: string | null): string {
    if (typeof record !== 'object' || record === null) {
      throw importError(this.file, where, { vi: 'bản ghi phải là một đối tượng', en: 'the record must be an object' });
    }
    const { Code: code, FullName: fullName, Name: name, NameEn: nameEn } = record;
    const at = `${where} (${String(code)})`;
    const bad = checkCode(code, level);
    if (bad) throw importError(this.file, where, bad);
    if (typeof fullName !== 'string' || !fullName.trim()) {
      throw importError(this.file, at, { vi: 'thiếu FullName', en: 'FullName is missing' });
    }
    if (this.seen.has(code as string)) {
      throw importError(this.file, at, { vi: 'mã bị trùng trong tệp', en: 'duplicate code in the file' });
    }
    const row = buildUnit({
      map: this.map,
      level,
      code: code as string,
      fullName,
      name: typeof name === 'string' ? name : undefined,
      nameEn: typeof nameEn === 'string' ? nameEn : null,
      parentCode,
      provinceCode: provinceCode ?? (code as string),
    });
    if (isReason(row)) throw importError(this.file, at, row);
    this.seen.add(row.code);
    this.rows.push(row);
    return row.code;
  }
}
