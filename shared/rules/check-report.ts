// The validation rules of a report (table report_rules), run on its figures: the web form, the
// API and the Excel upload call this one function.
//   non_negative  { fields }                 each given field is 0 or more
//   not_greater   { field, than }             field ≤ than, when both are given
//   min_by_kind   { field, min: {HTX: 5 …} }  field ≥ the minimum of the organisation's kind
//   change        { fields, percent }         a change of more than `percent` % from the last period
//   range         { field, min, max }         field within [min, max]
import type { Kind } from '../contracts/enums.ts';
import { FIGURE_LABELS, type Figure, type ReportRule, type RuleIssue } from '../contracts/reports.ts';

export type Figures = Partial<Record<Figure, number | null>>;

export interface CheckContext {
  kind: Kind;
  /** the figures of the organisation's previous period, when it reported one */
  previous: Figures | null;
}

// one formatter each: toLocaleString builds a new one per call (a millisecond, on every save)
const FORMATS = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-US') };
const number = (lang: 'vi' | 'en', v: number) => FORMATS[lang].format(v);

function issue(rule: ReportRule, field: Figure, values: { value?: number; limit?: number; other?: Figure }): RuleIssue {
  const fill = (template: string, lang: 'vi' | 'en') =>
    template
      .replaceAll('{label}', FIGURE_LABELS[field][lang])
      .replaceAll('{value}', values.value === undefined ? '' : number(lang, values.value))
      .replaceAll('{limit}', values.limit === undefined ? '' : number(lang, values.limit))
      .replaceAll('{other}', values.other ? FIGURE_LABELS[values.other][lang] : '');
  return {
    rule: rule.code,
    field,
    level: rule.level,
    message: fill(rule.message, 'vi'),
    messageEn: fill(rule.messageEn, 'en'),
  };
}

const given = (v: number | null | undefined): v is number => typeof v === 'number';

export function checkReport(rules: readonly ReportRule[], figures: Figures, ctx: CheckContext): RuleIssue[] {
  const out: RuleIssue[] = [];
  for (const rule of rules) {
    const p = rule.params as Record<string, unknown>;
    switch (rule.kind) {
      case 'non_negative':
        for (const f of p.fields as Figure[]) {
          const v = figures[f];
          if (given(v) && v < 0) out.push(issue(rule, f, { value: v }));
        }
        break;
      case 'not_greater': {
        const f = p.field as Figure;
        const than = p.than as Figure;
        const a = figures[f];
        const b = figures[than];
        if (given(a) && given(b) && a > b) out.push(issue(rule, f, { value: a, limit: b, other: than }));
        break;
      }
      case 'min_by_kind': {
        const f = p.field as Figure;
        const min = (p.min as Partial<Record<Kind, number>>)[ctx.kind];
        const v = figures[f];
        if (given(v) && min !== undefined && v < min) out.push(issue(rule, f, { value: v, limit: min }));
        break;
      }
      case 'change':
        for (const f of p.fields as Figure[]) {
          const now = figures[f];
          const before = ctx.previous?.[f];
          if (!given(now) || !given(before) || before === 0) continue;
          const percent = Math.round((Math.abs(now - before) / Math.abs(before)) * 100);
          if (percent > (p.percent as number)) out.push(issue(rule, f, { value: percent, limit: p.percent as number }));
        }
        break;
      case 'range': {
        const f = p.field as Figure;
        const v = figures[f];
        if (given(v) && (v < (p.min as number) || v > (p.max as number))) {
          out.push(issue(rule, f, { value: v, limit: v < (p.min as number) ? (p.min as number) : (p.max as number) }));
        }
        break;
      }
    }
  }
  return out;
}
