// `hoptac admin-units import FILE...` (contracts §6): loads unit lists and the 2025 mapping,
// each file's format told by its content, all files in one transaction. Unit lists go in
// before mappings, whatever the order on the command line, so a mapping is checked against
// the lists loaded with it.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { recordAudit } from '../audit/audit.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import type { Level, MapName } from '../../../shared/contracts/enums.ts';
import type { Db, Tx } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { whyUnreadable } from '../../lib/file-errors.ts';
import { derivePlacement } from '../organizations/placement.ts';
import { csvCodes, csvRows, looksLikeUnitCsv, readUnitCsv, type UnitCsv } from './import-csv.ts';
import { listShape, parseUnitList } from './import-json-list.ts';
import { mappingShape, parseMapping, type Mapping } from './import-mapping.ts';
import {
  codesOnMap,
  countSuccessors,
  countUnits,
  knownUnits,
  replaceSuccessors,
  upsertUnits,
} from './import-queries.ts';
import { num, type UnitRow } from './import-rows.ts';

type Parsed =
  | { kind: 'list'; file: string; map: MapName; rows: UnitRow[] }
  | { kind: 'csv'; file: string; csv: UnitCsv }
  | { kind: 'mapping'; file: string; mapping: Mapping };

/** Loads the files, all or nothing; answers what was loaded, in Vietnamese / English lines. */
export async function importAdminUnitFiles(db: Db | Tx, files: string[]): Promise<string[]> {
  if (files.length === 0) {
    throw new AppError('validation_failed', { vi: 'Chưa chỉ định tệp nào', en: 'No file given' });
  }
  const parsed = await Promise.all(files.map(readImportFile));
  const ordered = [...parsed.filter((p) => p.kind !== 'mapping'), ...parsed.filter((p) => p.kind === 'mapping')];

  return db.transaction(async (tx) => {
    const lines: string[] = [];
    let placementStale = false;
    for (const p of ordered) {
      // (not `||= await …`: that would skip loading once something changed)
      const changed =
        p.kind === 'mapping' ? await loadMapping(tx, p.file, p.mapping, lines) : await loadUnits(tx, p, lines);
      placementStale ||= changed;
    }
    if (placementStale) {
      await derivePlacement(tx);
      lines.push('Đã tính lại vị trí của các tổ chức trên bản đồ còn lại / organisations re-placed on the other map');
    }
    lines.push(...(await totals(tx)));
    await recordAudit(tx, COMMAND_LINE, {
      action: 'import',
      entity: 'admin_units',
      entityId: files.map((f) => basename(f)).join(', '),
      changes: {},
      note: lines.join('\n'),
    });
    return lines;
  });
}

/** Upserts a list or a CSV; true when pre-2025 units changed. */
async function loadUnits(tx: Tx, p: Exclude<Parsed, { kind: 'mapping' }>, lines: string[]): Promise<boolean> {
  const rows = p.kind === 'list' ? p.rows : csvRows(p.csv, await knownUnits(tx, csvCodes(p.csv)));
  const { added, updated } = await upsertUnits(tx, rows);
  const maps = [...new Set(rows.map((r) => r.map))];
  const what = maps
    .map(
      (m) =>
        `${m}: ${levelCounts(
          rows.filter((r) => r.map === m),
          m,
        )}`,
    )
    .join('; ');
  const unchanged = rows.length - added - updated;
  lines.push(
    `${p.file}: ${what || 'trống / empty'} — thêm ${num(added)}, cập nhật ${num(updated)}, ` +
      `không đổi ${num(unchanged)} / added, updated, unchanged`,
  );
  if (p.kind === 'csv' && p.csv.ignored.length > 0) {
    lines.push(`  bỏ qua cột / ignored columns: ${p.csv.ignored.join(', ')}`);
  }
  if (p.kind === 'list') {
    const total = (await countUnits(tx)).filter((c) => c.map === p.map).reduce((s, c) => s + c.n, 0);
    const kept = num(total - rows.length);
    if (total > rows.length) {
      lines.push(
        `  giữ nguyên ${kept} đơn vị có trong CSDL nhưng không có trong tệp / kept ${kept} units that are not in the file`,
      );
    }
  }
  return added + updated > 0 && rows.some((r) => r.map === 'pre-2025');
}

async function loadMapping(tx: Tx, file: string, m: Mapping, lines: string[]): Promise<boolean> {
  const newCodes = [...new Set(m.pairs.map((p) => p.newCode))];
  const onCurrent = await codesOnMap(tx, 'current', newCodes);
  const unknown = newCodes.filter((c) => !onCurrent.has(c));
  if (unknown.length > 0) {
    const list = unknown.slice(0, 20).join(', ') + (unknown.length > 20 ? ', …' : '');
    throw new AppError('validation_failed', {
      vi: `${file}: ${unknown.length} mã mới không có trên bản đồ hiện hành: ${list}`,
      en: `${file}: ${unknown.length} new code(s) not on the current map: ${list}`,
    });
  }
  const oldCodes = [...new Set(m.pairs.map((p) => p.oldCode))];
  const onOld = await codesOnMap(tx, 'pre-2025', oldCodes);
  const { added, updated, removed } = await replaceSuccessors(tx, m.pairs, m.scope);

  const olds = (level: string) => new Set(m.pairs.filter((p) => p.level === level).map((p) => p.oldCode)).size;
  const partial = m.pairs.filter((p) => p.coverage === 'partial').length;
  lines.push(
    `${file}: chuyển đổi / mapping: ${num(olds('province'))} tỉnh cũ, ${num(olds('commune'))} xã cũ → ${num(m.pairs.length)} liên kết` +
      ` (${num(partial)} một phần) / old provinces, old communes → links (partial)` +
      ` — thêm ${num(added)}, cập nhật ${num(updated)}, xoá ${num(removed)} / added, updated, removed`,
  );
  if (m.corrected.length > 0) {
    lines.push(
      `  đã sửa mã mới theo danh sách chính thức / new codes corrected to the official list: ${m.corrected.join(', ')}`,
    );
  }
  if (m.skipped > 0) {
    lines.push(
      `  bỏ qua ${num(m.skipped)} liên kết từ huyện cũ (chỉ nối tỉnh và xã) / skipped ${num(m.skipped)} links from old districts (only provinces and communes are linked)`,
    );
  }
  const absent = oldCodes.length - onOld.size;
  if (absent > 0) {
    lines.push(
      `  cảnh báo: ${num(absent)} mã cũ không có trong danh sách trước 01/7/2025 (vẫn giữ) / warning: ${num(absent)} old codes are not in the pre-2025 list (kept)`,
    );
  }
  return added + updated + removed > 0;
}

/** A folder named as a file: which of its files is the list is the user's choice (a folder may hold the same list twice). */
async function folderGiven(folder: string): Promise<AppError> {
  const json = (await readdir(folder)).filter((f) => f.endsWith('.json')).map((f) => join(folder, f));
  return new AppError('validation_failed', {
    vi: `${folder} là một thư mục: hãy chỉ định tệp trong đó${json.length ? `, ví dụ ${json.join(' hoặc ')}` : ''}`,
    en: `${folder} is a folder: name a file in it${json.length ? `, such as ${json.join(' or ')}` : ''}`,
  });
}

async function readImportFile(file: string): Promise<Parsed> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file)).replace(/^\uFEFF/, '');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw await folderGiven(file);
    const [vi, en] = err instanceof TypeError ? ['không phải UTF-8', 'not UTF-8'] : whyUnreadable(err);
    throw new AppError('validation_failed', {
      vi: `Không đọc được tệp ${file}: ${vi}`,
      en: `Cannot read ${file}: ${en}`,
    });
  }
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const why = (err as Error).message;
      throw new AppError('validation_failed', {
        vi: `${file}: JSON không hợp lệ: ${why}`,
        en: `${file}: invalid JSON: ${why}`,
      });
    }
    const list = listShape(data);
    if (list) {
      const rows = parseUnitList(file, list, data as Record<string, unknown>[]);
      return { kind: 'list', file, map: list === 'three-level' ? 'pre-2025' : 'current', rows };
    }
    const mapping = mappingShape(data);
    if (mapping)
      return {
        kind: 'mapping',
        file,
        mapping: parseMapping(file, mapping, data as { data: Record<string, unknown>[] }),
      };
    throw new AppError('validation_failed', {
      vi: `${file}: không nhận ra cấu trúc JSON (cần danh sách tỉnh có "District" hoặc "Wards", hoặc bảng chuyển đổi splits/merges có "data")`,
      en: `${file}: unknown JSON shape (expected a list of provinces with "District" or "Wards", or a splits/merges mapping with "data")`,
    });
  }
  if (looksLikeUnitCsv(text)) return { kind: 'csv', file, csv: readUnitCsv(file, text) };
  throw new AppError('validation_failed', {
    vi: `${file}: không nhận ra định dạng (cần JSON, hoặc CSV có dòng tiêu đề code,name,level,parent_code)`,
    en: `${file}: unknown format (expected JSON, or CSV with the header code,name,level,parent_code)`,
  });
}

const LEVEL_WORDS = {
  province: ['tỉnh', 'provinces'],
  district: ['huyện', 'districts'],
  commune: ['xã', 'communes'],
} satisfies Record<Level, [string, string]>;

/** "63 tỉnh, 696 huyện, 10.035 xã / provinces, districts, communes" */
function levelCounts(units: { level: string; n?: number }[], map: MapName): string {
  const levels: Level[] = map === 'current' ? ['province', 'commune'] : ['province', 'district', 'commune'];
  const n = (l: Level) => units.filter((u) => u.level === l).reduce((s, u) => s + (u.n ?? 1), 0);
  return (
    levels.map((l) => `${num(n(l))} ${LEVEL_WORDS[l][0]}`).join(', ') +
    ' / ' +
    levels.map((l) => LEVEL_WORDS[l][1]).join(', ')
  );
}

async function totals(tx: Tx): Promise<string[]> {
  const units = await countUnits(tx);
  const links = await countSuccessors(tx);
  const of = (level: string) => links.find((l) => l.level === level);
  return [
    `pre-2025: ${levelCounts(
      units.filter((u) => u.map === 'pre-2025'),
      'pre-2025',
    )}`,
    `current: ${levelCounts(
      units.filter((u) => u.map === 'current'),
      'current',
    )}`,
    `chuyển đổi / successors: ${num(of('province')?.olds ?? 0)} tỉnh cũ, ${num(of('commune')?.olds ?? 0)} xã cũ → ` +
      `${num(links.reduce((s, l) => s + l.links, 0))} liên kết / old provinces, old communes → links`,
  ];
}
