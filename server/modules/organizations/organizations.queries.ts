import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { prepareStatement, runPrepared, type Db, type Tx } from '../../db/pool.ts';
import {
  adminUnits,
  organizationGrades,
  organizationReports,
  organizations,
  organizationStatusEvents,
} from '../../db/schema.ts';
import type { Organization, ReportFigures, Sort } from '../../../shared/contracts/organizations.ts';
import type { Grade, Kind, MapName, Sector, Status } from '../../../shared/contracts/enums.ts';
import type { Scope } from '../auth/caller.ts';
import { scopeWhere } from '../auth/scope.ts';
import { latestPeriod } from '../stats/stats.service.ts';
import { reportedPeriods } from '../stats/stats.queries.ts';

export type Executor = Db | Tx;
/** An organisation as stored; the API adds what the caller may do with it (`can`). */
export type OrganizationRow = Omit<Organization, 'can'>;

const province = alias(adminUnits, 'province');
const commune = alias(adminUnits, 'commune');
const o = organizations;
/** the organisation's province and commune on the current map, for their names */
const ofProvince = and(eq(province.map, 'current'), eq(province.code, o.provinceCode));
const ofCommune = and(eq(commune.map, 'current'), eq(commune.code, o.communeCode));

const columns = {
  id: o.id,
  version: o.version,
  registrationNo: o.registrationNo,
  name: o.name,
  kind: o.kind,
  sector: o.sector,
  status: o.status,
  statusSince: o.statusSince,
  foundedOn: o.foundedOn,
  provinceCode: o.provinceCode,
  provinceName: province.fullName,
  communeCode: o.communeCode,
  communeName: commune.fullName,
  oldProvinceCode: o.oldProvinceCode,
  oldDistrictCode: o.oldDistrictCode,
  oldCommuneCode: o.oldCommuneCode,
  recordedMap: o.recordedMap,
  address: o.address,
  representative: o.representative,
  phone: o.phone,
  email: o.email,
  createdAt: sql<string>`to_char(${o.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  updatedAt: sql<string>`to_char(${o.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

function selectOrganizations(db: Executor) {
  return db.select(columns).from(o).leftJoin(province, ofProvince).leftJoin(commune, ofCommune);
}

export interface ListFilter {
  /** what the caller may see (scope.ts): always applied */
  scope: Scope;
  area?: { code: string; level: string; map: MapName } | undefined;
  q?: string | undefined;
  kind?: Kind | undefined;
  sector?: Sector | undefined;
  status?: Status | undefined;
  grade?: Grade | undefined;
  period?: string | undefined;
}

/** The column that holds an area's code, by map and level. */
function areaColumn(area: NonNullable<ListFilter['area']>) {
  if (area.map === 'current') return area.level === 'province' ? o.provinceCode : o.communeCode;
  return area.level === 'province'
    ? o.oldProvinceCode
    : area.level === 'district'
      ? o.oldDistrictCode
      : o.oldCommuneCode;
}

/** The abbreviations people type for what names spell out: "HTX Tuấn Tú" finds "Hợp tác xã Tuấn Tú". */
const SPELLED_OUT: Record<string, string> = {
  htx: 'hop tac xa',
  tht: 'to hop tac',
  lhhtx: 'lien hiep hop tac xa',
  qtdnd: 'quy tin dung nhan dan',
};

/** The search text holds `text`, without regard to case or diacritics; % and _ are plain. */
function contains(text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => '\\' + c);
  return sql`${o.searchText} like '%' || lower(f_unaccent(${escaped})) || '%'`;
}

function whereOf(f: ListFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.scope.kind !== 'all') where.push(scopeWhere(f.scope, 'organizations'));
  if (f.area && f.area.level !== 'country') where.push(eq(areaColumn(f.area), f.area.code));
  if (f.kind) where.push(eq(o.kind, f.kind));
  if (f.sector) where.push(eq(o.sector, f.sector));
  if (f.status) where.push(eq(o.status, f.status));
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean)) {
    const spelled = SPELLED_OUT[word.toLowerCase()];
    where.push(spelled ? sql`(${contains(word)} or ${contains(spelled)})` : contains(word));
  }
  if (f.grade) {
    const period = f.period ?? null; // settled by the caller: the latest reported period by default
    const graded = sql`exists (select 1 from organization_grades g where g.organization_id = ${o.id} and g.period = ${period}`;
    where.push(f.grade === 'unrated' ? sql`not ${graded})` : sql`${graded} and g.grade = ${f.grade})`);
  }
  return where.length ? and(...where) : undefined;
}

const ORDER: Record<Sort, SQL[]> = {
  name: [asc(o.nameKey), asc(o.id)],
  '-name': [desc(o.nameKey), desc(o.id)],
  registrationNo: [asc(o.registrationNo)],
  '-registrationNo': [desc(o.registrationNo)],
  foundedOn: [sql`${o.foundedOn} asc nulls last`, asc(o.id)],
  '-foundedOn': [sql`${o.foundedOn} desc nulls last`, desc(o.id)],
  updatedAt: [asc(o.updatedAt), asc(o.id)],
  '-updatedAt': [desc(o.updatedAt), desc(o.id)],
};

export async function listOrganizations(
  db: Executor,
  f: ListFilter & { sort: Sort; page: number; pageSize: number },
): Promise<{ items: OrganizationRow[]; total: number }> {
  if (f.grade && !f.period) f = { ...f, period: latestPeriod(await reportedPeriods(db)) };
  const where = whereOf(f);
  // Late row lookup: the page's ids come from an index-only scan in sort order, and only those
  // 20 rows are read and joined to unit names (a deep page no longer joins every row it skips).
  const page = db
    .select({ id: o.id })
    .from(o)
    .where(where)
    .orderBy(...ORDER[f.sort])
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .as('page');
  const items = await selectOrganizations(db)
    .innerJoin(page, eq(page.id, o.id))
    .orderBy(...ORDER[f.sort]);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(o)
    .where(where);
  return { items: items as OrganizationRow[], total: count?.n ?? 0 };
}

/** One batch of the filtered list with the period's figures, for the Excel export. */
export async function exportBatch(
  db: Executor,
  f: ListFilter & { sort: Sort; offset: number; limit: number; period: string },
) {
  const r = organizationReports;
  const g = organizationGrades;
  return (
    db
      .select({
        ...columns,
        members: r.members,
        workers: r.workers,
        charterCapitalVnd: r.charterCapitalVnd,
        revenueVnd: r.revenueVnd,
        profitVnd: r.profitVnd,
        incomePerWorkerMonthVnd: r.incomePerWorkerMonthVnd,
        grade: g.grade,
      })
      .from(o)
      .leftJoin(province, ofProvince)
      .leftJoin(commune, ofCommune)
      // the official figures: those of an approved report
      .leftJoin(r, and(eq(r.organizationId, o.id), eq(r.period, f.period), eq(r.status, 'approved')))
      .leftJoin(g, and(eq(g.organizationId, o.id), eq(g.period, f.period)))
      .where(whereOf(f))
      .orderBy(...ORDER[f.sort])
      .limit(f.limit)
      .offset(f.offset)
  );
}

/**
 * findOrganization's statement, built once (ADR 0010): every report save and workflow step reads
 * the organisation, and drizzle's select builder cost a sixth of such a request's CPU.
 */
const FIND_ORGANIZATION = prepareStatement(sql`
  select ${sql.join(
    Object.entries(columns).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`),
    sql`, `,
  )}
  from ${o}
    left join ${adminUnits} as ${province} on ${ofProvince}
    left join ${adminUnits} as ${commune} on ${ofCommune}
  where ${o.id} = ${sql.placeholder('id')}`);

export async function findOrganization(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  return (await runPrepared<OrganizationRow>(db, FIND_ORGANIZATION, { id })).rows[0];
}

/** Locks the row for an update in the same transaction. */
export async function lockOrganization(tx: Tx, id: number) {
  const [row] = await tx.select().from(o).where(eq(o.id, id)).for('update');
  return row;
}

const e = organizationStatusEvents;
/** statusHistory's statement, built once (ADR 0010): every organisation page reads it. */
const STATUS_HISTORY = prepareStatement(sql`
  select ${e.status} as status, ${e.effectiveOn} as "effectiveOn", ${e.note} as note,
    to_char(${e.recordedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
  from ${e} where ${e.organizationId} = ${sql.placeholder('id')}
  order by ${e.effectiveOn} desc, ${e.id} desc`);

export async function statusHistory(db: Executor, id: number) {
  return (
    await runPrepared<{ status: Status; effectiveOn: string; note: string | null; recordedAt: string }>(
      db,
      STATUS_HISTORY,
      { id },
    )
  ).rows;
}

/** reportsOf's statement, built once: every organisation page and a cooperative's reminders read it. */
const REPORTS_OF = prepareStatement(sql`
    select coalesce(r.period, g.period) as period, r.members, r.workers,
      r.charter_capital_vnd as "charterCapitalVnd", r.revenue_vnd as "revenueVnd", r.profit_vnd as "profitVnd",
      r.income_per_worker_month_vnd as "incomePerWorkerMonthVnd", g.grade, r.status, r.source
    from (select * from organization_reports where organization_id = ${sql.placeholder('id')}) r
    full join (select * from organization_grades where organization_id = ${sql.placeholder('id')}) g
      on g.period = r.period
    order by 1 desc`);

/** The organisation's figures and grade per period, newest first (a period may have either). */
export async function reportsOf(db: Executor, id: number) {
  const { rows } = await runPrepared<ReportFigures>(db, REPORTS_OF, { id });
  return rows;
}

export async function registrationNoTaken(db: Executor, registrationNo: string, exceptId?: number) {
  const [row] = await db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.registrationNo, registrationNo), exceptId ? sql`${o.id} <> ${exceptId}` : undefined));
  return row !== undefined;
}
