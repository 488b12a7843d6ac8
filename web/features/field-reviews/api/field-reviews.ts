import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DifficultyStats,
  FieldReview,
  FieldReviewInput,
  FieldReviewList,
} from '../../../../shared/contracts/field-reviews.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export function useFieldReviews(q: { area: string | null; year: number; page: number }) {
  return useQuery({
    queryKey: ['field-reviews', 'list', q],
    queryFn: ({ signal }) =>
      apiFetch<FieldReviewList>(`/api/v1/field-reviews${queryString({ ...q, pageSize: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDifficulties(area: string | null, year: number) {
  return useQuery({
    queryKey: ['field-reviews', 'difficulties', area, year],
    queryFn: ({ signal }) =>
      apiFetch<DifficultyStats>(`/api/v1/difficulties${queryString({ area, year })}`, { signal }),
  });
}

export function useFieldReview(id: number | null) {
  return useQuery({
    queryKey: ['field-reviews', 'detail', id],
    queryFn: ({ signal }) => apiFetch<FieldReview>(`/api/v1/field-reviews/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Creates (id null) or changes a review; the answer replaces the cached one. */
export function useSaveFieldReview(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FieldReviewInput) =>
      id === null
        ? apiFetch<FieldReview>('/api/v1/field-reviews', { method: 'POST', body })
        : apiFetch<FieldReview>(`/api/v1/field-reviews/${id}`, { method: 'PUT', body }),
    onSuccess: (review) => {
      queryClient.setQueryData(['field-reviews', 'detail', review.id], review);
      void queryClient.invalidateQueries({ queryKey: ['field-reviews', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['field-reviews', 'difficulties'] });
    },
  });
}
