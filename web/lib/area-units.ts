import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { adminUnitListSchema } from '../../shared/contracts/admin-units.ts';
import type { MapName } from '../../shared/contracts/enums.ts';
import { apiFetch, queryString } from './api.ts';

type UnitList = z.infer<typeof adminUnitListSchema>;

/** The units to choose from in an area select: provinces, or the children of `parent`. */
export function listAreaUnits(map: MapName, parent: string | null, signal?: AbortSignal): Promise<UnitList> {
  return apiFetch<UnitList>(`/api/v1/admin-units${queryString({ map, parent })}`, { signal });
}

export function listAreaUnitsOptions(map: MapName, parent: string | null) {
  return queryOptions({
    queryKey: ['area-units', map, parent],
    queryFn: ({ signal }) => listAreaUnits(map, parent, signal),
    staleTime: Infinity,
  });
}

/** Provinces when `parent` is null; idle while it is undefined (the level above is not chosen yet). */
export function useAreaUnits(map: MapName, parent: string | null | undefined) {
  return useQuery({ ...listAreaUnitsOptions(map, parent ?? null), enabled: parent !== undefined });
}
