import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationCreate } from '../../../../shared/contracts/organizations.ts';
import { apiFetch } from '../../../lib/api.ts';

export function createOrganization(body: OrganizationCreate): Promise<Organization> {
  return apiFetch<Organization>('/api/v1/organizations', { method: 'POST', body });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] }),
  });
}
