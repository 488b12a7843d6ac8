import { describe, expect, it } from 'vitest';
import type { BreakdownRow } from '../../../../shared/contracts/stats.ts';
import { nextSort, sortBreakdown } from './sort-breakdown.ts';

function row(code: string, name: string, total: number, income: number | null, share: number | null): BreakdownRow {
  return {
    code,
    name,
    total,
    byKind: { HTX: total, THT: 0, LHHTX: 0 },
    members: total * 10,
    workers: total ? total * 3 : null,
    effective: { count: 0, graded: share === null ? 0 : 10, share },
    incomePerWorkerMonthVnd: income,
  };
}

const rows = [
  row('04', 'Tỉnh Cao Bằng', 50, 4_900_000, 0.43),
  row('01', 'Thành phố Hà Nội', 91, 7_000_000, 0.76),
  row('08', 'Tỉnh Tuyên Quang', 0, null, null),
  row('11', 'Tỉnh Điện Biên', 50, 5_100_000, 0.5),
];
const codes = (sorted: BreakdownRow[]) => sorted.map((r) => r.code);

describe('sortBreakdown', () => {
  it('keeps the server order without a sort and does not touch its input', () => {
    expect(codes(sortBreakdown(rows, null))).toEqual(['04', '01', '08', '11']);
    sortBreakdown(rows, '-total');
    expect(codes(rows)).toEqual(['04', '01', '08', '11']);
  });
  it('sorts numbers both ways, ties by code', () => {
    expect(codes(sortBreakdown(rows, '-total'))).toEqual(['01', '04', '11', '08']);
    expect(codes(sortBreakdown(rows, 'total'))).toEqual(['08', '04', '11', '01']);
  });
  it('puts missing figures last in both directions', () => {
    expect(codes(sortBreakdown(rows, '-income'))).toEqual(['01', '11', '04', '08']);
    expect(codes(sortBreakdown(rows, 'effective'))).toEqual(['04', '11', '01', '08']);
  });
  it('sorts names in Vietnamese order (Đ after D)', () => {
    expect(codes(sortBreakdown(rows, 'name'))).toEqual(['01', '04', '11', '08']);
  });
});

describe('nextSort', () => {
  it('cycles numbers largest first, then smallest first, then the server order', () => {
    expect(nextSort(null, 'total')).toBe('-total');
    expect(nextSort('-total', 'total')).toBe('total');
    expect(nextSort('total', 'total')).toBe(null);
    expect(nextSort('-income', 'total')).toBe('-total');
  });
  it('cycles names A to Z first', () => {
    expect(nextSort(null, 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
  });
});
