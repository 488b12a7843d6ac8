import type { Lang } from '../i18n/lang.ts';

/** What every formatter prints for a missing value. */
export const EMPTY = '—';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits, useGrouping: 'always' });
    numberFormats.set(key, format);
  }
  return format;
}

type Maybe<T> = T | null | undefined;

/** 1264 → "1.264" (vi) or "1,264" (en). */
export function formatNumber(value: Maybe<number>, lang: Lang = 'vi', maxFractionDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return EMPTY;
  return numberFormat(lang, maxFractionDigits).format(value);
}

/** Whole VND: 7457000000 → "7.457.000.000 ₫". */
export function formatMoney(vnd: Maybe<number>, lang: Lang = 'vi'): string {
  if (vnd == null) return EMPTY;
  return `${formatNumber(vnd, lang)} ₫`;
}

const SHORT_UNITS: Record<Lang, { billion: string; million: string; unit: string }> = {
  vi: { billion: 'tỷ đồng', million: 'triệu đồng', unit: 'đồng' },
  en: { billion: 'billion VND', million: 'million VND', unit: 'VND' },
};

/** Money as officials write it: "2,002 tỷ đồng", "288 triệu đồng", "3,6 tỷ đồng". */
export function formatMoneyShort(vnd: Maybe<number>, lang: Lang = 'vi'): string {
  if (vnd == null) return EMPTY;
  const units = SHORT_UNITS[lang];
  const millions = Math.round(Math.abs(vnd) / 1e5) / 10;
  if (millions >= 1000) return `${formatNumber(vnd / 1e9, lang, 3)} ${units.billion}`;
  if (Math.abs(vnd) >= 1e6) return `${formatNumber(vnd / 1e6, lang, 1)} ${units.million}`;
  return `${formatNumber(vnd, lang)} ${units.unit}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-05" → "05/03/2024", read as text so no time zone can shift the day. */
export function formatDate(isoDate: Maybe<string>): string {
  const match = isoDate ? ISO_DATE.exec(isoDate) : null;
  if (!match) return EMPTY;
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
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
