import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditListSchema, auditQuery } from '../../../../shared/contracts/audit.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export type AuditQuery = z.output<typeof auditQuery>;
export type AuditList = z.infer<typeof auditListSchema>;

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return apiFetch<AuditList>(`/api/v1/audit${queryString({ ...query })}`, { signal });
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}
