import { describe, expect, it } from 'vitest';
import type { AuditEntity } from '../../shared/contracts/audit.ts';
import { dictionaries } from '../i18n/dictionary.ts';
import type { Lang } from '../i18n/lang.ts';
import { changeTexts } from './audit-text.ts';

/** label → [before, after], as the events list shows them. */
const shown = (entity: AuditEntity, changes: Record<string, [unknown, unknown]>, lang: Lang = 'vi') =>
  Object.fromEntries(
    changeTexts(dictionaries[lang], lang, entity, changes, unitNames).map((c) => [c.label, [c.before, c.after]]),
  );
// as the server names the units the changes hold by code
const unitNames = { current: { '04': 'Tỉnh Cao Bằng', '04792': 'Xã Hạ Lang' }, 'pre-2025': { '042': 'Huyện Hạ Lang' } };

// shaped as the server's recordAudit callers write them
const grade = {
  'grade@2024': ['fair', 'good'],
  'total@2024': [70, 85],
  'scheme@2024': [null, 'nd45'],
  'scores@2024': [null, { a1: 40, a2: 30.5, b1: 14.5 }],
} satisfies Record<string, [unknown, unknown]>;
const report = {
  'status@2024': ['draft', 'submitted'],
  'difficulties@2024': [[], ['capital', 'market']],
  'assetsVnd@2024': [null, 1_500_000_000],
  'comment@2024': [null, 'Mất mùa'],
} satisfies Record<string, [unknown, unknown]>;
const review = {
  kind: [null, 'visit'],
  title: [null, 'Rà soát quý I'],
  heldOn: [null, '2024-03-05'],
  communeCode: [null, '04792'],
  delegation: [null, 'Phòng Kinh tế'],
  notes: [null, 'Đi cả ngày'],
  'org 32': [null, { findings: 'Sổ sách đầy đủ', difficulties: ['land'], proposals: null }],
} satisfies Record<string, [unknown, unknown]>;
const account = {
  name: ['Nguyễn Văn A', 'Nguyễn Văn B'],
  role: ['viewer', 'commune_officer'],
  disabled: [false, true],
} satisfies Record<string, [unknown, unknown]>;

describe('the changes of an audit event', () => {
  it('read a grade with its labels, the grade named and the scores summed up', () => {
    expect(shown('organization', grade)).toEqual({
      'Xếp loại (kỳ 2024)': ['Khá', 'Tốt'],
      'Tổng điểm (kỳ 2024)': ['70', '85'],
      'Bộ tiêu chí (kỳ 2024)': ['—', 'nd45'],
      'Điểm từng tiêu chí (kỳ 2024)': ['—', '3 tiêu chí, tổng 85 điểm'],
    });
  });

  it("read a report's status from the report statuses, not the organisation's", () => {
    expect(shown('organization', report)).toEqual({
      'Trạng thái báo cáo (kỳ 2024)': ['Nháp', 'Đã gửi, chờ duyệt'],
      'Khó khăn, vướng mắc (kỳ 2024)': ['—', 'Vốn, tín dụng, Thị trường tiêu thụ'],
      'Tổng tài sản (kỳ 2024)': ['—', '1.500.000.000 ₫'],
      'Giải trình (khi có cảnh báo) (kỳ 2024)': ['—', 'Mất mùa'],
    });
    expect(shown('organization', { status: ['active', 'suspended'] })).toEqual({
      'Trạng thái': ['Đang hoạt động', 'Tạm ngừng hoạt động'],
    });
  });

  it('read a field review: its kind named, what it found at an organisation as text', () => {
    expect(shown('field_review', review)).toEqual({
      'Hình thức': ['—', 'Kiểm tra, rà soát trực tiếp'],
      'Tên đợt rà soát': ['—', 'Rà soát quý I'],
      Ngày: ['—', '05/03/2024'],
      'Xã/phường': ['—', 'Xã Hạ Lang (04792)'],
      'Thành phần đoàn': ['—', 'Phòng Kinh tế'],
      'Ghi chú chung': ['—', 'Đi cả ngày'],
      'Tổ chức 32': ['—', 'Kết quả, nhận xét: Sổ sách đầy đủ; Khó khăn theo loại: Đất đai, mặt bằng'],
    });
  });

  it("read an account's name as a person's and its state in words", () => {
    expect(shown('user', account)).toEqual({
      'Họ và tên': ['Nguyễn Văn A', 'Nguyễn Văn B'],
      'Vai trò': ['Người xem', 'Cán bộ xã'],
      'Trạng thái': ['Đang hoạt động', 'Đã vô hiệu hóa'],
    });
  });

  it('name the units they hold by code, on the map of their field; a code no list names stays a code', () => {
    expect(
      shown('organization', {
        provinceCode: ['04', '06'],
        oldDistrictCode: [null, '042'],
        oldProvinceCode: [null, '04'],
      }),
    ).toEqual({
      'Tỉnh/thành phố': ['Tỉnh Cao Bằng (04)', '06'],
      'Huyện (trước 2025)': ['—', 'Huyện Hạ Lang (042)'],
      'Tỉnh (trước 2025)': ['—', '04'],
    });
    expect(shown('user', { areaCode: ['VN', '04'] })).toEqual({ 'Địa bàn': ['Cả nước', 'Tỉnh Cao Bằng (04)'] });
  });

  it('read the settings, the demo data and a period’s dates', () => {
    expect(shown('setting', { effectiveGrades: [['good', 'fair'], ['good']], custom: [false, true] })).toEqual({
      'Hoạt động hiệu quả': ['Tốt, Khá', 'Tốt'],
      'Ngày đặt riêng cho kỳ': ['Không', 'Có'],
    });
    expect(shown('import', { organizations: [null, 1264] })).toEqual({ 'Số tổ chức': ['—', '1.264'] });
  });

  it('read in English in the English interface', () => {
    expect(shown('organization', { ...grade, ...report }, 'en')).toMatchObject({
      'Points per criterion (period 2024)': ['—', '3 criteria, 85 points in all'],
      'Report status (period 2024)': ['Draft', 'Submitted'],
    });
    expect(shown('field_review', review, 'en')).toMatchObject({ Kind: ['—', 'Visit'] });
    expect(shown('user', account, 'en')).toMatchObject({ 'Full name': ['Nguyễn Văn A', 'Nguyễn Văn B'] });
  });
});
