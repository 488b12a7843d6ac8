import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodName } from './period.ts';

describe('periods', () => {
  it('knows the first and last day of years and half-years', () => {
    expect(parsePeriod('2024')).toMatchObject({ year: 2024, half: null, start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriod('2025-H1')).toMatchObject({ half: 1, start: '2025-01-01', end: '2025-06-30' });
    expect(parsePeriod('2025-H2')).toMatchObject({ half: 2, start: '2025-07-01', end: '2025-12-31' });
  });

  it('refuses anything else with a bilingual message', () => {
    for (const bad of ['24', '2024-H3', '2024H1', '2024-Q1', '']) {
      expect(() => parsePeriod(bad), bad).toThrow(/Invalid period/);
    }
  });

  it('orders by end date, the year after its second half', () => {
    expect(['2025', '2024-H2', '2025-H1', '2024', '2024-H1'].sort(comparePeriods)).toEqual([
      '2024-H1',
      '2024-H2',
      '2024',
      '2025-H1',
      '2025',
    ]);
  });
});

describe('periodName', () => {
  it('names a year and its halves as reports do', () => {
    expect(['2024', '2024-H1', '2024-H2'].map(periodName)).toEqual([
      'Năm 2024',
      '6 tháng đầu năm 2024',
      '6 tháng cuối năm 2024',
    ]);
  });
});
