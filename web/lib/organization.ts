// One organisation as its pages read it: the registry's detail and edit pages, its report and grading sheet.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrganizationDetail } from '../../shared/contracts/organizations.ts';
import { apiFetch } from './api.ts';

export function getOrganization(id: number, signal?: AbortSignal): Promise<OrganizationDetail> {
  return apiFetch<OrganizationDetail>(`/api/v1/organizations/${id}`, { signal });
}

export function organizationKey(id: number) {
  return ['organizations', 'detail', id] as const;
}

export function getOrganizationOptions(id: number) {
  return queryOptions({
    queryKey: organizationKey(id),
    queryFn: ({ signal }) => getOrganization(id, signal),
  });
}

export function useOrganization(id: number) {
  return useQuery(getOrganizationOptions(id));
}
