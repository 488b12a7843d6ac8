// Bulk insert of generated organisations: one statement per chunk, each column sent as one
// array parameter and spread by unnest (a multi-row INSERT without thousands of parameters).
// An organisation whose registration number exists already is left as it is, with its
// history and reports. Rows go in complete, with their place on the pre-2025 map derived as
// an import derives it: updating 115,000 rows afterwards costs as much as inserting them.
import { sql } from 'drizzle-orm';
import { insertStatusEvents, unnest, type Executor } from '../imports/import-queries.ts';
import { deriveOtherMap, loadUnitIndex } from '../imports/unit-index.ts';
import type { GeneratedOrganization } from './generate.ts';

const ORG_CHUNK = 2_000;
const ROW_CHUNK = 10_000;

async function inChunks<T>(rows: T[], size: number, run: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

/** Inserts the organisations that do not exist yet; returns the ids of those inserted. */
export async function insertOrganizations(db: Executor, orgs: GeneratedOrganization[]): Promise<number[]> {
  const inserted: { id: number; org: GeneratedOrganization }[] = [];
  const units = await loadUnitIndex(db);
  await inChunks(orgs, ORG_CHUNK, async (chunk) => {
    const col = <K extends keyof GeneratedOrganization>(k: K) => chunk.map((o) => o[k]);
    const old = chunk.map((o) =>
      deriveOtherMap(units, {
        recordedMap: 'current',
        provinceCode: o.provinceCode,
        communeCode: o.communeCode,
        oldProvinceCode: null,
        oldDistrictCode: null,
        oldCommuneCode: null,
      }),
    );
    const result = await db.execute<{ id: number; registration_no: string }>(sql`
      insert into organizations (registration_no, name, kind, sector, status, status_since, founded_on,
        province_code, commune_code, old_province_code, old_district_code, old_commune_code,
        address, representative, phone, email)
      select * from ${unnest([
        [col('registrationNo'), 'text'],
        [col('name'), 'text'],
        [col('kind'), 'text'],
        [col('sector'), 'text'],
        [col('status'), 'text'],
        [col('statusSince'), 'date'],
        [col('foundedOn'), 'date'],
        [col('provinceCode'), 'text'],
        [col('communeCode'), 'text'],
        [old.map((p) => p.oldProvinceCode), 'text'],
        [old.map((p) => p.oldDistrictCode), 'text'],
        [old.map((p) => p.oldCommuneCode), 'text'],
        [col('address'), 'text'],
        [col('representative'), 'text'],
        [col('phone'), 'text'],
        [col('email'), 'text'],
      ])}
      on conflict (registration_no) do nothing
      returning id, registration_no`);
    const byNo = new Map(chunk.map((o) => [o.registrationNo, o]));
    for (const row of result.rows) inserted.push({ id: row.id, org: byNo.get(row.registration_no)! });
  });

  const events = inserted.flatMap(({ id, org }) => org.events.map((e) => ({ organizationId: id, ...e })));
  await inChunks(events, ROW_CHUNK, (chunk) => insertStatusEvents(db, chunk));

  const reports = inserted.flatMap(({ id, org }) => org.reports.map((r) => ({ id, ...r })));
  await inChunks(reports, ROW_CHUNK, async (chunk) => {
    const col = <K extends keyof (typeof chunk)[number]>(k: K) => chunk.map((r) => r[k]);
    await db.execute(sql`
      insert into organization_reports (organization_id, period, members, workers, charter_capital_vnd,
        revenue_vnd, profit_vnd, income_per_worker_month_vnd, status, source)
      select * from ${unnest([
        [col('id'), 'int'],
        [col('period'), 'text'],
        [col('members'), 'int'],
        [col('workers'), 'int'],
        [col('charterCapitalVnd'), 'bigint'],
        [col('revenueVnd'), 'bigint'],
        [col('profitVnd'), 'bigint'],
        [col('incomePerWorkerMonthVnd'), 'bigint'],
        [col('status'), 'text'],
        [col('source'), 'text'],
      ])}
      on conflict (organization_id, period) do nothing`);
  });

  const grades = reports.filter((r) => r.grade !== null);
  await inChunks(grades, ROW_CHUNK, async (chunk) => {
    await db.execute(sql`
      insert into organization_grades (organization_id, period, grade, source)
      select t.*, 'import' from ${unnest([
        [chunk.map((r) => r.id), 'int'],
        [chunk.map((r) => r.period), 'text'],
        [chunk.map((r) => r.grade), 'text'],
      ])} as t
      on conflict (organization_id, period) do nothing`);
  });
  return inserted.map((i) => i.id);
}
