// The streaming reader keeps every Vietnamese letter whole, wherever the compressed sheet's
// chunks happen to cut its UTF-8 bytes (exceljs#2084): every cell here is letters of three bytes.
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows } from '../modules/imports/read-rows.ts';
import ExcelJS, { cacheSharedStringsAsText, iterateStream, sheetRows, SharedTexts } from './exceljs.ts';

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

describe("exceljs's stream iteration", () => {
  it('reads what a stream still holds when it says "end" before its last items (unzipper does)', async () => {
    const stream = new PassThrough({ objectMode: true });
    const read: unknown[] = [];
    stream.write('xl/worksheets/sheet1.xml');
    const iterating = (async () => {
      for await (const item of iterateStream(stream)) {
        read.push(item);
        if (read.length === 1) {
          stream.emit('end'); // unzipper's Parse on 'finish', entries still to come
          setTimeout(() => stream.end('xl/workbook.xml'), 20);
        }
      }
    })();
    await iterating;
    expect(read).toEqual(['xl/worksheets/sheet1.xml', 'xl/workbook.xml']); // exceljs's own: the first only
    // and it is the one exceljs's streaming reader calls
    expect(createRequire(createRequire(import.meta.url).resolve('exceljs'))('./lib/utils/iterate-stream.js')).toBe(
      iterateStream,
    );
  });
});

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

const asImported = (v: unknown) => {
  if (v && typeof v === 'object' && 'formula' in v) return (v as { result?: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return v;
};

describe('sheetRows', () => {
  const opts = {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  } as const;
  async function both(data: Buffer) {
    const read = async (own: boolean) => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), opts);
      if (own) cacheSharedStringsAsText(reader);
      const out: [number, unknown[]][] = [];
      for await (const sheet of reader) {
        if (own) for await (const r of sheetRows(reader, sheet)) out.push([r.number, r.values]);
        // exceljs gives a formula as { formula, result } and a shared rich text as its runs;
        // sheetRows the result, and the text
        else for await (const r of sheet) out.push([r.number, (r.values as unknown[]).map(asImported)]);
      }
      return out;
    };
    return { exceljs: await read(false), ours: await read(true) };
  }

  it("gives the values exceljs's own reader gives", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Danh sách');
    sheet.addRow(['Mã số', 'Tên', 'Ngày', 'Số', 'Có', 'Lỗi', 'Công thức', 'Chữ', 'Giàu']);
    sheet.addRow([
      '0100100100',
      'A & B <"Hợp tác xã"> \'x\'',
      new Date(Date.UTC(2012, 10, 16)),
      -6.25,
      true,
      { error: '#N/A' },
      { formula: '1+2', result: 3 },
      { formula: 'A1&"x"', result: 'Mã sốx' },
      { richText: [{ text: 'Hợp ' }, { font: { bold: true }, text: 'tác xã' }] },
    ]);
    sheet.addRow([null, 'dòng\nhai', null, 0, false]);
    sheet.getRow(4).getCell(5).value = 'chỉ E';
    sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
    wb.addWorksheet('Khác').addRow(['x', 1]);
    const { exceljs, ours } = await both(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ours).toEqual(exceljs);
    expect(ours[1]![1][3]).toEqual(new Date(Date.UTC(2012, 10, 16)));

    const chunks: Buffer[] = [];
    const stream = new (await import('node:stream')).PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const s2 = streamed.addWorksheet('Danh sách');
    s2.columns = [{ key: 'a' }, { key: 'b', style: { numFmt: 'dd/mm/yyyy' } }, { key: 'c' }];
    s2.addRow(['A & B', new Date(Date.UTC(2020, 0, 31)), 12]).commit();
    s2.addRow(['', null, 'Ấp Bình Thành']).commit();
    s2.commit();
    await streamed.commit();
    const again = await both(Buffer.concat(chunks));
    expect(again.ours).toEqual(again.exceljs);
  });

  /** values[column], the other columns left out */
  const columns = (cells: Record<number, unknown>) => {
    const values: unknown[] = [];
    for (const [col, value] of Object.entries(cells)) values[Number(col)] = value;
    return values;
  };

  it('reads the XML however its chunks cut it', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><!-- a > comment --><worksheet><sheetData>' +
      '<row r="2" spans="1:5"><c r="A2" t="inlineStr"><is><r><t>Hợp tác </t></r><r><rPr><b/></rPr><t xml:space="preserve">xã &amp; &#7889;</t></r><rPh><t>ふ</t></rPh></is></c>' +
      '<c r="C2" s="1"><v>41229</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"/><c r="G2" t="str"><f>A1</f><v>a&lt;b</v></c>' +
      '<c r="H2" t="str"><v><![CDATA[x<y]]></v></c><c r="I2" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="5" s="1" customFormat="1"><c r="B5"><v>41230</v></c><c r="C5" t="str" x="a>b"><v>dòng\r\nhai</v></c></row>' +
      '</sheetData></worksheet>';
    const reader = {
      sharedStrings: ['không', { richText: [{ text: 'chung' }] }],
      styles: { getStyleModel: (id: number) => (id === 1 ? { numFmt: 'dd/mm/yyyy' } : null) },
      properties: { model: {} },
    };
    const bytes = Buffer.from(xml);
    for (const size of [1, 2, 3, 7, 4096]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      const rows = [];
      for await (const r of sheetRows(reader, { iterator: Readable.from(pieces) })) rows.push(r);
      expect(rows).toEqual([
        {
          number: 2,
          values: columns({
            1: 'Hợp tác xã & ố',
            3: new Date(Date.UTC(2012, 10, 16)),
            4: { richText: [{ text: 'chung' }] },
            5: true,
            7: 'a<b',
            8: 'x<y',
            9: { error: '#DIV/0!' },
          }),
        },
        { number: 5, values: columns({ 2: new Date(Date.UTC(2012, 10, 17)), 3: 'dòng\nhai' }) },
      ]);
    }
  });

  it('numbers rows and cells that leave out their reference, as some tools write them', async () => {
    const xml =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>Mã số</t></is></c><c><v>1</v></c></row>' +
      '<row r="4"><c><v>2</v></c></row><row><c/><c><v>3</v></c></row></sheetData></worksheet>';
    const reader = { styles: { getStyleModel: () => null } };
    const rows = [];
    for await (const r of sheetRows(reader, { iterator: Readable.from([Buffer.from(xml)]) })) rows.push(r);
    expect(rows).toEqual([
      { number: 1, values: columns({ 1: 'Mã số', 2: 1 }) },
      { number: 4, values: columns({ 1: 2 }) },
      { number: 5, values: columns({ 2: 3 }) },
    ]);
  });

  it('reads shared strings as their text however the chunks cut them', async () => {
    const xml =
      '<?xml version="1.0"?><sst count="4" uniqueCount="4"><si><t>Hợp tác xã</t></si>' +
      '<si><r><t xml:space="preserve">A &amp; </t></r><r><rPr><b/></rPr><t>B</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>' +
      '<si><t/></si><si><t>&#7889;\r\n&lt;</t></si></sst>';
    const bytes = Buffer.from(xml);
    for (const size of [1, 3, 5, 4096]) {
      const reader = {} as { _parseSharedStrings: (entry: unknown) => AsyncGenerator; sharedStrings?: SharedTexts };
      cacheSharedStringsAsText(reader);
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      for await (const _ of reader._parseSharedStrings(Readable.from(pieces)));
      const texts = reader.sharedStrings!;
      expect(Array.from({ length: texts.count + 1 }, (_, i) => texts.get(i))).toEqual([
        'Hợp tác xã',
        'A & B',
        null,
        'ố\n<',
        undefined,
      ]);
    }
  });
});
