// exceljs, as every part of hoptac must load it (eslint forbids importing 'exceljs' elsewhere).
//
// exceljs 4.4.0's streaming reader turns each chunk of a sheet's XML into text on its own
// (lib/utils/parse-sax.js), so a letter whose UTF-8 bytes straddle two chunks becomes "��":
// "Nông nghi���p" in a file of 115,000 rows, rejected where the column is a list and written as
// it is in a name or an address (exceljs#2084, open). Before exceljs is first loaded, its parser
// module is replaced by the same parser fed through a streaming UTF-8 decoder.
//
// Memory: exceljs's WorksheetReader turns each chunk of a sheet (64 KB of the temporary file it
// spills a sheet to when the sheet comes before sharedStrings.xml or workbook.xml in the zip, as
// exceljs itself writes them; 16 KB straight from the zip otherwise) into one array of parser
// events, then makes a Row of Cells per row: 4.7 GB allocated for the 90 MB sheet of the national
// file, 1.8 GB of it promoted at the 1 MB young generation of server/db/engine.ts (the same rows
// as CSV: 0.38 and 0.19 GB), and its cell texts are slices that keep 128 KB of text alive; the
// old generation grew to 150–200 MB for ~40 MB live, the import's peak ~80 MB above CSV. Its
// shared strings are kept the same way: the whole sharedStrings.xml as text (38 MB of heap for a
// national file with shared strings, as Excel saves it). `sheetRows` and
// `cacheSharedStringsAsText` below read those two parts from their bytes instead (0.6 GB
// allocated, 0.09 GB promoted); exceljs still reads the small ones (workbook, styles, relations).
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSNamespace from 'exceljs';

const require = createRequire(import.meta.url);
const fromExceljs = createRequire(require.resolve('exceljs'));
const { SaxesParser } = fromExceljs('saxes') as typeof import('saxes');
const parserPath = fromExceljs.resolve('./lib/utils/parse-sax.js');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(
      typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)),
    );
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  if (error) throw error;
  yield events;
}

/**
 * exceljs's iterateStream (lib/utils/iterate-stream.js), without its loss. unzipper's Parse emits
 * 'end' itself once its input is written ('finish'), while it may still hold entries it pushed
 * when exceljs had paused it (a worksheet spilled to a temporary file, a busy machine); exceljs's
 * loop stopped at that 'end', so the entries after it were never read: xl/workbook.xml, which
 * exceljs writes last, hence "Cannot read properties of undefined (reading 'sheets')" on an
 * upload, now and then (exceljs#3064, open). This one reads until the stream has really ended.
 */
export async function* iterateStream(stream: Readable): AsyncGenerator<unknown> {
  let failed: Error | undefined;
  let wake = () => {};
  const signal = () => wake();
  const onError = (err: Error) => {
    failed = err;
    wake();
  };
  stream.on('readable', signal).on('end', signal).on('close', signal).on('error', onError);
  try {
    for (;;) {
      let chunk: unknown;
      while ((chunk = stream.read()) !== null) yield chunk;
      if (failed) throw failed;
      if (stream.readableEnded || stream.destroyed) return;
      await new Promise<void>((ok) => (wake = ok));
    }
  } finally {
    stream.off('readable', signal).off('end', signal).off('close', signal).off('error', onError);
  }
}

const iteratePath = fromExceljs.resolve('./lib/utils/iterate-stream.js');
for (const [path, exports] of [
  [parserPath, parseSax],
  [iteratePath, iterateStream],
] as const) {
  if (require.cache[path]) {
    throw new Error('exceljs was loaded before server/lib/exceljs.ts could fix its reader: import exceljs from there');
  }
  require.cache[path] = { id: path, filename: path, loaded: true, exports } as unknown as NodeJS.Module;
}

const ExcelJS = fromExceljs('exceljs') as typeof ExcelJSNamespace;
export default ExcelJS;

const utils = fromExceljs('./lib/utils/utils.js') as {
  xmlDecode(text: string): string;
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904?: boolean): Date;
};

/** What a `stream.xlsx.WorkbookReader` holds once it has read the parts before a sheet. */
interface BookParts {
  sharedStrings?: unknown[] | SharedTexts;
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
}

/**
 * A row of a sheet as exceljs's `row.values` (`values[column]`, 1-based, empty cells left out),
 * but a formula is its cached result where exceljs gives `{ formula, result }`.
 */
export interface SheetRow {
  number: number;
  values: unknown[];
}

/** 'AB12' → 28 */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML text → its characters: the five entities, character references, line ends as \n. */
function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (entity, name: string) =>
      name[0] === '#'
        ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
        : ENTITIES[name]!,
    );
  }
  return text;
}

interface XmlHandler {
  /** `<name …>`; its attributes are bytes from..to of xml */
  open(name: string, xml: Buffer, from: number, to: number): void;
  close(name: string): void;
  /** character data between two tags (whole: never cut by a chunk), or a CDATA section */
  text(xml: Buffer, from: number, to: number, cdata: boolean): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * The elements and texts of an XML part, read from its bytes as they come (UTF-8: no byte of a
 * multi-byte letter is `<`, `>` or a quote). Strings are made only where the handler asks, each
 * its own copy; an element or text cut by the end of a chunk waits for the next one. No
 * validation: a part of an .xlsx is machine-written XML, and only the elements asked for matter.
 */
function xmlScanner(on: XmlHandler): (chunk: Buffer | Uint8Array | string) => void {
  let rest: Buffer | null = null;
  return (chunk) => {
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const xml = rest ? Buffer.concat([rest, bytes]) : bytes;
    const done = scan(xml, on);
    rest = done < xml.length ? Buffer.from(xml.subarray(done)) : null;
  };
}

/** Reads xml up to what is unfinished; returns where that starts. */
function scan(xml: Buffer, on: XmlHandler): number {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf(LT, i);
    if (lt === -1) return i; // text to the end: it may go on in the next chunk
    if (lt > i) on.text(xml, i, lt, false);
    const next = xml[lt + 1];
    if (next === BANG || next === QUESTION) {
      if (n - lt < 9) return lt;
      const [end, skip] =
        xml.toString('latin1', lt, lt + 4) === '<!--'
          ? ['-->', 4]
          : xml.toString('latin1', lt, lt + 9) === '<![CDATA['
            ? [']]>', 9]
            : next === QUESTION
              ? ['?>', 2]
              : ['>', 2];
      const stop = xml.indexOf(end, lt + skip, 'latin1');
      if (stop === -1) return lt;
      if (skip === 9) on.text(xml, lt + 9, stop, true);
      i = stop + end.length;
      continue;
    }
    // a tag: it ends at the first > outside quotes
    let j = lt + 1;
    for (let quote = 0; j < n; j++) {
      const c = xml[j]!;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === QUOTE || c === APOSTROPHE) quote = c;
      else if (c === GT) break;
    }
    if (j >= n) return lt;
    if (next === SLASH) {
      on.close(xml.toString('latin1', lt + 2, j).trim());
    } else {
      const selfClosing = xml[j - 1] === SLASH;
      const end = selfClosing ? j - 1 : j;
      let k = lt + 1;
      while (k < end && xml[k]! > 0x20 && xml[k] !== SLASH) k++;
      const name = xml.toString('latin1', lt + 1, k);
      on.open(name, xml, k, end);
      if (selfClosing) on.close(name);
    }
    i = j + 1;
  }
  return n;
}

/** Whether the bytes from..to hold a reference or a CR (XML text that is not its characters). */
function needsDecoding(xml: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (xml[i] === 0x26 /* & */ || xml[i] === 0x0d /* CR */) return true;
  return false;
}

/** The value of the attribute `name` (one letter) among the bytes from..to of a tag. */
function attribute(xml: Buffer, from: number, to: number, name: number): string | undefined {
  for (let i = from; i < to;) {
    const eq = xml.indexOf(0x3d /* = */, i);
    if (eq === -1 || eq >= to) return undefined;
    let q = eq + 1;
    while (q < to && xml[q] !== QUOTE && xml[q] !== APOSTROPHE) q++;
    if (q >= to) return undefined;
    const close = xml.indexOf(xml[q]!, q + 1);
    if (close === -1 || close > to) return undefined;
    // the name: the last non-blank bytes before =
    let e = eq;
    while (e > i && xml[e - 1]! <= 0x20) e--;
    if (e - 1 >= i && xml[e - 1] === name && (e - 2 < i || xml[e - 2]! <= 0x20)) {
      return xmlText(xml.toString('utf8', q + 1, close));
    }
    i = close + 1;
  }
  return undefined;
}

/**
 * The shared strings of a workbook as their text, in one buffer of UTF-8 (out of the JavaScript
 * heap), each made a string again when a cell asks for it.
 */
export class SharedTexts {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private ends = new Uint32Array(1 << 10);
  private readonly nulls = new Set<number>();
  count = 0;

  /** starts the next string */
  begin(): void {
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.count++] = this.used;
  }

  /** adds bytes of UTF-8 to the string begun last */
  append(from: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.used += from.copy(this.bytes, this.used, start, end);
    this.ends[this.count - 1] = this.used;
  }

  appendText(text: string): void {
    this.room(Buffer.byteLength(text));
    this.used += this.bytes.write(text, this.used);
    this.ends[this.count - 1] = this.used;
  }

  /** the string begun last has no text (exceljs: null) */
  none(): void {
    this.nulls.add(this.count - 1);
  }

  get(i: number): string | null | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (this.nulls.has(i)) return null;
    return this.bytes.toString('utf8', i > 0 ? this.ends[i - 1] : 0, this.ends[i]);
  }

  private room(n: number) {
    if (this.used + n <= this.bytes.length) return;
    const bytes = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + n));
    this.bytes.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
  }
}

/**
 * Makes a streaming WorkbookReader keep its shared strings as SharedTexts (rich text joined, the
 * phonetic runs left out), read with an xmlScanner. exceljs keeps each as a string that is a
 * slice of its chunk of sharedStrings.xml, so the whole part stayed in the heap as text, and a
 * rich text as objects with their fonts; a file saved by Excel has one shared string per
 * distinct text (the names, addresses, representatives of the national file: 354,000 strings,
 * 38 MB of heap with exceljs, 9 MB out of the heap here). Only `sheetRows` reads them.
 */
export function cacheSharedStringsAsText(reader: unknown): void {
  (reader as { _parseSharedStrings: unknown })._parseSharedStrings = async function* (
    this: { sharedStrings?: unknown },
    entry: AsyncIterable<Buffer>,
  ) {
    const texts = new SharedTexts();
    this.sharedStrings = texts;
    let hasText = false;
    let inText = false;
    let inPhonetic = false;
    const feed = xmlScanner({
      open(name) {
        if (name === 'si') {
          texts.begin();
          hasText = false;
        } else if (name === 't') inText = !inPhonetic;
        else if (name === 'rPh') inPhonetic = true;
      },
      close(name) {
        if (name === 'si' && !hasText) texts.none();
        else if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
      },
      text(xml, from, to, cdata) {
        if (!inText || texts.count === 0) return;
        hasText = true;
        const plain = cdata || !needsDecoding(xml, from, to);
        if (plain) texts.append(xml, from, to);
        else texts.appendText(xmlText(xml.toString('utf8', from, to)));
      },
    });
    for await (const chunk of entry) feed(chunk);
    yield* [];
  };
}

/**
 * The rows of a sheet that a streaming WorkbookReader emitted (`for await (const sheet of
 * reader)`), read in place of `for await (const row of sheet)`: the values exceljs's
 * WorksheetReader gives (shared strings, inline strings, numbers, dates by the cell's or row's
 * number format, booleans, errors, a formula by its cached result), read with an xmlScanner: a
 * generic XML parser makes an object per element and per attribute, exceljs a Row and a Cell
 * per cell, 4.7 GB for the 90 MB sheet of the national file where this makes its values.
 */
export async function* sheetRows(reader: unknown, sheet: unknown): AsyncGenerator<SheetRow> {
  const { sharedStrings, styles, properties } = reader as BookParts;
  const date1904 = properties?.model?.date1904;
  const numFmtOf = (s: string | undefined) => (s ? styles.getStyleModel(parseInt(s, 10)) : null);
  let inRows = false;
  let row: SheetRow | null = null;
  let lastRow: number | undefined;
  let rowNumFmt: string | undefined;
  // the cell being read: <c r s t> with its <f> and its value (<v>, or the <t>s of <is>)
  let inCell = false;
  let ref: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  let f: string | undefined;
  let v: string | undefined;
  let into: 'f' | 'v' | null = null;
  let inPhonetic = false;
  let col = 0;
  let rows: SheetRow[] = [];

  const handler: XmlHandler = {
    open(name, xml, from, to) {
      switch (name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            // r may be left out (OOXML): the row after the one before
            const r = attribute(xml, from, to, 0x72 /* r */);
            row = { number: r ? parseInt(r, 10) : (lastRow ?? 0) + 1, values: [] };
            lastRow = row.number;
            rowNumFmt = numFmtOf(attribute(xml, from, to, 0x73 /* s */))?.numFmt;
            col = 0;
          }
          break;
        case 'c':
          if (row) {
            inCell = true;
            ref = attribute(xml, from, to, 0x72 /* r */);
            s = attribute(xml, from, to, 0x73 /* s */);
            t = attribute(xml, from, to, 0x74 /* t */);
            f = v = undefined;
          }
          break;
        case 'f':
          if (inCell) [f, into] = ['', 'f'];
          break;
        case 'v':
        case 'is':
          if (inCell) [v, into] = ['', 'v'];
          break;
        case 't': // inline text: one <t>, or the runs <r><t> of rich text; not the phonetic <rPh>
          if (inCell && !inPhonetic) {
            v ??= '';
            into = 'v';
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'f':
        case 'v':
        case 't':
        case 'is':
          into = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'row':
          if (row) rows.push(row);
          row = null;
          break;
        case 'c':
          if (row && inCell) {
            col = ref ? columnOf(ref) : col + 1;
            const value = cellValue();
            if (value !== undefined && value !== null) row.values[col] = value;
            inCell = false;
          }
          break;
      }
    },
    text(xml, from, to, cdata) {
      if (!into) return;
      const raw = xml.toString('utf8', from, to);
      const text = cdata ? raw : xmlText(raw);
      if (into === 'v') v += text;
      else f += text;
    },
  };

  const feed = xmlScanner(handler);
  for await (const chunk of (sheet as { iterator: AsyncIterable<Buffer | string> }).iterator) {
    feed(chunk);
    if (rows.length > 0) {
      const ready = rows;
      rows = [];
      yield* ready;
    }
  }

  function cellValue() {
    if (f !== undefined) {
      if (v === undefined) return undefined;
      return t === 'str' ? utils.xmlDecode(v) : parseFloat(v);
    }
    if (v === undefined) return undefined;
    switch (t) {
      case 's':
        if (sharedStrings instanceof SharedTexts) return sharedStrings.get(parseInt(v, 10));
        return sharedStrings ? sharedStrings[parseInt(v, 10)] : { sharedString: parseInt(v, 10) };
      case 'inlineStr':
      case 'str':
        return utils.xmlDecode(v);
      case 'e':
        return { error: v };
      case 'b':
        return parseInt(v, 10) !== 0;
      default: {
        const style = s && parseInt(s, 10) ? numFmtOf(s) : null;
        const numFmt = style ? style.numFmt : rowNumFmt;
        return utils.isDateFmt(numFmt) ? utils.excelToDate(parseFloat(v), date1904) : parseFloat(v);
      }
    }
  }
}
