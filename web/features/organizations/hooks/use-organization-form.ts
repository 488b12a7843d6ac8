import { useCallback, useState } from 'react';
import type { Bilingual } from '../../../i18n/lang.ts';
import { ApiError } from '../../../lib/api.ts';
import { apiFieldErrors } from '../utils/api-field-errors.ts';
import type { FormValues } from '../utils/form-values.ts';
import type { FieldErrors } from '../utils/validate-form.ts';

/** What to say above the form after a failed save. */
export type Failure =
  { kind: 'invalid'; other: Bilingual[] } | { kind: 'error'; error: unknown } | { kind: 'unchanged' };

/** Values, field errors and the last failure of the create and edit forms. */
export function useOrganizationForm(initial: FormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailureState] = useState<Failure | null>(null);

  const setFailure = useCallback((next: Failure | null) => {
    setFailureState(next);
    if (next) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, []);

  const change = useCallback((patch: Partial<FormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const field of Object.keys(patch) as (keyof FormValues)[]) delete next[field];
      return next;
    });
  }, []);

  const invalid = useCallback(
    (fieldErrors: FieldErrors, other: Bilingual[] = []) => {
      setErrors(fieldErrors);
      setFailure({ kind: 'invalid', other });
    },
    [setFailure],
  );

  /** A rejected save: the API's field errors go next to their fields. */
  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'validation_failed' && error.errors.length > 0) {
        const { fields, other } = apiFieldErrors(error);
        invalid(fields, other);
      } else {
        setFailure({ kind: 'error', error });
      }
    },
    [invalid, setFailure],
  );

  return { values, setValues, errors, change, failure, setFailure, invalid, fail };
}
