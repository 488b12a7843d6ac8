// What importing one valid row does to the registry, given the organisation as stored (or
// none): create, update or leave it; which status events and which report to write. Pure.
//
// Rules:
//  - a column the file does not have keeps what is stored; an empty cell clears it — except the
//    status, which an empty cell keeps (a new organisation starts 'active');
//  - the placement is the file's, on the import's map; when the file has no commune column the
//    stored commune is kept as long as the province (and district) are the same;
//  - a new status is dated: for a new organisation, 'active' on its founding day, then any other
//    status at the period's end; for a change, the period's end (today without a period). A
//    change dated before the stored status's date is not applied: the registry knows better;
//  - the period's figures become one report (source 'officer'); all-empty figures of a new
//    report create nothing. A grade alone does not rewrite the report. A report in review's
//    hands (submitted, or approved by a reviewer) is not changed by a file: the row is refused.
import type { ImportWarning } from '../../../shared/contracts/imports.ts';
import type { Status } from '../../../shared/contracts/enums.ts';
import type { Period } from '../reports/period.ts';
import type { Placement } from '../organizations/placement.ts';
import type { Field } from './columns.ts';
import type { Existing, OrganizationValues, StatusEventValues } from './import-queries.ts';
import type { PeriodFigures } from '../../../shared/contracts/organizations.ts';
import type { ImportRow } from './validate-row.ts';

export type Action = 'create' | 'update' | 'unchanged';

export interface RowPlan {
  action: Action;
  /** the organisation to insert or update; null when it stays as it is */
  org: OrganizationValues | null;
  events: Omit<StatusEventValues, 'organizationId'>[];
  report: PeriodFigures | null;
  /** the figures other than the grade change: the report is written */
  figuresChanged: boolean;
  /** …and that report is submitted or approved by a reviewer: the row is refused */
  reportInReview: boolean;
  /** the placement on the import's map changed (or is new): derive the other map */
  placementChanged: boolean;
  warning: ImportWarning | null;
}

export interface PlanContext {
  present: ReadonlySet<Field>;
  period: Period | null;
  today: string;
  /** the note of the status events, e.g. "Nhập từ tệp ha-lang.csv" */
  note: string;
  /** fills the other map's side of a placement (unit-index.ts#deriveOtherMap) */
  derive: <P extends Placement>(p: P) => P;
}

const FIGURE_COLUMNS = {
  members: 'members',
  workers: 'workers',
  charterCapitalVnd: 'charter_capital_vnd',
  revenueVnd: 'revenue_vnd',
  profitVnd: 'profit_vnd',
  incomePerWorkerMonthVnd: 'income_per_worker_month_vnd',
  grade: 'grade',
} as const satisfies Record<keyof PeriodFigures, keyof Existing>;

const CONTACTS = ['address', 'representative', 'phone', 'email'] as const;

export function planRow(row: ImportRow, existing: Existing | undefined, ctx: PlanContext): RowPlan {
  const has = (f: Field) => ctx.present.has(f);
  const eventDay = ctx.period?.end ?? ctx.today;
  const recorded = keepStoredCodes(row, existing, has('districtCode'), has('communeCode'));
  const contacts = Object.fromEntries(
    CONTACTS.map((k) => [k, has(k) || !existing ? row.contacts[k] : existing[k]]),
  ) as ImportRow['contacts'];
  const foundedOn = has('foundedOn') || !existing ? row.foundedOn : existing.founded_on;
  const report = reportOf(row.figures, existing, ctx);

  if (!existing) {
    const status = row.status ?? 'active';
    const events: RowPlan['events'] = [];
    if (foundedOn) events.push({ status: 'active', effectiveOn: foundedOn, note: ctx.note });
    if (!foundedOn || status !== 'active') {
      events.push({ status, effectiveOn: foundedOn && foundedOn > eventDay ? foundedOn : eventDay, note: ctx.note });
    }
    return {
      action: 'create',
      org: {
        ...base(row),
        ...ctx.derive(recorded),
        ...contacts,
        foundedOn,
        status,
        statusSince: events.at(-1)!.effectiveOn,
      },
      events,
      report: report.values,
      figuresChanged: report.figuresChanged,
      reportInReview: false,
      placementChanged: true,
      warning: null,
    };
  }

  let status: Status = existing.status;
  let statusSince = existing.status_since;
  let warning: ImportWarning | null = null;
  const events: RowPlan['events'] = [];
  if (row.status && row.status !== existing.status) {
    if (existing.status_since && eventDay < existing.status_since) {
      warning = {
        line: row.line,
        column: null,
        message: `giữ trạng thái hiện có của ${row.registrationNo} (từ ${existing.status_since}), mới hơn kỳ ${ctx.period?.code}`,
        messageEn: `kept the stored status of ${row.registrationNo} (since ${existing.status_since}), newer than period ${ctx.period?.code}`,
      };
    } else {
      status = row.status;
      statusSince = eventDay;
      events.push({ status, effectiveOn: eventDay, note: ctx.note });
    }
  }
  const placementChanged =
    recorded.recordedMap !== existing.recorded_map ||
    (recorded.recordedMap === 'current'
      ? recorded.provinceCode !== existing.province_code || recorded.communeCode !== existing.commune_code
      : recorded.oldProvinceCode !== existing.old_province_code ||
        recorded.oldDistrictCode !== existing.old_district_code ||
        recorded.oldCommuneCode !== existing.old_commune_code);
  // the same place as stored: keep the stored placement, derived side included
  const placement = placementChanged ? ctx.derive(recorded) : storedPlacement(existing);
  const org: OrganizationValues = { ...base(row), ...placement, ...contacts, foundedOn, status, statusSince };
  const orgChanged =
    placementChanged ||
    events.length > 0 ||
    org.name !== existing.name ||
    org.kind !== existing.kind ||
    org.sector !== existing.sector ||
    org.foundedOn !== existing.founded_on ||
    CONTACTS.some((k) => org[k] !== existing[k]);
  const action = orgChanged || report.changed ? 'update' : 'unchanged';
  return {
    action,
    org: orgChanged ? org : null,
    events,
    report: report.changed ? report.values : null,
    figuresChanged: report.figuresChanged,
    reportInReview: report.figuresChanged && existing.report_in_review === true,
    placementChanged,
    warning,
  };
}

/** The organisation as stored, in the shape a plan writes (for the audit trail's before). */
export function storedValues(e: Existing): OrganizationValues {
  return {
    registrationNo: e.registration_no,
    name: e.name,
    kind: e.kind,
    sector: e.sector,
    status: e.status,
    statusSince: e.status_since,
    foundedOn: e.founded_on,
    ...storedPlacement(e),
    address: e.address,
    representative: e.representative,
    phone: e.phone,
    email: e.email,
  };
}

/** The stored figures of the import's period. */
export function storedFigures(e: Existing): PeriodFigures {
  return Object.fromEntries(
    (Object.keys(FIGURE_COLUMNS) as (keyof PeriodFigures)[]).map((k) => [k, e[FIGURE_COLUMNS[k]]]),
  ) as unknown as PeriodFigures;
}

function base(row: ImportRow) {
  return { registrationNo: row.registrationNo, name: row.name, kind: row.kind, sector: row.sector };
}

function storedPlacement(e: Existing): Placement & { provinceCode: string } {
  return {
    recordedMap: e.recorded_map,
    provinceCode: e.province_code,
    communeCode: e.commune_code,
    oldProvinceCode: e.old_province_code,
    oldDistrictCode: e.old_district_code,
    oldCommuneCode: e.old_commune_code,
  };
}

/** The placement on the import's map: the file's codes, plus stored ones it has no column for. */
function keepStoredCodes(row: ImportRow, existing: Existing | undefined, hasDistrict: boolean, hasCommune: boolean) {
  const p = { ...row.placement };
  if (!existing || existing.recorded_map !== p.recordedMap) return p;
  if (p.recordedMap === 'current') {
    if (!hasCommune && existing.province_code === p.provinceCode) p.communeCode = existing.commune_code;
    return p;
  }
  if (existing.old_province_code !== p.oldProvinceCode) return p;
  if (!hasDistrict && !p.oldDistrictCode) p.oldDistrictCode = existing.old_district_code;
  if (!hasCommune && p.oldDistrictCode === existing.old_district_code) p.oldCommuneCode = existing.old_commune_code;
  return p;
}

/** The period's report: the file's figures over the stored ones; changed or not. */
function reportOf(
  figures: PeriodFigures,
  existing: Existing | undefined,
  ctx: PlanContext,
): { values: RowPlan['report']; changed: boolean; figuresChanged: boolean } {
  const keys = Object.keys(FIGURE_COLUMNS) as (keyof PeriodFigures)[];
  const given = keys.filter((k) => ctx.present.has(k));
  if (!ctx.period || given.length === 0) return { values: null, changed: false, figuresChanged: false };
  const stored = existing?.report_id != null ? existing : undefined;
  const pick = <K extends keyof PeriodFigures>(k: K) =>
    ctx.present.has(k) ? figures[k] : ((stored?.[FIGURE_COLUMNS[k]] ?? null) as PeriodFigures[K]);
  const values: PeriodFigures = {
    members: pick('members'),
    workers: pick('workers'),
    charterCapitalVnd: pick('charterCapitalVnd'),
    revenueVnd: pick('revenueVnd'),
    profitVnd: pick('profitVnd'),
    incomePerWorkerMonthVnd: pick('incomePerWorkerMonthVnd'),
    grade: pick('grade'),
  };
  if (!stored) {
    const any = keys.some((k) => values[k] !== null);
    return {
      values: any ? values : null,
      changed: any,
      figuresChanged: keys.some((k) => k !== 'grade' && values[k] !== null),
    };
  }
  const differs = (k: keyof PeriodFigures) => values[k] !== stored[FIGURE_COLUMNS[k]];
  return { values, changed: given.some(differs), figuresChanged: given.some((k) => k !== 'grade' && differs(k)) };
}
