// `hoptac stats` and `hoptac report narrative` as users run them: real processes, working
// through the running test database (as the CLI does beside a running server, contracts §1).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import { importAdminUnitFiles } from '../admin-units/import-files.ts';
import { statsTable } from './stats-command.ts';
import { HA_LANG, insertOrganizations } from './stats.fixtures.ts';

const bin = new URL('../../../bin/hoptac.js', import.meta.url).pathname;
const units = new URL('../../../../shared/data/admin-units/', import.meta.url).pathname;
const hoptac = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });

const NA_SON = '03203'; // Xã Na Son (11), used by no other test
let app: Agent;
beforeAll(async () => {
  const { admin: a, db } = await testApp();
  app = a;
  // the pre-2025 map, to say where a merged province went
  await importAdminUnitFiles(db, [
    join(units, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(units, 'mapping-2025-07-01/splits.json'),
  ]);
  const at = { province: '11', commune: NA_SON };
  await insertOrganizations(db, [
    { at, reports: { '2024': { members: 12, workers: 5, incomePerWorkerMonthVnd: 4_500_000, grade: 'fair' } } },
    { at, kind: 'THT', sector: 'trade_services', reports: { '2024': { members: 6, grade: 'average' } } },
  ]);
});

describe('hoptac stats and report narrative', () => {
  it('print the JSON of the API and its paragraph', async () => {
    const query = `area=${NA_SON}&period=2024&kind=HTX`;
    const json = hoptac(['stats', '--area', NA_SON, '--period', '2024', '--kind', 'HTX', '--json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const api = await app.inject({ url: `/api/v1/stats?${query}` });
    expect(json.stdout).toBe(JSON.stringify(api.json(), null, 2) + '\n');
    expect(JSON.parse(json.stdout)).toMatchObject({ organizations: { total: 1, byKind: { HTX: 1, THT: 1 } } });

    const text = hoptac(['report', 'narrative', '--area', NA_SON, '--period', '2024']);
    expect(text.status).toBe(0);
    const narrative = await app.inject({ url: `/api/v1/stats/narrative?area=${NA_SON}&period=2024` });
    expect(text.stdout).toBe(narrative.json().text + '\n');
    expect(text.stdout).toMatch(/^Trên địa bàn xã Na Son có tổng số 2 tổ chức kinh tế tập thể \(1 HTX, 1 THT\)/);
  });

  it('exits 1 with a message in both languages on a bad option or a merged province', () => {
    const bad = hoptac(['stats', '--area', '06', '--kind', 'XYZ']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--kind');
    expect(bad.stderr).toMatch(/^Lỗi: .*\nError: /);

    const merged = hoptac(['report', 'narrative', '--area', '06']);
    expect(merged.status).toBe(1);
    expect(merged.stderr).toContain('đã sáp nhập vào 19');
    expect(merged.stderr).toContain('merged into 19');
  });
});

describe('the table printed without --json', () => {
  it('labels every figure in Vietnamese, money in đồng and in words', () => {
    const table = statsTable(HA_LANG);
    expect(table).toMatch(/^Huyện Hạ Lang \(048\) · Trước 01\/7\/2025 \(3 cấp\)\nKỳ báo cáo 2024 · Hợp tác xã\n/);
    expect(table).toMatch(/Xây dựng +7\n/);
    expect(table).toMatch(/Hoạt động hiệu quả +3 \/ 15 đã xếp loại \(20%\)/);
    expect(table).toMatch(/Vốn điều lệ bình quân +497\.133\.333 đồng \(497 triệu đồng\)/);
    expect(statsTable({ ...HA_LANG, members: null })).toMatch(/Thành viên +—\n/);
  });
});
