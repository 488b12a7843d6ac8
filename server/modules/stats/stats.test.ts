// The statistics through the API (contracts §4, §8) on the shared test database: every test
// counts in communes of Điện Biên (11) that no other test file uses, or inside a transaction
// that is rolled back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import { uniqueNo } from '../../../test/factories.ts';
import { paramsOf, type Db, type Tx } from '../../db/pool.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import { importAdminUnitFiles } from '../admin-units/import-files.ts';
import { importOrganizations } from '../imports/import-organizations.ts';
import { narrative } from './narrative.ts';
import { HA_LANG, HA_LANG_TEXT, insertOrganizations, readPre2025Csv, rolledBack } from './stats.fixtures.ts';
import { computeStats, latestPeriod } from './stats.service.ts';
import {
  breakdownStatement,
  reportedPeriods,
  statsStatement,
  valuesOf,
  type Executor,
  type Scope,
} from './stats.queries.ts';
import { COMMAND_LINE } from '../auth/caller.ts';

const shared = new URL('../../../../shared/', import.meta.url).pathname;
const units = join(shared, 'data/admin-units');

let app: Agent;
let db: Db;
beforeAll(async () => {
  ({ admin: app, db } = await testApp());
  await importAdminUnitFiles(db, [
    join(units, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(units, 'mapping-2025-07-01/splits.json'),
  ]);
});

async function get<T = Stats>(path: string, query: string): Promise<T> {
  const res = await app.inject({ url: `/api/v1/${path}?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
const stats = (query: string) => get('stats', query);

const NOTHING_REPORTED = {
  members: null,
  workers: null,
  totals: { charterCapitalVnd: null, revenueVnd: null, profitVnd: null },
  averages: { charterCapitalVnd: null, revenueVnd: null, profitVnd: null, incomePerWorkerMonthVnd: null },
};

describe('bad input', () => {
  it('answers 400 naming each invalid field', async () => {
    const res = await app.inject({ url: '/api/v1/stats?area=abc&period=2024-H3&kind=XYZ&map=old' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['area', 'kind', 'map', 'period']);
  });

  it('refuses an area that is not on the map, saying where a merged province went', async () => {
    const unknown = await app.inject({ url: '/api/v1/stats?area=99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('area');

    const merged = await app.inject({ url: '/api/v1/stats/narrative?area=06' });
    expect(merged.statusCode).toBe(400);
    expect(merged.json().detailEn).toMatch(/06 .*Bắc Kạn no longer exists on the current map: it merged into 19 /);
    expect(merged.json().detail).toContain('đã sáp nhập vào 19');
    expect((await app.inject({ url: '/api/v1/stats?area=06&map=pre-2025' })).statusCode).toBe(200);
    expect(merged.json().detailEn).toContain('use --map pre-2025 (API: map=pre-2025)');

    // a former commune divided between two new ones did not merge into each of them
    const split = await app.inject({ url: '/api/v1/stats?area=00007' });
    expect(split.json().detailEn).toMatch(/no longer exists on the current map: it was divided among 00008 .*, 00025 /);
    expect(split.json().detail).toContain('được chia về 00008');

    const district = await app.inject({ url: '/api/v1/stats/breakdown?area=048&map=current' });
    expect(district.statusCode).toBe(400);
    expect(district.json().errors[0].field).toBe('area');
  });
});

describe('who is counted at the end of the period', () => {
  const PA_HAM = '03193'; // Xã Pa Ham (11)
  beforeAll(async () => {
    const at = { province: '11', commune: PA_HAM };
    await insertOrganizations(db, [
      {
        at,
        foundedOn: '2010-01-01',
        reports: {
          '2024': {
            members: 10,
            workers: 4,
            charterCapitalVnd: 1_000_000_001,
            revenueVnd: 2_000_000_000,
            profitVnd: -100_000_001,
            incomePerWorkerMonthVnd: 6_000_000,
            grade: 'good',
          },
        },
      },
      {
        at,
        sector: 'construction',
        reports: {
          '2024': {
            members: 7,
            workers: 1,
            charterCapitalVnd: 1_000_000_002,
            profitVnd: -100_000_002,
            incomePerWorkerMonthVnd: 3_000_000,
            grade: 'average',
          },
        },
      },
      // dissolved before the end: not counted, its report neither
      {
        at,
        sector: 'trade_services',
        history: [
          ['active', '2011-01-01'],
          ['dissolved', '2023-05-01'],
        ],
        reports: { '2024': { members: 100, grade: 'good' } },
      },
      // dissolved after the end of 2024: counted in 2024 as it stood then, not in 2025
      {
        at,
        history: [
          ['active', '2013-01-01'],
          ['dissolved', '2025-03-01'],
        ],
        reports: { '2024': { members: 5, grade: 'fair' } },
      },
      // founded after the end of 2024
      { at, kind: 'THT', foundedOn: '2025-02-01', reports: { '2025': { members: 3 } } },
      // suspended, no report: unrated
      {
        at,
        sector: 'other',
        history: [
          ['active', '2014-01-01'],
          ['suspended', '2022-06-01'],
        ],
      },
      // being dissolved still counts as active; no workers: left out of the weighted income
      {
        at,
        kind: 'THT',
        sector: 'transport',
        history: [
          ['active', '2016-01-01'],
          ['dissolving', '2024-10-01'],
        ],
        reports: { '2024': { members: 2, workers: 0, incomePerWorkerMonthVnd: 9_000_000, grade: 'weak' } },
      },
      // no founding date and an undated status: counted
      {
        at,
        kind: 'LHHTX',
        sector: 'environment',
        foundedOn: null,
        statusSince: null,
        history: [['active', '2019-01-01']],
      },
      // founded long ago but registered only in 2025: not yet in 2024
      { at, sector: 'credit_fund', foundedOn: '2009-01-01', history: [['active', '2025-08-01']] },
    ]);
  });

  it('counts one kind, byKind every kind, with sums, exact means and income weighted by workers', async () => {
    expect(await stats(`area=${PA_HAM}&period=2024&kind=HTX`)).toEqual({
      area: { code: PA_HAM, name: 'Xã Pa Ham', level: 'commune', map: 'current' },
      period: '2024',
      kind: 'HTX',
      organizations: {
        total: 4,
        byKind: { HTX: 4, THT: 1, LHHTX: 1 },
        bySector: {
          agriculture: 2,
          industry_handicraft: 0,
          construction: 1,
          trade_services: 0,
          transport: 0,
          credit_fund: 0,
          environment: 0,
          other: 1,
        },
        byStatus: { active: 3, suspended: 1 },
        byGrade: { good: 1, fair: 1, average: 1, weak: 0, unrated: 1 },
      },
      effective: { count: 2, graded: 3, share: 2 / 3 },
      members: 22,
      workers: 5,
      totals: { charterCapitalVnd: 2_000_000_003, revenueVnd: 2_000_000_000, profitVnd: -200_000_003 },
      averages: {
        charterCapitalVnd: 1_000_000_002, // 1.000.000.001,5 rounded half away from zero
        revenueVnd: 2_000_000_000, // the one organisation that reported it
        profitVnd: -100_000_002, // -100.000.001,5 rounded away from zero
        incomePerWorkerMonthVnd: 5_400_000, // (6M·4 + 3M·1) / 5, not the plain mean 4,5M
      },
    });
  });

  it('counts all kinds, a dissolving one as active', async () => {
    const all = await stats(`area=${PA_HAM}&period=2024`);
    expect(all.kind).toBeNull();
    expect(all.organizations).toMatchObject({
      total: 6,
      byStatus: { active: 5, suspended: 1 },
      byGrade: { good: 1, fair: 1, average: 1, weak: 1, unrated: 2 },
    });
    expect(all.organizations.bySector).toMatchObject({ agriculture: 2, transport: 1, environment: 1, other: 1 });
    expect(all.effective).toEqual({ count: 2, graded: 4, share: 0.5 });
    expect(all.members).toBe(24);
    expect(all.averages.incomePerWorkerMonthVnd).toBe(5_400_000);
  });

  it('counts the next period as it stands then: founded, registered, dissolved since', async () => {
    const next = await stats(`area=${PA_HAM}&period=2025`);
    expect(next.organizations.total).toBe(7);
    expect(next.organizations.byKind).toEqual({ HTX: 4, THT: 2, LHHTX: 1 });
    expect(next.organizations.bySector.credit_fund).toBe(1);
    expect(next.members).toBe(3);
    expect(next.effective).toEqual({ count: 0, graded: 0, share: null });
    // a half-year ends on 30 June: founded in February is there, dissolved in March and
    // registered in August are not
    const half = await stats(`area=${PA_HAM}&period=2025-H1`);
    expect(half.organizations.total).toBe(6);
  });

  it('writes the paragraph from the same figures', async () => {
    const { text } = await get<{ text: string }>('stats/narrative', `area=${PA_HAM}&period=2024&kind=HTX`);
    expect(text).toBe(
      'Trên địa bàn xã Pa Ham có tổng số 4 HTX, với tổng số 22 thành viên, trong đó có 2 HTX nông nghiệp, ' +
        '1 HTX xây dựng, 1 HTX lĩnh vực khác; số HTX hoạt động hiệu quả chiếm 66,7% trong 3 HTX được xếp loại. Thu nhập bình quân ' +
        'của lao động thường xuyên đạt 5,4 triệu đồng/tháng. Vốn điều lệ bình quân 1 tỷ đồng/HTX; ' +
        'doanh thu bình quân 2 tỷ đồng; lỗ bình quân 100 triệu đồng.',
    );
  });
});

describe('empty areas and unreported figures', () => {
  it('answers zeros and nulls for an area with no organisation', async () => {
    const none = await stats('area=03194&period=2024'); // Xã Nậm Nèn
    expect(none).toEqual({
      area: { code: '03194', name: 'Xã Nậm Nèn', level: 'commune', map: 'current' },
      period: '2024',
      kind: null,
      organizations: {
        total: 0,
        byKind: { HTX: 0, THT: 0, LHHTX: 0 },
        bySector: {
          agriculture: 0,
          industry_handicraft: 0,
          construction: 0,
          trade_services: 0,
          transport: 0,
          credit_fund: 0,
          environment: 0,
          other: 0,
        },
        byStatus: { active: 0, suspended: 0 },
        byGrade: { good: 0, fair: 0, average: 0, weak: 0, unrated: 0 },
      },
      effective: { count: 0, graded: 0, share: null },
      ...NOTHING_REPORTED,
    });
    const { text } = await get<{ text: string }>('stats/narrative', 'area=03194&period=2024');
    expect(text).toBe('Trên địa bàn xã Nậm Nèn chưa có tổ chức kinh tế tập thể nào.');
  });

  it('keeps figures nobody reported null, and out of the paragraph', async () => {
    const at = { province: '11', commune: '03199' }; // Xã Si Pa Phìn
    await insertOrganizations(db, [{ at, reports: { '2024': { grade: 'good' } } }, { at }]);
    const s = await stats('area=03199&period=2024&kind=HTX');
    expect(s).toMatchObject({ ...NOTHING_REPORTED, effective: { count: 1, graded: 1, share: 1 } });
    expect(s.organizations.byGrade).toEqual({ good: 1, fair: 0, average: 0, weak: 0, unrated: 1 });
    const { text } = await get<{ text: string }>('stats/narrative', 'area=03199&period=2024&kind=HTX');
    expect(text).toBe(
      'Trên địa bàn xã Si Pa Phìn có tổng số 2 HTX, trong đó có 2 HTX nông nghiệp; số HTX hoạt động hiệu quả chiếm 100% trong 1 HTX được xếp loại.',
    );
  });
});

describe('both maps', () => {
  it('counts an organisation recorded on either map in its units on both', async () => {
    const before = await Promise.all([stats('area=11&period=2024'), stats('area=11&map=pre-2025&period=2024')]);
    await insertOrganizations(db, [
      // recorded before the reform in Xã Sín Thầu (096), which went whole into the new Xã Sín Thầu
      { at: { oldProvince: '11', oldDistrict: '096', oldCommune: '03154' } },
      // recorded on the current map in the new Xã Sín Thầu, made of three old communes of 096
      { at: { province: '11', commune: '03158' }, kind: 'THT' },
    ]);
    const after = await Promise.all([stats('area=11&period=2024'), stats('area=11&map=pre-2025&period=2024')]);
    expect(after.map((s, i) => s.organizations.total - before[i]!.organizations.total)).toEqual([2, 2]);

    const newCommune = await stats('area=03158&period=2024');
    expect(newCommune.organizations.byKind).toEqual({ HTX: 1, THT: 1, LHHTX: 0 });
    const oldDistrict = await stats('area=096&period=2024'); // 3 digits: the pre-2025 map
    expect(oldDistrict.area).toEqual({ code: '096', name: 'Huyện Mường Nhé', level: 'district', map: 'pre-2025' });
    expect(oldDistrict.organizations.byKind).toEqual({ HTX: 1, THT: 1, LHHTX: 0 });
    // the old commune holds only the one recorded there: the other may lie in any of three
    const oldCommune = await stats('area=03154&map=pre-2025&period=2024');
    expect(oldCommune.organizations.byKind).toEqual({ HTX: 1, THT: 0, LHHTX: 0 });
  });
});

describe('the example of contracts §4', () => {
  const file = join(shared, 'examples/ha-lang-2024.csv');
  /** Hạ Lang 2024 as the figures see it, in a transaction rolled back afterwards. */
  const inHaLang = (load: (tx: Tx) => Promise<unknown>) =>
    rolledBack(
      db,
      async (tx) => {
        // others' organisations placed in the old district do not belong to the example
        await tx.execute(sql`update organizations set old_district_code = null where old_district_code = '048'`);
        await load(tx);
        return computeStats(tx, { area: '048', period: '2024', kind: 'HTX' });
      },
      { isolationLevel: 'repeatable read' },
    );

  it('gives the exact statistics and paragraph of Hạ Lang 2024', async () => {
    const result = await inHaLang((tx) => insertOrganizations(tx, readPre2025Csv(file, '2024', `-${uniqueNo()}`)));
    expect(result).toEqual(HA_LANG);
    expect(JSON.stringify(result)).toBe(JSON.stringify(HA_LANG)); // keys in the order of §4, too
    expect(narrative(result)).toBe(HA_LANG_TEXT);
  });

  it('gives them after the real import of the file (--period 2024 --map pre-2025)', async () => {
    const result = await inHaLang(async (tx) => {
      const imported = await importOrganizations(tx, {
        caller: COMMAND_LINE,
        fileName: 'ha-lang-2024.csv',
        format: 'csv',
        source: Readable.from([readFileSync(file)]),
        period: '2024',
        map: 'pre-2025',
        dryRun: false,
      });
      expect(imported).toMatchObject({ rows: 15, errorCount: 0 });
    });
    expect(result).toEqual(HA_LANG);
  });
});

describe('the default period', () => {
  it('is the latest period with an approved report: a draft or a report awaiting review does not count', async () => {
    const periods = await rolledBack(db, async (tx) => {
      const [id] = await insertOrganizations(tx, [
        { at: { province: '11', commune: '03202' }, reports: { '2097-H1': {}, '2097': {}, '2097-H2': {} } },
      ]);
      const before = (await computeStats(tx, { area: '03202' })).period;
      await tx.execute(sql`insert into organization_reports (organization_id, period, status, members)
        values (${id}, '2098-H1', 'draft', 9), (${id}, '2098', 'submitted', 9)`);
      return [before, (await computeStats(tx, { area: '03202' })).period];
    });
    expect(periods).toEqual(['2097', '2097']);
  });

  it('orders periods by their end, a year after its halves; the current year when none', () => {
    expect(latestPeriod(['2023', '2025-H1', '2024', '2025-H2'])).toBe('2025-H2');
    expect(latestPeriod(['2025-H2', '2025', '2025-H1'])).toBe('2025');
    expect(latestPeriod(['2024', 'không hợp lệ'])).toBe('2024');
    expect(latestPeriod([], new Date('2026-03-31T12:00:00Z'))).toBe('2026');
  });
});

describe('the SQL', () => {
  it('is committed as it runs, in stats.sql', async () => {
    const statements: string[] = [];
    const record = (text: string, params: unknown[]) => {
      const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
      const body = lines.map((l) => l.slice(indent).trimEnd()).join('\n');
      statements.push(`-- params: ${JSON.stringify(params)}\n${body};`);
    };
    const capture = {
      execute: (query: SQL) => {
        const { sql: text, params } = new PgDialect().sqlToQuery(query);
        record(text, params);
        return Promise.resolve({ rows: [{}] }) as never;
      },
    } as Executor;
    const province: Scope = {
      area: { code: '01', name: 'Thành phố Hà Nội', level: 'province', map: 'current' },
      period: '2024',
      end: '2024-12-31',
      kind: 'HTX',
    };
    // built once per map and level, run with the scope's values
    for (const statement of [statsStatement, breakdownStatement]) {
      const built = statement(province.area.map, province.area.level);
      record(built.text, paramsOf(built, valuesOf(province)));
    }
    await reportedPeriods(capture);
    const header = [
      '-- The statements of stats.queries.ts as they run, for review and EXPLAIN: the statistics of',
      '-- a current province for one kind, its communes, the periods with reports. They read the',
      '-- summary kept by the functions and triggers of migrations/0004_stats_summary.sql.',
      '-- Generated by stats.test.ts: `npx vitest run server/modules/stats -u` after a change.',
    ];
    await expect([header.join('\n'), ...statements].join('\n\n') + '\n').toMatchFileSnapshot('./stats.sql');
  });
});
