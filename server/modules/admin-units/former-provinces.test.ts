// The shipped table of former provinces against the official open data in ../shared.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentUnitsFromPackage } from './load-current.ts';
import { FORMER_PROVINCES } from './former-provinces.ts';

const data = new URL('../../../../shared/data/admin-units/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, data), 'utf8'));

describe('the former provinces shipped with the app', () => {
  it('are every pre-2025 province whose code left the map, with the province the mapping names', () => {
    const old: { Code: string; FullName: string }[] = read(
      'pre-2025-07-01/simplified_json_generated_data_vn_units.json',
    );
    const splits: { level1_id: string; splits: { new_id: string }[] }[] = read('mapping-2025-07-01/splits.json').data;
    const current = new Set(currentUnitsFromPackage().flatMap((u) => (u.level === 'province' ? [u.code] : [])));
    const into = new Map(splits.map((s) => [s.level1_id, s.splits.map((n) => n.new_id)]));
    const expected = Object.fromEntries(
      old
        .filter((p) => !current.has(p.Code))
        .map((p) => [p.Code, { fullName: p.FullName.normalize('NFC'), into: into.get(p.Code)!.join() }]),
    );
    expect(FORMER_PROVINCES).toEqual(expected);
    for (const { into } of Object.values(FORMER_PROVINCES)) expect(current.has(into)).toBe(true);
  });
});
