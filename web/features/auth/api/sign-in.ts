import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Login, Session } from '../../../../shared/contracts/auth.ts';
import { apiFetch } from '../../../lib/api.ts';
import { SESSION_KEY } from './get-session.ts';

export function signIn(body: Login): Promise<Session> {
  return apiFetch<Session>('/api/v1/auth/login', { method: 'POST', body });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.clear(); // nothing of a previous user's pages is kept
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}
