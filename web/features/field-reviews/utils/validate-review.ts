import { fieldReviewInputSchema, type FieldReviewInput } from '../../../../shared/contracts/field-reviews.ts';
import { dictionaries } from '../../../i18n/dictionary.ts';
import { splitMessage, type Bilingual } from '../../../i18n/lang.ts';
import type { FieldError } from '../../../lib/api.ts';

/** The review's fields that carry a message of their own, in the order of the form. */
export const REVIEW_FIELDS = ['title', 'heldOn', 'areaCode', 'delegation', 'findings'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
export type ReviewErrors = Partial<Record<ReviewField, Bilingual>>;

const { vi, en } = dictionaries;
const isReviewField = (name: string): name is ReviewField => (REVIEW_FIELDS as readonly string[]).includes(name);

/**
 * Checks a review as the API will, before it is sent: what is missing or unreadable, by field.
 * `heldOnTyped` is the date as typed (dd/mm/yyyy); the body carries it parsed, or null.
 */
export function validateReview(body: FieldReviewInput, heldOnTyped: string): ReviewErrors {
  const errors: ReviewErrors = {};
  if (!heldOnTyped.trim()) errors.heldOn = { vi: vi.form.required, en: en.form.required };
  else if (!body.heldOn) errors.heldOn = { vi: vi.form.invalidDate, en: en.form.invalidDate };
  if (!body.areaCode) errors.areaCode = { vi: vi.form.required, en: en.form.required };
  const parsed = fieldReviewInputSchema.safeParse(body);
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (isReviewField(field) && !errors[field]) errors[field] = splitMessage(issue.message);
  }
  return errors;
}

/** The API's 400, by field (its messages are the same "vi / en" pairs). */
export function reviewErrorsOf(fieldErrors: FieldError[]): ReviewErrors {
  const errors: ReviewErrors = {};
  for (const e of fieldErrors) {
    const field = e.field.split('.')[0] ?? '';
    if (isReviewField(field) && !errors[field]) errors[field] = { vi: e.message, en: e.messageEn };
  }
  return errors;
}
