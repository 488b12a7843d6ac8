import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FieldReviewList } from '../../../../shared/contracts/field-reviews.ts';
import { apiFetch, queryString } from '../../../lib/api.ts';

export const REVIEWS_PAGE = 10;

/** The field reviews that saw the organisation, newest first, each with what it found there. */
export function useOrganizationReviews(id: number, page: number) {
  return useQuery({
    // under the log's key, so that saving a review refreshes it too
    queryKey: ['field-reviews', 'list', { organizationId: id, page }],
    queryFn: ({ signal }) =>
      apiFetch<FieldReviewList>(
        `/api/v1/field-reviews${queryString({ organizationId: id, page, pageSize: REVIEWS_PAGE })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
