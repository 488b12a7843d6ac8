import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, setCsrfToken } from '../../../lib/api.ts';

export function signOut(): Promise<void> {
  return apiFetch<void>('/api/v1/auth/logout', { method: 'POST' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}
