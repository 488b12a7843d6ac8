// The registry's list query: the registry page and the organisation pickers of other features.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationList, organizationListQuery } from '../../shared/contracts/organizations.ts';
import { apiFetch, queryString } from './api.ts';

export type ListQuery = z.output<typeof organizationListQuery>;

export function listOrganizations(query: ListQuery, signal?: AbortSignal): Promise<OrganizationList> {
  return apiFetch<OrganizationList>(`/api/v1/organizations${queryString({ ...query })}`, { signal });
}

export function listOrganizationsOptions(query: ListQuery) {
  return queryOptions({
    queryKey: ['organizations', 'list', query],
    queryFn: ({ signal }) => listOrganizations(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(query: ListQuery) {
  return useQuery(listOrganizationsOptions(query));
}
