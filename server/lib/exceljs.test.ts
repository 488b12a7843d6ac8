// The streaming reader keeps every Vietnamese letter whole, wherever the compressed sheet's
// chunks happen to cut its UTF-8 bytes (exceljs#2084): every cell here is letters of three bytes.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows } from '../modules/imports/read-rows.ts';
import ExcelJS from './exceljs.ts';

async function book(rows: string[][], sharedStrings: boolean): Promise<Buffer> {
  if (sharedStrings) {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Danh sách');
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const chunks: Buffer[] = [];
  const stream = new (await import('node:stream')).PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = wb.addWorksheet('Danh sách');
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('reading .xlsx', () => {
  const letters = ['ễ', 'ộ', 'ữ', 'ặ', 'ờ', 'ị', 'ẫ'];
  const rows = Array.from({ length: 4000 }, (_, i) => [
    `Hợp tác xã ${letters[i % 7]!.repeat(1 + (i % 11))} ${i}`,
    letters.join('').repeat(1 + (i % 5)),
  ]);

  for (const shared of [true, false]) {
    it(`keeps multi-byte letters whole across chunks (${shared ? 'shared strings' : 'inline strings'})`, async () => {
      const data = await book(rows, shared);
      const read: string[][] = [];
      for await (const row of readRows('chu.xlsx', 'xlsx', Readable.from([data]))) read.push(row.cells as string[]);
      expect(read).toHaveLength(rows.length);
      expect(read.filter((r) => r.join('').includes('\uFFFD'))).toEqual([]);
      expect(read).toEqual(rows);
    });
  }
});
