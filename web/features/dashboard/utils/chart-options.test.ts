import { describe, expect, it } from 'vitest';
import { GRADE_LABELS, SECTOR_LABELS, type Grade, type Sector } from '../../../../shared/contracts/enums.ts';
import { formatNumber } from '../../../lib/format.ts';
import { GRADE_COLORS, chartSummary, columnOption, donutOption, sectorBarOption } from './chart-options.ts';

const bySector: Record<Sector, number> = {
  agriculture: 1199,
  industry_handicraft: 43,
  construction: 17,
  trade_services: 32,
  transport: 0,
  credit_fund: 6,
  environment: 19,
  other: 13,
};
const byGrade: Record<Grade, number> = { good: 1, fair: 2, average: 9, weak: 3, unrated: 0 };
const text = <K extends string>(labels: Record<K, { vi: string }>) => ({
  label: (key: K) => labels[key].vi,
  count: (n: number) => formatNumber(n, 'vi'),
});

type Series = { data: unknown[]; label?: { formatter: (p: { value: unknown }) => string } };
const seriesOf = (option: ReturnType<typeof sectorBarOption>) => (option.series as Series[])[0]!;

describe('sectorBarOption', () => {
  const option = sectorBarOption(bySector, text(SECTOR_LABELS));
  it('draws the largest sector on top (a category axis starts at the bottom)', () => {
    const categories = (option.yAxis as { data: string[] }).data;
    expect(categories.at(-1)).toBe('Nông nghiệp');
    expect(categories[0]).toBe('Vận tải');
    expect(seriesOf(option).data.at(-1)).toBe(1199);
  });
  it('labels bars with Vietnamese numbers', () => {
    expect(seriesOf(option).label!.formatter({ value: 1199 })).toBe('1.199');
  });
});

describe('donutOption', () => {
  const option = donutOption(byGrade, GRADE_COLORS, text(GRADE_LABELS));
  it('gives every grade its fixed colour and label', () => {
    const data = seriesOf(option).data as { name: string; value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.name)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Chưa xếp loại']);
    expect(data[0]).toEqual({ name: 'Tốt', value: 1, itemStyle: { color: GRADE_COLORS.good } });
    expect(data[3]!.itemStyle.color).toBe(GRADE_COLORS.weak);
  });
  it('writes the tooltip with the count and the share', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ name: 'Trung bình', value: 1264, percent: 60.4 })).toBe('Trung bình: <b>1.264</b> (60%)');
  });
});

describe('columnOption', () => {
  it('keeps the order of the enumeration, each column in its colour', () => {
    const option = columnOption(
      { a: 3, b: 5 },
      { a: 'red', b: 'blue' },
      { label: (k) => k.toUpperCase(), count: String },
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['A', 'B']);
    expect(seriesOf(option).data).toEqual([
      { value: 3, itemStyle: { color: 'red', borderRadius: [4, 4, 0, 0] } },
      { value: 5, itemStyle: { color: 'blue', borderRadius: [4, 4, 0, 0] } },
    ]);
  });
});

describe('chartSummary', () => {
  it('reads the counts out for screen readers', () => {
    expect(chartSummary(byGrade, text(GRADE_LABELS))).toBe('Tốt: 1; Khá: 2; Trung bình: 9; Yếu: 3; Chưa xếp loại: 0');
  });
});
