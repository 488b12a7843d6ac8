// Every route of the API × every role (and no session): allowed, 401, 403 — generated from the
// route table, so a route added without a sample here fails. Then the records outside a role's
// scope: 404 to read, 403 to change what it may see but not change. The units are those of
// Hà Tĩnh (42) and Quảng Trị (44), which no other test file uses.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/contracts/auth.ts';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import { signIn, testApp, TEST_PASSWORD, type Agent } from '../../../test/app.ts';
import { buildOrganization, unique } from '../../../test/factories.ts';
import { csv, goodRow, multipart } from '../../../test/import-files.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import ExcelJS from '../../lib/exceljs.ts';
import { GRANTS } from './permissions.ts';

type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', ...ROLES];

let app: App;
let db: Db;
const agents = {} as Record<Role, Agent>;
/** communes of the home province (42) and of another one (44) */
const at = { home: '', neighbour: '', away: '' };
/** organisations: in the officer's commune, elsewhere in the province, in another province */
const org = { home: 0, neighbour: 0, away: 0 };

async function communesOf(province: string): Promise<string[]> {
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = ${province} and level = 'commune' order by code limit 2`,
  );
  return rows.map((r) => r.code);
}

async function createOrg(provinceCode: string, communeCode: string): Promise<number> {
  const res = await agents.admin.inject({
    method: 'POST',
    url: '/api/v1/organizations',
    payload: buildOrganization({ provinceCode, communeCode }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

beforeAll(async () => {
  let admin: Agent;
  ({ app, db, admin } = await testApp());
  agents.admin = admin;
  scheme = (await admin.inject('/api/v1/grading-schemes')).json()[0];
  [at.home = '', at.neighbour = ''] = await communesOf('42');
  [at.away = ''] = await communesOf('44');
  org.home = await createOrg('42', at.home);
  org.neighbour = await createOrg('42', at.neighbour);
  org.away = await createOrg('44', at.away);
  for (const role of ROLES) if (role !== 'admin') agents[role] = await signIn(app, db, { role, ...scopeOf(role) });
  // the far-off years these tests report on are open now (reports are saved from a period's opening)
  await db.execute(sql`insert into reporting_periods (period, opens_on, due_on)
    select y::text, '2026-01-01', make_date(y, 12, 15) from unnest(array[2030] || array(select generate_series(2040, 2099))) y
    on conflict do nothing`);
  // a report and a grade of the home organisation, for the routes that read them
  expect((await agents.admin.inject({ method: 'PUT', url: reportUrl(2030), payload: FIGURES })).statusCode).toBe(200);
  const graded = await agents.admin.inject({
    method: 'PUT',
    url: `/api/v1/organizations/${org.home}/grades/2030`,
    payload: SCORES(),
  });
  expect(graded.statusCode, graded.body).toBe(200);
});

/** Sends as `who`: a signed-in role's agent, or no session at all. */
const send = (who: Who, opts: InjectOptions) => (who === 'anonymous' ? app.inject(opts) : agents[who].inject(opts));

/** Where each role works in these tests. */
const scopeOf = (who: Role) =>
  ({
    admin: {},
    province_staff: { areaCode: '42' },
    commune_officer: { areaCode: at.home },
    cooperative: { organizationId: org.home },
    viewer: { areaCode: '42' },
  })[who];

/** A fresh session of the role (for calls that end or change it), or none. */
const fresh = async (who: Who): Promise<Agent | null> =>
  who === 'anonymous' ? null : signIn(app, db, { role: who, ...scopeOf(who) });
const sendFresh = async (who: Who, opts: InjectOptions) => {
  const agent = await fresh(who);
  return agent ? agent.inject(opts) : app.inject(opts);
};

const versionOf = async (url: string) => (await agents.admin.inject(url)).json<{ version: number }>().version;

const reportUrl = (year: number) => `/api/v1/organizations/${org.home}/reports/${year}`;
const FIGURES = { members: 10, workers: 4, revenueVnd: 1_000_000_000, profitVnd: 50_000_000 };
let scheme: { criteria: { code: string; maxPoints: number }[] } | undefined;
const SCORES = () => ({
  scheme: 'TT01-2020',
  scores: Object.fromEntries((scheme?.criteria ?? []).map((c) => [c.code, c.maxPoints])),
});
/** a report of its own year for each call, taken by the administrator as far as `status` */
let year = 2040;
async function reportAt(status: 'draft' | 'submitted'): Promise<number> {
  const y = year++;
  await agents.admin.inject({ method: 'PUT', url: reportUrl(y), payload: FIGURES });
  if (status === 'submitted') await agents.admin.inject({ method: 'POST', url: `${reportUrl(y)}/submit`, payload: {} });
  return y;
}

const REVIEW = () => ({
  kind: 'visit',
  title: 'Kiểm tra định kỳ',
  heldOn: '2030-05-04',
  areaCode: at.home,
  delegation: 'Cán bộ xã',
  findings: [{ organizationId: org.home, difficulties: ['capital'] }],
});
/** a field review of the home commune, logged by the administrator */
async function fieldReview(): Promise<number> {
  const res = await agents.admin.inject({ method: 'POST', url: '/api/v1/field-reviews', payload: REVIEW() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

async function jobOf(who: Who): Promise<string> {
  if (who === 'anonymous' || !GRANTS[who].includes('imports.run' as never)) return crypto.randomUUID();
  const res = await agents[who].inject({
    method: 'POST',
    url: '/api/v1/imports/organizations',
    ...multipart(
      { period: '2024', dryRun: 'true' },
      { name: 'm.csv', data: csv([goodRow(`M${unique()}`, { 'Mã tỉnh': '42', 'Mã xã': at.home })]) },
    ),
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json<ImportJob>().id;
  for (let i = 0; i < 200; i++) {
    const job = (await agents[who].inject(`/api/v1/imports/${id}`)).json<ImportJob>();
    if (job.status === 'succeeded' || job.status === 'failed') return id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import job did not finish');
}

/**
 * One request per route, made so that it succeeds (with `ok`) for every role that holds the
 * route's permission, on a record in that role's scope.
 */
const SAMPLES: Record<string, { ok: number; call: (who: Who) => Promise<LightMyRequestResponse> }> = {
  'POST /api/v1/auth/login': {
    ok: 401, // public: a wrong password is refused the same for everyone
    call: (who) =>
      send(who, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `ai-do-${unique()}@test.hoptac`, password: 'sai' },
        remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      }),
  },
  'GET /api/v1/auth/me': { ok: 200, call: (who) => send(who, { url: '/api/v1/auth/me' }) },
  'POST /api/v1/auth/logout': {
    ok: 204,
    call: (who) => sendFresh(who, { method: 'POST', url: '/api/v1/auth/logout' }),
  },
  'POST /api/v1/auth/password': {
    ok: 204,
    call: (who) =>
      sendFresh(who, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: `mới-${unique()}` },
      }),
  },
  'GET /api/v1/users': { ok: 200, call: (who) => send(who, { url: '/api/v1/users' }) },
  'GET /api/v1/users/:id': { ok: 200, call: (who) => send(who, { url: `/api/v1/users/${agents.viewer.user.id}` }) },
  'POST /api/v1/users': {
    ok: 201,
    call: (who) =>
      send(who, {
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          email: `u-${unique()}@test.hoptac`,
          name: 'Cán bộ mới',
          role: 'viewer',
          password: 'mật khẩu dài đủ',
        },
      }),
  },
  'PATCH /api/v1/users/:id': {
    ok: 200,
    call: async (who) => {
      const id = agents.viewer.user.id;
      const version = await versionOf(`/api/v1/users/${id}`);
      return send(who, {
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        payload: { version, name: `Người xem ${unique()}` },
      });
    },
  },
  'GET /api/v1/audit': { ok: 200, call: (who) => send(who, { url: '/api/v1/audit?entity=organization' }) },
  'GET /api/v1/organizations/:id/history': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/organizations/${org.home}/history` }),
  },
  'GET /api/v1/admin-units': { ok: 200, call: (who) => send(who, { url: '/api/v1/admin-units?parent=42' }) },
  'GET /api/v1/admin-units/:map/:code': {
    ok: 200,
    call: (who) => send(who, { url: '/api/v1/admin-units/current/42' }),
  },
  'GET /api/v1/organizations': { ok: 200, call: (who) => send(who, { url: '/api/v1/organizations?area=42' }) },
  'GET /api/v1/organizations/export.xlsx': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/organizations/export.xlsx?area=${at.home}` }),
  },
  'GET /api/v1/organizations/:id': { ok: 200, call: (who) => send(who, { url: `/api/v1/organizations/${org.home}` }) },
  'POST /api/v1/organizations': {
    ok: 201,
    call: (who) =>
      send(who, {
        method: 'POST',
        url: '/api/v1/organizations',
        payload: buildOrganization({ provinceCode: '42', communeCode: at.home }),
      }),
  },
  'PATCH /api/v1/organizations/:id': {
    ok: 200,
    call: async (who) => {
      const version = await versionOf(`/api/v1/organizations/${org.home}`);
      return send(who, {
        method: 'PATCH',
        url: `/api/v1/organizations/${org.home}`,
        payload: { version, phone: `0${Math.floor(Math.random() * 1e9)}` },
      });
    },
  },
  'GET /api/v1/stats': { ok: 200, call: (who) => send(who, { url: `/api/v1/stats?area=${at.home}&period=2024` }) },
  'GET /api/v1/stats/narrative': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/stats/narrative?area=${at.home}&period=2024` }),
  },
  'GET /api/v1/stats/breakdown': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/stats/breakdown?area=${at.home}&period=2024` }),
  },
  'GET /api/v1/stats/export.xlsx': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/stats/export.xlsx?area=${at.home}&period=2024` }),
  },
  'POST /api/v1/imports/organizations': {
    ok: 202,
    call: (who) =>
      send(who, {
        method: 'POST',
        url: '/api/v1/imports/organizations',
        ...multipart(
          { period: '2024' },
          { name: 'a.csv', data: csv([goodRow(`A${unique()}`, { 'Mã tỉnh': '42', 'Mã xã': at.home })]) },
        ),
      }),
  },
  'GET /api/v1/imports/organizations/template.xlsx': {
    ok: 200,
    call: (who) => send(who, { url: '/api/v1/imports/organizations/template.xlsx' }),
  },
  'GET /api/v1/organizations/:id/reports/:period': { ok: 200, call: (who) => send(who, { url: reportUrl(2030) }) },
  'PUT /api/v1/organizations/:id/reports/:period': {
    ok: 200,
    call: async (who) =>
      send(who, {
        method: 'PUT',
        url: reportUrl(2030),
        payload: { ...FIGURES, version: await versionOf(reportUrl(2030)) },
      }),
  },
  'POST /api/v1/organizations/:id/reports/:period/submit': {
    ok: 200,
    call: async (who) =>
      send(who, { method: 'POST', url: `${reportUrl(await reportAt('draft'))}/submit`, payload: {} }),
  },
  'POST /api/v1/organizations/:id/reports/:period/approve': {
    ok: 200,
    call: async (who) =>
      send(who, { method: 'POST', url: `${reportUrl(await reportAt('submitted'))}/approve`, payload: {} }),
  },
  'POST /api/v1/organizations/:id/reports/:period/return': {
    ok: 200,
    call: async (who) =>
      send(who, {
        method: 'POST',
        url: `${reportUrl(await reportAt('submitted'))}/return`,
        payload: { reason: 'Thiếu số liệu doanh thu' },
      }),
  },
  'GET /api/v1/reports': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/reports?period=2030&area=${at.home}&status=draft` }),
  },
  'GET /api/v1/report-rules': { ok: 200, call: (who) => send(who, { url: '/api/v1/report-rules' }) },
  'GET /api/v1/completeness': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/completeness?period=2030&area=${at.home}` }),
  },
  'GET /api/v1/grading-schemes': { ok: 200, call: (who) => send(who, { url: '/api/v1/grading-schemes' }) },
  'GET /api/v1/organizations/:id/grades/:year': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/organizations/${org.home}/grades/2030` }),
  },
  'PUT /api/v1/organizations/:id/grades/:year': {
    ok: 200,
    call: async (who) =>
      send(who, {
        method: 'PUT',
        url: `/api/v1/organizations/${org.home}/grades/2030`,
        payload: { ...SCORES(), version: await versionOf(`/api/v1/organizations/${org.home}/grades/2030`) },
      }),
  },
  'GET /api/v1/reports/workbook.xlsx': {
    ok: 200,
    call: (who) =>
      send(who, {
        url: `/api/v1/reports/workbook.xlsx?period=2030${who === 'cooperative' ? '' : `&area=${at.home}`}`,
      }),
  },
  'POST /api/v1/reports/workbook': {
    ok: 200,
    call: async (who) => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Báo cáo').addRow(['Mã số', 'Phiên bản (không sửa)']);
      const data = Buffer.from(await workbook.xlsx.writeBuffer());
      return send(who, {
        method: 'POST',
        url: '/api/v1/reports/workbook',
        ...multipart({ period: '2030' }, { name: 'so.xlsx', data }),
      });
    },
  },
  'GET /api/v1/reminders': { ok: 200, call: (who) => send(who, { url: '/api/v1/reminders' }) },
  'GET /api/v1/periods': { ok: 200, call: (who) => send(who, { url: '/api/v1/periods' }) },
  'PUT /api/v1/periods/:period': {
    ok: 200,
    call: (who) =>
      send(who, {
        method: 'PUT',
        url: '/api/v1/periods/2039',
        payload: { opensOn: '2039-01-01', dueOn: '2039-12-15', version: 0 },
      }),
  },
  'GET /api/v1/field-reviews': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/field-reviews?area=${at.home}` }),
  },
  'GET /api/v1/field-reviews/:id': {
    ok: 200,
    call: async (who) => send(who, { url: `/api/v1/field-reviews/${await fieldReview()}` }),
  },
  'POST /api/v1/field-reviews': {
    ok: 201,
    call: (who) => send(who, { method: 'POST', url: '/api/v1/field-reviews', payload: REVIEW() }),
  },
  'PUT /api/v1/field-reviews/:id': {
    ok: 200,
    call: async (who) => {
      const id = await fieldReview();
      return send(who, {
        method: 'PUT',
        url: `/api/v1/field-reviews/${id}`,
        payload: { ...REVIEW(), version: await versionOf(`/api/v1/field-reviews/${id}`) },
      });
    },
  },
  'GET /api/v1/difficulties': {
    ok: 200,
    call: (who) => send(who, { url: `/api/v1/difficulties?year=2030&area=${at.home}` }),
  },
  'GET /api/v1/settings': { ok: 200, call: (who) => send(who, { url: '/api/v1/settings' }) },
  'PUT /api/v1/settings': {
    ok: 409, // a version never current: the settings every other test file counts with stay as they are
    call: (who) =>
      send(who, { method: 'PUT', url: '/api/v1/settings', payload: { effectiveGrades: ['good'], version: 999_999 } }),
  },
  'GET /api/v1/imports/:id': {
    ok: 200,
    call: async (who) => send(who, { url: `/api/v1/imports/${await jobOf(who)}` }),
  },
  'POST /api/v1/imports/:id/apply': {
    ok: 202,
    call: async (who) => send(who, { method: 'POST', url: `/api/v1/imports/${await jobOf(who)}/apply` }),
  },
};

describe('the access matrix', () => {
  it('has a sample for every route of the API, and a rule for each', () => {
    const routes = app.routeRules.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(Object.keys(SAMPLES).sort()).toEqual([...routes].sort());
  });

  it('answers 401 without a session, 403 without the permission, and serves every role that has it', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { method, url, rule } of app.routeRules) {
      const sample = SAMPLES[`${method} ${url}`]!;
      for (const who of WHO) {
        const want =
          rule === 'public'
            ? sample.ok
            : who === 'anonymous'
              ? 401
              : rule === 'signed-in' || (GRANTS[who] as readonly string[]).includes(rule)
                ? sample.ok
                : 403;
        const res = await sample.call(who);
        expected.push(`${method} ${url} as ${who}: ${want}`);
        outcomes.push(
          `${method} ${url} as ${who}: ${res.statusCode}${res.statusCode === want ? '' : ` ${res.body.slice(0, 160)}`}`,
        );
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(outcomes).toEqual(expected);
  }, 120_000);
});

describe('records outside the scope', () => {
  const read = (who: Role, id: number) => agents[who].inject(`/api/v1/organizations/${id}`);
  const patch = async (who: Role, id: number) =>
    agents[who].inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${id}`,
      payload: { version: await versionOf(`/api/v1/organizations/${id}`), phone: '0912345678' },
    });
  /** one role after the other: changes of one record must not race each other */
  const statuses = async (call: (who: Role) => Promise<LightMyRequestResponse>) => {
    const out: Record<string, number> = {};
    for (const who of ROLES) out[who] = (await call(who)).statusCode;
    return out;
  };

  it('are not found to read, as if they did not exist', async () => {
    expect(await statuses((who) => read(who, org.away))).toEqual({
      admin: 200,
      province_staff: 404,
      commune_officer: 404,
      cooperative: 404,
      viewer: 404,
    });
    expect(await statuses((who) => read(who, org.neighbour))).toEqual({
      admin: 200,
      province_staff: 200,
      commune_officer: 200, // reads the whole province
      cooperative: 404,
      viewer: 200,
    });
    const history = await agents.commune_officer.inject(`/api/v1/organizations/${org.away}/history`);
    expect(history.statusCode).toBe(404);
  });

  it('cannot be changed: 404 beyond what the role sees, 403 where it sees but may not write', async () => {
    expect(await statuses((who) => patch(who, org.neighbour))).toEqual({
      admin: 200,
      province_staff: 200,
      commune_officer: 403,
      cooperative: 403,
      viewer: 403,
    });
    expect(await statuses((who) => patch(who, org.away))).toEqual({
      admin: 200,
      province_staff: 404,
      commune_officer: 404,
      cooperative: 403,
      viewer: 403,
    });
  });

  it('cannot be created, or moved out of the area', async () => {
    const create = (who: Role, provinceCode: string, communeCode: string) =>
      agents[who].inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: buildOrganization({ provinceCode, communeCode }),
      });
    expect((await create('commune_officer', '42', at.neighbour)).statusCode).toBe(403);
    expect((await create('province_staff', '44', at.away)).statusCode).toBe(403);
    const moved = await agents.commune_officer.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.home}`,
      payload: { version: await versionOf(`/api/v1/organizations/${org.home}`), communeCode: at.neighbour },
    });
    expect(moved.statusCode).toBe(403);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from organizations where province_code = '44' and commune_code = ${at.away}`,
    );
    expect(rows[0]!.n).toBe(1); // nothing was written
  });

  it('say what the caller may do with each record', async () => {
    const home = (await agents.commune_officer.inject(`/api/v1/organizations/${org.home}`)).json();
    const neighbour = (await agents.commune_officer.inject(`/api/v1/organizations/${org.neighbour}`)).json();
    const viewed = (await agents.viewer.inject(`/api/v1/organizations/${org.home}`)).json();
    expect([home.can, neighbour.can, viewed.can]).toEqual([{ update: true }, { update: false }, { update: false }]);
  });
});
