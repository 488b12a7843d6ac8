// Reads the unit CSV with csv-parse (RFC 4180: quotes, doubled quotes, multi-line fields,
// BOM), keeping for each record the line it starts on, for error messages.
import { CsvError, parse } from 'csv-parse/sync';
import type { Reason } from './import-rows.ts';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly reason: Reason;

  constructor(line: number, reason: Reason) {
    super(reason.en);
    this.line = line;
    this.reason = reason;
  }
}

/** `;` when the header line has semicolons and no commas, else `,`. */
export function guessDelimiter(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

export function parseCsv(input: string, delimiter: string): CsvRecord[] {
  try {
    const rows = parse(input, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ line: info.lines - lineBreaksInside(record), fields: record }));
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new CsvSyntaxError(line, { vi: `CSV không đọc được: ${err.message}`, en: err.message });
    }
    throw err;
  }
}

/** csv-parse reports the line a record ends on; a quoted field may span several. */
function lineBreaksInside(fields: string[]): number {
  return fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}
