// `hoptac import organizations` as a user runs it: a subprocess on its own embedded database
// (never the shared test database, whatever DATABASE_URL says). Slow: one data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, goodRow } from '../../../test/import-files.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const data = join(root, '../shared/data/admin-units');
const HA_LANG = '../shared/examples/ha-lang-2024.csv';
const dir = mkdtempSync(join(tmpdir(), 'hoptac-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hoptac(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOPTAC_DATA_DIR: join(dir, 'data') };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/hoptac.js', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('hoptac import organizations', () => {
  it('imports Hạ Lang, re-imports without duplicates, refuses a bad file whole', { timeout: 240_000 }, async () => {
    const units = await hoptac([
      'admin-units',
      'import',
      join(data, 'pre-2025-07-01/simplified_json_generated_data_vn_units.json'),
      join(data, 'mapping-2025-07-01/splits.json'),
    ]);
    expect(units.code, units.stderr).toBe(0);

    const args = ['import', 'organizations', HA_LANG, '--period', '2024', '--map', 'pre-2025'];
    const first = await hoptac(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('15 dòng / rows: thêm mới 15, cập nhật 0, không đổi 0');
    expect(first.stdout).toContain('Đã ghi vào cơ sở dữ liệu / Saved to the database');

    const again = await hoptac(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('15 dòng / rows: thêm mới 0, cập nhật 0, không đổi 15');

    const bad = join(dir, 'sai.csv');
    writeFileSync(
      bad,
      csv([
        goodRow('480400000', { 'Mã tỉnh': '04', 'Mã huyện': '048', 'Mã xã': '01534', Tên: 'Đổi tên nhưng không ghi' }),
        goodRow('480400099', { 'Mã huyện': '048', 'Mã xã': '01534', 'Vốn điều lệ': '7.500.000,5' }),
      ]),
    );
    const refused = await hoptac(['import', 'organizations', bad, '--period', '2024', '--map', 'pre-2025']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Lỗi: sai\.csv: 1 lỗi ở 1 dòng \(trên 2\)/m);
    expect(refused.stderr).toContain(
      'dòng/line 3, cột/column "Vốn điều lệ": "7.500.000,5" — có phần thập phân: chỉ nhận số nguyên (đồng, người) / has a decimal part',
    );
    expect(refused.stderr).toMatch(/^Error: sai\.csv: 1 invalid cell in 1 row; nothing was written/m);

    const dry = await hoptac([...args, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('không đổi 15'); // the refused rename was not written
    expect(dry.stdout).toContain('Dry run: nothing was written');

    const noPeriod = await hoptac(['import', 'organizations', HA_LANG, '--map', 'pre-2025']);
    expect(noPeriod.code).toBe(1);
    expect(noPeriod.stderr).toContain('choose their period (2024, 2024-H1 …; command line: --period)');

    // a file that is not there, or a folder: said in each language on its line
    const missing = await hoptac(['import', 'organizations', 'khong-co.csv', '--period', '2024']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Lỗi: Không mở được khong-co.csv: không có tệp này\n');
    expect(missing.stderr).toContain('Error: Cannot open khong-co.csv: no such file\n');
    const folder = await hoptac(['import', 'organizations', tmpdir(), '--period', '2024']);
    expect(folder.stderr).toContain(`Error: Cannot open ${tmpdir()}: it is a folder, not a file`);
  });
});
