import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Session } from '../../../../shared/contracts/auth.ts';
import { apiFetch } from '../../../lib/api.ts';

export const SESSION_KEY = ['session'] as const;

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>('/api/v1/auth/me', { signal });
}

export function sessionOptions() {
  return queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** The live session; a 401 error when there is none. */
export function useSessionQuery() {
  return useQuery(sessionOptions());
}
