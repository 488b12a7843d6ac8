import type { Organization } from '../../../../shared/contracts/organizations.ts';

/** "Xã Thanh Nhật, Tỉnh Cao Bằng": the place on the current map, as precise as known. */
export function areaText(org: Pick<Organization, 'communeName' | 'provinceName' | 'provinceCode'>): string {
  return [org.communeName, org.provinceName].filter(Boolean).join(', ') || org.provinceCode;
}
