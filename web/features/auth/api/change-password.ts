import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { passwordChangeSchema } from '../../../../shared/contracts/auth.ts';
import { apiFetch } from '../../../lib/api.ts';

export type PasswordChange = z.input<typeof passwordChangeSchema>;

export function changePassword(body: PasswordChange): Promise<void> {
  return apiFetch<void>('/api/v1/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
