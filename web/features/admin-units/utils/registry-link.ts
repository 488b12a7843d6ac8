import type { AdminUnit } from '../../../../shared/contracts/admin-units.ts';

/** The registry filtered by this unit's area (the registry's own query-string names). */
export function registryLink(unit: Pick<AdminUnit, 'map' | 'code' | 'level' | 'parentCode' | 'provinceCode'>): string {
  const search = new URLSearchParams();
  if (unit.map !== 'current') search.set('map', unit.map);
  search.set('province', unit.provinceCode);
  if (unit.level === 'district') search.set('district', unit.code);
  if (unit.level === 'commune') {
    if (unit.map === 'pre-2025' && unit.parentCode) search.set('district', unit.parentCode);
    search.set('commune', unit.code);
  }
  return `/organizations?${search.toString()}`;
}
