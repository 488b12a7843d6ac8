import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Completeness, ReportList } from '../../../../shared/contracts/reports.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export function useCompleteness(area: string | null, period: string) {
  return useQuery({
    queryKey: ['reports', 'completeness', area, period],
    queryFn: ({ signal }) => apiFetch<Completeness>(`/api/v1/completeness${queryString({ area, period })}`, { signal }),
  });
}

export function useReportList(q: { area: string | null; period: string; status: string | null; page: number }) {
  return useQuery({
    queryKey: ['reports', 'list', q],
    queryFn: ({ signal }) => apiFetch<ReportList>(`/api/v1/reports${queryString({ ...q, pageSize: 50 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
