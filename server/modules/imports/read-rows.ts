// Rows of an import file, streamed: CSV (UTF-8 with or without BOM; `,` `;` or tab, told from
// the header line) or Excel (.xlsx, the first sheet). Each row comes with its line number in
// the file (the row number of the sheet), so errors point where the user looks.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS, { cacheSharedStringsAsText, sheetRows } from '../../lib/exceljs.ts';
import { AppError } from '../../http/errors.ts';
import type { Cell } from './parse-values.ts';

export interface RawRow {
  line: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx';

const unreadable = (file: string, vi: string, en: string) =>
  new AppError('validation_failed', { vi: `Không đọc được tệp ${file}: ${vi}`, en: `Cannot read ${file}: ${en}` });

/** The format by extension, or by content when the name says nothing (xlsx is a zip: "PK"). */
export function formatOf(file: string, head: Uint8Array): FileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xls')) {
    throw unreadable(
      file,
      'định dạng Excel 97-2003 (.xls) không được hỗ trợ; hãy lưu lại thành .xlsx hoặc CSV UTF-8',
      'Excel 97-2003 (.xls) is not supported; save it as .xlsx or CSV UTF-8',
    );
  }
  return head[0] === 0x50 && head[1] === 0x4b ? 'xlsx' : 'csv';
}

/** Every non-blank row, the header first. */
export function readRows(file: string, format: FileFormat, source: Readable): AsyncGenerator<RawRow> {
  return format === 'xlsx' ? readXlsx(file, source) : readCsv(file, source);
}

const blank = (cells: Cell[]) => cells.every((c) => c == null || (typeof c === 'string' && c.trim() === ''));

async function* decodeUtf8(file: string, source: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a BOM
  let first = true;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    if (
      first &&
      chunk.length >= 2 &&
      ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    ) {
      throw unreadable(
        file,
        'tệp mã hoá UTF-16; hãy lưu thành "CSV UTF-8 (phân cách bằng dấu phẩy)"',
        'the file is UTF-16; save it as "CSV UTF-8 (comma delimited)"',
      );
    }
    first = false;
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw unreadable(
        file,
        'không phải UTF-8 (có thể là TCVN3/VNI/Windows-1258); hãy lưu thành "CSV UTF-8"',
        'not UTF-8 (maybe TCVN3/VNI/Windows-1258); save it as "CSV UTF-8"',
      );
    }
  }
  yield decoder.decode();
}

/** `,` `;` or tab: whichever appears most in the header line, outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const [best] = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

async function* readCsv(file: string, source: Readable): AsyncGenerator<RawRow> {
  const text = decodeUtf8(file, source);
  // hold the text back until the header line is complete, to choose the delimiter
  let head = '';
  let next = await text.next();
  while (!next.done && !/[\r\n]/.test(head + next.value)) {
    head += next.value;
    next = await text.next();
  }
  if (!next.done) head += next.value;
  const delimiter = detectDelimiter(head.split(/\r?\n|\r/)[0] ?? '');
  async function* all() {
    yield head;
    for await (const chunk of text) yield chunk;
  }
  const parser = Readable.from(all()).pipe(
    parse({ delimiter, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }),
  );
  let lastEnd = 0;
  let lastEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      const line = lastEnd + 1 + (info.empty_lines - lastEmpty);
      lastEnd = info.lines;
      lastEmpty = info.empty_lines;
      if (!blank(record)) yield { line, cells: record };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { lines?: number; message: string };
    throw unreadable(
      file,
      `lỗi cú pháp CSV ở dòng ${e.lines ?? '?'} (${e.message})`,
      `CSV syntax error at line ${e.lines ?? '?'} (${e.message})`,
    );
  }
}

async function* readXlsx(file: string, source: Readable): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // tells dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  cacheSharedStringsAsText(reader);
  try {
    for await (const sheet of reader) {
      // sheets come in the order of the zip; the first sheet is the first tab
      const first = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.[0]?.name;
      if (first && (sheet as unknown as { name: string }).name !== first) continue;
      for await (const row of sheetRows(reader, sheet)) {
        const cells = row.values.slice(1).map(cellOf);
        if (!blank(cells)) yield { line: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(
      file,
      `không phải tệp .xlsx hợp lệ (${(err as Error).message})`,
      `not a valid .xlsx file (${(err as Error).message})`,
    );
  }
  throw unreadable(file, 'tệp Excel không có trang tính nào', 'the workbook has no sheet');
}

/** An exceljs value → text, number, boolean or Date (rich text joined, formulas by their result). */
function cellOf(value: unknown): Cell {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}
