// Reporting periods (kỳ báo cáo): '2024' is a calendar year, '2024-H1' / '2024-H2' half-years.
import { AppError } from '../../http/errors.ts';

const PERIOD = /^(\d{4})(?:-H([12]))?$/;

export interface Period {
  code: string;
  year: number;
  half: 1 | 2 | null;
  /** first and last day, 'YYYY-MM-DD' */
  start: string;
  end: string;
}

export function parsePeriod(code: string): Period {
  const m = PERIOD.exec(code);
  if (!m) {
    throw new AppError('validation_failed', {
      vi: `Kỳ báo cáo "${code}" không hợp lệ: dùng 2024, 2024-H1 hoặc 2024-H2`,
      en: `Invalid period "${code}": use 2024, 2024-H1 or 2024-H2`,
      errors: [{ field: 'period', message: 'Kỳ báo cáo không hợp lệ', messageEn: 'Invalid period' }],
    });
  }
  const year = Number(m[1]);
  const half = m[2] ? (Number(m[2]) as 1 | 2) : null;
  return {
    code,
    year,
    half,
    start: half === 2 ? `${year}-07-01` : `${year}-01-01`,
    end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
  };
}

/** Orders periods by their end, a year after its second half (both end on 31 December). */
/** The period as a report names it: "Năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024". */
export function periodName(code: string): string {
  const { year, half } = parsePeriod(code);
  return half === null ? `Năm ${year}` : `6 tháng ${half === 1 ? 'đầu' : 'cuối'} năm ${year}`;
}

export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pa.end.localeCompare(pb.end) || (pa.half === null ? 1 : 0) - (pb.half === null ? 1 : 0);
}
