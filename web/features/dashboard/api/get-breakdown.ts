import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { StatsBreakdown, StatsQuery } from '../../../../shared/contracts/stats.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export function getBreakdown(query: StatsQuery, signal?: AbortSignal): Promise<StatsBreakdown> {
  return apiFetch<StatsBreakdown>(`/api/v1/stats/breakdown${queryString({ ...query })}`, { signal });
}

export function breakdownOptions(query: StatsQuery) {
  return queryOptions({
    queryKey: ['stats', 'breakdown', query],
    queryFn: ({ signal }) => getBreakdown(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The figures of each unit one level below the area. */
export function useBreakdown(query: StatsQuery) {
  return useQuery(breakdownOptions(query));
}
