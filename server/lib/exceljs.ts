// exceljs, as every part of hoptac must load it (eslint forbids importing 'exceljs' elsewhere).
//
// exceljs 4.4.0's streaming reader turns each chunk of a sheet's XML into text on its own
// (lib/utils/parse-sax.js), so a letter whose UTF-8 bytes straddle two chunks becomes "��":
// "Nông nghi���p" in a file of 115,000 rows, rejected where the column is a list and written as
// it is in a name or an address (exceljs#2084, open). Before exceljs is first loaded, its parser
// module is replaced by the same parser fed through a streaming UTF-8 decoder.
import { createRequire } from 'node:module';
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

if (require.cache[parserPath]) {
  throw new Error('exceljs was loaded before server/lib/exceljs.ts could fix its reader: import exceljs from there');
}
require.cache[parserPath] = {
  id: parserPath,
  filename: parserPath,
  loaded: true,
  exports: parseSax,
} as unknown as NodeJS.Module;

const ExcelJS = fromExceljs('exceljs') as typeof ExcelJSNamespace;
export default ExcelJS;
