import { describe, expect, it } from 'vitest';
import { registryLink } from './registry-link.ts';

describe('registryLink', () => {
  it('filters by a current commune inside its province', () => {
    expect(
      registryLink({ map: 'current', code: '01234', level: 'commune', parentCode: '04', provinceCode: '04' }),
    ).toBe('/organizations?province=04&commune=01234');
  });

  it('keeps the district of a pre-2025 commune', () => {
    expect(
      registryLink({ map: 'pre-2025', code: '01567', level: 'commune', parentCode: '048', provinceCode: '04' }),
    ).toBe('/organizations?map=pre-2025&province=04&district=048&commune=01567');
  });

  it('filters by a province or a district', () => {
    expect(registryLink({ map: 'current', code: '04', level: 'province', parentCode: null, provinceCode: '04' })).toBe(
      '/organizations?province=04',
    );
    expect(
      registryLink({ map: 'pre-2025', code: '048', level: 'district', parentCode: '04', provinceCode: '04' }),
    ).toBe('/organizations?map=pre-2025&province=04&district=048');
  });
});
