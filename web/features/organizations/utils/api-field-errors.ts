import type { Bilingual } from '../../../i18n/lang.ts';
import type { ApiError } from '../../../lib/api.ts';
import { isFieldName, type FieldErrors } from './validate-form.ts';

/** The API's `errors[]` split into errors of form fields and the rest (shown above the form). */
export function apiFieldErrors(error: ApiError): { fields: FieldErrors; other: Bilingual[] } {
  const fields: FieldErrors = {};
  const other: Bilingual[] = [];
  for (const item of error.errors) {
    const message = { vi: item.message, en: item.messageEn };
    const field = item.field.replace(/^body\./, '');
    if (isFieldName(field)) fields[field] ??= message;
    else other.push({ vi: `${item.field}: ${item.message}`, en: `${item.field}: ${item.messageEn}` });
  }
  return { fields, other };
}
