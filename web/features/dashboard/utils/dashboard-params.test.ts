import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DASHBOARD,
  dashboardQuery,
  dashboardSearch,
  drillDown,
  drillUp,
  parseDashboardParams,
  withHome,
} from './dashboard-params.ts';

const parse = (text: string) => parseDashboardParams(new URLSearchParams(text));

describe('dashboard params', () => {
  it('reads the whole country, latest period, all kinds from an empty address', () => {
    expect(parse('')).toEqual(DEFAULT_DASHBOARD);
    expect(dashboardSearch(DEFAULT_DASHBOARD).toString()).toBe('');
    expect(dashboardQuery(DEFAULT_DASHBOARD)).toEqual({ area: 'VN', map: 'current' });
  });

  it('round-trips every choice through the address bar', () => {
    const params = parse('map=pre-2025&province=04&district=048&commune=01534&period=2024-H1&kind=HTX&sort=-income');
    expect(params).toEqual({
      map: 'pre-2025',
      province: '04',
      district: '048',
      commune: '01534',
      period: '2024-H1',
      kind: 'HTX',
      sort: '-income',
    });
    expect(parse(dashboardSearch(params).toString())).toEqual(params);
  });

  it('asks the API for the most precise unit', () => {
    expect(dashboardQuery(parse('map=pre-2025&province=04&district=048&period=2024&kind=HTX'))).toEqual({
      area: '048',
      map: 'pre-2025',
      period: '2024',
      kind: 'HTX',
    });
    expect(dashboardQuery(parse('province=04&commune=01273'))).toEqual({ area: '01273', map: 'current' });
  });

  it('drops what it does not know and units whose parent is not chosen', () => {
    expect(parse('map=mars&kind=XYZ&period=2024-H3&sort=-password&province=4')).toEqual(DEFAULT_DASHBOARD);
    // no district on the current map; no commune without its parent
    expect(parse('province=04&district=048')).toMatchObject({ province: '04', district: null });
    expect(parse('commune=01273')).toMatchObject({ commune: null });
    expect(parse('map=pre-2025&province=04&commune=01534')).toMatchObject({ commune: null });
  });

  it('drills down from the country to a province, a district and a commune, and back up', () => {
    const country = { ...DEFAULT_DASHBOARD, map: 'pre-2025' as const, kind: 'HTX' as const, sort: '-total' as const };
    const province = drillDown(country, 'province', '04');
    const district = drillDown(province, 'district', '048');
    const commune = drillDown(district, 'commune', '01534');
    expect(commune).toEqual({ ...country, province: '04', district: '048', commune: '01534' });
    expect(drillUp(commune)).toEqual(district);
    expect(drillUp(drillUp(commune))).toEqual(province);
    expect(drillUp(province)).toEqual(country);
  });

  it('choosing another province forgets the units below the old one', () => {
    const params = parse('map=pre-2025&province=04&district=048&commune=01534');
    expect(drillDown(params, 'province', '01')).toMatchObject({ province: '01', district: null, commune: null });
  });

  it("opens on the user's own area when the address names none", () => {
    const none = parseDashboardParams(new URLSearchParams());
    expect(withHome(none, { area: '01558', province: '04' })).toMatchObject({ province: '04', commune: '01558' });
    expect(withHome(none, { area: '04', province: '04' })).toMatchObject({ province: '04', commune: null });
    expect(withHome(none, { area: 'VN', province: null })).toEqual(none);
    const chosen = parseDashboardParams(new URLSearchParams('province=04'));
    expect(withHome(chosen, { area: '01558', province: '04' }).commune).toBeNull();
    const old = parseDashboardParams(new URLSearchParams('map=pre-2025'));
    expect(withHome(old, { area: '01558', province: '04' })).toEqual(old);
  });
});
