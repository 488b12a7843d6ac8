import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminUnitDetail } from '../../../../shared/contracts/admin-units.ts';
import type { MapName } from '../../../../shared/contracts/enums.ts';
import { apiFetch } from '../../../lib/api.ts';

export function getUnit(map: MapName, code: string, signal?: AbortSignal): Promise<AdminUnitDetail> {
  return apiFetch<AdminUnitDetail>(`/api/v1/admin-units/${map}/${code}`, { signal });
}

export function getUnitOptions(map: MapName, code: string) {
  return queryOptions({
    queryKey: ['admin-units', 'detail', map, code],
    queryFn: ({ signal }) => getUnit(map, code, signal),
    staleTime: 5 * 60_000,
  });
}

/** Idle when no unit is selected. */
export function useUnit(map: MapName, code: string | null) {
  return useQuery({ ...getUnitOptions(map, code ?? ''), enabled: code !== null });
}
