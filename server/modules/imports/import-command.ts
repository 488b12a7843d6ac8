// `hoptac import organizations FILE [--period P] [--map current|pre-2025] [--dry-run]`
// (contracts §2): a bilingual summary on success; on any invalid row an AppError listing them
// (the CLI prints it and exits 1), nothing written.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAPS, type MapName } from '../../../shared/contracts/enums.ts';
import type { ImportError, ImportResult } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { whyUnreadable } from '../../lib/file-errors.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import { importOrganizations } from './import-organizations.ts';
import { formatOf } from './read-rows.ts';

/** at most this many bad cells are printed, then a count of the rest */
const PRINTED_ERRORS = 200;
const num = (n: number) => n.toLocaleString('vi-VN');

export async function importCommand(
  db: Db,
  opts: { file: string; period?: string | undefined; map?: string | undefined; dryRun?: boolean | undefined },
): Promise<string> {
  const map = (opts.map ?? 'current') as MapName;
  if (!MAPS.includes(map)) {
    throw new AppError('validation_failed', {
      vi: `Bản đồ "${opts.map}" không hợp lệ: dùng current hoặc pre-2025`,
      en: `Invalid map "${opts.map}": use current or pre-2025`,
    });
  }
  const head = await readHead(opts.file);
  const result = await importOrganizations(db, {
    caller: COMMAND_LINE,
    fileName: basename(opts.file),
    format: formatOf(opts.file, head),
    source: createReadStream(opts.file, { highWaterMark: 256 * 1024 }),
    period: opts.period,
    map,
    dryRun: opts.dryRun ?? false,
  });
  if (result.errorCount > 0) throw rowErrors(result);
  return summary(result).join('\n');
}

async function readHead(file: string): Promise<Uint8Array> {
  try {
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const [vi, en] = whyUnreadable(err);
    throw new AppError('validation_failed', { vi: `Không mở được ${file}: ${vi}`, en: `Cannot open ${file}: ${en}` });
  }
}

export function summary(r: ImportResult): string[] {
  const lines = [
    `${r.file} — bản đồ / map: ${r.map}${r.period ? `, kỳ / period: ${r.period}` : ''}`,
    `${num(r.rows)} dòng / rows: thêm mới ${num(r.created)}, cập nhật ${num(r.updated)}, không đổi ${num(r.unchanged)}` +
      ` / created, updated, unchanged`,
  ];
  for (const w of r.warnings) {
    const where = [w.line !== null && `dòng/line ${w.line}`, w.column && `cột/column "${w.column}"`]
      .filter(Boolean)
      .join(', ');
    lines.push(`Cảnh báo / Warning${where ? ` (${where})` : ''}: ${w.message} / ${w.messageEn}`);
  }
  lines.push(
    r.committed
      ? 'Đã ghi vào cơ sở dữ liệu / Saved to the database'
      : 'Chạy thử (--dry-run): chưa ghi gì / Dry run: nothing was written',
  );
  return lines;
}

export function errorLine(e: ImportError): string {
  const where = [`dòng/line ${e.line}`, e.column !== null && `cột/column "${e.column}"`].filter(Boolean).join(', ');
  const value = e.value !== null ? `"${e.value}" — ` : '';
  return `${where}: ${value}${e.message} / ${e.messageEn}`;
}

/** "1 row", "2 rows": English counts its nouns, Vietnamese does not. */
const count = (n: number, noun: string) => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

function rowErrors(r: ImportResult): AppError {
  const badRows = new Set(r.errors.map((e) => e.line)).size;
  const shown = r.errors.slice(0, PRINTED_ERRORS).map((e) => `  ${errorLine(e)}`);
  const rest = r.errorCount - shown.length;
  if (rest > 0) shown.push(`  … và ${num(rest)} lỗi nữa / and ${num(rest)} more`);
  const nothing = r.dryRun ? 'chạy thử' : 'không ghi gì';
  return new AppError('validation_failed', {
    vi: [
      `${r.file}: ${num(r.errorCount)} lỗi ở ${num(badRows)} dòng (trên ${num(r.rows)}), ${nothing} / ` +
        `${count(r.errorCount, 'error')} in ${num(badRows)} of ${count(r.rows, 'row')}, nothing written:`,
      ...shown,
    ].join('\n'),
    en: `${r.file}: ${count(r.errorCount, 'invalid cell')} in ${count(badRows, 'row')}; nothing was written (the list is above)`,
  });
}
