// Test helpers of the import tests: files in the §3 layout, as CSV or as Excel (written with
// exceljs, as people's spreadsheets are: numbers, dates, rich text, formulas).
import ExcelJS from '../server/lib/exceljs.ts';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../server/db/pool.ts';
import { unique } from './factories.ts';

export const HEADERS = [
  'Mã số',
  'Tên',
  'Loại hình',
  'Lĩnh vực',
  'Mã tỉnh',
  'Mã huyện',
  'Mã xã',
  'Ngày thành lập',
  'Trạng thái',
  'Số thành viên',
  'Số lao động',
  'Vốn điều lệ',
  'Doanh thu',
  'Lợi nhuận',
  'Thu nhập bình quân',
  'Xếp loại',
] as const;
type Header = (typeof HEADERS)[number];
export type TestRow = Partial<Record<Header | string, unknown>>;

/** A valid row on the current map (Cao Bằng, commune 01558) with figures. */
export function goodRow(no: string, over: TestRow = {}): TestRow {
  return {
    'Mã số': no,
    Tên: `Hợp tác xã Thử ${no}`,
    'Loại hình': 'HTX',
    'Lĩnh vực': 'Nông nghiệp',
    'Mã tỉnh': '04',
    'Mã huyện': '',
    'Mã xã': '01558',
    'Ngày thành lập': '02/03/2015',
    'Trạng thái': 'Đang hoạt động',
    'Số thành viên': '12',
    'Số lao động': '5',
    'Vốn điều lệ': '750.000.000',
    'Doanh thu': '2.100.000.000',
    'Lợi nhuận': '-15.000.000',
    'Thu nhập bình quân': '5.000.000',
    'Xếp loại': 'Khá',
    ...over,
  };
}

const quote = (v: unknown, sep: string) => {
  const s = v == null ? '' : String(v);
  return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replaceAll('"', '""')}"` : s;
};

export function csv(rows: TestRow[], opts: { headers?: readonly string[]; sep?: string; bom?: boolean } = {}): Buffer {
  const headers = opts.headers ?? HEADERS;
  const sep = opts.sep ?? ',';
  const lines = [headers.join(sep), ...rows.map((r) => headers.map((h) => quote(r[h], sep)).join(sep))];
  return Buffer.from((opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n');
}

export async function xlsx(rows: TestRow[], opts: { headers?: readonly string[] } = {}): Promise<Buffer> {
  const headers = opts.headers ?? HEADERS;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  sheet.getColumn(headers.indexOf('Ngày thành lập') + 1).numFmt = 'dd/mm/yyyy';
  workbook.addWorksheet('Khác').addRow(['not read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** How many organisations have a registration number starting with `prefix`. */
export async function countOrganizations(db: Db | Tx, prefix: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from organizations where registration_no like ${prefix.toUpperCase() + '%'}`,
  );
  return rows[0]!.n;
}

/** A multipart/form-data body, built by hand. */
export function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = `----hoptac${unique()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
