import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel, recentPeriods } from './periods.ts';

describe('recentPeriods', () => {
  it('lists begun periods newest first, the year before its halves', () => {
    expect(recentPeriods(new Date(2026, 10, 23), 2)).toEqual([
      '2026',
      '2026-H2',
      '2026-H1',
      '2025',
      '2025-H2',
      '2025-H1',
    ]);
  });
  it('leaves out a second half that has not begun', () => {
    expect(recentPeriods(new Date(2026, 2, 1), 1)).toEqual(['2026', '2026-H1']);
  });
});

describe('parsePeriod and periodLabel', () => {
  const words = {
    year: (y: string) => `Năm ${y}`,
    firstHalf: (y: string) => `6T đầu ${y}`,
    secondHalf: (y: string) => `6T cuối ${y}`,
  };
  it('reads years and halves', () => {
    expect(parsePeriod('2025-H1')).toEqual({ year: 2025, half: 1 });
    expect(parsePeriod('2024')).toEqual({ year: 2024, half: null });
    expect(parsePeriod('2024-H3')).toBeNull();
    expect(parsePeriod(null)).toBeNull();
  });
  it('names a period, or shows an unknown code as it is', () => {
    expect(periodLabel('2025-H2', words)).toBe('6T cuối 2025');
    expect(periodLabel('2024', words)).toBe('Năm 2024');
    expect(periodLabel('Q3', words)).toBe('Q3');
  });
});
