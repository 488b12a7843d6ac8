import type { Kind, Sector, Status } from '../../../../shared/contracts/enums.ts';
import type { Organization, OrganizationCreate } from '../../../../shared/contracts/organizations.ts';
import { formatDate, parseDate } from '../../../lib/format.ts';

/** What the form holds: text as typed (dates as dd/mm/yyyy), codes as chosen. */
export interface FormValues {
  registrationNo: string;
  name: string;
  kind: Kind | null;
  sector: Sector | null;
  status: Status;
  statusSince: string;
  foundedOn: string;
  provinceCode: string | null;
  communeCode: string | null;
  oldProvinceCode: string | null;
  oldDistrictCode: string | null;
  oldCommuneCode: string | null;
  address: string;
  representative: string;
  phone: string;
  email: string;
}
export type FieldName = keyof FormValues;

export const EMPTY_VALUES: FormValues = {
  registrationNo: '',
  name: '',
  kind: null,
  sector: null,
  status: 'active',
  statusSince: '',
  foundedOn: '',
  provinceCode: null,
  communeCode: null,
  oldProvinceCode: null,
  oldDistrictCode: null,
  oldCommuneCode: null,
  address: '',
  representative: '',
  phone: '',
  email: '',
};

/** Every field, in the order the form shows them. */
export const FIELD_NAMES = Object.keys(EMPTY_VALUES) as FieldName[];
export const DATE_FIELDS = ['statusSince', 'foundedOn'] as const satisfies readonly FieldName[];

const date = (iso: string | null) => (iso ? formatDate(iso) : '');

export function fromOrganization(org: Organization): FormValues {
  return {
    registrationNo: org.registrationNo,
    name: org.name,
    kind: org.kind,
    sector: org.sector,
    status: org.status,
    statusSince: date(org.statusSince),
    foundedOn: date(org.foundedOn),
    provinceCode: org.provinceCode || null,
    communeCode: org.communeCode,
    oldProvinceCode: org.oldProvinceCode,
    oldDistrictCode: org.oldDistrictCode,
    oldCommuneCode: org.oldCommuneCode,
    address: org.address ?? '',
    representative: org.representative ?? '',
    phone: org.phone ?? '',
    email: org.email ?? '',
  };
}

const text = (value: string) => value.trim() || null;

/** A request body before the required choices are checked. */
export type Draft = Omit<OrganizationCreate, 'kind' | 'sector'> & { kind: Kind | null; sector: Sector | null };

/** The request body: trimmed text, empty as null, dates as YYYY-MM-DD. */
export function toDraft(values: FormValues): Draft {
  return {
    registrationNo: values.registrationNo.trim(),
    name: values.name.trim(),
    kind: values.kind,
    sector: values.sector,
    status: values.status,
    statusSince: parseDate(values.statusSince),
    foundedOn: parseDate(values.foundedOn),
    provinceCode: values.provinceCode,
    communeCode: values.communeCode,
    oldProvinceCode: values.oldProvinceCode,
    oldDistrictCode: values.oldDistrictCode,
    oldCommuneCode: values.oldCommuneCode,
    address: text(values.address),
    representative: text(values.representative),
    phone: text(values.phone),
    email: text(values.email),
  };
}

/** The fields whose values differ, ignoring surrounding spaces. */
export function changedFields(before: FormValues, after: FormValues): FieldName[] {
  const norm = (value: string | null) => (value ?? '').trim();
  return FIELD_NAMES.filter((field) => norm(before[field]) !== norm(after[field]));
}

/** Someone else saved `current` since `base` was read: keep my edits on top of theirs. */
export function rebase(base: FormValues, mine: FormValues, current: FormValues): FormValues {
  const next = { ...current };
  for (const field of changedFields(base, mine)) Object.assign(next, { [field]: mine[field] });
  return next;
}
