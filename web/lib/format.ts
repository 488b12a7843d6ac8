import * as vietnamese from '../../shared/format/vietnamese.ts';
import type { Lang } from '../i18n/lang.ts';

/** What every formatter prints for a missing value. */
export const EMPTY = '—';

type Maybe<T> = T | null | undefined;

/**
 * The Vietnamese text with its separators swapped for English: "1.264,5" → "1,264.5".
 * Both languages come from the same Vietnamese formatter, so they round alike.
 */
function toEnglishDigits(text: string): string {
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** 1264 → "1.264" (vi) or "1,264" (en); up to `maxFractionDigits` decimals, no trailing zeros. */
export function formatNumber(value: Maybe<number>, lang: Lang = 'vi', maxFractionDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return EMPTY;
  const vi = vietnamese.formatNumber(value, maxFractionDigits);
  return lang === 'vi' ? vi : toEnglishDigits(vi);
}

/** Whole VND: 7457000000 → "7.457.000.000 ₫". */
export function formatMoney(vnd: Maybe<number>, lang: Lang = 'vi'): string {
  if (vnd == null) return EMPTY;
  return `${formatNumber(vnd, lang)} ₫`;
}

const ENGLISH_UNITS: [RegExp, string][] = [
  [/ tỷ đồng$/, ' billion VND'],
  [/ triệu đồng$/, ' million VND'],
  [/ đồng$/, ' VND'],
];

/** Money as officials write it: "2,002 tỷ đồng", "288 triệu đồng", "3,6 tỷ đồng" (shared/format/vietnamese.ts). */
export function formatMoneyShort(vnd: Maybe<number>, lang: Lang = 'vi'): string {
  if (vnd == null || !Number.isFinite(vnd)) return EMPTY;
  const vi = vietnamese.formatMoney(vnd);
  if (lang === 'vi') return vi;
  const [unit, english] = ENGLISH_UNITS.find(([pattern]) => pattern.test(vi)) ?? ENGLISH_UNITS[2]!;
  return toEnglishDigits(vi.replace(unit, '')) + english;
}

/** A share between 0 and 1: 0.2 → "20%", 0.595 → "59,5%" (vi) / "59.5%" (en). */
export function formatPercent(share: Maybe<number>, lang: Lang = 'vi'): string {
  if (share == null || !Number.isFinite(share)) return EMPTY;
  const vi = vietnamese.formatPercent(share);
  return lang === 'vi' ? vi : toEnglishDigits(vi);
}

/** "2024-03-05" → "05/03/2024" (shared/format/vietnamese.ts); the empty mark when not a date. */
export function formatDate(isoDate: Maybe<string>): string {
  return (isoDate && vietnamese.formatDate(isoDate)) || EMPTY;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp in the browser's time zone: "05/03/2024 14:07". */
export function formatDateTime(timestamp: Maybe<string>): string {
  const date = timestamp ? new Date(timestamp) : null;
  if (!date || Number.isNaN(date.getTime())) return EMPTY;
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "5/3/2024" or "05/03/2024" → "2024-03-05"; null when empty or not a real calendar day. */
export function parseDate(text: string): string | null {
  const match = DMY.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
