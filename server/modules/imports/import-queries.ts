// The SQL of the organisation import: one statement per batch and table, each column sent as
// one array parameter spread by unnest (a multi-row INSERT without thousands of parameters).
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import type { Grade, Kind, Level, MapName, Sector, Status } from '../../../shared/contracts/enums.ts';
import type { PeriodFigures } from '../../../shared/contracts/organizations.ts';

export type Executor = Db | Tx;

/** `unnest($1::text[], $2::int[], …)` over the given typed columns. */
export function unnest(columns: [unknown[], string][]): SQL {
  const args = columns.map(([values, type]) => sql`${sql.param(values)}::${sql.raw(type)}[]`);
  return sql`unnest(${sql.join(args, sql`, `)})`;
}

export async function loadUnits(db: Executor) {
  const { rows } = await db.execute<{
    map: MapName;
    code: string;
    level: Level;
    full_name: string;
    parent_code: string | null;
    province_code: string;
  }>(sql`select map, code, level, full_name, parent_code, province_code from admin_units`);
  return rows.map((r) => ({
    map: r.map,
    code: r.code,
    level: r.level,
    fullName: r.full_name,
    parentCode: r.parent_code,
    provinceCode: r.province_code,
  }));
}

export async function loadSuccessors(db: Executor) {
  const { rows } = await db.execute<{ old_code: string; new_code: string; level: Level }>(
    sql`select old_code, new_code, level from admin_unit_successors order by old_code, new_code`,
  );
  return rows.map((r) => ({ oldCode: r.old_code, newCode: r.new_code, level: r.level }));
}

/** An organisation as stored, with its figures for the import's period (when any). */
export type Existing = {
  id: number;
  registration_no: string;
  name: string;
  kind: Kind;
  sector: Sector;
  status: Status;
  status_since: string | null;
  founded_on: string | null;
  recorded_map: MapName;
  province_code: string;
  commune_code: string | null;
  old_province_code: string | null;
  old_district_code: string | null;
  old_commune_code: string | null;
  address: string | null;
  representative: string | null;
  phone: string | null;
  email: string | null;
  report_id: number | null;
  /** the report is in review's hands: submitted, or approved by a reviewer */
  report_in_review: boolean | null;
  members: number | null;
  workers: number | null;
  charter_capital_vnd: number | null;
  revenue_vnd: number | null;
  profit_vnd: number | null;
  income_per_worker_month_vnd: number | null;
  grade: Grade | null;
};

/** The organisations of these numbers, locked until the import ends. */
export async function lockExisting(tx: Tx, registrationNos: string[], period: string | null): Promise<Existing[]> {
  const { rows } = await tx.execute<Existing>(sql`
    select o.id, o.registration_no, o.name, o.kind, o.sector, o.status, o.status_since, o.founded_on,
      o.recorded_map, o.province_code, o.commune_code, o.old_province_code, o.old_district_code,
      o.old_commune_code, o.address, o.representative, o.phone, o.email,
      r.id as report_id, (r.status = 'submitted' or r.reviewed_at is not null) as report_in_review, r.members, r.workers, r.charter_capital_vnd, r.revenue_vnd, r.profit_vnd,
      r.income_per_worker_month_vnd, g.grade
    from organizations o
    left join organization_reports r on r.organization_id = o.id and r.period = ${period}::text
    left join organization_grades g on g.organization_id = o.id and g.period = ${period}::text
    where o.registration_no = any(${sql.param(registrationNos)}::text[])
    for update of o`);
  return rows;
}

export interface OrganizationValues {
  registrationNo: string;
  name: string;
  kind: Kind;
  sector: Sector;
  status: Status;
  statusSince: string | null;
  foundedOn: string | null;
  recordedMap: MapName;
  provinceCode: string;
  communeCode: string | null;
  oldProvinceCode: string | null;
  oldDistrictCode: string | null;
  oldCommuneCode: string | null;
  address: string | null;
  representative: string | null;
  phone: string | null;
  email: string | null;
}

/** Inserts or updates by registration number; answers each row's id and whether it was new. */
export async function upsertOrganizations(
  tx: Tx,
  rows: OrganizationValues[],
): Promise<{ id: number; registration_no: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof OrganizationValues>(k: K) => rows.map((r) => r[k]);
  const { rows: written } = await tx.execute<{ id: number; registration_no: string; inserted: boolean }>(sql`
    insert into organizations (registration_no, name, kind, sector, status, status_since, founded_on,
      recorded_map, province_code, commune_code, old_province_code, old_district_code, old_commune_code,
      address, representative, phone, email)
    select * from ${unnest([
      [col('registrationNo'), 'text'],
      [col('name'), 'text'],
      [col('kind'), 'text'],
      [col('sector'), 'text'],
      [col('status'), 'text'],
      [col('statusSince'), 'date'],
      [col('foundedOn'), 'date'],
      [col('recordedMap'), 'text'],
      [col('provinceCode'), 'text'],
      [col('communeCode'), 'text'],
      [col('oldProvinceCode'), 'text'],
      [col('oldDistrictCode'), 'text'],
      [col('oldCommuneCode'), 'text'],
      [col('address'), 'text'],
      [col('representative'), 'text'],
      [col('phone'), 'text'],
      [col('email'), 'text'],
    ])}
    on conflict (registration_no) do update set
      name = excluded.name, kind = excluded.kind, sector = excluded.sector, status = excluded.status,
      status_since = excluded.status_since, founded_on = excluded.founded_on,
      recorded_map = excluded.recorded_map, province_code = excluded.province_code,
      commune_code = excluded.commune_code, old_province_code = excluded.old_province_code,
      old_district_code = excluded.old_district_code, old_commune_code = excluded.old_commune_code,
      address = excluded.address, representative = excluded.representative, phone = excluded.phone,
      email = excluded.email, version = organizations.version + 1, updated_at = now()
    returning id, registration_no, (xmax = 0) as inserted`);
  return written;
}

export interface StatusEventValues {
  organizationId: number;
  status: Status;
  effectiveOn: string;
  note: string | null;
}

export async function insertStatusEvents(tx: Executor, events: StatusEventValues[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`
    insert into organization_status_events (organization_id, status, effective_on, note)
    select * from ${unnest([
      [events.map((e) => e.organizationId), 'int'],
      [events.map((e) => e.status), 'text'],
      [events.map((e) => e.effectiveOn), 'date'],
      [events.map((e) => e.note), 'text'],
    ])}`);
}

export interface ReportValues extends Omit<PeriodFigures, 'grade'> {
  organizationId: number;
}

/** The period's figures, entered by an officer (approved as they are): one report per organisation and period. */
export async function upsertReports(tx: Tx, period: string, reports: ReportValues[]): Promise<void> {
  if (reports.length === 0) return;
  const col = <K extends keyof ReportValues>(k: K) => reports.map((r) => r[k]);
  await tx.execute(sql`
    insert into organization_reports (organization_id, period, members, workers, charter_capital_vnd,
      revenue_vnd, profit_vnd, income_per_worker_month_vnd, status, source)
    select organization_id, ${period}, members, workers, charter_capital_vnd, revenue_vnd, profit_vnd,
      income_per_worker_month_vnd, 'approved', 'officer'
    from ${unnest([
      [col('organizationId'), 'int'],
      [col('members'), 'int'],
      [col('workers'), 'int'],
      [col('charterCapitalVnd'), 'bigint'],
      [col('revenueVnd'), 'bigint'],
      [col('profitVnd'), 'bigint'],
      [col('incomePerWorkerMonthVnd'), 'bigint'],
    ])} as t(organization_id, members, workers, charter_capital_vnd, revenue_vnd, profit_vnd,
      income_per_worker_month_vnd)
    on conflict (organization_id, period) do update set
      members = excluded.members, workers = excluded.workers,
      charter_capital_vnd = excluded.charter_capital_vnd, revenue_vnd = excluded.revenue_vnd,
      profit_vnd = excluded.profit_vnd, income_per_worker_month_vnd = excluded.income_per_worker_month_vnd,
      status = 'approved', source = 'officer', version = organization_reports.version + 1, updated_at = now()`);
}

/**
 * The period's grades from a file (source 'import'): a grade replaces what is there; an empty
 * cell removes an imported grade, never a scored one.
 */
export async function writeImportedGrades(
  tx: Tx,
  period: string,
  grades: { organizationId: number; grade: Grade | null }[],
): Promise<void> {
  const set = grades.filter((g) => g.grade !== null);
  const cleared = grades.filter((g) => g.grade === null).map((g) => g.organizationId);
  if (set.length > 0) {
    await tx.execute(sql`
      insert into organization_grades (organization_id, period, grade, source)
      select organization_id, ${period}, grade, 'import'
      from ${unnest([
        [set.map((g) => g.organizationId), 'int'],
        [set.map((g) => g.grade), 'text'],
      ])} as t(organization_id, grade)
      on conflict (organization_id, period) do update set
        grade = excluded.grade, source = 'import', scheme = null, scores = null, total = null,
        version = organization_grades.version + 1, graded_by = null, graded_at = now()
      where organization_grades.grade is distinct from excluded.grade or organization_grades.source <> 'import'`);
  }
  if (cleared.length > 0) {
    await tx.execute(sql`
      delete from organization_grades
      where period = ${period} and source = 'import' and organization_id = any(${sql.param(cleared)}::int[])`);
  }
}

/**
 * Drops the secondary indexes of `organizations` (all but the primary key and the unique
 * registration number) inside the import's transaction; answers their definitions, to build
 * them again before it commits. Building an index once over every row is several times faster
 * than maintaining it row by row (bench/RESULTS.md, "Import"); a rollback brings them back as
 * they were. Readers of the registry wait for the transaction meanwhile.
 */
export async function dropSecondaryIndexes(tx: Tx): Promise<string[]> {
  const { rows } = await tx.execute<{ name: string; definition: string }>(sql`
    select c.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class c on c.oid = x.indexrelid
    where x.indrelid = 'organizations'::regclass and not x.indisunique and not x.indisprimary
    order by c.relname`);
  for (const r of rows) await tx.execute(sql`drop index ${sql.identifier(r.name)}`);
  return rows.map((r) => r.definition);
}

export async function buildIndexes(tx: Tx, definitions: string[]): Promise<void> {
  for (const definition of definitions) await tx.execute(sql.raw(definition));
}

export async function countOrganizations(tx: Tx): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from organizations`);
  return rows[0]!.n;
}
