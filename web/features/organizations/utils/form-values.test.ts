import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../shared/contracts/organizations.ts';
import { EMPTY_VALUES, changedFields, fromOrganization, rebase, toDraft } from './form-values.ts';

const org: Organization = {
  id: 7,
  version: 3,
  registrationNo: '0416770129',
  name: 'Hợp tác xã Cơ khí Hạ Lang',
  kind: 'HTX',
  sector: 'industry_handicraft',
  status: 'active',
  statusSince: null,
  foundedOn: '2017-12-15',
  provinceCode: '04',
  provinceName: 'Tỉnh Cao Bằng',
  communeCode: '01558',
  communeName: 'Xã Hạ Lang',
  oldProvinceCode: '04',
  oldDistrictCode: '048',
  oldCommuneCode: null,
  recordedMap: 'pre-2025',
  address: null,
  representative: 'Lý Thị Dung',
  phone: '0792 156 229',
  email: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  can: { update: true },
};

describe('form values', () => {
  it('shows dates as dd/mm/yyyy and missing text as empty', () => {
    const values = fromOrganization(org);
    expect(values.foundedOn).toBe('15/12/2017');
    expect(values.statusSince).toBe('');
    expect(values.address).toBe('');
  });

  it('turns the form back into a request body', () => {
    const draft = toDraft({ ...fromOrganization(org), name: '  HTX Hạ Lang ', email: ' ', foundedOn: '5/3/2024' });
    expect(draft).toMatchObject({
      name: 'HTX Hạ Lang',
      email: null,
      foundedOn: '2024-03-05',
      address: null,
      kind: 'HTX',
    });
  });

  it('lists the changed fields, ignoring surrounding spaces', () => {
    const before = fromOrganization(org);
    expect(changedFields(before, { ...before, name: `${before.name} ` })).toEqual([]);
    expect(changedFields(before, { ...before, phone: '0912', communeCode: null })).toEqual(['communeCode', 'phone']);
    expect(changedFields(EMPTY_VALUES, EMPTY_VALUES)).toEqual([]);
  });

  it('re-applies my edits on top of the version someone else saved', () => {
    const base = fromOrganization(org);
    const mine = { ...base, representative: 'Nguyễn Văn A', name: 'Tên của tôi' };
    const theirs = { ...base, phone: '0912 345 678', name: 'Tên của họ' };
    expect(rebase(base, mine, theirs)).toEqual({ ...theirs, representative: 'Nguyễn Văn A', name: 'Tên của tôi' });
  });
});
