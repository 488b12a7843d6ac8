// The statistics summary (migration 0004, ADR 0007) stays equal to its definition whatever is
// written, by whom and how: through the API, in bulk, concurrently, rolled back. The checks are
// global (every organisation of the shared test database) and hold at any committed state.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Readable } from 'node:stream';
import { buildOrganization, unique } from '../../../test/factories.ts';
import { csv, goodRow } from '../../../test/import-files.ts';
import { importOrganizations } from '../imports/import-organizations.ts';
import { testApp, type Agent } from '../../../test/app.ts';
import type { Db } from '../../db/pool.ts';
import { insertOrganizations, rolledBack } from './stats.fixtures.ts';
import { computeStats } from './stats.service.ts';
import { maintainStats } from './maintenance.ts';
import { buildPeriod } from './stats.queries.ts';
import { COMMAND_LINE } from '../auth/caller.ts';

let app: Agent;
let db: Db;
const clients: pg.Client[] = [];
beforeAll(async () => {
  ({ admin: app, db } = await testApp());
  for (const period of ['2024', '2025-H1']) await computeStats(db, { area: 'VN', period });
});
afterAll(() => Promise.all(clients.map((c) => c.end())));

/**
 * Rows that differ between the stored facts and the view that defines them, and between the
 * cells (summed per cell) and the facts (counted in the country and their province on both
 * maps). Both must be empty.
 */
async function mismatches(ex: Pick<Db, 'execute'> = db) {
  const { rows } = await ex.execute<{ facts: number; cells: number }>(sql`
    with cells as (
      select period, map, code, kind, sector, status, grade, report_status, late, sum(organizations) as n,
        sum(members) as members, sum(members_reported) as members_r, sum(workers) as workers,
        sum(workers_reported) as workers_r, sum(charter_capital_vnd) as capital,
        sum(charter_capital_reported) as capital_r, sum(revenue_vnd) as revenue,
        sum(revenue_reported) as revenue_r, sum(profit_vnd) as profit, sum(profit_reported) as profit_r,
        sum(income_vnd) as income, sum(income_reported) as income_r, sum(income_weighted) as weighted,
        sum(income_workers) as weights
      from stats_cells
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      having sum(organizations) <> 0 or sum(members) <> 0 or sum(members_reported) <> 0 or sum(workers) <> 0
        or sum(charter_capital_vnd) <> 0 or sum(revenue_vnd) <> 0 or sum(profit_vnd) <> 0 or sum(income_vnd) <> 0
        or sum(income_weighted) <> 0 or sum(income_workers) <> 0
    ),
    expected as (
      select f.period, a.map, a.code, kind, sector, status, grade, report_status, late, count(*) as n,
        coalesce(sum(members), 0) as members, count(members) as members_r, coalesce(sum(workers), 0) as workers,
        count(workers) as workers_r, coalesce(sum(charter_capital_vnd), 0) as capital,
        count(charter_capital_vnd) as capital_r, coalesce(sum(revenue_vnd), 0) as revenue,
        count(revenue_vnd) as revenue_r, coalesce(sum(profit_vnd), 0) as profit, count(profit_vnd) as profit_r,
        coalesce(sum(income_vnd), 0) as income, count(income_vnd) as income_r,
        coalesce(sum(income_vnd::numeric * income_workers), 0) as weighted, coalesce(sum(income_workers), 0) as weights
      from stats_facts f
      cross join lateral (values ('current', 'VN'), ('current', province_code), ('pre-2025', old_province_code)) a (map, code)
      where a.code is not null
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    )
    select
      (select count(*) from ((table stats_facts except all select * from stats_facts_now)
        union all (select * from stats_facts_now except all table stats_facts)) d)::int as facts,
      (select count(*) from ((select * from cells except all select * from expected)
        union all (select * from expected except all select * from cells)) d)::int as cells`);
  return rows[0];
}

async function client() {
  const c = new pg.Client({ connectionString: inject('databaseUrl') });
  await c.connect();
  clients.push(c);
  return c;
}

describe('the statistics summary', () => {
  it('starts tracking a period on its first read, once', async () => {
    expect(await buildPeriod(db, '2024', '2024-12-31')).toBe(false);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
  });

  it('follows every kind of write to organisations, status history and reports', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '04', communeCode: '01558', foundedOn: '2020-01-01' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });

    // figures, then corrected figures and a grade, then gone
    await db.execute(sql`insert into organization_reports (organization_id, period, members, workers,
      income_per_worker_month_vnd) values (${id}, '2024', 9, 3, 4000000)`);
    await db.execute(sql`insert into organization_grades (organization_id, period, grade, source)
      values (${id}, '2024', 'fair', 'import')`);
    await db.execute(sql`update organization_reports set members = 12, revenue_vnd = 5000000000, status = 'draft'
      where organization_id = ${id} and period = '2024'`);
    await db.execute(
      sql`update organization_grades set grade = 'good' where organization_id = ${id} and period = '2024'`,
    );
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    await db.execute(sql`update organization_reports set status = 'approved', submitted_at = now()
      where organization_id = ${id} and period = '2024'`);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });

    // suspended in 2025 through the API: counted as active in 2024, suspended in 2025-H1
    const v = (await app.inject({ url: `/api/v1/organizations/${id}` })).json<{ version: number }>().version;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${id}`,
      payload: { version: v, status: 'suspended', statusSince: '2025-03-01', communeCode: '01561' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    const half = await computeStats(db, { area: '01561', period: '2025-H1' });
    expect(half.organizations.byStatus.suspended).toBeGreaterThanOrEqual(1);

    // founded earlier than recorded: the founding event moves (migration 0016), the summary with it
    const recorded = await computeStats(db, { area: '01561', period: '2019' });
    await db.execute(sql`update organizations set founded_on = '2018-05-01' where id = ${id}`);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    const founded = await computeStats(db, { area: '01561', period: '2019' });
    expect(founded.organizations.total - recorded.organizations.total).toBe(1);

    await db.execute(sql`delete from organization_reports where organization_id = ${id}`);
    await db.execute(sql`delete from organization_grades where organization_id = ${id}`);
    await db.execute(
      sql`delete from organization_status_events where organization_id = ${id} and status = 'suspended'`,
    );
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    await db.execute(sql`delete from organizations where id = ${id}`);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
  });

  it('follows a batch, and forgets what was rolled back', async () => {
    const before = await computeStats(db, { area: '04', period: '2024' });
    const inside = await rolledBack(db, async (tx) => {
      await insertOrganizations(
        tx,
        Array.from({ length: 30 }, (_, i) => ({
          at: { province: '04', commune: '01558' },
          kind: i % 3 === 0 ? ('THT' as const) : ('HTX' as const),
          reports: { '2024': { members: i, grade: i % 2 ? ('weak' as const) : null } },
        })),
      );
      expect(await mismatches(tx)).toEqual({ facts: 0, cells: 0 });
      return computeStats(tx, { area: '04', period: '2024' });
    });
    expect(inside.organizations.total).toBe(before.organizations.total + 30);
    expect((await computeStats(db, { area: '04', period: '2024' })).organizations.total).toBe(
      before.organizations.total,
    );
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
  });

  it('follows an import once, at its end, and a re-import that changes figures', async () => {
    const prefix = `SI${unique()}`;
    const rows = (members: number) =>
      Array.from({ length: 40 }, (_, i) =>
        goodRow(`${prefix}${i}`, { 'Số thành viên': String(members + i), 'Xếp loại': i % 2 ? 'Tốt' : 'Yếu' }),
      );
    const run = (members: number) =>
      importOrganizations(db, {
        caller: COMMAND_LINE,
        fileName: 'summary.csv',
        format: 'csv',
        source: Readable.from([csv(rows(members))]),
        period: '2024',
        map: 'current',
        dryRun: false,
        batchSize: 15,
      });
    expect(await run(10)).toMatchObject({ created: 40, errorCount: 0, committed: true });
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    expect(await run(20)).toMatchObject({ updated: 40, committed: true });
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
  });

  // PGlite runs one transaction at a time: two can only overlap on a server
  it.runIf(process.env.DATABASE_URL)('stays right when two transactions change one organisation at once', async () => {
    const [id] = await insertOrganizations(db, [
      { at: { province: '04', commune: '01558' }, reports: { '2024': { members: 1 } } },
    ]);
    const [a, b] = [await client(), await client()];
    await a.query('begin');
    await b.query('begin');
    await a.query(`update organization_reports set members = 50 where organization_id = $1`, [id]);
    await a.query(
      `insert into organization_grades (organization_id, period, grade, source) values ($1, '2024', 'good', 'import')`,
      [id],
    );
    // b waits for a's refresh lock, then refreshes with a's committed report and its own changes
    const late = (async () => {
      await b.query(
        `insert into organization_status_events (organization_id, status, effective_on) values ($1, 'suspended', '2024-06-01')`,
        [id],
      );
      await b.query(`update organizations set status = 'suspended', status_since = '2024-06-01' where id = $1`, [id]);
    })();
    await new Promise((r) => setTimeout(r, 200));
    await a.query('commit');
    await late;
    await b.query('commit');
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
    const { rows } = await db.execute<{ status: string; grade: string; members: number }>(
      sql`select status, grade, members from stats_facts where organization_id = ${id!} and period = '2024'`,
    );
    expect(rows).toEqual([{ status: 'suspended', grade: 'good', members: 50 }]);
  });

  it('forgets its periods when a table it reads is emptied with TRUNCATE, which fires no row trigger', async () => {
    const [graded, after] = await rolledBack(db, async (tx) => {
      await insertOrganizations(tx, [
        { at: { province: '04', commune: '01558' }, reports: { '2024': { grade: 'good' } } },
      ]);
      const graded = (await computeStats(tx, { area: '01558', period: '2024' })).organizations.byGrade.good;
      await tx.execute(sql`truncate organization_grades`);
      expect(await mismatches(tx)).toEqual({ facts: 0, cells: 0 });
      const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from stats_periods`);
      expect(rows[0]!.n).toBe(0);
      return [graded, (await computeStats(tx, { area: '01558', period: '2024' })).organizations.byGrade.good];
    });
    expect(graded).toBeGreaterThanOrEqual(1);
    expect(after).toBe(0);
  });

  it('merges pending changes without changing a figure', async () => {
    const before = await computeStats(db, { area: 'VN', period: '2024' });
    expect(await maintainStats(db, { vacuum: !process.env.DATABASE_URL })).toBeGreaterThan(0);
    expect(await computeStats(db, { area: 'VN', period: '2024' })).toEqual(before);
    expect(await mismatches()).toEqual({ facts: 0, cells: 0 });
  });

  it('keeps a bounded number of periods, dropping the least recently built', async () => {
    const kept = await rolledBack(db, async (tx) => {
      await tx.execute(sql`select stats_build_period('2096', '2096-12-31', 2)`);
      const { rows } = await tx.execute<{ period: string }>(sql`select period from stats_periods order by period`);
      return rows.map((r) => r.period);
    });
    expect(kept).toHaveLength(2);
    expect(kept).toContain('2096');
  });
});
