import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeriodWindow } from '../../../../shared/contracts/reports.ts';
import type { Settings } from '../../../../shared/contracts/settings.ts';
import { apiFetch, isConflict } from '../../../lib/api.ts';

export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: ({ signal }) => apiFetch<Settings>('/api/v1/settings', { signal }),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Settings) => apiFetch<Settings>('/api/v1/settings', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
}

export function usePeriods() {
  return useQuery({
    queryKey: ['periods'],
    queryFn: ({ signal }) => apiFetch<PeriodWindow[]>('/api/v1/periods', { signal }),
  });
}

export function useSavePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, ...body }: { period: string; opensOn: string; dueOn: string; version: number }) =>
      apiFetch<PeriodWindow>(`/api/v1/periods/${period}`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      // the row shows what was saved at once: it no longer counts as a change not saved
      queryClient.setQueryData<PeriodWindow[]>(['periods'], (list) =>
        list?.map((w) => (w.period === saved.period ? saved : w)),
      );
      void queryClient.invalidateQueries({ queryKey: ['periods'] });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: ['periods'] });
    },
  });
}
