import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import type { AdminUnit, AdminUnitDetail } from '../../../shared/contracts/admin-units.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { resolveArea } from './area.ts';
import { importAdminUnitFiles } from './import-files.ts';

const data = fileURLToPath(new URL('../../../../shared/data/admin-units/', import.meta.url));

let app: Agent;
let db: Db;
beforeAll(async () => {
  ({ admin: app, db } = await testApp());
  // the pre-2025 map and the mapping (idempotent: other test files may load them too)
  await importAdminUnitFiles(db, [
    join(data, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(data, 'mapping-2025-07-01/splits.json'),
  ]);
});

async function list(query: string): Promise<AdminUnit[]> {
  const res = await app.inject({ url: `/api/v1/admin-units${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ items: AdminUnit[]; total: number }>();
  expect(body.total).toBe(body.items.length);
  return body.items;
}

async function detail(map: string, code: string): Promise<AdminUnitDetail> {
  const res = await app.inject({ url: `/api/v1/admin-units/${map}/${code}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AdminUnitDetail>();
}

describe('bad input', () => {
  it('answers 400 validation_failed naming the field for a malformed code', async () => {
    const res = await app.inject({ url: '/api/v1/admin-units/current/abc' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'code' }] });
  });

  it('answers 400 for an unknown map', async () => {
    const res = await app.inject({ url: '/api/v1/admin-units?map=2030' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'map' }] });
  });

  it('answers 404 problem+json for a code that is not on the map', async () => {
    const res = await app.inject({ url: '/api/v1/admin-units/current/98' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    // an old code is not on the current map either
    expect((await app.inject({ url: '/api/v1/admin-units/current/048' })).statusCode).toBe(404);
  });
});

describe('GET /api/v1/admin-units', () => {
  it('lists the 34 provinces of the current map by default', async () => {
    const items = await list('');
    expect(items).toHaveLength(34);
    expect(items.every((u) => u.map === 'current' && u.level === 'province')).toBe(true);
    expect(items.map((u) => u.code)).toContain('04');
  });

  it('lists the communes of a province', async () => {
    const items = await list('?parent=04');
    expect(items.length).toBeGreaterThan(40);
    expect(items.every((u) => u.level === 'commune' && u.parentCode === '04' && u.provinceCode === '04')).toBe(true);
    expect(items.find((u) => u.code === '01558')).toMatchObject({ fullName: 'Xã Hạ Lang', type: 'Xã' });
  });

  it('finds units by name without regard to case or diacritics', async () => {
    const items = await list('?q=ha%20lang');
    expect(items.map((u) => u.fullName)).toContain('Xã Hạ Lang');
    expect(items.every((u) => u.map === 'current')).toBe(true);
  });

  it('lists the 63 former provinces and their districts on the pre-2025 map', async () => {
    const provinces = await list('?map=pre-2025');
    expect(provinces).toHaveLength(63);
    expect(provinces.every((u) => u.map === 'pre-2025' && u.level === 'province')).toBe(true);
    const districts = await list('?map=pre-2025&parent=04');
    expect(districts.find((u) => u.code === '048')).toMatchObject({ fullName: 'Huyện Hạ Lang', level: 'district' });
    const old = await list('?map=pre-2025&q=HA LANG');
    expect(old.map((u) => u.code)).toEqual(expect.arrayContaining(['048']));
  });
});

describe('GET /api/v1/admin-units/:map/:code', () => {
  it('tells what an old province became', async () => {
    const unit = await detail('pre-2025', '06');
    expect(unit).toMatchObject({ code: '06', fullName: 'Tỉnh Bắc Kạn', level: 'province', ancestors: [] });
    expect(unit.successors.map((s) => s.code)).toContain('19');
    expect(unit.predecessors).toEqual([]);
  });

  it('tells which old provinces a new one came from', async () => {
    const unit = await detail('current', '19');
    expect(unit.predecessors.map((p) => p.code)).toEqual(expect.arrayContaining(['06', '19']));
    expect(unit.childCount).toBeGreaterThan(0);
  });

  it('gives an old commune its district and province, and its successor', async () => {
    const unit = await detail('pre-2025', '01534');
    expect(unit.ancestors.map((a) => a.code)).toEqual(['04', '048']);
    expect(unit.successors).toEqual([{ code: '01537', fullName: expect.any(String), coverage: 'full' }]);
  });
});

describe('resolveArea', () => {
  it('says where a unit that is gone from the current map went', async () => {
    const err = await resolveArea(db, '06').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).detailEn).toContain('merged into 19');
    expect((err as AppError).detailVi).toContain('đã sáp nhập vào 19');
  });

  it('finds old units on the pre-2025 map, implied by a 3-digit code', async () => {
    await expect(resolveArea(db, '048')).resolves.toMatchObject({
      map: 'pre-2025',
      level: 'district',
      name: 'Huyện Hạ Lang',
    });
    await expect(resolveArea(db, '06', 'pre-2025')).resolves.toMatchObject({ level: 'province', name: 'Tỉnh Bắc Kạn' });
  });
});
