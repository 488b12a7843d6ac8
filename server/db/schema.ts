// The database schema, one source for drizzle's typed queries and for generated migrations.
// Codes of administrative units are strings (leading zeros); money is bigint whole VND.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { REPORT_STATUSES, type Difficulty, type ReportStatus } from '../../shared/contracts/reports.ts';
import { GRADES, KINDS, LEVELS, MAPS, SECTORS, STATUSES } from '../../shared/contracts/enums.ts';
import type { Grade, Kind, Level, MapName, Sector, Status } from '../../shared/contracts/enums.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Đơn vị hành chính, on the current (2-level) or the pre-2025 (3-level) map. */
export const adminUnits = pgTable(
  'admin_units',
  {
    map: text().$type<MapName>().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    fullName: text().notNull(),
    nameEn: text(),
    level: text().$type<Level>().notNull(),
    type: text().notNull(),
    parentCode: text(),
    provinceCode: text().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.map, t.code] }),
    index().on(t.map, t.parentCode),
    check('admin_units_map_check', inList('map', MAPS)),
    check('admin_units_level_check', inList('level', LEVELS)),
  ],
);

/** Old (pre-2025) unit → its successor(s) on the current map, from the 1 July 2025 reform. */
export const adminUnitSuccessors = pgTable(
  'admin_unit_successors',
  {
    oldCode: text().notNull(),
    newCode: text().notNull(),
    level: text().notNull(),
    /** 'full': the whole old unit went into the new one; 'partial': it was split */
    coverage: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldCode, t.newCode] }),
    index().on(t.newCode),
    check('admin_unit_successors_coverage_check', inList('coverage', ['full', 'partial'])),
  ],
);

/** Hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã. */
export const organizations = pgTable(
  'organizations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    version: integer().notNull().default(1),
    registrationNo: text().notNull(),
    name: text().notNull(),
    kind: text().$type<Kind>().notNull(),
    sector: text().$type<Sector>().notNull(),
    status: text().$type<Status>().notNull().default('active'),
    statusSince: date({ mode: 'string' }),
    foundedOn: date({ mode: 'string' }),
    // Placement on the current map (always has a province) …
    provinceCode: text().notNull(),
    communeCode: text(),
    // … and on the pre-2025 map. Whichever map the record was entered on is 'recorded';
    // the other is derived through admin_unit_successors (see placement.ts).
    oldProvinceCode: text(),
    oldDistrictCode: text(),
    oldCommuneCode: text(),
    recordedMap: text().$type<MapName>().notNull().default('current'),
    address: text(),
    representative: text(),
    phone: text(),
    email: text(),
    // the Vietnamese alphabetical order, compared in the "C" collation (migration 0013)
    nameKey: text().generatedAlwaysAs(sql`f_vi_sort_key(name)`),
    searchText: text().generatedAlwaysAs(sql`lower(f_unaccent(name || ' ' || registration_no))`),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.registrationNo),
    // List pages and their counts come from index-only scans whatever the kind/sector/status
    // filter (bench/RESULTS.md: late row lookup, deep pages 333 ms → 17 ms).
    index('organizations_list_name').on(t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_list_province').on(t.provinceCode, t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_list_commune').on(t.communeCode, t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_list_old_province').on(t.oldProvinceCode, t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_list_old_district').on(t.oldDistrictCode, t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_list_old_commune').on(t.oldCommuneCode, t.nameKey, t.id, t.kind, t.sector, t.status),
    index('organizations_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // one spelling per number: "k2" typed is "K2" stored (migration 0014)
    check('organizations_registration_no_check', sql`registration_no = upper(registration_no)`),
    check('organizations_kind_check', inList('kind', KINDS)),
    check('organizations_sector_check', inList('sector', SECTORS)),
    check('organizations_status_check', inList('status', STATUSES)),
    check('organizations_recorded_map_check', inList('recorded_map', MAPS)),
  ],
);

/** Dated history of the legal status (trạng thái pháp lý). */
export const organizationStatusEvents = pgTable(
  'organization_status_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: text().$type<Status>().notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    note: text(),
    recordedAt: createdAt(),
  },
  (t) => [index().on(t.organizationId, t.effectiveOn)],
);

/**
 * One report per organisation and period ('2024', '2024-H1'): its figures (money bigint VND),
 * difficulties and proposals, and its way from draft to approved (ADR 0009). Statistics count
 * the figures of approved reports only.
 */
export const organizationReports = pgTable(
  'organization_reports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    period: text().notNull(),
    version: integer().notNull().default(1),
    members: integer(),
    workers: integer(),
    charterCapitalVnd: bigint({ mode: 'number' }),
    assetsVnd: bigint({ mode: 'number' }),
    revenueVnd: bigint({ mode: 'number' }),
    serviceRevenueVnd: bigint({ mode: 'number' }),
    profitVnd: bigint({ mode: 'number' }),
    incomePerWorkerMonthVnd: bigint({ mode: 'number' }),
    difficulties: text()
      .array()
      .$type<Difficulty[]>()
      .notNull()
      .default(sql`'{}'`),
    proposals: text(),
    /** the explanation the warnings of the validation rules ask for */
    comment: text(),
    status: text().$type<ReportStatus>().notNull().default('approved'),
    /** 'officer' (entered or imported by an officer) or 'cooperative' */
    source: text().notNull().default('officer'),
    enteredBy: integer(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer(),
    returnReason: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.period),
    index().on(t.period, t.status),
    check('organization_reports_status_check', inList('status', REPORT_STATUSES)),
    check('organization_reports_source_check', inList('source', ['officer', 'cooperative'])),
    check('organization_reports_counts_check', sql`coalesce(members, 0) >= 0 and coalesce(workers, 0) >= 0`),
  ],
);

/**
 * The grade of an organisation for a period (xếp loại): scored by a grading scheme's criteria
 * (the total decides it, never typed) or taken from an import, which keeps that source.
 */
export const organizationGrades = pgTable(
  'organization_grades',
  {
    organizationId: integer()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    period: text().notNull(),
    grade: text().$type<Exclude<Grade, 'unrated'>>().notNull(),
    /** 'scored' (by a scheme's criteria) or 'import' */
    source: text().notNull(),
    scheme: text(),
    scores: jsonb().$type<Record<string, number>>(),
    total: numeric({ precision: 5, scale: 1, mode: 'number' }),
    version: integer().notNull().default(1),
    gradedBy: integer(),
    gradedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.period] }),
    index().on(t.period, t.grade),
    check(
      'organization_grades_grade_check',
      inList(
        'grade',
        GRADES.filter((g) => g !== 'unrated'),
      ),
    ),
    check('organization_grades_source_check', inList('source', ['scored', 'import'])),
  ],
);
