import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Report, ReportInput, ReportRule } from '../../../../shared/contracts/reports.ts';
import { ApiError, apiFetch, isConflict } from '../../../lib/api.ts';

const url = (id: number, period: string) => `/api/v1/organizations/${id}/reports/${period}`;
export const reportKey = (id: number, period: string) => ['reports', id, period] as const;

/** The report, or null when the period has none yet. */
export async function getReport(id: number, period: string, signal?: AbortSignal): Promise<Report | null> {
  try {
    return await apiFetch<Report>(url(id, period), { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useReport(id: number, period: string) {
  return useQuery({ queryKey: reportKey(id, period), queryFn: ({ signal }) => getReport(id, period, signal) });
}

export function useRules() {
  return useQuery({
    queryKey: ['report-rules'],
    queryFn: ({ signal }) => apiFetch<ReportRule[]>('/api/v1/report-rules', { signal }),
    staleTime: Infinity,
  });
}

export type Step = 'save' | 'submit' | 'return' | 'approve';

/** Saves or moves the report; the answer replaces the cached one. */
export function useReportAction(id: number, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: Step; body: ReportInput | { version: number; reason?: string } }) =>
      step === 'save'
        ? apiFetch<Report>(url(id, period), { method: 'PUT', body })
        : apiFetch<Report>(`${url(id, period)}/${step}`, { method: 'POST', body }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKey(id, period), report);
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'reminders'] });
    },
    // someone else's version: read it, for what the page shows around the form
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: reportKey(id, period) });
    },
  });
}
