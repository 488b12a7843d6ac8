// Reading one cell of the import file (contracts §3, §7). Pure functions: a cell as the reader
// gives it (text from CSV; text, number, Date or boolean from Excel) → a value, or a reason in
// Vietnamese and English. An empty cell is null; whether it may be empty is the caller's rule.
import { z } from 'zod';
import {
  GRADE_LABELS,
  KIND_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
  type Grade,
  type Kind,
  type Sector,
  type Status,
} from '../../../shared/contracts/enums.ts';
import { cleanText, lookupOf } from './normalize.ts';

export type Cell = string | number | boolean | Date | null | undefined;
export type Reason = { vi: string; en: string };
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: Reason };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const fail = <T>(vi: string, en: string): Parsed<T> => ({ ok: false, reason: { vi, en } });

export const isBlank = (cell: Cell) => cell == null || (typeof cell === 'string' && cell.trim() === '');

/** Digits, or digits in groups of three split by one of `.`, `,`, space (the same throughout). */
const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/;
const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const CURRENCY = /\s*(?:vnđ|vnd|đồng|đ|d)\.?$/i;
/** money fits a JS number exactly (contracts §4: safe up to 9·10^15) */
export const MAX_VND = 9_000_000_000_000_000;
export const MAX_COUNT = 2_147_483_647;

const NOT_WHOLE: Reason = {
  vi: 'không phải số nguyên: viết chữ số, có thể nhóm 3 chữ số bằng dấu chấm, phẩy hoặc khoảng trắng (7.500.000.000)',
  en: 'not a whole number: write digits, optionally grouped by three with dots, commas or spaces (7.500.000.000)',
};
const DECIMAL: Reason = {
  vi: 'có phần thập phân: chỉ nhận số nguyên (đồng, người)',
  en: 'has a decimal part: only whole numbers (VND, people) are accepted',
};

/**
 * A whole number: `7.500.000.000`, `7,500,000,000`, `7 500 000 000`, `7500000000`, an Excel
 * number; `-` only when `negative` is allowed. A decimal part (`7.500.000,5`, `1.5`) is an error.
 */
export function parseWhole(cell: Cell, opts: { negative?: boolean; max?: number } = {}): Parsed<number> {
  if (isBlank(cell)) return ok(null);
  const max = opts.max ?? MAX_VND;
  let n: number;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: NOT_WHOLE };
    if (!Number.isInteger(cell)) return { ok: false, reason: DECIMAL };
    n = cell;
  } else if (typeof cell === 'string') {
    let text = cell.replace(SPACES, ' ').trim().replace(CURRENCY, '');
    let sign = 1;
    if (/^[-−–]/.test(text)) {
      sign = -1;
      text = text.slice(1).trim();
    } else if (text.startsWith('+')) text = text.slice(1).trim();
    if (/^[\d.,]+e[+-]?\d+$/i.test(text)) {
      return fail(
        'viết dạng khoa học (1,5E+09): hãy định dạng ô là số và ghi đủ các chữ số',
        'written in scientific notation (1.5E+09): format the cell as a number and write every digit',
      );
    }
    if (!PLAIN.test(text) && !GROUPED.test(text)) {
      return { ok: false, reason: hasDecimalPart(text) ? DECIMAL : NOT_WHOLE };
    }
    n = sign * Number(text.replace(/[., ]/g, ''));
  } else {
    return { ok: false, reason: NOT_WHOLE };
  }
  if (n < 0 && !opts.negative) return fail('không được âm', 'cannot be negative');
  if (Math.abs(n) > max) {
    return fail(`quá lớn (tối đa ${max.toLocaleString('vi-VN')})`, `too large (at most ${max.toLocaleString('en')})`);
  }
  return ok(n === 0 ? 0 : n); // no -0
}

/** `1.5`, `1,50`, `7.500.000,5`, `7,500,000.50`: digits, then a different or final short group. */
function hasDecimalPart(text: string): boolean {
  const m = /^(\d{1,3}(?:([., ])\d{3})*|\d+)([.,])(\d+)$/.exec(text);
  if (!m) return false;
  const [, , groupSep, decimalSep, tail] = m;
  return (groupSep !== undefined && groupSep !== decimalSep) || tail!.length !== 3;
}

/** An administrative code of `digits` digits; leading zeros that Excel dropped are put back. */
export function parseCode(cell: Cell, digits: number): Parsed<string> {
  if (isBlank(cell)) return ok(null);
  const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : String(cell).trim();
  if (!/^\d+$/.test(text) || text.length > digits) {
    return fail(`mã phải gồm ${digits} chữ số`, `the code must be ${digits} digits`);
  }
  return ok(text.padStart(digits, '0'));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Today in Vietnam (UTC+7), 'YYYY-MM-DD'. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * A date: `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.`), `yyyy-mm-dd`, an Excel date or serial
 * number. Impossible dates (31/02/2020) and dates after `today` are errors.
 */
export function parseDate(cell: Cell, today: string): Parsed<string> {
  if (isBlank(cell)) return ok(null);
  let y: number, m: number, d: number;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('ngày không hợp lệ', 'invalid date');
    // Excel dates arrive as UTC midnight (exceljs); a time of day, if any, is ignored
    [y, m, d] = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  } else if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) {
      return fail('không phải ngày: dùng dd/mm/yyyy', 'not a date: use dd/mm/yyyy');
    }
    const date = new Date(EXCEL_EPOCH + cell * DAY);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else return fail('ngày không đúng dạng dd/mm/yyyy', 'date is not in the form dd/mm/yyyy');
  } else {
    return fail('không phải ngày: dùng dd/mm/yyyy', 'not a date: use dd/mm/yyyy');
  }
  const real = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) {
    return fail(`ngày không tồn tại (${pad2(d)}/${pad2(m)}/${y})`, `no such date (${pad2(d)}/${pad2(m)}/${y})`);
  }
  if (y < 1900) return fail('năm trước 1900', 'year before 1900');
  const value = isoOf(y, m, d);
  if (value > today) {
    return fail(`ngày ở tương lai (${pad2(d)}/${pad2(m)}/${y})`, `date in the future (${pad2(d)}/${pad2(m)}/${y})`);
  }
  return ok(value);
}

/** Text of a cell: an Excel number becomes its digits, text is NFC with single spaces. */
export function cellText(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cleanText(String(cell));
}

export function parseRegistrationNo(cell: Cell): Parsed<string> {
  if (typeof cell === 'number' && !Number.isInteger(cell)) return fail('mã số không hợp lệ', 'invalid number');
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (!/^[0-9A-Za-z./-]{1,40}$/.test(text)) {
    return fail(
      'mã số chỉ gồm chữ không dấu, số, ".", "/", "-" (tối đa 40 ký tự)',
      'registration number: letters, digits, ".", "/", "-" (at most 40)',
    );
  }
  return ok(text.toUpperCase());
}

export function parseText(cell: Cell, opts: { min?: number; max: number }): Parsed<string> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (text.length < (opts.min ?? 1)) return fail('quá ngắn', 'too short');
  if (text.length > opts.max) return fail(`quá dài (tối đa ${opts.max} ký tự)`, `too long (at most ${opts.max})`);
  return ok(text);
}

export function parsePhone(cell: Cell): Parsed<string> {
  const text = typeof cell === 'number' ? `0${cell}` : cellText(cell); // Excel drops the leading 0
  if (text === null) return ok(null);
  return /^[0-9 +().-]{6,20}$/.test(text) ? ok(text) : fail('số điện thoại không hợp lệ', 'invalid phone number');
}

const email = z.email();
export function parseEmail(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  return email.safeParse(text).success ? ok(text) : fail('email không hợp lệ', 'invalid email');
}

// ---- enumerations (§7): by key, by Vietnamese or English label, common short forms ----

const labels = <K extends string>(l: Record<K, { vi: string; en: string }>, more: Partial<Record<K, string[]>>) =>
  Object.fromEntries(
    Object.entries<{ vi: string; en: string }>(l).map(([k, v]) => [k, [v.vi, v.en, ...(more[k as K] ?? [])]]),
  ) as Record<K, string[]>;

const KIND_WORDS = labels(KIND_LABELS, { LHHTX: ['Liên hiệp HTX'] });
const SECTOR_WORDS = labels(SECTOR_LABELS, {
  agriculture: ['Nông nghiệp (nông, lâm, ngư, diêm nghiệp)', 'Nông, lâm, ngư, diêm nghiệp', 'Nông lâm ngư nghiệp'],
  industry_handicraft: ['Công nghiệp, tiểu thủ công nghiệp', 'CN-TTCN', 'Tiểu thủ công nghiệp', 'Công nghiệp'],
  construction: ['Xây dựng (sản xuất vật liệu xây dựng - xây dựng)', 'Sản xuất vật liệu xây dựng - xây dựng'],
  trade_services: ['Thương mại, dịch vụ', 'TM-DV', 'Thương mại', 'Dịch vụ'],
  transport: ['Giao thông vận tải'],
  credit_fund: ['QTDND', 'Quỹ tín dụng'],
  environment: ['Vệ sinh môi trường'],
});
const STATUS_WORDS = labels(STATUS_LABELS, {
  active: ['Hoạt động'],
  suspended: ['Tạm ngừng', 'Tạm dừng hoạt động'],
  reorganized: ['Đã tổ chức lại (sáp nhập, hợp nhất, chia, tách)'],
});
const GRADE_WORDS = labels(GRADE_LABELS, { average: ['TB'], unrated: ['Không xếp loại'] });

const findKind = lookupOf<Kind>(KIND_WORDS);
const findSector = lookupOf<Sector>(SECTOR_WORDS);
const findStatus = lookupOf<Status>(STATUS_WORDS);
const findGrade = lookupOf<Grade>(GRADE_WORDS);

function enumParser<K extends string>(
  find: (text: string) => K | undefined,
  what: Reason,
  allowed: { vi: string; en: string },
) {
  return (cell: Cell): Parsed<K> => {
    const text = cellText(cell);
    if (text === null) return ok(null);
    const key = find(text);
    return key
      ? ok(key)
      : fail(`${what.vi} không hợp lệ; dùng một trong: ${allowed.vi}`, `unknown ${what.en}; use one of: ${allowed.en}`);
  };
}

/** "Nông nghiệp, Xây dựng, …" and "Nông nghiệp (agriculture), Xây dựng (construction), …" */
function allowedOf<K extends string>(l: Record<K, { vi: string; en: string }>) {
  const keys = Object.keys(l) as K[];
  return {
    vi: keys.map((k) => l[k].vi).join(', '),
    en: keys.map((k) => `${l[k].vi} (${k})`).join(', '),
  };
}

const KINDS_ALLOWED = {
  vi: 'HTX, THT, LHHTX (hoặc Hợp tác xã, Tổ hợp tác, Liên hiệp hợp tác xã)',
  en: 'HTX, THT, LHHTX (or Hợp tác xã, Tổ hợp tác, Liên hiệp hợp tác xã)',
};
export const parseKind = enumParser(findKind, { vi: 'loại hình', en: 'kind' }, KINDS_ALLOWED);
export const parseSector = enumParser(findSector, { vi: 'lĩnh vực', en: 'sector' }, allowedOf(SECTOR_LABELS));
export const parseStatus = enumParser(findStatus, { vi: 'trạng thái', en: 'status' }, allowedOf(STATUS_LABELS));
const parseGradeWord = enumParser(findGrade, { vi: 'xếp loại', en: 'grade' }, allowedOf(GRADE_LABELS));
/** "Chưa xếp loại" (unrated) is no grade for the period, as an empty cell: only grades are stored. */
export function parseGrade(cell: Cell): Parsed<Exclude<Grade, 'unrated'>> {
  const parsed = parseGradeWord(cell);
  return parsed.ok && parsed.value === 'unrated' ? ok(null) : (parsed as Parsed<Exclude<Grade, 'unrated'>>);
}
