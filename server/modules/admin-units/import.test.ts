// `hoptac admin-units import` against the open data in ../shared/data/admin-units (never copied
// here). The test database is shared by every test file: the pre-2025 list and the mapping are
// loaded for real (idempotent); anything else is loaded inside a transaction that is rolled back.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { findUnit } from './admin-units.queries.ts';
import { importAdminUnitFiles } from './import-files.ts';
import type { Tx } from '../../db/pool.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const data = join(root, '../shared/data/admin-units');
const PRE = join(data, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json');
const SPLITS = join(data, 'mapping-2025-07-01/splits.json');
const LIST_2025 = join(data, '2025-07-01/simplified_json_generated_data_vn_units.json');
const LIST_2026 = join(data, '2026-04-30/simplified_json_generated_data_vn_units.json');

let db: Db;
let firstRun: string[];
const dir = mkdtempSync(join(tmpdir(), 'hoptac-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  ({ db } = await testApp());
  firstRun = await importAdminUnitFiles(db, [PRE, SPLITS]);
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

type Ex = Db | Tx;

async function counts(ex: Ex): Promise<Record<string, number>> {
  const { rows } = await ex.execute<{ k: string; n: number }>(
    sql`select map || '/' || level as k, count(*)::int as n from admin_units group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

async function successors(ex: Ex, oldCode: string) {
  const { rows } = await ex.execute<{ new_code: string; level: string; coverage: string }>(
    sql`select new_code, level, coverage from admin_unit_successors where old_code = ${oldCode} order by new_code`,
  );
  return rows;
}

/** Runs `fn` in a transaction and rolls it back, so the shared database stays as it was. */
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

async function importError(files: string[], ex: Ex = db): Promise<AppError> {
  const err = await importAdminUnitFiles(ex, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('validation_failed');
  return err as AppError;
}

describe('the contract command: pre-2025 list + splits.json', () => {
  it('leaves both maps and the mapping complete', async () => {
    expect(await counts(db)).toMatchObject({
      'pre-2025/province': 63,
      'pre-2025/district': 696,
      'pre-2025/commune': 10035,
      'current/province': 34,
      'current/commune': 3321,
    });
    const { rows } = await db.execute<{ missing: number; olds: number }>(sql`
      select
        (select count(*)::int from admin_units u where u.map = 'pre-2025' and u.level <> 'district'
          and not exists (select 1 from admin_unit_successors s where s.old_code = u.code)) as missing,
        (select count(distinct old_code)::int from admin_unit_successors) as olds`);
    expect(rows[0]).toEqual({ missing: 0, olds: 63 + 10047 }); // 12 old communes absent from the list are kept
    expect(firstRun).toContain('pre-2025: 63 tỉnh, 696 huyện, 10.035 xã / provinces, districts, communes');
    expect(firstRun.join('\n')).toMatch(/warning: 12 old codes are not in the pre-2025 list/);
  });

  it('links old units to their successors', async () => {
    expect(await successors(db, '06')).toEqual([{ new_code: '19', level: 'province', coverage: 'full' }]);
    expect(await successors(db, '01534')).toEqual([{ new_code: '01537', level: 'commune', coverage: 'full' }]);
    expect(await successors(db, '00007')).toEqual([
      { new_code: '00008', level: 'commune', coverage: 'partial' },
      { new_code: '00025', level: 'commune', coverage: 'partial' },
    ]);
    // the mapping's draft code 06970 is stored as the official 06978
    const { rows } = await db.execute(sql`select 1 from admin_unit_successors where new_code in ('06970', '23737')`);
    expect(rows).toHaveLength(0);
  });

  it('builds the three levels with parents, types and NFC names', async () => {
    expect(await findUnit(db, 'pre-2025', '048')).toMatchObject({
      name: 'Hạ Lang',
      fullName: 'Huyện Hạ Lang',
      nameEn: 'Ha Lang',
      level: 'district',
      type: 'Huyện',
      parentCode: '04',
      provinceCode: '04',
    });
    expect(await findUnit(db, 'pre-2025', '01558')).toMatchObject({
      type: 'Thị trấn',
      parentCode: '048',
      provinceCode: '04',
    });
    expect(await findUnit(db, 'pre-2025', '01')).toMatchObject({
      type: 'Thành phố',
      level: 'province',
      parentCode: null,
    });
    const { rows } = await db.execute(sql`select 1 from admin_units where full_name <> normalize(full_name, NFC)`);
    expect(rows).toHaveLength(0);
  });

  it('is idempotent', async () => {
    const before = await counts(db);
    const lines = await importAdminUnitFiles(db, [PRE, SPLITS]);
    expect(await counts(db)).toEqual(before);
    expect(lines[0]).toContain('thêm 0, cập nhật 0, không đổi 10.794');
    expect(lines[1]).toContain('thêm 0, cập nhật 0, xoá 0');
    expect(lines.join('\n')).toContain('successors: 63 tỉnh cũ, 10.047 xã cũ → 10.662 liên kết');
  });
});

describe('a newer current list', () => {
  it('updates names and types by code, keeping every unit', async () => {
    await rolledBack(async (tx) => {
      await importAdminUnitFiles(tx, [LIST_2025]);
      expect(await findUnit(tx, 'current', '00745')).toMatchObject({ fullName: 'Xã Phó Bảng' });
      const lines = await importAdminUnitFiles(tx, [LIST_2026]);
      expect(lines[0]).toContain('current: 34 tỉnh, 3.321 xã');
      expect(await findUnit(tx, 'current', '00745')).toMatchObject({
        name: 'Phố Bảng',
        fullName: 'Xã Phố Bảng',
        nameEn: 'Pho Bang',
      });
      expect(await findUnit(tx, 'current', '75')).toMatchObject({ fullName: 'Thành phố Đồng Nai', type: 'Thành phố' });
      expect(await findUnit(tx, 'current', '06325')).toMatchObject({ fullName: 'Xã Bắc Sơn', type: 'Xã' }); // upstream: "xã Bắc Sơn"
      expect(await counts(tx)).toMatchObject({ 'current/province': 34, 'current/commune': 3321 });
    });
    expect(await findUnit(db, 'current', '75')).toMatchObject({ type: 'Tỉnh' });
  });
});

describe('CSV', () => {
  it('adds and updates units on the map the file implies', async () => {
    const current = file(
      'current.csv',
      '\uFEFFcode,name,level,parent_code,note\r\n' +
        '99,Tỉnh Thử Nghiệm,province,,x\r\n' +
        '99001,"Xã Thử, ""Một""",commune,99,\r\n' +
        '\r\n' +
        '99002,Phường Hai,commune,99,\r\n' +
        '00745,Phố Bảng Mới,commune,08,\r\n',
    );
    const old = file(
      'old.csv',
      'code;name;level;parent_code\n998;Huyện Thử;district;04\n99801;Thị trấn Thử;commune;998\n',
    );
    const mixed = file(
      'mixed.csv',
      'Code,Name,Level,Parent_Code,Map\n99802,Xã Thử Ba,commune,998,pre-2025\n99003,Xã Thử Bốn,commune,99,\n',
    );
    await rolledBack(async (tx) => {
      const lines = await importAdminUnitFiles(tx, [current, old, mixed]);
      expect(lines[0]).toContain('thêm 3, cập nhật 1, không đổi 0');
      expect(lines[1]).toContain('ignored columns: note');
      expect(await findUnit(tx, 'current', '99001')).toMatchObject({
        fullName: 'Xã Thử, "Một"',
        name: 'Thử, "Một"',
        type: 'Xã',
        provinceCode: '99',
      });
      expect(await findUnit(tx, 'current', '99002')).toMatchObject({ type: 'Phường', parentCode: '99' });
      expect(await findUnit(tx, 'current', '00745')).toMatchObject({ fullName: 'Xã Phố Bảng Mới', type: 'Xã' });
      expect(await findUnit(tx, 'pre-2025', '998')).toMatchObject({
        level: 'district',
        type: 'Huyện',
        parentCode: '04',
      });
      expect(await findUnit(tx, 'pre-2025', '99801')).toMatchObject({
        type: 'Thị trấn',
        parentCode: '998',
        provinceCode: '04',
      });
      expect(await findUnit(tx, 'pre-2025', '99802')).toMatchObject({ parentCode: '998', provinceCode: '04' });
      expect(await findUnit(tx, 'current', '99003')).toMatchObject({ parentCode: '99', provinceCode: '99' });
    });
    expect(await findUnit(db, 'current', '99')).toBeUndefined();
  });

  it('lists every bad line with its number and writes nothing, from any file of the call', async () => {
    const good = file('good.csv', 'code,name,level,parent_code\n99101,Xã Tốt,commune,04\n');
    const bad = file(
      'bad.csv',
      'code,name,level,parent_code\n' +
        '99,Tỉnh Thử Nghiệm,province,\n' + // 2: fine
        '99001,Xã Một,village,99\n' + // 3: bad level
        '99002,Xã Hai,commune,97\n' + // 4: no province 97
        '9903,Xã Ba,commune,99\n' + // 5: 4 digits
        '"99004","Xã Bốn\nhai dòng",commune,99\n' + // 6–7: fine, spans two lines
        '99005,Xã Năm,commune,98\n', // 8: no province 98
    );
    const before = await counts(db);
    const err = await importError([good, bad]);
    expect(err.detailEn).toContain('bad.csv: 4 invalid line(s), nothing loaded');
    expect(err.detailEn).toMatch(/line 3 \(level\): level "village" is invalid/);
    expect(err.detailEn).toMatch(/line 4 \(parent_code\): no province with code "97"/);
    expect(err.detailEn).toMatch(/line 5 \(code\): code "9903" is invalid: a commune code has 5 digits/);
    expect(err.detailEn).toMatch(/line 8 \(parent_code\)/);
    expect(err.detailVi).toMatch(/dòng 3 \(level\)/);
    expect(err.errors?.map((e) => e.field)).toEqual([
      'line 3: level',
      'line 4: parent_code',
      'line 5: code',
      'line 8: parent_code',
    ]);
    expect(await counts(db)).toEqual(before);
    expect(await findUnit(db, 'current', '99101')).toBeUndefined();
  });

  it('refuses a file without the required columns, or with a broken quote', async () => {
    const noHeader = await importError([file('nohead.csv', 'code,name,level\n04,Tỉnh Cao Bằng,province\n')]);
    expect(noHeader.detailEn).toContain('unknown format');
    const quote = await importError([file('quote.csv', 'code,name,level,parent_code\n99001,"Xã Một,commune,04\n')]);
    expect(quote.detailEn).toMatch(/quote\.csv, dòng \/ line 2: Quote Not Closed/);
  });
});

describe('other bad input', () => {
  it('names the file and what is wrong with it', async () => {
    const shape = await importError([file('shape.json', '{"provinces": []}')]);
    expect(shape.detailEn).toMatch(/shape\.json: unknown JSON shape/);
    expect(shape.detailVi).toMatch(/không nhận ra cấu trúc JSON/);
    expect((await importError([file('broken.json', '[{"Code": ')])).detailEn).toMatch(/broken\.json: invalid JSON/);
    const none = await importError([join(dir, 'none.json')]);
    expect([none.detailVi, none.detailEn]).toEqual([
      expect.stringMatching(/Không đọc được tệp .*none\.json: không có tệp này$/),
      expect.stringMatching(/Cannot read .*none\.json: no such file$/),
    ]);
    const folder = await importError([join(data, '2026-04-30')]);
    expect(folder.detailEn).toMatch(/2026-04-30 is a folder: name a file in it, such as .*simplified_json/);
    expect(folder.detailVi).toMatch(/là một thư mục/);
    const record = await importError([
      file(
        'record.json',
        JSON.stringify([
          { Code: '04', FullName: 'Tỉnh Cao Bằng', District: [{ Code: '48', FullName: 'Huyện Hạ Lang' }] },
        ]),
      ),
    ]);
    expect(record.detailEn).toContain(
      'record.json, [0].District[0]: code "48" is invalid: a district code has 3 digits',
    );
  });

  it('refuses a mapping to a unit that is not on the current map, writing nothing', async () => {
    const mapping = {
      data: [
        {
          level1_id: '06',
          splits: [{ new_id: '19' }],
          level3s: [{ level3_id: '01534', splits: [{ new_id: '99999' }] }],
        },
      ],
    };
    const err = await importError([file('splits.json', JSON.stringify(mapping))]);
    expect(err.detailEn).toContain('1 new code(s) not on the current map: 99999');
    expect(await successors(db, '01534')).toEqual([{ new_code: '01537', level: 'commune', coverage: 'full' }]);
  });
});

describe('the command line', () => {
  function run(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, HOPTAC_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['bin/hoptac.js', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
  }

  it('exits 0 with the counts, and 1 with both messages on a bad file', { timeout: 180_000 }, async () => {
    const dataDir = join(dir, 'cli-data');
    const ok = await run(['admin-units', 'import', PRE, SPLITS], dataDir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('pre-2025: 63 tỉnh, 696 huyện, 10.035 xã / provinces, districts, communes');
    expect(ok.stdout).toContain('current: 34 tỉnh, 3.321 xã / provinces, communes');
    expect(ok.stdout).toContain('63 tỉnh cũ, 10.047 xã cũ → 10.662 liên kết');

    const bad = await run(['admin-units', 'import', file('cli-bad.json', '{"x": 1}')], dataDir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Lỗi: .*cli-bad\.json: không nhận ra cấu trúc JSON/m);
    expect(bad.stderr).toMatch(/^Error: .*cli-bad\.json: unknown JSON shape/m);
  });
});
