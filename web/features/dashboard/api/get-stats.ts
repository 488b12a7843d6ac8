import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Stats, StatsQuery } from '../../../../shared/contracts/stats.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export function getStats(query: StatsQuery, signal?: AbortSignal): Promise<Stats> {
  return apiFetch<Stats>(`/api/v1/stats${queryString({ ...query })}`, { signal });
}

export function statsOptions(query: StatsQuery) {
  return queryOptions({
    queryKey: ['stats', 'summary', query],
    queryFn: ({ signal }) => getStats(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStats(query: StatsQuery) {
  return useQuery(statsOptions(query));
}
