import { useQuery } from '@tanstack/react-query';
import type { AdminUnitDetail } from '../../../../shared/contracts/admin-units.ts';
import type { MapName } from '../../../../shared/contracts/enums.ts';
import { apiFetch } from '../../../lib/api.ts';

export function getAreaUnit(map: MapName, code: string, signal?: AbortSignal): Promise<AdminUnitDetail> {
  return apiFetch<AdminUnitDetail>(`/api/v1/admin-units/${map}/${code}`, { signal });
}

/** One unit by code, to name the codes an organisation records; idle when the code is null. */
export function useAreaUnit(map: MapName, code: string | null) {
  return useQuery({
    queryKey: ['area-unit', map, code],
    queryFn: ({ signal }) => getAreaUnit(map, code ?? '', signal),
    enabled: code !== null,
    staleTime: Infinity,
  });
}
