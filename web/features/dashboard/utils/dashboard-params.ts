import { KINDS, MAPS, type Kind, type MapName } from '../../../../shared/contracts/enums.ts';
import type { StatsQuery } from '../../../../shared/contracts/stats.ts';
import { parsePeriod } from '../../../lib/periods.ts';

export const BREAKDOWN_COLUMNS = ['name', 'total', 'members', 'workers', 'effective', 'income'] as const;
export type BreakdownColumn = (typeof BREAKDOWN_COLUMNS)[number];
/** A column, descending with a leading "-"; null keeps the server's order (by code). */
export type BreakdownSort = BreakdownColumn | `-${BreakdownColumn}` | null;

/** The dashboard's choices, as they live in the address bar. */
export interface DashboardParams {
  map: MapName;
  province: string | null;
  /** pre-2025 map only */
  district: string | null;
  commune: string | null;
  /** null: the latest period with data */
  period: string | null;
  kind: Kind | null;
  sort: BreakdownSort;
}

export const DEFAULT_DASHBOARD: DashboardParams = {
  map: 'current',
  province: null,
  district: null,
  commune: null,
  period: null,
  kind: null,
  sort: null,
};

const digits = (n: number) => new RegExp(`^\\d{${n}}$`);
const codeOf = (value: string | null, length: number) => (value && digits(length).test(value) ? value : null);
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((v) => v === value) ?? null;

function parseSort(value: string | null): BreakdownSort {
  const column = oneOf(BREAKDOWN_COLUMNS, value?.replace(/^-/, '') ?? null);
  if (!column) return null;
  return value?.startsWith('-') ? `-${column}` : column;
}

/** Reads the address bar; a unit below an unchosen one (a commune without its province) is dropped. */
export function parseDashboardParams(search: URLSearchParams): DashboardParams {
  const map = oneOf(MAPS, search.get('map')) ?? DEFAULT_DASHBOARD.map;
  const province = codeOf(search.get('province'), 2);
  const district = map === 'pre-2025' && province ? codeOf(search.get('district'), 3) : null;
  const communeParent = map === 'pre-2025' ? district : province;
  const period = search.get('period');
  return {
    map,
    province,
    district,
    commune: communeParent ? codeOf(search.get('commune'), 5) : null,
    period: parsePeriod(period) ? period : null,
    kind: oneOf(KINDS, search.get('kind')),
    sort: parseSort(search.get('sort')),
  };
}

/**
 * The user's own area when the address names none (on the current map): a province, or a
 * commune with its province. The whole country stays the default for everyone else.
 */
export function withHome(
  params: DashboardParams,
  home: { area: string | null; province: string | null },
): DashboardParams {
  if (params.map !== 'current' || params.province || !home.province) return params;
  return { ...params, province: home.province, commune: home.area?.length === 5 ? home.area : null };
}

/** Only what differs from the defaults, so shared links stay short. */
export function dashboardSearch(params: DashboardParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_DASHBOARD) as (keyof DashboardParams)[]) {
    const value = params[key];
    if (value !== null && value !== DEFAULT_DASHBOARD[key]) search.set(key, value);
  }
  return search;
}

/** The most precise unit chosen; the whole country when none is. */
export function areaCode(params: DashboardParams): string {
  return params.commune ?? params.district ?? params.province ?? 'VN';
}

/** The query of `/api/v1/stats` and its siblings (breakdown, narrative, export). */
export function dashboardQuery(params: DashboardParams): StatsQuery {
  return {
    area: areaCode(params),
    map: params.map,
    ...(params.period && { period: params.period }),
    ...(params.kind && { kind: params.kind }),
  };
}

/** The level of the rows of the breakdown table; null for a commune. */
export type ChildLevel = 'province' | 'district' | 'commune' | null;

/** Clicking a row of the breakdown: that unit becomes the area, the rest of the choices stay. */
export function drillDown(params: DashboardParams, level: NonNullable<ChildLevel>, code: string): DashboardParams {
  switch (level) {
    case 'province':
      return { ...params, province: code, district: null, commune: null };
    case 'district':
      return { ...params, district: code, commune: null };
    case 'commune':
      return { ...params, commune: code };
  }
}

/** One level up: the commune's district or province, the province's country. */
export function drillUp(params: DashboardParams): DashboardParams {
  if (params.commune) return { ...params, commune: null };
  if (params.district) return { ...params, district: null };
  return { ...params, province: null };
}
