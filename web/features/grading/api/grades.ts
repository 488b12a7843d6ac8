import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Grade, GradeInput, GradingScheme } from '../../../../shared/contracts/grading.ts';
import { ApiError, apiFetch, isConflict } from '../../../lib/api.ts';

const url = (id: number, year: string) => `/api/v1/organizations/${id}/grades/${year}`;

export function useSchemes() {
  return useQuery({
    queryKey: ['grading-schemes'],
    queryFn: ({ signal }) => apiFetch<GradingScheme[]>('/api/v1/grading-schemes', { signal }),
    staleTime: Infinity,
  });
}

/** The year's grade, or null when it has none. */
export function useGrade(id: number, year: string) {
  return useQuery({
    queryKey: ['grades', id, year],
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<Grade>(url(id, year), { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSaveGrade(id: number, year: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GradeInput) => apiFetch<Grade>(url(id, year), { method: 'PUT', body }),
    onSuccess: (grade) => queryClient.setQueryData(['grades', id, year], grade),
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: ['grades', id, year] });
    },
  });
}
