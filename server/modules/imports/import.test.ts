// The import on a real database: valid files (CSV and Excel, both maps), re-imports, and bad
// files that must write nothing. The test database is shared: every test uses its own
// registration numbers (uniqueNo()), and the Hạ Lang example (fixed numbers) runs inside a
// transaction that is rolled back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { unique, uniqueNo } from '../../../test/factories.ts';
import type { MapName } from '../../../shared/contracts/enums.ts';
import type { ImportResult } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { importAdminUnitFiles } from '../admin-units/import-files.ts';
import type { Placement } from '../organizations/placement.ts';
import { importOrganizations } from './import-organizations.ts';
import type { Tx } from '../../db/pool.ts';
import { formatOf } from './read-rows.ts';
import { deriveOtherMap, loadUnitIndex } from './unit-index.ts';
import { countOrganizations, csv, goodRow, HEADERS, xlsx, type TestRow } from '../../../test/import-files.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import { derivePlacement } from '../organizations/placement.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const data = join(root, '../shared/data/admin-units');
const HA_LANG = join(root, '../shared/examples/ha-lang-2024.csv');

let db: Db;
beforeAll(async () => {
  ({ db } = await testApp());
  // both maps and the 2025 mapping (idempotent; the admin-units tests load the same)
  await importAdminUnitFiles(db, [
    join(data, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
    join(data, 'mapping-2025-07-01/splits.json'),
  ]);
}, 120_000);

type Run = { period?: string; map?: MapName; dryRun?: boolean; batchSize?: number; bulkRows?: number };
function run(ex: Db | Tx, name: string, file: Buffer, opts: Run = {}): Promise<ImportResult> {
  return importOrganizations(ex, {
    caller: COMMAND_LINE,
    fileName: name,
    format: formatOf(name, file),
    source: Readable.from([file]),
    period: opts.period ?? '2024',
    map: opts.map ?? 'current',
    dryRun: opts.dryRun ?? false,
    batchSize: opts.batchSize,
    bulkRows: opts.bulkRows,
  });
}

async function fails(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Runs `fn` in a transaction that is rolled back, so the shared database stays as it was. */
async function rolledBack(fn: (tx: Tx) => Promise<void>) {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      tx.rollback();
    });
  } catch (err) {
    if (!(err instanceof TransactionRollbackError)) throw err;
  }
}

describe('the Hạ Lang example (pre-2025 map, 2024)', () => {
  it('creates 15 cooperatives placed on both maps; a re-import changes nothing', async () => {
    await rolledBack(async (tx) => {
      const before = await countOrganizations(tx, '4804');
      const first = await run(tx, 'ha-lang-2024.csv', readFileSync(HA_LANG), { map: 'pre-2025' });
      expect(first).toMatchObject({ rows: 15, created: 15, updated: 0, errorCount: 0, committed: true });
      expect(first.warnings).toEqual([]);
      expect(first.preview[0]).toMatchObject({
        line: 2,
        action: 'create',
        registrationNo: '480400000',
        name: 'Hợp tác xã Tuấn Tú',
        sector: 'agriculture',
        provinceCode: '04',
        districtCode: '048',
        communeCode: '01534',
        foundedOn: '2012-11-16',
        charterCapitalVnd: 323_000_000,
        incomePerWorkerMonthVnd: 5_000_000,
        grade: 'average',
      });
      expect(await countOrganizations(tx, '4804')).toBe(before + 15);

      const { rows } = await tx.execute<Record<string, unknown>>(sql`
        select o.recorded_map, o.province_code, o.old_province_code, o.old_district_code, o.old_commune_code,
          o.status, o.status_since, r.profit_vnd, r.source, r.status as report_status, g.grade, g.source as graded_by,
          (select count(*)::int from organization_status_events e where e.organization_id = o.id) as events
        from organizations o join organization_reports r on r.organization_id = o.id and r.period = '2024'
          left join organization_grades g on g.organization_id = o.id and g.period = '2024'
        where o.registration_no = '480400001'`);
      expect(rows).toEqual([
        {
          recorded_map: 'pre-2025',
          province_code: '04',
          old_province_code: '04',
          old_district_code: '048',
          old_commune_code: '01537',
          status: 'active',
          status_since: '2011-09-28',
          profit_vnd: -6_000_000,
          source: 'officer',
          report_status: 'approved', // entered by an officer: counted as it is
          grade: 'good',
          graded_by: 'import', // an imported grade keeps its source
          events: 1,
        },
      ]);

      const again = await run(tx, 'ha-lang-2024.csv', readFileSync(HA_LANG), { map: 'pre-2025' });
      expect(again).toMatchObject({ rows: 15, created: 0, updated: 0, unchanged: 15, errorCount: 0 });
      expect(await countOrganizations(tx, '4804')).toBe(before + 15);
    });
  });

  it('on the current map, says where its old communes went', async () => {
    await rolledBack(async (tx) => {
      const result = await run(tx, 'ha-lang-2024.csv', readFileSync(HA_LANG), { map: 'current' });
      expect(result.created).toBe(0);
      expect(result.committed).toBe(false);
      const first = result.errors.filter((e) => e.line === 2);
      expect(first.map((e) => e.column)).toEqual(['Mã huyện', 'Mã xã']);
      expect(first[0]!.messageEn).toContain('the current map has no districts');
      expect(first[1]!.message).toMatch(/^01534 .* không còn trên bản đồ hiện hành: từ 01\/7\/2025 đã nhập vào 01537 /);
      expect(first[1]!.messageEn).toContain('import with --map pre-2025');
    });
  });
});

describe('placement on the other map', () => {
  it('is derived in memory exactly as placement.ts derives it in SQL', async () => {
    // the import writes the placement it derives in memory (unit-index.ts); deriving it again
    // in SQL (placement.ts, as every other write does) must change nothing
    await rolledBack(async (tx) => {
      const t = `V${uniqueNo()}`;
      const { rows: units } = await tx.execute<{
        map: MapName;
        code: string;
        province_code: string;
        parent_code: string | null;
      }>(sql`
        select map, code, province_code, parent_code from admin_units where level = 'commune' order by map, code`);
      // every 9th commune of each map, and every province without a commune
      const pick = (map: MapName) => units.filter((u) => u.map === map).filter((_, i) => i % 9 === 0);
      const file = (map: MapName) =>
        csv([
          ...pick(map).map((u, i) =>
            goodRow(`${t}${map[0]}${i}`, {
              'Mã tỉnh': u.province_code,
              'Mã huyện': map === 'pre-2025' ? u.parent_code : '',
              'Mã xã': u.code,
            }),
          ),
          ...[...new Set(pick(map).map((u) => u.province_code))].map((p) =>
            goodRow(`${t}${map[0]}p${p}`, { 'Mã tỉnh': p, 'Mã xã': '' }),
          ),
        ]);
      for (const map of ['current', 'pre-2025'] as const) {
        const result = await run(tx, `${map}.csv`, file(map), { map });
        expect(result.errors).toEqual([]);
      }
      const index = await loadUnitIndex(tx);
      const placements = sql`select id, registration_no, recorded_map, province_code, commune_code, old_province_code,
        old_district_code, old_commune_code from organizations where registration_no like ${t + '%'} order by id`;
      const { rows: stored } = await tx.execute<Record<string, string | null>>(placements);
      await derivePlacement(
        tx,
        stored.map((o) => Number(o.id)),
      );
      expect((await tx.execute(placements)).rows).toEqual(stored);
      expect(stored.length).toBeGreaterThan(1500);
      let communesDerived = 0;
      for (const o of stored) {
        const inSql: Placement = {
          recordedMap: o.recorded_map as MapName,
          provinceCode: o.province_code ?? null,
          communeCode: o.commune_code ?? null,
          oldProvinceCode: o.old_province_code ?? null,
          oldDistrictCode: o.old_district_code ?? null,
          oldCommuneCode: o.old_commune_code ?? null,
        };
        const recorded: Placement =
          inSql.recordedMap === 'current'
            ? { ...inSql, oldProvinceCode: null, oldDistrictCode: null, oldCommuneCode: null }
            : { ...inSql, communeCode: null };
        expect(deriveOtherMap(index, recorded), o.registration_no!).toEqual(inSql);
        if (inSql.recordedMap === 'current' ? inSql.oldCommuneCode : inSql.communeCode) communesDerived++;
      }
      expect(communesDerived).toBeGreaterThan(500);
    });
  }, 120_000);
});

describe('valid files', () => {
  it('reads a semicolon CSV with a BOM, ASCII headers and a column it does not know', async () => {
    const t = `C${uniqueNo()}`;
    const headers = [...HEADERS.map((h) => h.toLowerCase()), 'Ghi chú'];
    const rows = [goodRow(`${t}1`), goodRow(`${t}2`, { 'Lĩnh vực': 'thuong mai - dich vu', 'Ghi chú': 'x' })].map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v])),
    );
    rows.forEach((r) => (r['Ghi chú'] = 'ghi chú; có dấu chấm phẩy'));
    const result = await run(db, 'dong-bom.csv', csv(rows, { headers, sep: ';', bom: true }));
    expect(result).toMatchObject({ rows: 2, created: 2, errorCount: 0, committed: true });
    expect(result.warnings).toEqual([
      {
        line: 1,
        column: 'Ghi chú',
        message: 'bỏ qua cột không biết "Ghi chú"',
        messageEn: 'unknown column "Ghi chú" ignored',
      },
    ]);
    expect(result.preview.map((p) => p.sector)).toEqual(['agriculture', 'trade_services']);
    expect(await countOrganizations(db, t)).toBe(2);
  });

  it('reads Excel: numbers, dates, rich text and formula results; the first sheet only', async () => {
    const t = `X${uniqueNo()}`;
    const file = await xlsx([
      goodRow(`${t}1`, {
        'Mã tỉnh': 4, // Excel dropped the leading zero
        'Mã xã': 1558,
        'Ngày thành lập': new Date(Date.UTC(2012, 10, 16)),
        'Vốn điều lệ': 323_000_000,
        'Lợi nhuận': { formula: '1000000-7000000', result: -6_000_000 },
        Tên: { richText: [{ text: 'Hợp tác xã ' }, { font: { bold: true }, text: `Rich ${t}` }] },
        'Số thành viên': 7,
      }),
      goodRow(`${t}2`, { 'Ngày thành lập': '05/01/2020', 'Xếp loại': 'Tốt' }),
    ]);
    const result = await run(db, 'mau.xlsx', file);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ rows: 2, created: 2, committed: true });
    expect(result.preview[0]).toMatchObject({
      line: 2,
      name: `Hợp tác xã Rich ${t}`,
      provinceCode: '04',
      communeCode: '01558',
      foundedOn: '2012-11-16',
      members: 7,
      charterCapitalVnd: 323_000_000,
      profitVnd: -6_000_000,
    });
    expect(result.preview[1]).toMatchObject({ line: 3, foundedOn: '2020-01-05', grade: 'good' });
  });

  it('updates on re-import: a status change is dated at the period end, figures per period', async () => {
    const t = `U${uniqueNo()}`;
    await run(db, 'a.csv', csv([goodRow(`${t}1`), goodRow(`${t}2`)]), { period: '2024' });
    const changed = await run(
      db,
      'b.csv',
      csv([goodRow(`${t}1`, { 'Trạng thái': 'Tạm ngừng hoạt động', 'Số thành viên': '13' }), goodRow(`${t}2`)]),
      { period: '2025-H1' },
    );
    // the second organisation gets its 2025-H1 report: an update too
    expect(changed).toMatchObject({ created: 0, updated: 2, unchanged: 0, errorCount: 0 });
    const { rows } = await db.execute<Record<string, unknown>>(sql`
      select o.status, o.status_since, o.version,
        (select json_agg(json_build_object('s', status, 'on', effective_on) order by effective_on)
           from organization_status_events e where e.organization_id = o.id) as events,
        (select json_agg(json_build_object('p', period, 'm', members) order by period)
           from organization_reports r where r.organization_id = o.id) as reports
      from organizations o where o.registration_no = ${`${t}1`}`);
    expect(rows[0]).toEqual({
      status: 'suspended',
      status_since: '2025-06-30',
      version: 2,
      events: [
        { s: 'active', on: '2015-03-02' },
        { s: 'suspended', on: '2025-06-30' },
      ],
      reports: [
        { p: '2024', m: 12 },
        { p: '2025-H1', m: 13 },
      ],
    });
    const same = await run(db, 'b.csv', csv([goodRow(`${t}1`, { 'Trạng thái': '', 'Số thành viên': '13' })]), {
      period: '2025-H1',
    });
    expect(same).toMatchObject({ updated: 0, unchanged: 1 }); // an empty status keeps the stored one
  });

  it('does not change a report awaiting review or approved by a reviewer; a grade alone leaves a report as it is', async () => {
    const t = `R${uniqueNo()}`;
    await run(db, 'a.csv', csv([goodRow(`${t}1`), goodRow(`${t}2`)]));
    const report = (no: string) => sql`organization_reports r join organizations o on o.id = r.organization_id
      where o.registration_no = ${no} and r.period = '2024'`;
    // the first one's report went through review and was approved; the second's awaits review
    await db.execute(sql`update organization_reports set source = 'cooperative', reviewed_at = now()
      where id = (select r.id from ${report(`${t}1`)})`);
    await db.execute(sql`update organization_reports set source = 'cooperative', status = 'submitted'
      where id = (select r.id from ${report(`${t}2`)})`);
    const stored = async () =>
      (
        await db.execute<{ members: number; source: string; version: number }>(
          sql`select r.members, r.source, r.version from ${report(`${t}1`)} union all
            select r.members, r.source, r.version from ${report(`${t}2`)}`,
        )
      ).rows;
    const before = await stored();

    const refused = await run(
      db,
      'b.csv',
      csv([goodRow(`${t}1`, { 'Số thành viên': '40' }), goodRow(`${t}2`, { 'Số lao động': '9' })]),
    );
    expect(refused.errorCount).toBe(2);
    expect(refused.errors.map((e) => [e.line, e.value])).toEqual([
      [2, `${t}1`],
      [3, `${t}2`],
    ]);
    expect(refused.errors[0]!.message).toContain('báo cáo kỳ 2024 đang chờ duyệt hoặc đã được duyệt');
    expect(await stored()).toEqual(before);

    // the same figures again, or only another grade: accepted, and the reports stay the cooperative's
    const same = await run(db, 'c.csv', csv([goodRow(`${t}1`), goodRow(`${t}2`, { 'Xếp loại': 'Tốt' })]));
    expect(same).toMatchObject({ errorCount: 0, unchanged: 1, updated: 1 });
    expect(await stored()).toEqual(before);

    // a new organisation with a grade and no figure: the grade, and no empty report
    const empty = { 'Số thành viên': '', 'Số lao động': '', 'Vốn điều lệ': '', 'Doanh thu': '', 'Lợi nhuận': '' };
    await run(db, 'd.csv', csv([goodRow(`${t}3`, { ...empty, 'Thu nhập bình quân': '', 'Xếp loại': 'Tốt' })]));
    const { rows } = await db.execute<{ reports: number; grade: string }>(sql`
      select (select count(*)::int from organization_reports r where r.organization_id = o.id) as reports,
        (select grade from organization_grades g where g.organization_id = o.id and g.period = '2024') as grade
      from organizations o where o.registration_no = ${`${t}3`}`);
    expect(rows).toEqual([{ reports: 0, grade: 'good' }]);

    // "Chưa xếp loại": not graded for the period, so the imported grade goes, as with an empty cell
    const unrated = await run(db, 'e.csv', csv([goodRow(`${t}3`, { ...empty, 'Xếp loại': 'Chưa xếp loại' })]));
    expect(unrated).toMatchObject({ errorCount: 0, committed: true });
    const { rows: after } = await db.execute(sql`
      select g.grade from organization_grades g join organizations o on o.id = g.organization_id
      where o.registration_no = ${`${t}3`}`);
    expect(after).toEqual([]);
  });

  it('keeps what the file has no column for', async () => {
    const t = `K${uniqueNo()}`;
    await run(db, 'full.csv', csv([goodRow(`${t}1`)]));
    const headers = ['Mã số', 'Tên', 'Loại hình', 'Lĩnh vực', 'Mã tỉnh', 'Số lao động'];
    const result = await run(db, 'few.csv', csv([goodRow(`${t}1`, { 'Số lao động': '9' })], { headers }));
    expect(result).toMatchObject({ updated: 1, errorCount: 0 });
    const { rows } = await db.execute<Record<string, unknown>>(sql`
      select o.commune_code, o.founded_on, r.members, r.workers, g.grade
      from organizations o join organization_reports r on r.organization_id = o.id and r.period = '2024'
        left join organization_grades g on g.organization_id = o.id and g.period = '2024'
      where o.registration_no = ${`${t}1`}`);
    expect(rows[0]).toEqual({
      commune_code: '01558',
      founded_on: '2015-03-02',
      members: 12,
      workers: 9,
      grade: 'fair',
    });
  });

  it('a dry run reports the same and writes nothing', async () => {
    const t = `D${uniqueNo()}`;
    const result = await run(db, 'thu.csv', csv([goodRow(`${t}1`), goodRow(`${t}2`)]), { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, committed: false, rows: 2, created: 2, errorCount: 0 });
    expect(await countOrganizations(db, t)).toBe(0);
  });
});

describe('files that are refused whole', () => {
  it('needs the required headers, once each, and a period for figures', async () => {
    const missing = await fails(
      run(db, 'thieu.csv', csv([], { headers: ['Mã số', 'Tên', 'Loại', 'Lĩnh vực', 'Tỉnh'] })),
    );
    expect(missing.detailVi).toContain('thiếu cột bắt buộc "Loại hình" (loai_hinh), "Mã tỉnh" (ma_tinh)');
    expect(missing.detailEn).toContain('The header row has: "Mã số", "Tên", "Loại", "Lĩnh vực", "Tỉnh"');
    const twice = await fails(run(db, 'lap.csv', csv([], { headers: [...HEADERS, 'ma_so'] })));
    expect(twice.detailEn).toContain('"Mã số" = "ma_so"');
    const noPeriod = await fails(run(db, 'ky.csv', csv([goodRow(`P${uniqueNo()}`)]), { period: '' }));
    expect(noPeriod.detailEn).toContain('choose their period (2024, 2024-H1 …; command line: --period)');
    const empty = await fails(run(db, 'trong.csv', Buffer.from('')));
    expect(empty.detailEn).toContain('is empty');
    const headerOnly = await fails(run(db, 'tieu-de.csv', csv([])));
    expect([headerOnly.detailVi, headerOnly.detailEn]).toEqual([
      'Tệp tieu-de.csv chỉ có dòng tiêu đề, không có dòng dữ liệu nào',
      'tieu-de.csv has a header row and no data rows',
    ]);
  });

  it('says when a CSV is not UTF-8', async () => {
    const latin = Buffer.concat([csv([]).subarray(0, 10), Buffer.from([0xe0, 0x2c, 0x0a])]);
    const err = await fails(run(db, 'cu.csv', latin));
    expect(err.detailEn).toContain('not UTF-8');
  });

  const BAD: [string, TestRow, string, RegExp][] = [
    ['a province code of no province', { 'Mã tỉnh': '99' }, 'Mã tỉnh', /no code 99 on the current map/],
    ['a commune outside its province', { 'Mã xã': '00004' }, 'Mã xã', /is not inside 04 /],
    ['a malformed code', { 'Mã xã': '1558a' }, 'Mã xã', /must be 5 digits/],
    [
      'a province of the other map',
      { 'Mã tỉnh': '06', 'Mã xã': '' },
      'Mã tỉnh',
      /06 .* no longer exists on the current map: on 1 July 2025 it went into 19 /,
    ],
    ['decimal money', { 'Vốn điều lệ': '7.500.000,5' }, 'Vốn điều lệ', /decimal part/],
    ['another decimal', { 'Doanh thu': '1.5' }, 'Doanh thu', /decimal part/],
    ['negative counts', { 'Số lao động': '-3' }, 'Số lao động', /cannot be negative/],
    ['an impossible date', { 'Ngày thành lập': '31/02/2020' }, 'Ngày thành lập', /no such date/],
    ['a future date', { 'Ngày thành lập': '01/01/2999' }, 'Ngày thành lập', /future/],
    [
      'an unknown sector',
      { 'Lĩnh vực': 'Du lịch' },
      'Lĩnh vực',
      /unknown sector; use one of: Nông nghiệp \(agriculture\)/,
    ],
    ['an unknown kind', { 'Loại hình': 'Công ty' }, 'Loại hình', /unknown kind/],
    ['an unknown grade', { 'Xếp loại': 'Xuất sắc' }, 'Xếp loại', /unknown grade/],
    ['an empty name', { Tên: '' }, 'Tên', /name is missing/],
  ];
  it.each(BAD)('%s: every bad cell listed, nothing written', async (_what, change, column, reason) => {
    const t = `B${uniqueNo()}`;
    const file = csv([goodRow(`${t}1`), goodRow(`${t}2`, change), goodRow(`${t}3`)]);
    const result = await run(db, 'sai.csv', file);
    expect(result).toMatchObject({ rows: 3, errorCount: 1, committed: false });
    expect(result.errors[0]).toMatchObject({ line: 3, column });
    expect(result.errors[0]!.messageEn).toMatch(reason);
    expect(result.errors[0]!.message).not.toBe(result.errors[0]!.messageEn);
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('a repeated registration number is an error on its second line', async () => {
    const t = `R${uniqueNo()}`;
    const result = await run(db, 'lap.csv', csv([goodRow(`${t}1`), goodRow(`${t}2`), goodRow(`${t}1`)]));
    expect(result.errors).toEqual([
      {
        line: 4,
        column: 'Mã số',
        value: `${t}1`,
        message: `mã số ${t}1 trùng với dòng 2`,
        messageEn: `registration number ${t}1 repeats line 2`,
      },
    ]);
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('a registration number is one number in any case: a re-import updates, one file may not hold both', async () => {
    const t = `c${unique()}`;
    await run(db, 'a.csv', csv([goodRow(`${t}k1`)]));
    const again = await run(db, 'b.csv', csv([goodRow(`${t}K1`, { 'Số thành viên': '13' })]));
    expect(again).toMatchObject({ created: 0, updated: 1, errorCount: 0 });
    const { rows } = await db.execute(
      sql`select registration_no from organizations where upper(registration_no) like ${t.toUpperCase() + '%'}`,
    );
    expect(rows).toEqual([{ registration_no: `${t}K1`.toUpperCase() }]);
    const both = await run(db, 'c.csv', csv([goodRow(`${t}x2`), goodRow(`${t}X2`)]));
    expect(both.errors).toMatchObject([
      { line: 3, column: 'Mã số', message: expect.stringContaining('trùng với dòng 2') },
    ]);
  });

  it('a CSV row with more cells than headers points at a separator inside a value', async () => {
    const t = `S${uniqueNo()}`;
    const text =
      csv([goodRow(`${t}1`)]).toString() +
      csv([goodRow(`${t}2`)])
        .toString()
        .split('\r\n')[1]!
        .replace('Hợp tác xã Thử', 'Hợp tác xã, Thử') +
      '\r\n';
    const result = await run(db, 'phay.csv', Buffer.from(text));
    expect(result.errors.map((e) => [e.line, e.column])).toContainEqual([3, null]);
    expect(result.errors.at(-1)!.messageEn).toContain('the row has 17 cells, more than the 16 header columns');
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('rolls back batches already written when a later row fails', async () => {
    const t = `L${uniqueNo()}`;
    const rows = Array.from({ length: 7 }, (_, i) => goodRow(`${t}${i}`));
    rows.push(goodRow(`${t}x`, { 'Số thành viên': '-1', 'Ngày thành lập': '30/02/2021' }));
    const result = await run(db, 'dai.csv', csv(rows), { batchSize: 3 });
    expect(result).toMatchObject({ rows: 8, created: 7, errorCount: 2, committed: false });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [9, 'Ngày thành lập'],
      [9, 'Số thành viên'],
    ]);
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('refuses bad cells in Excel files too', async () => {
    const t = `E${uniqueNo()}`;
    const file = await xlsx([
      goodRow(`${t}1`, { 'Vốn điều lệ': 1.5 }),
      goodRow(`${t}2`, { 'Ngày thành lập': '31/02/2020', 'Số lao động': -2 }),
    ]);
    const result = await run(db, 'sai.xlsx', file);
    expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'Vốn điều lệ', '1.5'],
      [3, 'Ngày thành lập', '31/02/2020'],
      [3, 'Số lao động', '-2'],
    ]);
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('on the pre-2025 map, refuses a district outside its province and a code of the current map', async () => {
    const t = `M${uniqueNo()}`;
    const file = csv([
      goodRow(`${t}1`, { 'Mã huyện': '048', 'Mã xã': '01534' }),
      goodRow(`${t}2`, { 'Mã huyện': '001', 'Mã xã': '' }),
      goodRow(`${t}3`, { 'Mã huyện': '', 'Mã xã': '06978', 'Mã tỉnh': '22' }),
    ]);
    const result = await run(db, 'cu.csv', file, { map: 'pre-2025' });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Mã huyện'],
      [4, 'Mã xã'],
    ]);
    expect(result.errors[0]!.messageEn).toMatch(/^001 .* is not inside 04 /);
    expect(result.errors[1]!.messageEn).toMatch(
      /^06978 Xã Ba Chẽ is a code of the current map .* import with --map current/,
    );
    expect(await countOrganizations(db, t)).toBe(0);
  });
});

describe('a large load', () => {
  const indexes = async () =>
    (
      await db.execute<{ def: string }>(
        sql`select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'organizations'::regclass order by 1`,
      )
    ).rows.map((r) => r.def);

  it('builds the indexes again at the end, as they were, and they find the new rows', async () => {
    const before = await indexes();
    const t = `BK${uniqueNo()}`;
    const rows = Array.from({ length: 30 }, (_, i) => goodRow(`${t}${i}`, { Tên: `Hợp tác xã Khối Lớn ${t} ${i}` }));
    const result = await run(db, 'lon.csv', csv(rows), { bulkRows: 5, batchSize: 10 });
    expect(result).toMatchObject({ committed: true, created: 30, errorCount: 0 });
    expect(await indexes()).toEqual(before);
    const { rows: found } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from organizations where search_text like ${'%' + `khoi lon ${t}`.toLowerCase() + '%'}`,
    );
    expect(found[0]!.n).toBe(30);
  });

  it('keeps them when the file fails late, and writes nothing', async () => {
    const before = await indexes();
    const t = `BF${uniqueNo()}`;
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => goodRow(`${t}${i}`)),
      goodRow(`${t}x`, { 'Loại hình': 'XYZ' }),
    ];
    const result = await run(db, 'hong.csv', csv(rows), { bulkRows: 5, batchSize: 10 });
    expect(result).toMatchObject({ committed: false, errorCount: 1 });
    expect(await indexes()).toEqual(before);
    expect(await countOrganizations(db, t)).toBe(0);
  });
});
