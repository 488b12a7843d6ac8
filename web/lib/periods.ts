// Reporting periods (contracts §2): '2024' is a calendar year, '2024-H1' / '2024-H2' half-years.

const PERIOD = /^(\d{4})(?:-H([12]))?$/;

export interface PeriodParts {
  year: number;
  half: 1 | 2 | null;
}

export function parsePeriod(code: string | null | undefined): PeriodParts | null {
  const match = code ? PERIOD.exec(code) : null;
  if (!match) return null;
  return { year: Number(match[1]), half: match[2] ? (Number(match[2]) as 1 | 2) : null };
}

/**
 * The periods that have begun by `today`, newest first, over `years` calendar years:
 * 2026, 2026-H2, 2026-H1, 2025, 2025-H2, … (a year before its second half, as both end on 31/12).
 */
export function recentPeriods(today: Date, years: number): string[] {
  const thisYear = today.getFullYear();
  const secondHalfBegun = today.getMonth() >= 6;
  const periods: string[] = [];
  for (let year = thisYear; year > thisYear - years; year--) {
    periods.push(String(year));
    if (year < thisYear || secondHalfBegun) periods.push(`${year}-H2`);
    periods.push(`${year}-H1`);
  }
  return periods;
}

export interface PeriodWords {
  year: (year: string) => string;
  firstHalf: (year: string) => string;
  secondHalf: (year: string) => string;
}

/** "2025-H1" → "6 tháng đầu năm 2025"; an unknown code is shown as it is. */
export function periodLabel(code: string, words: PeriodWords): string {
  const parts = parsePeriod(code);
  if (!parts) return code;
  const year = String(parts.year);
  if (parts.half === 1) return words.firstHalf(year);
  if (parts.half === 2) return words.secondHalf(year);
  return words.year(year);
}
