// A plain CSV of units: header `code,name,level,parent_code` (any order, any case), optional
// `map` and `name_en` columns. `name` is the full name ("Xã Phố Bảng"); for a unit already in
// the database it may leave out the type, which is then kept. Rows without a map (no `map`
// column, or an empty cell) are on the pre-2025 map when any of them is a `district` or has a
// 3-digit parent, else on the current one. Every bad line is reported, with its number; nothing is loaded
// unless all are good.
import { LEVELS, MAPS, type Level, type MapName } from '../../../shared/contracts/enums.ts';
import { AppError } from '../../http/errors.ts';
import { CsvSyntaxError, guessDelimiter, parseCsv } from './import-csv-parse.ts';
import {
  buildUnit,
  checkCode,
  clean,
  hasTypePrefix,
  importError,
  isReason,
  type Reason,
  type UnitRow,
} from './import-rows.ts';

const REQUIRED = ['code', 'name', 'level', 'parent_code'] as const;
const OPTIONAL = ['map', 'name_en'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

interface CsvLine {
  line: number;
  map: string;
  code: string;
  name: string;
  level: string;
  parent: string;
  nameEn: string;
}

export interface UnitCsv {
  file: string;
  lines: CsvLine[];
  ignored: string[];
}

/** What the database already has, keyed `map/code`. */
export type KnownUnits = Map<string, { level: Level; type: string; provinceCode: string }>;

/** True when the text starts with a header naming the required columns. */
export function looksLikeUnitCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r|\n/, 1)[0] ?? '';
  const names = header.split(guessDelimiter(header)).map(columnName);
  return REQUIRED.every((c) => names.includes(c));
}

const columnName = (h: string) =>
  h
    .trim()
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readUnitCsv(file: string, text: string): UnitCsv {
  let records;
  try {
    records = parseCsv(text, guessDelimiter(text.replace(/^\uFEFF/, '')));
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw importError(file, `dòng / line ${err.line}`, err.reason);
    throw err;
  }
  const [header, ...rows] = records;
  const names = (header?.fields ?? []).map(columnName);
  const at = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  const missing = REQUIRED.filter((c) => at[c] < 0);
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw importError(file, 'dòng / line 1', { vi: `thiếu cột ${list}`, en: `missing column(s) ${list}` });
  }
  const cell = (fields: string[], c: Column) => (at[c] >= 0 ? clean(fields[at[c]] ?? '') : '');
  return {
    file,
    ignored: names.filter(
      (n) => n && !(REQUIRED as readonly string[]).includes(n) && !(OPTIONAL as readonly string[]).includes(n),
    ),
    lines: rows.map(({ line, fields }) => ({
      line,
      map: cell(fields, 'map'),
      code: cell(fields, 'code'),
      name: cell(fields, 'name'),
      level: cell(fields, 'level').toLowerCase(),
      parent: cell(fields, 'parent_code'),
      nameEn: cell(fields, 'name_en'),
    })),
  };
}

/** The codes whose database rows csvRows needs. */
export const csvCodes = (csv: UnitCsv) => [...new Set(csv.lines.flatMap((l) => [l.code, l.parent]).filter(Boolean))];

type LineError = { line: number; column: string; reason: Reason };
type Checked = CsvLine & { map: MapName; level: Level };

export function csvRows(csv: UnitCsv, known: KnownUnits): UnitRow[] {
  const implied = csv.lines.filter((l) => !l.map);
  const inferred: MapName = implied.some((l) => l.level === 'district' || l.parent.length === 3)
    ? 'pre-2025'
    : 'current';
  const errors: LineError[] = [];
  const inFile = new Map<string, Checked>();
  for (const l of csv.lines) {
    const line = { ...l, map: (l.map || inferred) as MapName, level: l.level as Level };
    const problems = checkLine(line);
    const twin = inFile.get(`${line.map}/${line.code}`);
    if (problems.length === 0 && twin) {
      problems.push([
        'code',
        { vi: `mã ${l.code} trùng dòng ${twin.line}`, en: `code ${l.code} repeats line ${twin.line}` },
      ]);
    }
    errors.push(...problems.map(([column, reason]) => ({ line: l.line, column, reason })));
    if (problems.length === 0) inFile.set(`${line.map}/${line.code}`, line);
  }
  const rows: UnitRow[] = [];
  for (const line of inFile.values()) {
    const row = placeLine(line, inFile, known);
    if (isReason(row[1])) errors.push({ line: line.line, column: row[0], reason: row[1] });
    else rows.push(row[1]);
  }
  if (errors.length > 0) throw csvError(csv.file, errors);
  return rows;
}

/** What is wrong with a line on its own. */
function checkLine(l: Checked): [string, Reason][] {
  const problems: [string, Reason][] = [];
  if (!MAPS.includes(l.map)) {
    problems.push([
      'map',
      {
        vi: `bản đồ "${l.map}" không hợp lệ (${MAPS.join(', ')})`,
        en: `map "${l.map}" is invalid (${MAPS.join(', ')})`,
      },
    ]);
  }
  if (!LEVELS.includes(l.level)) {
    problems.push([
      'level',
      {
        vi: `cấp "${l.level}" không hợp lệ (${LEVELS.join(', ')})`,
        en: `level "${l.level}" is invalid (${LEVELS.join(', ')})`,
      },
    ]);
  } else if (l.level === 'district' && l.map === 'current') {
    problems.push(['level', { vi: 'bản đồ hiện hành không có cấp huyện', en: 'the current map has no districts' }]);
  } else {
    const bad = checkCode(l.code, l.level);
    if (bad) problems.push(['code', bad]);
  }
  if (!l.name) problems.push(['name', { vi: 'thiếu tên', en: 'name is missing' }]);
  return problems;
}

/** A good line as a row, once its parent is found in the file or in the database; or why not. */
function placeLine(l: Checked, inFile: Map<string, Checked>, known: KnownUnits): [string, UnitRow | Reason] {
  const { map, level } = l;
  const get = (code: string) => inFile.get(`${map}/${code}`) ?? known.get(`${map}/${code}`);
  const provinceOf = (code: string): string | undefined => {
    const f = inFile.get(`${map}/${code}`);
    if (f) return f.level === 'province' ? f.code : provinceOf(f.parent);
    return known.get(`${map}/${code}`)?.provinceCode;
  };
  const parentLevel = level === 'province' ? null : level === 'commune' && map === 'pre-2025' ? 'district' : 'province';
  if (!parentLevel && l.parent) {
    return ['parent_code', { vi: 'tỉnh không có đơn vị cấp trên', en: 'a province has no parent' }];
  }
  if (parentLevel && get(l.parent)?.level !== parentLevel) {
    return [
      'parent_code',
      {
        vi: `không có ${parentLevel === 'district' ? 'huyện' : 'tỉnh'} mã "${l.parent}" trên bản đồ ${map} (trong CSDL hoặc trong tệp)`,
        en: `no ${parentLevel} with code "${l.parent}" on the ${map} map (in the database or in the file)`,
      },
    ];
  }
  const existing = known.get(`${map}/${l.code}`);
  if (existing && existing.level !== level) {
    return [
      'level',
      { vi: `mã ${l.code} đã có ở cấp ${existing.level}`, en: `code ${l.code} already exists as a ${existing.level}` },
    ];
  }
  // a unit we have may be renamed without its type: "Phố Bảng" keeps "Xã"
  const typed = existing && !hasTypePrefix(l.name, map) ? `${existing.type} ${l.name}` : l.name;
  const unit = { map, level, code: l.code, nameEn: l.nameEn || null, parentCode: l.parent || null };
  return ['name', buildUnit({ ...unit, fullName: typed, provinceCode: provinceOf(l.code)! })];
}

function csvError(file: string, errors: LineError[]): AppError {
  errors.sort((a, b) => a.line - b.line);
  const shown = errors.slice(0, 30);
  const more = errors.length - shown.length;
  const list = (lang: 'vi' | 'en', word: string) =>
    shown.map((e) => `${word} ${e.line} (${e.column}): ${e.reason[lang]}`).join('; ') +
    (more > 0 ? (lang === 'vi' ? `; … và ${more} lỗi nữa` : `; … and ${more} more`) : '');
  const lines = new Set(errors.map((e) => e.line)).size;
  return new AppError('validation_failed', {
    vi: `${file}: ${lines} dòng không hợp lệ, chưa nạp gì — ${list('vi', 'dòng')}`,
    en: `${file}: ${lines} invalid line(s), nothing loaded — ${list('en', 'line')}`,
    errors: errors.map((e) => ({ field: `line ${e.line}: ${e.column}`, message: e.reason.vi, messageEn: e.reason.en })),
  });
}
