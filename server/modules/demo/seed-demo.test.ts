import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import type { Db } from '../../db/pool.ts';
import type { OrganizationList } from '../../../shared/contracts/organizations.ts';
import { asciiFold } from './names.ts';
import { DEMO_PROVINCES, demoOrganizations, seedDemo } from './seed-demo.ts';

// The test database is shared with other files: everything here looks only at the demo's own
// registration numbers, and seeding twice is harmless by design.
let app: Agent;
let db: Db;
let numbers: string[];

beforeAll(async () => {
  ({ admin: app, db } = await testApp());
  numbers = (await demoOrganizations(db)).map((o) => o.registrationNo);
  await seedDemo(db);
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await db.execute<T>(query)).rows;
const demo = () => sql`(select id from organizations where registration_no = any(${sql.param(numbers)}::text[]))`;

/** A digest of every demo row: organisations, status events and reports. */
async function fingerprint() {
  const [row] = await rows<{ orgs: string; events: string; reports: string }>(sql`
    select
      (select md5(string_agg(row_to_json(o)::text, '|' order by o.id)) from organizations o where o.id in ${demo()}) as orgs,
      (select md5(string_agg(row_to_json(e)::text, '|' order by e.id)) from organization_status_events e where e.organization_id in ${demo()}) as events,
      (select md5(string_agg(row_to_json(r)::text, '|' order by r.id)) from organization_reports r where r.organization_id in ${demo()}) as reports`);
  return row!;
}

describe('demo data set', () => {
  it('is deterministic and has a few hundred organisations with unique 10-digit numbers', async () => {
    const again = await demoOrganizations(db);
    expect(again.map((o) => o.registrationNo)).toEqual(numbers);
    expect(numbers.length).toBeGreaterThanOrEqual(300);
    expect(numbers.length).toBeLessThanOrEqual(400);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const no of numbers) expect(no).toMatch(/^\d{10}$/);
  });

  it('loads every kind in every demo province, each in a commune of its province', async () => {
    const counts = await rows<{ province_code: string; kind: string; n: number }>(sql`
      select province_code, kind, count(*)::int as n from organizations where id in ${demo()} group by 1, 2`);
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(numbers.length);
    for (const { code } of DEMO_PROVINCES) {
      for (const kind of ['HTX', 'THT', 'LHHTX']) {
        expect(
          counts.find((c) => c.province_code === code && c.kind === kind)?.n ?? 0,
          `${code} ${kind}`,
        ).toBeGreaterThan(0);
      }
    }
    const misplaced = await rows(sql`
      select o.registration_no from organizations o
      left join admin_units c on c.map = 'current' and c.code = o.commune_code and c.level = 'commune'
      where o.id in ${demo()} and (c.code is null or c.province_code <> o.province_code)`);
    expect(misplaced).toEqual([]);
  });

  it('has figures for several periods within the rules, and dated status history', async () => {
    const periods = await rows<{ period: string; n: number; graded: number }>(sql`
      select r.period, count(*)::int as n, count(g.grade)::int as graded from organization_reports r
      left join organization_grades g on g.organization_id = r.organization_id and g.period = r.period
      where r.organization_id in ${demo()} group by 1 order by 1`);
    expect(periods.map((p) => p.period)).toEqual(['2023', '2024', '2025', '2025-H1']);
    for (const p of periods) expect(p.n).toBeGreaterThan(200);
    expect(periods.find((p) => p.period === '2024')!.graded).toBeGreaterThan(100);

    const [check] = await rows<{ bad_members: number; bad_income: number; negative: number; grades: number }>(sql`
      select
        count(*) filter (where (o.kind = 'HTX' and r.members < 5) or (o.kind = 'THT' and r.members < 2))::int as bad_members,
        count(*) filter (where r.income_per_worker_month_vnd not between 3000000 and 9000000)::int as bad_income,
        count(*) filter (where r.profit_vnd < 0)::int as negative,
        count(distinct g.grade)::int as grades
      from organization_reports r join organizations o on o.id = r.organization_id
      left join organization_grades g on g.organization_id = r.organization_id and g.period = r.period
      where o.id in ${demo()}`);
    expect(check).toMatchObject({ bad_members: 0, bad_income: 0, grades: 4 });
    expect(check!.negative).toBeGreaterThan(0);

    const [history] = await rows<{ ended: number; mismatched: number }>(sql`
      select
        count(*) filter (where o.status in ('dissolved', 'suspended') and e.n >= 2)::int as ended,
        count(*) filter (where o.status_since is distinct from e.last_on)::int as mismatched
      from organizations o
      join (select organization_id, count(*) as n, max(effective_on) as last_on
            from organization_status_events group by 1) e on e.organization_id = o.id
      where o.id in ${demo()}`);
    expect(history!.ended).toBeGreaterThan(5);
    expect(history!.mismatched).toBe(0);
  });

  it('changes nothing when run again, and does nothing with onlyIfEmpty on a filled database', async () => {
    const before = await fingerprint();
    expect(await seedDemo(db)).toEqual({ organizations: 0 });
    expect(await seedDemo(db, { onlyIfEmpty: true })).toEqual({ organizations: 0 });
    expect(await fingerprint()).toEqual(before);
  });

  it('shows through the list API, filtered by province and kind, and found without diacritics', async () => {
    const res = await app.inject({ url: '/api/v1/organizations?area=04&kind=HTX&pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<OrganizationList>();
    const shown = list.items.filter((o) => numbers.includes(o.registrationNo));
    expect(shown.length).toBe(DEMO_PROVINCES.find((p) => p.code === '04')!.counts.HTX);
    for (const o of list.items)
      expect(o).toMatchObject({ kind: 'HTX', provinceCode: '04', provinceName: 'Tỉnh Cao Bằng' });

    const one = shown[0]!;
    const q = `${asciiFold(one.name).toLowerCase()} ${one.registrationNo}`;
    const found = (
      await app.inject({ url: `/api/v1/organizations?q=${encodeURIComponent(q)}` })
    ).json<OrganizationList>();
    expect(found.items.map((o) => o.id)).toEqual([one.id]);
  });
});
