import {
  GRADES,
  KINDS,
  MAPS,
  SECTORS,
  STATUSES,
  type Grade,
  type Kind,
  type MapName,
  type Sector,
  type Status,
} from '../../../../shared/contracts/enums.ts';
import type { Sort } from '../../../../shared/contracts/organizations.ts';
import { queryString } from '../../../lib/api.ts';
import type { ListQuery } from '../../../lib/organization-list.ts';

export type SortKey = Exclude<Sort, `-${string}`>;
export const SORT_KEYS = ['name', 'registrationNo', 'foundedOn', 'updatedAt'] as const satisfies readonly SortKey[];
export const PAGE_SIZES = [20, 50, 100] as const;

/** The registry's filters, as they live in the address bar. */
export interface RegistryParams {
  q: string;
  map: MapName;
  province: string | null;
  district: string | null;
  commune: string | null;
  kind: Kind | null;
  sector: Sector | null;
  status: Status | null;
  grade: Grade | null;
  /** the figures and the grade of this period (the export's columns, the grade filter); null: the latest */
  period: string | null;
  sort: Sort;
  page: number;
  pageSize: number;
}

export const DEFAULT_PARAMS: RegistryParams = {
  q: '',
  map: 'current',
  province: null,
  district: null,
  commune: null,
  kind: null,
  sector: null,
  status: null,
  grade: null,
  period: null,
  sort: 'name',
  page: 1,
  pageSize: PAGE_SIZES[0],
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

const CODE = /^\d{2,5}$/;
const PERIOD = /^\d{4}(-H[12])?$/;
const code = (value: string | null) => (value && CODE.test(value) ? value : null);

function parseSort(value: string | null): Sort {
  const key = value?.replace(/^-/, '') ?? null;
  const known = oneOf(SORT_KEYS, key);
  if (!known) return DEFAULT_PARAMS.sort;
  return value?.startsWith('-') ? `-${known}` : known;
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function parseRegistryParams(search: URLSearchParams): RegistryParams {
  const pageSize = positive(search.get('pageSize'), DEFAULT_PARAMS.pageSize);
  return {
    q: search.get('q')?.slice(0, 100) ?? '',
    map: oneOf(MAPS, search.get('map')) ?? DEFAULT_PARAMS.map,
    province: code(search.get('province')),
    district: code(search.get('district')),
    commune: code(search.get('commune')),
    kind: oneOf(KINDS, search.get('kind')),
    sector: oneOf(SECTORS, search.get('sector')),
    status: oneOf(STATUSES, search.get('status')),
    grade: oneOf(GRADES, search.get('grade')),
    period: PERIOD.test(search.get('period') ?? '') ? search.get('period') : null,
    sort: parseSort(search.get('sort')),
    page: positive(search.get('page'), 1),
    pageSize: PAGE_SIZES.find((size) => size === pageSize) ?? DEFAULT_PARAMS.pageSize,
  };
}

/** Only what differs from the defaults, so shared links stay short. */
export function registrySearch(params: RegistryParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof RegistryParams)[]) {
    const value = params[key];
    if (value !== null && value !== DEFAULT_PARAMS[key]) search.set(key, String(value));
  }
  return search;
}

export function registryQuery(params: RegistryParams): ListQuery {
  const area = params.commune ?? params.district ?? params.province;
  return {
    q: params.q.trim() || undefined,
    area: area ?? undefined,
    map: params.map,
    kind: params.kind ?? undefined,
    sector: params.sector ?? undefined,
    status: params.status ?? undefined,
    grade: params.grade ?? undefined,
    period: params.period ?? undefined,
    sort: params.sort,
    page: params.page,
    pageSize: params.pageSize,
  };
}

/** The Excel workbook of the filtered registry: the list's query without the paging. */
export function registryExportUrl(params: RegistryParams): string {
  const { page: _page, pageSize: _pageSize, ...query } = registryQuery(params);
  return `/api/v1/organizations/export.xlsx${queryString(query)}`;
}

/**
 * The last page when the list answered a page past its end (a shared link after deletions, a
 * hand-typed page): rows exist but none on this page. Null when the page is fine.
 */
export function lastPageIfPastEnd(page: number, pageSize: number, answer: { total: number; rows: number }) {
  if (answer.total === 0 || answer.rows > 0) return null;
  const last = Math.ceil(answer.total / pageSize);
  return page > last ? last : null;
}

/** Any filter other than the map and the ordering set? */
export function hasFilters(params: RegistryParams): boolean {
  return Boolean(params.q || params.province || params.kind || params.sector || params.status || params.grade);
}
