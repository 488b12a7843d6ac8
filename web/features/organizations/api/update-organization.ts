import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationPatch } from '../../../../shared/contracts/organizations.ts';
import { apiFetch } from '../../../lib/api.ts';

export function updateOrganization(id: number, patch: OrganizationPatch): Promise<Organization> {
  return apiFetch<Organization>(`/api/v1/organizations/${id}`, { method: 'PATCH', body: patch });
}

/** PATCH with the version that was read; a 409 rejects with an ApiError carrying `current`. */
export function useUpdateOrganization(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganizationPatch) => updateOrganization(id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
