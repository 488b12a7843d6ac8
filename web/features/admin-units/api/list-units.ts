import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { adminUnitListSchema } from '../../../../shared/contracts/admin-units.ts';
import type { MapName } from '../../../../shared/contracts/enums.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export type UnitList = z.infer<typeof adminUnitListSchema>;

export interface UnitListQuery {
  map: MapName;
  /** Children of this unit; provinces when neither parent nor q is given. */
  parent?: string | null;
  /** Name search on every level, without regard to diacritics. */
  q?: string;
}

export function listUnits({ map, parent, q }: UnitListQuery, signal?: AbortSignal): Promise<UnitList> {
  return apiFetch<UnitList>(`/api/v1/admin-units${queryString({ map, parent, q })}`, { signal });
}

export function listUnitsOptions(query: UnitListQuery) {
  return queryOptions({
    queryKey: ['admin-units', 'list', query],
    queryFn: ({ signal }) => listUnits(query, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Idle while `enabled` is false (the selected unit is still loading). */
export function useUnits(query: UnitListQuery, enabled = true) {
  return useQuery({ ...listUnitsOptions(query), enabled });
}
