// One row of the import file → an organisation with its figures, or every problem of the row
// (each naming the column as the file writes it). No database: codes are checked against the
// units held in memory.
import type { ImportError } from '../../../shared/contracts/imports.ts';
import type { PeriodFigures } from '../../../shared/contracts/organizations.ts';
import type { Kind, MapName, Sector, Status } from '../../../shared/contracts/enums.ts';
import type { Placement } from '../organizations/placement.ts';
import { COLUMNS, type Field, type HeaderMatch } from './columns.ts';
import {
  MAX_COUNT,
  cellText,
  parseCode,
  parseDate,
  parseEmail,
  parseGrade,
  parseKind,
  parsePhone,
  parseRegistrationNo,
  parseSector,
  parseStatus,
  parseText,
  parseWhole,
  type Cell,
  type Parsed,
} from './parse-values.ts';
import { isSample } from './samples.ts';
import { placeRow, type UnitIndex } from './unit-index.ts';
import type { RawRow } from './read-rows.ts';

export interface ImportRow {
  line: number;
  registrationNo: string;
  name: string;
  kind: Kind;
  sector: Sector;
  /** null: the cell is empty or there is no such column */
  status: Status | null;
  foundedOn: string | null;
  codes: { provinceCode: string; districtCode: string | null; communeCode: string | null };
  placement: Placement & { provinceCode: string };
  figures: PeriodFigures;
  contacts: { address: string | null; representative: string | null; phone: string | null; email: string | null };
}

export interface RowContext {
  headers: HeaderMatch;
  map: MapName;
  units: UnitIndex;
  today: string;
  /** registration number → the line that first used it */
  seen: Map<string, number>;
  /** CSV: more cells than headers means a separator inside a value (Excel: notes beside the table) */
  extraCellsAreErrors: boolean;
}

export function validateRow(raw: RawRow, ctx: RowContext): { row: ImportRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const cell = (f: Field): Cell => {
    const i = ctx.headers.index[f];
    return i === undefined ? null : raw.cells[i];
  };
  const problem = (f: Field | null, vi: string, en: string) =>
    errors.push({
      line: raw.line,
      column: f ? (ctx.headers.written[f] ?? COLUMNS[f].header) : null,
      value: f ? cellText(cell(f)) : null,
      message: vi,
      messageEn: en,
    });
  function take<T>(f: Field, parsed: Parsed<T>, required = false): T | null {
    if (!parsed.ok) {
      problem(f, parsed.reason.vi, parsed.reason.en);
      return null;
    }
    if (parsed.value === null && required) {
      problem(f, `thiếu ${COLUMNS[f].header.toLowerCase()}`, `${COLUMNS[f].en} is missing`);
    }
    return parsed.value;
  }

  const registrationNo = take('registrationNo', parseRegistrationNo(cell('registrationNo')), true);
  const name = take('name', parseText(cell('name'), { min: 2, max: 255 }), true);
  const kind = take('kind', parseKind(cell('kind')), true);
  const sector = take('sector', parseSector(cell('sector')), true);
  const status = take('status', parseStatus(cell('status')));
  const foundedOn = take('foundedOn', parseDate(cell('foundedOn'), ctx.today));

  const beforeCodes = errors.length;
  const provinceCode = take('provinceCode', parseCode(cell('provinceCode'), 2), true);
  const districtCode = take('districtCode', parseCode(cell('districtCode'), 3));
  const communeCode = take('communeCode', parseCode(cell('communeCode'), 5));
  const codesRead = errors.length === beforeCodes;

  const count = (f: Field) => take(f, parseWhole(cell(f), { max: MAX_COUNT }));
  const money = (f: Field, negative = false) => take(f, parseWhole(cell(f), { negative }));
  const figures: PeriodFigures = {
    members: count('members'),
    workers: count('workers'),
    charterCapitalVnd: money('charterCapitalVnd'),
    revenueVnd: money('revenueVnd'),
    profitVnd: money('profitVnd', true),
    incomePerWorkerMonthVnd: money('incomePerWorkerMonthVnd'),
    grade: take('grade', parseGrade(cell('grade'))),
  };
  const contacts = {
    address: take('address', parseText(cell('address'), { max: 500 })),
    representative: take('representative', parseText(cell('representative'), { max: 200 })),
    phone: take('phone', parsePhone(cell('phone'))),
    email: take('email', parseEmail(cell('email'))),
  };

  if (registrationNo && name && isSample(registrationNo, name)) {
    problem(
      'registrationNo',
      'dòng mẫu của biểu mẫu: xóa dòng này trước khi nhập',
      'a sample row of the template: delete it before importing',
    );
  }
  if (registrationNo) {
    const first = ctx.seen.get(registrationNo);
    if (first !== undefined) {
      problem(
        'registrationNo',
        `mã số ${registrationNo} trùng với dòng ${first}`,
        `registration number ${registrationNo} repeats line ${first}`,
      );
    } else {
      ctx.seen.set(registrationNo, raw.line);
    }
  }

  let placement: ImportRow['placement'] | undefined;
  if (provinceCode && codesRead) {
    const placed = placeRow(ctx.units, ctx.map, { provinceCode, districtCode, communeCode });
    if ('problems' in placed) for (const p of placed.problems) problem(p.field, p.reason.vi, p.reason.en);
    else placement = placed.placement;
  }

  const extra = ctx.extraCellsAreErrors ? lastFilled(raw.cells) : -1;
  if (extra >= ctx.headers.width) {
    problem(
      null,
      `dòng có ${extra + 1} ô, nhiều hơn số cột tiêu đề (${ctx.headers.width}): kiểm tra dấu phân cách trong dữ liệu`,
      `the row has ${extra + 1} cells, more than the ${ctx.headers.width} header columns: check for separators inside values`,
    );
  }
  if (errors.length > 0 || !placement) return { errors };
  return {
    row: {
      line: raw.line,
      registrationNo: registrationNo!,
      name: name!,
      kind: kind!,
      sector: sector!,
      status,
      foundedOn,
      codes: { provinceCode: provinceCode!, districtCode, communeCode },
      placement,
      figures,
      contacts,
    },
  };
}

function lastFilled(cells: Cell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i];
    if (c != null && !(typeof c === 'string' && c.trim() === '')) return i;
  }
  return -1;
}
