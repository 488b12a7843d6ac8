import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  parseDate,
} from './format.ts';

describe('formatNumber', () => {
  it('groups thousands with dots in Vietnamese', () => {
    expect(formatNumber(1264)).toBe('1.264');
    expect(formatNumber(35000)).toBe('35.000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1970000)).toBe('-1.970.000');
  });
  it('groups thousands with commas in English', () => {
    expect(formatNumber(1264, 'en')).toBe('1,264');
  });
  it('uses a decimal comma in Vietnamese', () => {
    expect(formatNumber(0.25, 'vi', 2)).toBe('0,25');
    expect(formatNumber(0.25, 'en', 2)).toBe('0.25');
  });
  it('prints a dash for missing values', () => {
    expect(formatNumber(null)).toBe(EMPTY);
    expect(formatNumber(undefined)).toBe(EMPTY);
    expect(formatNumber(Number.NaN)).toBe(EMPTY);
  });
});

describe('formatMoney', () => {
  it('prints whole VND with the đồng sign', () => {
    expect(formatMoney(7457000000)).toBe('7.457.000.000 ₫');
    expect(formatMoney(7457000000, 'en')).toBe('7,457,000,000 ₫');
    expect(formatMoney(null)).toBe(EMPTY);
  });
});

describe('formatMoneyShort', () => {
  it('writes billions and millions as officials do', () => {
    expect(formatMoneyShort(2002000000)).toBe('2,002 tỷ đồng');
    expect(formatMoneyShort(3600000000)).toBe('3,6 tỷ đồng');
    expect(formatMoneyShort(288000000)).toBe('288 triệu đồng');
    expect(formatMoneyShort(5000000)).toBe('5 triệu đồng');
    expect(formatMoneyShort(25037000000)).toBe('25,037 tỷ đồng');
  });
  it('keeps small amounts and negative profits readable', () => {
    expect(formatMoneyShort(450000)).toBe('450.000 đồng');
    expect(formatMoneyShort(-288000000)).toBe('-288 triệu đồng');
  });
  it('moves to billions when millions would round to 1.000', () => {
    expect(formatMoneyShort(999960000)).toBe('1 tỷ đồng');
  });
  it('has English units', () => {
    expect(formatMoneyShort(2002000000, 'en')).toBe('2.002 billion VND');
    expect(formatMoneyShort(288000000, 'en')).toBe('288 million VND');
  });
  it('prints a dash for missing values', () => {
    expect(formatMoneyShort(null)).toBe(EMPTY);
  });
});

describe('formatDate', () => {
  it('turns ISO dates into dd/mm/yyyy without time-zone drift', () => {
    expect(formatDate('2024-03-05')).toBe('05/03/2024');
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('1999-12-31')).toBe('31/12/1999');
  });
  it('prints a dash for missing or malformed values', () => {
    expect(formatDate(null)).toBe(EMPTY);
    expect(formatDate('')).toBe(EMPTY);
    expect(formatDate('05/03/2024')).toBe(EMPTY);
  });
});

describe('formatDateTime', () => {
  it('prints day, month, year, hours and minutes', () => {
    expect(formatDateTime('2024-03-05T14:07:00')).toBe('05/03/2024 14:07');
    expect(formatDateTime('nonsense')).toBe(EMPTY);
  });
});

describe('parseDate', () => {
  it('reads dd/mm/yyyy with or without leading zeros', () => {
    expect(parseDate('05/03/2024')).toBe('2024-03-05');
    expect(parseDate(' 5/3/2024 ')).toBe('2024-03-05');
  });
  it('rejects days that do not exist and other shapes', () => {
    expect(parseDate('30/02/2024')).toBeNull();
    expect(parseDate('2024-03-05')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('formatPercent', () => {
  it('writes shares as whole percents, one decimal only when needed', () => {
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0.5949367088607594)).toBe('59,5%');
    expect(formatPercent(0.5949367088607594, 'en')).toBe('59.5%');
    expect(formatPercent(null)).toBe(EMPTY);
  });
});

describe('Vietnamese figures come from shared/format/vietnamese.ts', () => {
  it('rounds both languages alike', () => {
    expect(formatMoneyShort(6212052)).toBe('6,21 triệu đồng');
    expect(formatMoneyShort(6212052, 'en')).toBe('6.21 million VND');
    expect(formatMoneyShort(271735000000, 'en')).toBe('271.735 billion VND');
    expect(formatNumber(16193.5, 'en', 1)).toBe('16,193.5');
  });
});
