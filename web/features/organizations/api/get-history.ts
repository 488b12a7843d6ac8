import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditListSchema } from '../../../../shared/contracts/audit.ts';
import { apiFetch } from '../../../lib/api.ts';

export type History = z.infer<typeof auditListSchema>;

export function getHistory(id: number, page: number, signal?: AbortSignal): Promise<History> {
  return apiFetch<History>(`/api/v1/organizations/${id}/history?page=${page}&pageSize=20`, { signal });
}

/** The organisation's audit events, newest first; the detail's version keys it, so an edit refreshes it. */
export function useHistory(id: number, version: number, page: number) {
  return useQuery({
    queryKey: ['organizations', 'history', id, version, page],
    queryFn: ({ signal }) => getHistory(id, page, signal),
  });
}
