import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent, lowerFirst, upperFirst } from './vietnamese.ts';

describe('formatNumber', () => {
  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(119)).toBe('119');
    expect(formatNumber(1264)).toBe('1.264');
    expect(formatNumber(115_165)).toBe('115.165');
    expect(formatNumber(1_234_567_890)).toBe('1.234.567.890');
    expect(formatNumber(-1264)).toBe('-1.264');
    expect(formatNumber(3.14159, 2)).toBe('3,14');
    expect(formatNumber(2.5, 2)).toBe('2,5');
    expect(formatNumber(2, 2)).toBe('2');
  });

  it('rounds half away from zero', () => {
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.5)).toBe('-3');
    expect(formatNumber(-0.4)).toBe('0');
  });
});

describe('formatMoney', () => {
  it('writes the examples of contracts §5', () => {
    expect(formatMoney(2_002_000_000)).toBe('2,002 tỷ đồng');
    expect(formatMoney(3_600_000_000)).toBe('3,6 tỷ đồng');
    expect(formatMoney(288_000_000)).toBe('288 triệu đồng');
    expect(formatMoney(5_000_000)).toBe('5 triệu đồng');
  });

  it('uses tỷ from one tỷ, to the million', () => {
    expect(formatMoney(7_457_000_000)).toBe('7,457 tỷ đồng');
    expect(formatMoney(1_669_133_333)).toBe('1,669 tỷ đồng');
    expect(formatMoney(2_050_000_000)).toBe('2,05 tỷ đồng');
    expect(formatMoney(1_000_000_000)).toBe('1 tỷ đồng');
    expect(formatMoney(1_264_000_000_000)).toBe('1.264 tỷ đồng');
    // 999,6 triệu rounds to 1.000 triệu: written as 1 tỷ, not "1.000 triệu"
    expect(formatMoney(999_600_000)).toBe('1 tỷ đồng');
  });

  it('uses whole triệu from 10 triệu, two decimals below, đồng under a triệu', () => {
    expect(formatMoney(497_133_333)).toBe('497 triệu đồng');
    expect(formatMoney(131_500_000)).toBe('132 triệu đồng');
    expect(formatMoney(4_850_000)).toBe('4,85 triệu đồng');
    expect(formatMoney(4_855_000)).toBe('4,86 triệu đồng');
    expect(formatMoney(1_000_000)).toBe('1 triệu đồng');
    expect(formatMoney(850_000)).toBe('850.000 đồng');
    expect(formatMoney(0)).toBe('0 đồng');
  });

  it('keeps the sign of losses and rounds them away from zero', () => {
    expect(formatMoney(-131_500_000)).toBe('-132 triệu đồng');
    expect(formatMoney(-6_000_000)).toBe('-6 triệu đồng');
    expect(formatMoney(-2_500_400_000)).toBe('-2,5 tỷ đồng');
    expect(formatMoney(-2_500_500_000)).toBe('-2,501 tỷ đồng');
  });
});

describe('formatPercent', () => {
  it('writes whole percentages, one decimal only when needed', () => {
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0.125)).toBe('12,5%');
    expect(formatPercent(1 / 3)).toBe('33,3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.9996)).toBe('100%');
  });
});

describe('case of names inside a sentence', () => {
  it('lowers the unit type and keeps the proper name', () => {
    expect(lowerFirst('Huyện Hạ Lang')).toBe('huyện Hạ Lang');
    expect(lowerFirst('Thành phố Hà Nội')).toBe('thành phố Hà Nội');
    expect(lowerFirst('Đặc khu Phú Quốc')).toBe('đặc khu Phú Quốc');
    expect(upperFirst('số HTX')).toBe('Số HTX');
  });
});
