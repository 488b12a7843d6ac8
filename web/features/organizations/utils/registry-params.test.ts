import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  hasFilters,
  lastPageIfPastEnd,
  parseRegistryParams,
  registryExportUrl,
  registryQuery,
  registrySearch,
} from './registry-params.ts';

const parse = (text: string) => parseRegistryParams(new URLSearchParams(text));

describe('registry params', () => {
  it('reads defaults from an empty address', () => {
    expect(parse('')).toEqual(DEFAULT_PARAMS);
    expect(registrySearch(DEFAULT_PARAMS).toString()).toBe('');
  });

  it('round-trips every filter through the address bar', () => {
    const text =
      'q=ha+lang&map=pre-2025&province=04&district=048&commune=01234&kind=HTX&sector=construction&status=active&grade=weak&period=2024-H2&sort=-foundedOn&page=3&pageSize=50';
    const params = parse(text);
    expect(params).toMatchObject({
      map: 'pre-2025',
      district: '048',
      kind: 'HTX',
      grade: 'weak',
      period: '2024-H2',
      sort: '-foundedOn',
      page: 3,
      pageSize: 50,
    });
    expect(parse(registrySearch(params).toString())).toEqual(params);
  });

  it('ignores values it does not know', () => {
    expect(parse('kind=XYZ&sort=-password&page=-2&pageSize=7&province=abc&map=mars&grade=best&period=2024-Q1')).toEqual(
      DEFAULT_PARAMS,
    );
  });

  it('sends the narrowest chosen area to the API', () => {
    expect(registryQuery(parse('province=04&district=048')).area).toBe('048');
    expect(registryQuery(parse('province=04&district=048&commune=01234')).area).toBe('01234');
    expect(registryQuery(parse('q=+')).q).toBeUndefined();
    expect(registryQuery(DEFAULT_PARAMS).area).toBeUndefined();
  });

  it('knows when something is filtered', () => {
    expect(hasFilters(DEFAULT_PARAMS)).toBe(false);
    expect(hasFilters(parse('sector=transport'))).toBe(true);
    expect(hasFilters(parse('grade=weak'))).toBe(true);
    expect(hasFilters(parse('period=2024'))).toBe(false); // which figures, not which organisations
  });

  it('exports the filtered list without its paging', () => {
    expect(
      registryExportUrl(parse('q=tuan+tu&map=pre-2025&province=04&district=048&kind=HTX&page=3&pageSize=50')),
    ).toBe('/api/v1/organizations/export.xlsx?q=tuan+tu&area=048&map=pre-2025&kind=HTX&sort=name');
    expect(registryExportUrl(DEFAULT_PARAMS)).toBe('/api/v1/organizations/export.xlsx?map=current&sort=name');
    // the figures of the chosen period
    expect(registryExportUrl(parse('grade=good&period=2024'))).toBe(
      '/api/v1/organizations/export.xlsx?map=current&grade=good&period=2024&sort=name',
    );
  });
});

describe('lastPageIfPastEnd', () => {
  it('answers the last page when a page past the end came back empty', () => {
    expect(lastPageIfPastEnd(100, 20, { total: 376, rows: 0 })).toBe(19);
    expect(lastPageIfPastEnd(3, 20, { total: 4, rows: 0 })).toBe(1);
  });

  it('leaves a page with rows, and an empty registry, as they are', () => {
    expect(lastPageIfPastEnd(19, 20, { total: 376, rows: 16 })).toBeNull();
    expect(lastPageIfPastEnd(5, 20, { total: 0, rows: 0 })).toBeNull();
  });
});
