import { describe, expect, it } from 'vitest';
import { reviewErrorsOf, validateReview } from './validate-review.ts';

const good = {
  kind: 'visit' as const,
  title: 'Rà soát HTX rau an toàn',
  heldOn: '2026-10-12',
  areaCode: '01558',
  delegation: 'Cán bộ xã',
  notes: null,
  findings: [{ organizationId: 1, findings: null, difficulties: [], proposals: null }],
};

describe('a field review checked before it is sent', () => {
  it('passes when complete', () => {
    expect(validateReview(good, '12/10/2026')).toEqual({});
  });

  it('names each missing field in both languages, not the API’s keys', () => {
    const errors = validateReview({ ...good, title: '', heldOn: '', areaCode: '', delegation: '', findings: [] }, '');
    expect(Object.keys(errors)).toEqual(['heldOn', 'areaCode', 'title', 'delegation', 'findings']);
    expect(errors.heldOn).toEqual({ vi: 'Bắt buộc', en: 'Required' });
    expect(errors.title).toEqual({ vi: 'Nhập tên đợt rà soát', en: 'Give the review a title' });
    expect(errors.findings).toEqual({ vi: 'Chọn ít nhất một tổ chức', en: 'Pick at least one organisation' });
  });

  it('says a date typed wrong is unreadable, as the form writes it (dd/mm/yyyy)', () => {
    expect(validateReview({ ...good, heldOn: '' }, '31/02/2026').heldOn?.vi).toBe('Ngày không hợp lệ (dd/mm/yyyy)');
  });

  it('puts the API’s own field errors on their fields', () => {
    const errors = reviewErrorsOf([
      { field: 'findings.0.organizationId', message: 'Ngoài địa bàn', messageEn: 'Outside your area' },
      { field: 'title', message: 'Quá dài', messageEn: 'Too long' },
    ]);
    expect(errors).toEqual({
      findings: { vi: 'Ngoài địa bàn', en: 'Outside your area' },
      title: { vi: 'Quá dài', en: 'Too long' },
    });
  });
});
