import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userListQuery, userListSchema } from '../../../../shared/contracts/users.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export type UserQuery = z.output<typeof userListQuery>;
export type UserList = z.infer<typeof userListSchema>;

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<UserList> {
  return apiFetch<UserList>(`/api/v1/users${queryString({ ...query })}`, { signal });
}

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}
