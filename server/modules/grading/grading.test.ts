// Grading by Circular 01/2020's 15 criteria: hand-computed totals, the cut-offs at their exact
// boundaries, the organisations that cannot be graded, roles, and the statistics that follow.
// Units of Phú Thọ (25), which no other test file uses.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grade, GradingScheme } from '../../../shared/contracts/grading.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization } from '../../../test/factories.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import { whyNotGraded } from './grading.service.ts';

let app: App;
let db: Db;
let admin: Agent;
let scheme: GradingScheme;
let commune = '';

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  scheme = (await admin.inject('/api/v1/grading-schemes')).json<GradingScheme[]>()[0]!;
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = '25' and level = 'commune' order by code desc limit 1`,
  );
  commune = rows[0]!.code;
});

async function newOrg(over: Record<string, unknown> = {}) {
  const res = await admin.inject({
    method: 'POST',
    url: '/api/v1/organizations',
    payload: buildOrganization({ provinceCode: '25', communeCode: commune, foundedOn: '2018-03-01', ...over }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

/** Scores that add up to `total`: every criterion full, then points taken off the last ones. */
function scoresFor(total: number): Record<string, number> {
  const scores = Object.fromEntries(scheme.criteria.map((c) => [c.code, c.maxPoints]));
  let off = Math.round((100 - total) * 10);
  for (const c of [...scheme.criteria].reverse()) {
    const take = Math.min(off, c.maxPoints * 10);
    scores[c.code] = (c.maxPoints * 10 - take) / 10;
    off -= take;
  }
  return scores;
}

const put = (agent: Agent, id: number, year: string, body: Record<string, unknown>) =>
  agent.inject({ method: 'PUT', url: `/api/v1/organizations/${id}/grades/${year}`, payload: body });

describe('the scheme', () => {
  it('is Circular 01/2020: 15 criteria in three groups, 100 points, cut-offs 80 / 65 / 50', () => {
    expect(scheme.code).toBe('TT01-2020');
    expect(scheme.criteria).toHaveLength(15);
    expect(scheme.criteria.reduce((n, c) => n + c.maxPoints, 0)).toBe(100);
    const group = (g: string) => scheme.criteria.filter((c) => c.group === g).reduce((n, c) => n + c.maxPoints, 0);
    expect([group('I'), group('II'), group('III')]).toEqual([30, 30, 40]);
    expect(scheme.cutoffs).toEqual({ good: 80, fair: 65, average: 50 });
    expect(scheme.minMonths).toBe(12);
  });
});

describe('scoring', () => {
  it('computes the total and the grade at the exact boundaries', async () => {
    const cases: [number, string][] = [
      [100, 'good'],
      [80, 'good'],
      [79.9, 'fair'],
      [65, 'fair'],
      [64.9, 'average'],
      [50, 'average'],
      [49.9, 'weak'],
      [0, 'weak'],
    ];
    for (const [total, grade] of cases) {
      const id = await newOrg();
      const res = await put(admin, id, '2030', { scheme: 'TT01-2020', scores: scoresFor(total) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Grade>()).toMatchObject({ total, grade, source: 'scored', year: '2030', version: 1 });
    }
  });

  it('adds a hand-computed sheet', async () => {
    const id = await newOrg();
    // group I: 5 + 4.5 + 8 + 6; group II: 7 + 6 + 4 + 5.5 + 2; group III: 6 + 7 + 5 + 4 + 3.5 + 1
    const sheet = [5, 4.5, 8, 6, 7, 6, 4, 5.5, 2, 6, 7, 5, 4, 3.5, 1];
    const scores = Object.fromEntries(scheme.criteria.map((c, i) => [c.code, sheet[i]!]));
    const res = await put(admin, id, '2030', { scheme: 'TT01-2020', scores });
    expect(res.json<Grade>()).toMatchObject({ total: 74.5, grade: 'fair' });
    const stats = (await admin.inject(`/api/v1/stats?area=${commune}&period=2030`)).json<Stats>();
    expect(stats.organizations.byGrade.fair).toBeGreaterThanOrEqual(1);
  });

  it('names each bad score, and refuses an unknown scheme', async () => {
    const id = await newOrg();
    const scores = { ...scoresFor(90), 'I.1': 8, 'III.6': 0.25 };
    delete (scores as Record<string, number>)['II.2'];
    const res = await put(admin, id, '2030', { scheme: 'TT01-2020', scores });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['scores.I.1', 'scores.II.2', 'scores.III.6']);
    const unknown = await put(admin, id, '2030', { scheme: 'TT99', scores: scoresFor(90) });
    expect(unknown.json().errors[0].field).toBe('scheme');
    expect((await admin.inject(`/api/v1/organizations/${id}/grades/2030`)).statusCode).toBe(404);
  });

  it('grades again with the version read, else 409', async () => {
    const id = await newOrg();
    const first = (await put(admin, id, '2030', { scheme: 'TT01-2020', scores: scoresFor(70) })).json<Grade>();
    expect((await put(admin, id, '2030', { scheme: 'TT01-2020', scores: scoresFor(85) })).statusCode).toBe(409);
    const again = await put(admin, id, '2030', { scheme: 'TT01-2020', scores: scoresFor(85), version: first.version });
    expect(again.json<Grade>()).toMatchObject({ grade: 'good', version: 2 });
  });
});

describe('who is not graded', () => {
  it('an organisation operating for less than 12 months at the year’s end', async () => {
    const id = await newOrg({ foundedOn: '2026-01-02' });
    const res = await put(admin, id, '2026', { scheme: 'TT01-2020', scores: scoresFor(90) });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('chưa đủ 12 tháng');
    expect(whyNotGraded('2030-01-01', '2030', scheme, [])).toBeNull(); // exactly 12 months
    expect(whyNotGraded('2030-01-02', '2030', scheme, [])).not.toBeNull();
  });

  it('an organisation suspended for more than three months of the year', () => {
    const events = (suspendedOn: string, resumedOn: string) => [
      { status: 'active' as const, on: '2018-01-01' },
      { status: 'suspended' as const, on: suspendedOn },
      { status: 'active' as const, on: resumedOn },
    ];
    expect(whyNotGraded('2018-01-01', '2030', scheme, events('2030-03-01', '2030-05-30'))).toBeNull(); // 90 days
    expect(whyNotGraded('2018-01-01', '2030', scheme, events('2030-03-01', '2030-05-31'))?.en).toMatch(/91 days/);
    expect(whyNotGraded('2018-01-01', '2030', scheme, events('2029-10-01', '2030-02-01'))).toBeNull(); // 31 days in 2030
    const still = [...events('2030-11-01', '2031-01-01')].slice(0, 2);
    expect(whyNotGraded('2018-01-01', '2030', scheme, still)).toBeNull(); // 61 days to the year's end
  });
});

describe('who grades', () => {
  it('the cooperative itself and the officers of its area; nobody else', async () => {
    const id = await newOrg();
    const coop = await signIn(app, db, { role: 'cooperative', organizationId: id });
    const viewer = await signIn(app, db, { role: 'viewer', areaCode: '25' });
    const away = await signIn(app, db, { role: 'province_staff', areaCode: '04' });
    const body = { scheme: 'TT01-2020', scores: scoresFor(66) };
    expect((await put(viewer, id, '2030', body)).statusCode).toBe(403);
    expect((await put(away, id, '2030', body)).statusCode).toBe(404);
    expect((await put(coop, id, '2030', body)).json<Grade>()).toMatchObject({ grade: 'fair' });
    const other = await newOrg();
    expect((await put(coop, other, '2030', body)).statusCode).toBe(404);
  });
});
