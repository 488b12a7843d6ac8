// How a change of the audit trail reads: each field's label and its values as text, by the
// entity that changed (the server's `recordAudit` callers shape the changes).
import { AUDIT_UNIT_FIELDS, type AuditEntity, type AuditList } from '../../shared/contracts/audit.ts';
import { ROLE_LABELS } from '../../shared/contracts/auth.ts';
import { GRADE_LABELS, KIND_LABELS, MAP_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../shared/contracts/enums.ts';
import { REVIEW_KIND_LABELS } from '../../shared/contracts/field-reviews.ts';
import { DIFFICULTY_LABELS, FIGURE_LABELS, FIGURES, REPORT_STATUS_LABELS } from '../../shared/contracts/reports.ts';
import type { Dictionary } from '../i18n/dictionary.ts';
import type { Bilingual, Lang } from '../i18n/lang.ts';
import { EMPTY, formatDate, formatMoney, formatNumber } from '../lib/format.ts';

/** A field's label, the label table of its values when they are codes, or how its value reads. */
interface Field {
  label: string;
  pairs?: Record<string, Bilingual>;
  text?: (value: unknown) => string;
}

export interface ChangeText {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** Keyed by any text: a finding's difficulties come from stored JSON. */
const difficultyLabels: Record<string, Bilingual> = DIFFICULTY_LABELS;

type Finding = { findings: string | null; difficulties: string[]; proposals: string | null };

/** The fields of a period (`members@2024`): a report's or a year's grade, as the organisation's history has them. */
function periodFields(t: Dictionary, lang: Lang): Record<string, Field> {
  return {
    ...Object.fromEntries(FIGURES.map((f) => [f, { label: FIGURE_LABELS[f][lang] }])),
    difficulties: { label: t.reports.difficulties, pairs: DIFFICULTY_LABELS },
    proposals: { label: t.reports.proposals },
    comment: { label: t.reports.comment },
    status: { label: t.reports.state, pairs: REPORT_STATUS_LABELS },
    returnReason: { label: t.reports.reason },
    grade: { label: t.detail.grade, pairs: GRADE_LABELS },
    total: { label: t.grading.total },
    scheme: { label: t.grading.scheme },
    scores: { label: t.audit.scores, text: (v) => scoresText(t, lang, v as Record<string, number>) },
  };
}

function entityFields(t: Dictionary, lang: Lang, entity: AuditEntity): Record<string, Field> {
  switch (entity) {
    case 'user':
      return {
        email: { label: t.users.email },
        name: { label: t.users.name },
        role: { label: t.users.role, pairs: ROLE_LABELS },
        areaCode: { label: t.users.area },
        organizationId: { label: t.users.organization, text: String },
        disabled: { label: t.users.status, text: (v) => (v ? t.users.disabled : t.users.active) },
        password: { label: t.users.password },
      };
    case 'field_review':
      return {
        kind: { label: t.reviews.kind, pairs: REVIEW_KIND_LABELS },
        title: { label: t.reviews.titleField },
        heldOn: { label: t.reviews.heldOn },
        areaCode: { label: t.reviews.area },
        provinceCode: { label: t.org.provinceCode },
        communeCode: { label: t.org.communeCode },
        delegation: { label: t.reviews.delegation },
        notes: { label: t.reviews.notes },
      };
    case 'setting':
      return {
        effectiveGrades: { label: t.settings.effective, pairs: GRADE_LABELS },
        opensOn: { label: t.settings.opensOn },
        dueOn: { label: t.settings.dueOn },
        custom: { label: t.audit.customDates },
      };
    case 'import':
      return { organizations: { label: t.audit.organizations } };
    default:
      return {
        ...Object.fromEntries(Object.entries(t.org).map(([k, label]) => [k, { label }])),
        kind: { label: t.org.kind, pairs: KIND_LABELS },
        sector: { label: t.org.sector, pairs: SECTOR_LABELS },
        status: { label: t.org.status, pairs: STATUS_LABELS },
        recordedMap: { label: t.registry.map, pairs: MAP_LABELS },
      };
  }
}

/** A year's scores: how many criteria and their total, e.g. "15 tiêu chí, tổng 85 điểm". */
function scoresText(t: Dictionary, lang: Lang, scores: Record<string, number>): string {
  const points = Object.values(scores);
  const total = points.reduce((sum, p) => sum + p, 0);
  return t.audit.scored(formatNumber(points.length, lang), formatNumber(total, lang, 1));
}

/** What a field review found at one organisation: its remarks, difficulties and proposals. */
function findingText(t: Dictionary, lang: Lang, f: Finding): string {
  const parts = [
    f.findings && `${t.reviews.findings}: ${f.findings}`,
    f.difficulties.length > 0 &&
      `${t.reviews.difficulties}: ${f.difficulties.map((d) => difficultyLabels[d]?.[lang] ?? d).join(', ')}`,
    f.proposals && `${t.reviews.proposals}: ${f.proposals}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : EMPTY;
}

type UnitNames = AuditList['unitNames'];

/** A unit by its name and code, "Xã Hạ Lang (01558)"; the code alone when no list names it. */
function unitText(t: Dictionary, names: Record<string, string>, code: unknown): string {
  if (code === 'VN') return t.dashboard.country;
  const name = typeof code === 'string' ? names[code] : undefined;
  return name ? `${name} (${String(code)})` : String(code);
}

/** The field a key names: `members@2024` is a figure of 2024; `org 32` what a review found at organisation 32. */
function fieldOf(
  t: Dictionary,
  lang: Lang,
  entity: AuditEntity,
  key: string,
  unitNames: UnitNames,
): Field & { name: string } {
  const [name = key, period] = key.split('@');
  if (period) {
    const field = periodFields(t, lang)[name];
    return { name, ...field, label: `${field?.label ?? name} (${t.audit.period(period)})` };
  }
  const reviewed = entity === 'field_review' ? /^org (\d+)$/.exec(key) : null;
  if (reviewed) {
    return { name, label: `${t.users.organization} ${reviewed[1]}`, text: (v) => findingText(t, lang, v as Finding) };
  }
  const map = AUDIT_UNIT_FIELDS[key];
  const unit = map && { text: (v: unknown) => unitText(t, unitNames[map], v) };
  return { name, label: key, ...entityFields(t, lang, entity)[key], ...unit };
}

function valueText(t: Dictionary, lang: Lang, field: Field & { name: string }, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (field.text) return field.text(value);
  if (Array.isArray(value)) {
    return value.length > 0 ? value.map((v) => valueText(t, lang, field, v)).join(', ') : EMPTY;
  }
  if (field.pairs && typeof value === 'string' && field.pairs[value]) return field.pairs[value][lang];
  if (typeof value === 'number')
    return field.name.endsWith('Vnd') ? formatMoney(value, lang) : formatNumber(value, lang);
  if (typeof value === 'boolean') return value ? t.audit.yes : t.audit.no;
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  return JSON.stringify(value);
}

/** The changes of an event, each field labelled and its values before → after as text. */
export function changeTexts(
  t: Dictionary,
  lang: Lang,
  entity: AuditEntity,
  changes: Record<string, [unknown, unknown]>,
  unitNames: UnitNames,
): ChangeText[] {
  return Object.entries(changes).map(([key, [before, after]]) => {
    const field = fieldOf(t, lang, entity, key, unitNames);
    return {
      key,
      label: field.label,
      before: valueText(t, lang, field, before),
      after: valueText(t, lang, field, after),
    };
  });
}
