import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StatsQuery, narrativeSchema } from '../../../../shared/contracts/stats.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export type Narrative = z.infer<typeof narrativeSchema>;

export function getNarrative(query: StatsQuery, signal?: AbortSignal): Promise<Narrative> {
  return apiFetch<Narrative>(`/api/v1/stats/narrative${queryString({ ...query })}`, { signal });
}

export function narrativeOptions(query: StatsQuery) {
  return queryOptions({
    queryKey: ['stats', 'narrative', query],
    queryFn: ({ signal }) => getNarrative(query, signal),
  });
}

/** The Vietnamese paragraph of contracts §5 (always Vietnamese: it goes into official reports). */
export function useNarrative(query: StatsQuery) {
  return useQuery(narrativeOptions(query));
}
