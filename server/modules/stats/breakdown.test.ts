// Sub-areas (`GET /api/v1/stats/breakdown`) and the Excel export, in units of Lai Châu (12)
// that no other test file uses.
import { join } from 'node:path';
import ExcelJS from '../../lib/exceljs.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import type { Db } from '../../db/pool.ts';
import type { Stats, StatsBreakdown } from '../../../shared/contracts/stats.ts';
import { importAdminUnitFiles } from '../admin-units/import-files.ts';
import { computeBreakdown } from './breakdown.ts';
import { insertOrganizations, rolledBack } from './stats.fixtures.ts';
import { computeStats } from './stats.service.ts';

const units = new URL('../../../../shared/data/admin-units/', import.meta.url).pathname;

let app: Agent;
let db: Db;
beforeAll(async () => {
  ({ admin: app, db } = await testApp());
  await importAdminUnitFiles(db, [
    join(units, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(units, 'mapping-2025-07-01/splits.json'),
  ]);
  const old = { oldProvince: '12', oldDistrict: '105' }; // Thành phố Lai Châu, before the reform
  await insertOrganizations(db, [
    {
      at: { ...old, oldCommune: '03386' },
      reports: { '2024': { members: 5, workers: 2, incomePerWorkerMonthVnd: 4_000_000, grade: 'good' } },
    },
    { at: { ...old, oldCommune: '03387' }, kind: 'THT', reports: { '2024': { grade: 'weak' } } },
    { at: old }, // no commune recorded
    { at: { province: '12', commune: '03390' } }, // Xã Bình Lư, on the current map
    { at: { province: '12', commune: '03394' }, kind: 'LHHTX' },
    { at: { province: '12' }, kind: 'THT' },
  ]);
});

async function get<T>(path: string, query: string): Promise<T> {
  const res = await app.inject({ url: `/api/v1/${path}?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
const totalOf = (b: StatsBreakdown) => b.items.reduce((n, r) => n + r.total, 0) + (b.unplaced?.total ?? 0);

describe('sub-areas', () => {
  it('lists the communes of a pre-2025 district, and what sits in none of them', async () => {
    const b = await get<StatsBreakdown>('stats/breakdown', 'area=105&period=2024&kind=HTX');
    expect(b).toMatchObject({ area: { code: '105', map: 'pre-2025' }, period: '2024', kind: 'HTX' });
    expect(b.childLevel).toBe('commune');
    expect(b.items.map((r) => r.code)).toEqual(['03386', '03387', '03388', '03389', '03403', '03408', '03409']);
    expect(b.items[0]).toEqual({
      code: '03386',
      name: 'Phường Quyết Thắng',
      total: 1,
      byKind: { HTX: 1, THT: 0, LHHTX: 0 },
      members: 5,
      workers: 2,
      effective: { count: 1, graded: 1, share: 1 },
      incomePerWorkerMonthVnd: 4_000_000,
    });
    // the kind filter leaves the THT out of the total, not out of byKind
    expect(b.items[1]).toMatchObject({ total: 0, byKind: { HTX: 0, THT: 1, LHHTX: 0 }, members: null });
    expect(b.items[2]).toMatchObject({ total: 0, byKind: { HTX: 0, THT: 0, LHHTX: 0 }, effective: { share: null } });
    expect(b.unplaced).toMatchObject({ total: 1, byKind: { HTX: 1, THT: 0, LHHTX: 0 } });

    const s = await get<Stats>('stats', 'area=105&period=2024&kind=HTX');
    expect(totalOf(b)).toBe(s.organizations.total);
  });

  it('lists the communes of a current province', async () => {
    const b = await get<StatsBreakdown>('stats/breakdown', 'area=12&period=2024');
    expect(b.childLevel).toBe('commune');
    expect(b.items.find((r) => r.code === '03390')).toMatchObject({ name: 'Xã Bình Lư', total: 1 });
    expect(b.items.find((r) => r.code === '03394')?.byKind).toEqual({ HTX: 0, THT: 0, LHHTX: 1 });
    expect(b.unplaced?.byKind.THT).toBeGreaterThanOrEqual(1);
    const s = await get<Stats>('stats', 'area=12&period=2024');
    expect(totalOf(b)).toBe(s.organizations.total);
  });

  it('lists the provinces of the country on either map, adding up to the national figures', async () => {
    const { current, old, national } = await rolledBack(
      db,
      async (tx) => ({
        current: await computeBreakdown(tx, { area: 'VN', period: '2024' }),
        old: await computeBreakdown(tx, { area: 'VN', period: '2024', map: 'pre-2025' }),
        national: await computeStats(tx, { area: 'VN', period: '2024' }),
      }),
      { isolationLevel: 'repeatable read' }, // one snapshot while other files write
    );
    expect(current.items).toHaveLength(34);
    expect(old.items).toHaveLength(63);
    expect(current.items.find((r) => r.code === '12')?.name).toBe('Tỉnh Lai Châu');
    expect(totalOf(current)).toBe(national.organizations.total);
    expect(totalOf(old)).toBe(national.organizations.total);
  });

  it('has no sub-areas below a commune', async () => {
    const b = await get<StatsBreakdown>('stats/breakdown', 'area=03390&period=2024');
    expect(b).toMatchObject({ area: { level: 'commune' }, childLevel: null, items: [], unplaced: null });
  });
});

describe('Excel export', () => {
  it('streams a workbook with the figures, the paragraph and the sub-areas', async () => {
    const res = await app.inject({ url: '/api/v1/stats/export.xlsx?area=105&period=2024' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="thong-ke-105-2024.xlsx"');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo địa bàn']);

    const summary = workbook.getWorksheet('Tổng hợp')!;
    const rowOf = (label: string) => summary.getColumn(1).values.findIndex((v) => v === label);
    const total = summary.getRow(rowOf('Tổng số tổ chức')).getCell(2);
    expect(total.value).toBe(3);
    expect(total.numFmt).toBe('#,##0');
    expect(summary.getRow(rowOf('Kỳ báo cáo')).getCell(2).value).toBe('Năm 2024');
    expect(summary.getRow(rowOf('  Tổ hợp tác')).getCell(2).value).toBe(1);
    expect(summary.getRow(rowOf('Số thành viên')).getCell(2).value).toBe(5);
    expect(summary.getRow(rowOf('Tỷ lệ hoạt động hiệu quả')).getCell(2).value).toBe(0.5);
    const paragraph = summary.getRow(rowOf('Tóm tắt') + 1).getCell(1).value;
    expect(paragraph).toMatch(/^Trên địa bàn thành phố Lai Châu có tổng số 3 tổ chức kinh tế tập thể \(2 HTX, 1 THT\)/);

    const areas = workbook.getWorksheet('Theo địa bàn')!;
    expect(areas.getRow(1).values).toEqual([
      undefined,
      'Mã',
      'Xã/phường',
      'Tổng số',
      'HTX',
      'THT',
      'LHHTX',
      'Thành viên',
      'Lao động',
      'Hoạt động hiệu quả',
      'Đã xếp loại',
      'Tỷ lệ hiệu quả',
      'Thu nhập bình quân (đồng/tháng)',
    ]);
    expect(areas.getRow(2).values).toEqual([
      undefined,
      '03386',
      'Phường Quyết Thắng',
      1,
      1,
      0,
      0,
      5,
      2,
      1,
      1,
      1,
      4_000_000,
    ]);
    expect(areas.getRow(2).getCell(12).numFmt).toBe('#,##0');
    const last = areas.getRow(areas.rowCount);
    expect(last.getCell(2).value).toBe('Cộng: Thành phố Lai Châu');
    expect(last.getCell(3).value).toBe(3);
  });

  it('answers a bad area as a problem, not as a broken file', async () => {
    const res = await app.inject({ url: '/api/v1/stats/export.xlsx?area=06' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
