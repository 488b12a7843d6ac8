import { describe, expect, it } from 'vitest';
import { matchHeaders } from './columns.ts';
import { normalizeHeader } from './normalize.ts';
import {
  parseCode,
  parseDate,
  parseGrade,
  parseKind,
  parsePhone,
  parseRegistrationNo,
  parseSector,
  parseStatus,
  parseWhole,
  type Parsed,
} from './parse-values.ts';
import { detectDelimiter } from './read-rows.ts';

const value = <T>(p: Parsed<T>) => (p.ok ? p.value : `ERROR: ${p.reason.en}`);
const TODAY = '2026-11-23';

describe('whole numbers (money, counts)', () => {
  it('reads digits grouped by dots, commas or spaces, and Excel numbers', () => {
    for (const text of [
      '7500000000',
      '7.500.000.000',
      '7,500,000,000',
      '7 500 000 000',
      '7\u00a0500\u00a0000\u00a0000',
    ]) {
      expect(value(parseWhole(text)), text).toBe(7_500_000_000);
    }
    expect(value(parseWhole(' 5.000.000 đ '))).toBe(5_000_000);
    expect(value(parseWhole('323.000.000 VND'))).toBe(323_000_000);
    expect(value(parseWhole(1_500_000))).toBe(1_500_000);
    expect(value(parseWhole(''))).toBeNull();
    expect(value(parseWhole('  '))).toBeNull();
    expect(value(parseWhole(null))).toBeNull();
    expect(value(parseWhole('0'))).toBe(0);
  });

  it('refuses a decimal part, however it is written', () => {
    for (const text of ['7.500.000,5', '1.5', '1,50', '7,500,000.50', '7.500.000,000']) {
      expect(value(parseWhole(text)), text).toMatch(/decimal part/);
    }
    expect(value(parseWhole(1.5))).toMatch(/decimal part/);
  });

  it('refuses what is not a number, bad grouping and scientific notation', () => {
    for (const text of ['abc', '12.34.567', '1.2345', '7.500,000.000', '5tr', '--5']) {
      expect(value(parseWhole(text)), text).toMatch(/^ERROR/);
    }
    expect(value(parseWhole('1,5E+09'))).toMatch(/scientific notation/);
    expect(value(parseWhole('4.8E+09'))).toMatch(/scientific notation/);
    expect(value(parseWhole(true))).toMatch(/not a whole number/);
  });

  it('takes a minus sign only where allowed (profit)', () => {
    expect(value(parseWhole('-6.000.000'))).toMatch(/cannot be negative/);
    expect(value(parseWhole(-3))).toMatch(/cannot be negative/);
    expect(value(parseWhole('-6.000.000', { negative: true }))).toBe(-6_000_000);
    expect(value(parseWhole('−6000000', { negative: true }))).toBe(-6_000_000);
  });

  it('keeps within bounds', () => {
    expect(value(parseWhole('10.000.000.000.000.000'))).toMatch(/too large/);
    expect(value(parseWhole('3.000.000.000', { max: 2_147_483_647 }))).toMatch(/too large/);
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, ISO, Excel dates and serial numbers', () => {
    expect(value(parseDate('16/11/2012', TODAY))).toBe('2012-11-16');
    expect(value(parseDate('3/7/2010', TODAY))).toBe('2010-07-03');
    expect(value(parseDate('03-07-2010', TODAY))).toBe('2010-07-03');
    expect(value(parseDate('2010-07-03', TODAY))).toBe('2010-07-03');
    expect(value(parseDate(new Date(Date.UTC(2012, 10, 16)), TODAY))).toBe('2012-11-16');
    expect(value(parseDate(41229, TODAY))).toBe('2012-11-16');
    expect(value(parseDate('', TODAY))).toBeNull();
  });

  it('refuses impossible, future and malformed dates', () => {
    expect(value(parseDate('31/02/2020', TODAY))).toMatch(/no such date \(31\/02\/2020\)/);
    expect(value(parseDate('29/02/2023', TODAY))).toMatch(/no such date/);
    expect(value(parseDate('29/02/2024', TODAY))).toBe('2024-02-29');
    expect(value(parseDate('00/01/2020', TODAY))).toMatch(/no such date/);
    expect(value(parseDate('12/13/2020', TODAY))).toMatch(/no such date/);
    expect(value(parseDate('24/11/2026', TODAY))).toMatch(/future/);
    expect(value(parseDate('16/11/12', TODAY))).toMatch(/dd\/mm\/yyyy/);
    expect(value(parseDate('hôm qua', TODAY))).toMatch(/dd\/mm\/yyyy/);
    expect(value(parseDate('01/01/1850', TODAY))).toMatch(/before 1900/);
    expect(value(parseDate(41229.5, TODAY))).toMatch(/not a date/);
  });
});

describe('codes and registration numbers', () => {
  it('puts back the leading zeros Excel dropped, refuses other lengths and letters', () => {
    expect(value(parseCode('04', 2))).toBe('04');
    expect(value(parseCode(4, 2))).toBe('04');
    expect(value(parseCode('1534', 5))).toBe('01534');
    expect(value(parseCode(' 048 ', 3))).toBe('048');
    expect(value(parseCode('0048', 3))).toMatch(/3 digits/);
    expect(value(parseCode('4a', 2))).toMatch(/2 digits/);
    expect(value(parseCode('', 5))).toBeNull();
  });

  it('reads registration numbers, Excel numbers included', () => {
    expect(value(parseRegistrationNo(' 480400000 '))).toBe('480400000');
    expect(value(parseRegistrationNo(480400000))).toBe('480400000');
    expect(value(parseRegistrationNo('01/HTX-DK'))).toBe('01/HTX-DK');
    expect(value(parseRegistrationNo('01/htx-dk'))).toBe('01/HTX-DK'); // one number in any case
    expect(value(parseRegistrationNo('48 04'))).toMatch(/^ERROR/);
    expect(value(parseRegistrationNo('Số 1'))).toMatch(/^ERROR/);
  });

  it('reads phone numbers Excel turned into numbers', () => {
    expect(value(parsePhone(912345678))).toBe('0912345678');
    expect(value(parsePhone('0206 3880 123'))).toBe('0206 3880 123');
    expect(value(parsePhone('gọi tôi'))).toMatch(/^ERROR/);
  });
});

describe('enumerations (§7)', () => {
  it('reads kinds by key or word, whatever the case and diacritics', () => {
    for (const [text, key] of [
      ['HTX', 'HTX'],
      ['htx', 'HTX'],
      ['Hợp tác xã', 'HTX'],
      ['hop tac xa', 'HTX'],
      ['HỢP TÁC XÃ', 'HTX'],
      ['Tổ hợp tác', 'THT'],
      ['to hop tac', 'THT'],
      ['THT', 'THT'],
      ['Liên hiệp hợp tác xã', 'LHHTX'],
      ['lien hiep HTX', 'LHHTX'],
      ['LHHTX', 'LHHTX'],
    ]) {
      expect(value(parseKind(text)), text).toBe(key);
    }
    expect(value(parseKind('Doanh nghiệp'))).toMatch(/use one of: HTX, THT, LHHTX/);
  });

  it('reads sectors by key, label, long label, without diacritics', () => {
    for (const [text, key] of [
      ['Nông nghiệp', 'agriculture'],
      ['nong nghiep', 'agriculture'],
      ['Nông nghiệp (nông, lâm, ngư, diêm nghiệp)', 'agriculture'],
      ['agriculture', 'agriculture'],
      ['Công nghiệp - tiểu thủ công nghiệp', 'industry_handicraft'],
      ['cong nghiep tieu thu cong nghiep', 'industry_handicraft'],
      ['Xây dựng (sản xuất vật liệu xây dựng - xây dựng)', 'construction'],
      ['Thương mại – dịch vụ', 'trade_services'],
      ['THƯƠNG MẠI, DỊCH VỤ', 'trade_services'],
      ['Vận tải', 'transport'],
      ['Quỹ tín dụng nhân dân', 'credit_fund'],
      ['Môi trường', 'environment'],
      ['Khác', 'other'],
      ['  xay   dung ', 'construction'],
    ]) {
      expect(value(parseSector(text)), text).toBe(key);
    }
    const unknown = parseSector('Du lịch');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.reason.vi).toContain('Nông nghiệp, Công nghiệp - tiểu thủ công nghiệp, Xây dựng');
      expect(unknown.reason.en).toContain('Thương mại - dịch vụ (trade_services)');
    }
  });

  it('reads statuses and grades by label or key', () => {
    expect(value(parseStatus('Đang hoạt động'))).toBe('active');
    expect(value(parseStatus('dang hoat dong'))).toBe('active');
    expect(value(parseStatus('Tạm ngừng hoạt động'))).toBe('suspended');
    expect(value(parseStatus('dissolved'))).toBe('dissolved');
    expect(value(parseStatus('Đã tổ chức lại (sáp nhập, hợp nhất, chia, tách)'))).toBe('reorganized');
    expect(value(parseStatus(''))).toBeNull();
    expect(value(parseStatus('Sắp giải thể'))).toMatch(/unknown status/);
    expect(value(parseGrade('Tốt'))).toBe('good');
    expect(value(parseGrade('khá'))).toBe('fair');
    expect(value(parseGrade('Trung bình'))).toBe('average');
    expect(value(parseGrade('TRUNG BINH'))).toBe('average');
    expect(value(parseGrade('Yếu'))).toBe('weak');
    expect(value(parseGrade('weak'))).toBe('weak');
    expect(value(parseGrade('Xuất sắc'))).toMatch(/unknown grade/);
    // not graded for the period: no grade, as an empty cell
    expect(value(parseGrade('Chưa xếp loại'))).toBeNull();
    expect(value(parseGrade('khong xep loai'))).toBeNull();
    expect(value(parseGrade('unrated'))).toBeNull();
  });
});

describe('headers', () => {
  it('match without regard to case, diacritics, spaces, "_" or remarks in parentheses', () => {
    expect(normalizeHeader('  Mã_SỐ ')).toBe('ma so');
    expect(normalizeHeader('Vốn điều lệ (đồng)')).toBe('von dieu le');
    const m = matchHeaders([
      'ma_so',
      'TÊN',
      'loai hinh',
      'Lĩnh  vực',
      'Mã tỉnh',
      'Ghi chú',
      'STT',
      'Doanh thu (VNĐ)',
      '',
    ]);
    expect(m.missing).toEqual([]);
    expect(m.index).toMatchObject({ registrationNo: 0, name: 1, kind: 2, sector: 3, provinceCode: 4, revenueVnd: 7 });
    expect(m.written.revenueVnd).toBe('Doanh thu (VNĐ)');
    expect(m.unknown).toEqual(['Ghi chú']);
    expect(m.width).toBe(8);
  });

  it('name the missing required columns and the repeated ones', () => {
    const m = matchHeaders(['Mã số', 'Tên', 'ten', 'Lĩnh vực']);
    expect(m.missing).toEqual(['kind', 'provinceCode']);
    expect(m.duplicates).toEqual([{ field: 'name', headers: ['Tên', 'ten'] }]);
  });

  it('tell the CSV delimiter from the header line', () => {
    expect(detectDelimiter('Mã số,Tên,Loại hình')).toBe(',');
    expect(detectDelimiter('Mã số;Tên;Loại hình')).toBe(';');
    expect(detectDelimiter('"Tên, đầy đủ";Mã số;Loại hình')).toBe(';');
    expect(detectDelimiter('Mã số\tTên\tLoại hình')).toBe('\t');
  });
});
