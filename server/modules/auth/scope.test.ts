// Lists, search, statistics, exports and imports include only what the caller may see or
// change. Units of Hà Tĩnh (42) and Quảng Trị (44), which no other test file uses.
import { join } from 'node:path';
import ExcelJS from '../../lib/exceljs.ts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization, uniqueNo } from '../../../test/factories.ts';
import { csv, goodRow, multipart } from '../../../test/import-files.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import { importAdminUnitFiles } from '../admin-units/import-files.ts';

const units = new URL('../../../../shared/data/admin-units/', import.meta.url).pathname;

let app: App;
let db: Db;
let admin: Agent;
let officer: Agent;
let staff: Agent;
let coop: Agent;
const at = { home: '', neighbour: '', away: '' };
let ownOrg = 0;
let awayNo = '';

async function communeOf(province: string, skip = 0) {
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = ${province} and level = 'commune' order by code desc offset ${skip} limit 1`,
  );
  return rows[0]!.code;
}

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  await importAdminUnitFiles(db, [
    join(units, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(units, 'mapping-2025-07-01/splits.json'),
  ]);
  at.home = await communeOf('42');
  at.neighbour = await communeOf('42', 1);
  at.away = await communeOf('44');
  const make = async (provinceCode: string, communeCode: string, kind = 'HTX') => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode, communeCode, kind: kind as 'HTX' }),
    });
    return res.json<{ id: number; registrationNo: string }>();
  };
  ownOrg = (await make('42', at.home)).id;
  await make('42', at.home, 'THT');
  await make('42', at.neighbour);
  awayNo = (await make('44', at.away)).registrationNo;
  officer = await signIn(app, db, { role: 'commune_officer', areaCode: at.home });
  staff = await signIn(app, db, { role: 'province_staff', areaCode: '42' });
  coop = await signIn(app, db, { role: 'cooperative', organizationId: ownOrg });
});

const count = async (where: ReturnType<typeof sql>) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from organizations o where ${where}`)).rows[0]!.n;
const json = async <T>(agent: Agent, url: string) => {
  const res = await agent.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('lists and search', () => {
  it("hold only the caller's organisations, whatever area is asked", async () => {
    const province = await count(sql`o.province_code = '42'`);
    for (const query of ['', '?area=VN', '?area=42&pageSize=5']) {
      expect((await json<{ total: number }>(officer, `/api/v1/organizations${query}`)).total).toBe(province);
    }
    expect((await json<{ total: number }>(officer, '/api/v1/organizations?area=44')).total).toBe(0);
    const mine = await json<{ total: number; items: { id: number }[] }>(coop, '/api/v1/organizations');
    expect(mine).toMatchObject({ total: 1, items: [{ id: ownOrg }] });
    const search = await json<{ total: number }>(officer, `/api/v1/organizations?q=${awayNo}`);
    expect(search.total).toBe(0);
    expect((await json<{ total: number }>(admin, `/api/v1/organizations?q=${awayNo}`)).total).toBe(1);
  });

  it('export only those to Excel', async () => {
    const res = await officer.inject('/api/v1/organizations/export.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const provinces = new Set<string>();
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) provinces.add(String(row.getCell(5).value));
    });
    expect([...provinces]).toEqual(['42']);
    expect(book.worksheets[0]!.rowCount - 1).toBe(await count(sql`o.province_code = '42'`));
  });
});

describe('statistics', () => {
  it('of a commune officer are those of their own commune when no area is asked, never more', async () => {
    const own = await json<Stats>(officer, '/api/v1/stats?period=2024');
    expect(own.area).toMatchObject({ code: at.home, level: 'commune' });
    expect(own).toEqual(await json<Stats>(admin, `/api/v1/stats?area=${at.home}&period=2024`));
    expect(own.organizations.byKind).toMatchObject({ HTX: expect.any(Number), THT: expect.any(Number) });
    expect((await json<Stats>(staff, '/api/v1/stats?period=2024')).area.code).toBe('42');
    const narrative = await json<{ text: string }>(officer, '/api/v1/stats/narrative?period=2024');
    expect(narrative.text).toContain('xã');
  });

  it('reach as far as the read scope: the province, and its former units on the old map', async () => {
    expect((await officer.inject('/api/v1/stats?area=42&period=2024')).statusCode).toBe(200);
    expect((await officer.inject(`/api/v1/stats/breakdown?area=42&period=2024`)).statusCode).toBe(200);
    expect((await staff.inject('/api/v1/stats?area=42&map=pre-2025&period=2024')).statusCode).toBe(200);
    for (const query of ['area=VN', 'area=44', `area=${at.away}`, 'area=44&map=pre-2025', 'area=04']) {
      const res = await officer.inject(`/api/v1/stats?${query}&period=2024`);
      expect(res.statusCode, query).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    // a commune officer may count the province, and only its own commune below it
    expect((await officer.inject(`/api/v1/stats?area=${at.neighbour}&period=2024`)).statusCode).toBe(200);
    expect((await coop.inject('/api/v1/stats')).statusCode).toBe(403);
    expect((await officer.inject('/api/v1/stats?area=77777&period=2024')).statusCode).toBe(400);
  });
});

describe('imports', () => {
  async function upload(agent: Agent, rows: ReturnType<typeof goodRow>[]) {
    const res = await agent.inject({
      method: 'POST',
      url: '/api/v1/imports/organizations',
      ...multipart({ period: '2024', dryRun: 'false' }, { name: 'xa.csv', data: csv(rows) }),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<ImportJob>().id;
    for (let i = 0; i < 200; i++) {
      const job = await json<ImportJob>(agent, `/api/v1/imports/${id}`);
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('refuse every row outside the area the caller may change, and write nothing', async () => {
    const prefix = `SC${uniqueNo()}`;
    const job = await upload(officer, [
      goodRow(`${prefix}1`, { 'Mã tỉnh': '42', 'Mã xã': at.home }),
      goodRow(`${prefix}2`, { 'Mã tỉnh': '42', 'Mã xã': at.neighbour }),
      goodRow(awayNo, { 'Mã tỉnh': '42', 'Mã xã': at.home }), // someone else's, moved in
    ]);
    expect(job.status).toBe('failed');
    expect(job.result).toMatchObject({ committed: false, errorCount: 2 });
    // each names its cell: the commune that places a new one outside, the number of one outside
    expect(job.result!.errors.map((e) => [e.line, e.column, e.value, e.messageEn])).toEqual([
      [3, 'Mã xã', at.neighbour, `${prefix}2: outside the area you may change`],
      [4, 'Mã số', awayNo, `${awayNo}: outside the area you may change`],
    ]);
    expect(await count(sql`o.registration_no like ${prefix + '%'}`)).toBe(0);
  });

  it("are the uploader's: nobody else sees or applies them", async () => {
    const job = await upload(officer, [goodRow(`SD${uniqueNo()}`, { 'Mã tỉnh': '42', 'Mã xã': at.home })]);
    expect(job.status).toBe('succeeded');
    expect((await staff.inject(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await admin.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply` })).statusCode).toBe(404);
  });
});
