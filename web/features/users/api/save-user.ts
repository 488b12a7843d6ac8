import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../shared/contracts/auth.ts';
import type { UserCreate, UserPatch } from '../../../../shared/contracts/users.ts';
import { apiFetch } from '../../../lib/api.ts';

export function createUser(body: UserCreate): Promise<User> {
  return apiFetch<User>('/api/v1/users', { method: 'POST', body });
}

export function updateUser(id: number, body: UserPatch): Promise<User> {
  return apiFetch<User>(`/api/v1/users/${id}`, { method: 'PATCH', body });
}

/** Creates (no id) or changes (an id) an account; the list is read again afterwards. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number | null; body: UserCreate | UserPatch }) =>
      v.id === null ? createUser(v.body as UserCreate) : updateUser(v.id, v.body as UserPatch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
