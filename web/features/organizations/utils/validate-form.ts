import type { z } from 'zod';
import {
  organizationCreateSchema,
  organizationPatchSchema,
  type OrganizationCreate,
  type OrganizationPatch,
} from '../../../../shared/contracts/organizations.ts';
import { dictionaries } from '../../../i18n/dictionary.ts';
import { splitMessage, type Bilingual } from '../../../i18n/lang.ts';
import { parseDate } from '../../../lib/format.ts';
import { DATE_FIELDS, FIELD_NAMES, changedFields, toDraft, type FieldName, type FormValues } from './form-values.ts';

export type FieldErrors = Partial<Record<FieldName, Bilingual>>;
type Result<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const REQUIRED = ['registrationNo', 'name', 'kind', 'sector'] as const satisfies readonly FieldName[];
const { vi, en } = dictionaries;

export function isFieldName(name: string): name is FieldName {
  return (FIELD_NAMES as string[]).includes(name);
}

/** Checks the form can express before the schema does: required choices and readable dates. */
function formErrors(values: FormValues, fields: readonly FieldName[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of REQUIRED) {
    if (fields.includes(field) && !values[field]?.trim())
      errors[field] = { vi: vi.form.required, en: en.form.required };
  }
  const placed = fields.includes('provinceCode') || fields.includes('oldProvinceCode');
  if (placed && !values.provinceCode && !values.oldProvinceCode) {
    errors.provinceCode = { vi: vi.form.provinceRequired, en: en.form.provinceRequired };
  }
  for (const field of DATE_FIELDS) {
    if (fields.includes(field) && values[field].trim() && !parseDate(values[field])) {
      errors[field] = { vi: vi.form.invalidDate, en: en.form.invalidDate };
    }
  }
  return errors;
}

function schemaErrors(issues: z.core.$ZodIssue[], errors: FieldErrors): FieldErrors {
  const all = { ...errors };
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (isFieldName(field) && !all[field]) all[field] = splitMessage(issue.message);
  }
  return all;
}

/** A new organisation: every field, checked by the API's own schema. */
export function validateCreate(values: FormValues): Result<OrganizationCreate> {
  const errors = formErrors(values, FIELD_NAMES);
  const body = toDraft(values);
  const parsed = organizationCreateSchema.safeParse(body);
  if (Object.keys(errors).length === 0 && parsed.success && body.kind && body.sector) {
    return { ok: true, body: { ...body, kind: body.kind, sector: body.sector } };
  }
  return { ok: false, errors: schemaErrors(parsed.error?.issues ?? [], errors) };
}

/** An edit: only the fields changed since `base` was read, with that version. */
export function validateEdit(base: FormValues, values: FormValues, version: number): Result<OrganizationPatch> {
  const fields = changedFields(base, values);
  const errors = formErrors(values, fields);
  const draft = toDraft(values);
  const body: OrganizationPatch = { version };
  for (const field of fields) Object.assign(body, { [field]: draft[field] });
  const parsed = organizationPatchSchema.safeParse(body);
  if (Object.keys(errors).length === 0 && parsed.success) return { ok: true, body };
  return { ok: false, errors: schemaErrors(parsed.error?.issues ?? [], errors) };
}
