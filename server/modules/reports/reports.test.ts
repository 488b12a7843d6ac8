// A report from draft to approved, with a return in between, by the right roles; wrong roles,
// locked reports, stale versions and invalid figures refused with clear messages and nothing
// changed; completeness and timeliness. Units of Phú Thọ (25), which no other test file uses.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Completeness, PeriodWindow, Report } from '../../../shared/contracts/reports.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization } from '../../../test/factories.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import { callerFor } from '../auth/caller.ts';
import { remindersFor } from './reminders.ts';

let app: App;
let db: Db;
let admin: Agent;
let officer: Agent;
let elsewhere: Agent;
let coop: Agent;
let viewer: Agent;
let org: number;
let commune = '';

const PERIOD = '2031'; // a year no other test reports on
const url = (id = org, period = PERIOD) => `/api/v1/organizations/${id}/reports/${period}`;

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = '25' and level = 'commune' order by code limit 2`,
  );
  commune = rows[0]!.code;
  org = await newOrganization();
  officer = await signIn(app, db, { role: 'commune_officer', areaCode: commune });
  elsewhere = await signIn(app, db, { role: 'commune_officer', areaCode: rows[1]!.code });
  coop = await signIn(app, db, { role: 'cooperative', organizationId: org });
  viewer = await signIn(app, db, { role: 'viewer', areaCode: '25' });
  // reports of a period are saved from its opening day: open the far-off test years now
  for (const period of [PERIOD, '2032']) {
    const opened = await admin.inject({
      method: 'PUT',
      url: `/api/v1/periods/${period}`,
      payload: { opensOn: '2026-01-01', dueOn: `${period}-12-15`, version: 0 },
    });
    expect(opened.statusCode, opened.body).toBe(200);
  }
});

const good = {
  members: 12,
  workers: 6,
  charterCapitalVnd: 900_000_000,
  assetsVnd: 1_500_000_000,
  revenueVnd: 2_400_000_000,
  serviceRevenueVnd: 1_100_000_000,
  profitVnd: 150_000_000,
  incomePerWorkerMonthVnd: 5_500_000,
  difficulties: ['capital', 'market'],
  proposals: 'Hỗ trợ vay vốn ưu đãi',
};

/** A cooperative of the test commune, added by the administrator. */
async function newOrganization(): Promise<number> {
  const created = await admin.inject({
    method: 'POST',
    url: '/api/v1/organizations',
    payload: buildOrganization({ provinceCode: '25', communeCode: commune, foundedOn: '2020-05-01' }),
  });
  return created.json<{ id: number }>().id;
}

async function put(agent: Agent, body: Record<string, unknown>, period = PERIOD) {
  return agent.inject({ method: 'PUT', url: url(org, period), payload: body });
}
async function step(agent: Agent, name: 'submit' | 'return' | 'approve', body: Record<string, unknown> = {}) {
  return agent.inject({ method: 'POST', url: `${url()}/${name}`, payload: body });
}
const NO_REQUEST = { ip: null, requestId: null };
const userOf = (agent: Agent) => ({ id: agent.user.id, email: agent.user.email, name: agent.user.email });
const current = async () => (await admin.inject(url())).json<Report>();

describe('a report from draft to approved', () => {
  it('is saved as a draft by the cooperative, with what the rules find', async () => {
    expect((await coop.inject(url())).statusCode).toBe(404);
    const res = await put(coop, { ...good, profitVnd: 3_000_000_000, incomePerWorkerMonthVnd: 400_000 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Report>();
    expect(r).toMatchObject({
      status: 'draft',
      source: 'cooperative',
      version: 1,
      difficulties: ['capital', 'market'],
    });
    expect(r.check.errors.map((e) => e.rule)).toEqual(['profit_not_above_revenue']);
    expect(r.check.errors[0]!.message).toContain('không thể lớn hơn Doanh thu');
    expect(r.check.warnings.map((e) => e.rule)).toEqual(['income_plausible']);
    expect(r.can).toEqual({ edit: true, submit: true, return: false, approve: false });
  });

  it('refuses to submit while an error or an unexplained warning remains, and changes nothing', async () => {
    const withError = await step(coop, 'submit');
    expect(withError.statusCode).toBe(400);
    expect(withError.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'profitVnd' }] });
    const v = (await current()).version;
    const fixed = await put(coop, { ...good, incomePerWorkerMonthVnd: 400_000, version: v });
    expect(fixed.json<Report>().check.errors).toEqual([]);
    const unexplained = await step(coop, 'submit');
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().detailEn).toMatch(/Explain the warnings/);
    expect((await current()).status).toBe('draft');
  });

  it('refuses a count that is negative, not whole or beyond the database, naming the field, and keeps the draft', async () => {
    const before = await current();
    for (const [field, value, vi, en] of [
      ['members', -6, 'Không được âm', 'Must not be negative'],
      ['workers', 9_000_000_000_000_000, 'Quá lớn', 'Too large'],
      ['members', 3_000_000_000, 'Quá lớn', 'Too large'],
      ['workers', 2.5, 'Phải là số nguyên', 'Must be a whole number'],
    ] as const) {
      const res = await put(coop, { ...good, [field]: value, version: before.version });
      expect(res.statusCode, res.body).toBe(400);
      // each language on its own side
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field }] });
      const [error] = res.json().errors;
      expect([error.message.startsWith(vi), error.message.includes(en)]).toEqual([true, false]);
      expect([error.messageEn.startsWith(en), error.messageEn.includes(vi)]).toEqual([true, false]);
    }
    expect(await current()).toEqual(before);
  });

  it('refuses a stale save with 409 and the report as it is', async () => {
    const r = await current();
    const stale = await put(coop, { ...good, members: 99, version: r.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: r.version });
    const again = await put(coop, { ...good }); // no version: a second first save
    expect(again.statusCode).toBe(409);
    expect((await current()).members).toBe(r.members);
  });

  it('is submitted once the warning is explained; then only reviewers act', async () => {
    const r = await current();
    await put(coop, {
      ...good,
      incomePerWorkerMonthVnd: 400_000,
      comment: 'Thu nhập thấp do mất mùa',
      version: r.version,
    });
    const submitted = await step(coop, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Report>()).toMatchObject({ status: 'submitted', can: { edit: false, submit: false } });
    expect((await put(coop, { ...good, version: submitted.json<Report>().version })).statusCode).toBe(409);
    expect((await step(coop, 'approve')).statusCode).toBe(403);
    expect((await step(viewer, 'approve')).statusCode).toBe(403);
    expect((await step(elsewhere, 'approve')).statusCode).toBe(403); // reads the province, writes another commune
    expect((await step(officer, 'return', { reason: 'x' })).statusCode).toBe(400); // a reason of a few words
    expect((await current()).status).toBe('submitted');
  });

  it('is returned with a reason, corrected, submitted again and approved, then locked', async () => {
    const returned = await step(officer, 'return', { reason: 'Số lao động chưa khớp sổ sách' });
    expect(returned.json<Report>()).toMatchObject({
      status: 'returned',
      returnReason: 'Số lao động chưa khớp sổ sách',
    });
    const r = returned.json<Report>();
    const corrected = await put(coop, { ...good, workers: 8, version: r.version });
    expect(corrected.json<Report>()).toMatchObject({ status: 'returned', workers: 8 });
    expect((await step(coop, 'submit')).json<Report>().returnReason).toBeNull();

    const before = await admin.inject(`/api/v1/stats?area=${commune}&period=${PERIOD}`);
    expect(before.json<Stats>().members).toBeNull(); // not approved yet: not counted
    const approved = await step(officer, 'approve');
    expect(approved.json<Report>()).toMatchObject({ status: 'approved', can: { edit: false } });
    const after = await admin.inject(`/api/v1/stats?area=${commune}&period=${PERIOD}`);
    expect(after.json<Stats>()).toMatchObject({ members: 12, workers: 8 });

    for (const agent of [coop, officer, admin]) {
      const locked = await put(agent, { ...good, version: approved.json<Report>().version });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().detailEn).toMatch(/approved/);
    }
    const trail = (await admin.inject(`/api/v1/organizations/${org}/history?pageSize=50`)).json();
    const actions = trail.items.map((e: { action: string }) => e.action).reverse();
    expect(actions.filter((a: string) => a.startsWith('report.'))).toEqual([
      'report.create',
      'report.update',
      'report.update',
      'report.submit',
      'report.return',
      'report.update',
      'report.submit',
      'report.approve',
    ]);
  });

  it('is out of reach outside the scope: 404 to read, 403 to enter elsewhere', async () => {
    const other = await signIn(app, db, { role: 'viewer', areaCode: '04' });
    expect((await other.inject(url())).statusCode).toBe(404);
    const res = await elsewhere.inject({ method: 'PUT', url: url(org, '2032'), payload: good });
    expect(res.statusCode).toBe(403);
  });
});

describe('a save that changes nothing', () => {
  it('writes no event and keeps the version, so a client holding that version still saves', async () => {
    const id = await newOrganization();
    const save = (body: Record<string, unknown>) =>
      officer.inject({ method: 'PUT', url: url(id, '2032'), payload: body });
    const first = (await save(good)).json<Report>();
    const same = await save({ ...good, difficulties: ['capital', 'market', 'capital'], version: first.version });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json<Report>()).toMatchObject({ version: first.version, members: good.members });

    const other = await save({ ...good, members: 13, version: first.version }); // opened before the no-op save
    expect(other.statusCode, other.body).toBe(200);
    const trail = (await admin.inject(`/api/v1/organizations/${id}/history?pageSize=50`)).json<{
      items: { action: string; changes: Record<string, unknown> }[];
    }>();
    const reports = trail.items.filter((e) => e.action.startsWith('report.')).reverse();
    expect(reports.map((e) => [e.action, Object.keys(e.changes)])).toEqual([
      ['report.create', expect.arrayContaining(['members@2032', 'status@2032'])],
      ['report.update', ['members@2032']],
    ]);
  });
});

describe('a step the status does not allow', () => {
  it('is refused naming the status in words, each language in its own', async () => {
    const id = await newOrganization();
    await officer.inject({ method: 'PUT', url: url(id, '2032'), payload: good });
    const approve = await officer.inject({ method: 'POST', url: `${url(id, '2032')}/approve`, payload: {} });
    expect(approve.statusCode, approve.body).toBe(409);
    expect(approve.json()).toMatchObject({
      detail: 'Báo cáo đang ở trạng thái "Nháp": không thể duyệt',
      detailEn: 'The report is "Draft": it cannot be approved',
    });
  });
});

describe('completeness', () => {
  it('counts expected, submitted, approved and late against the deadline', async () => {
    const period = '2033';
    await db.execute(
      sql`insert into reporting_periods (period, opens_on, due_on) values (${period}, '2026-01-01', '2033-12-15')`,
    );
    const get = async () => (await officer.inject(`/api/v1/completeness?period=${period}`)).json<Completeness>();
    const before = await get();
    expect(before).toMatchObject({ area: { code: commune, level: 'commune' }, period, dueOn: '2033-12-15' });
    const orgs = await Promise.all([0, 1, 2].map(() => newOrganization()));
    await admin.inject({ method: 'PUT', url: url(orgs[0], period), payload: good });
    await admin.inject({ method: 'POST', url: `${url(orgs[0], period)}/submit`, payload: {} });
    await admin.inject({ method: 'PUT', url: url(orgs[1], period), payload: good });
    await admin.inject({ method: 'POST', url: `${url(orgs[1], period)}/submit`, payload: {} });
    await admin.inject({ method: 'POST', url: `${url(orgs[1], period)}/approve`, payload: {} });
    await admin.inject({ method: 'PUT', url: url(orgs[2], period), payload: good }); // a draft only
    const after = await get();
    expect(after.expected - before.expected).toBe(3);
    expect(after.submitted - before.submitted).toBe(2);
    expect(after.approved - before.approved).toBe(1);
    expect(after.late).toBe(0); // the deadline is in 2033
    expect(after.share).toBeCloseTo(after.submitted / after.expected);

    // a past deadline: the missing ones are late, and what came in after it
    await db.execute(sql`update reporting_periods set due_on = '2020-01-01' where period = ${period}`);
    const late = await get();
    expect(late.late).toBe(late.expected); // both submitted after it, the rest missing

    type Listed = { items: { organizationId: number; status: string; late: boolean }[]; total: number };
    const queue = (await officer.inject(`/api/v1/reports?period=${period}&status=submitted`)).json<Listed>();
    expect(queue.items.map((i) => i.organizationId)).toEqual([orgs[0]]);
    expect(queue.items[0]!.late).toBe(true);
    const missing = (await officer.inject(`/api/v1/reports?period=${period}&status=none`)).json<Listed>();
    expect(missing.total).toBe(late.expected - 3);
    expect(missing.items.every((i) => i.status === 'none')).toBe(true);
    expect((await viewer.inject(`/api/v1/completeness?period=${period}&area=VN`)).statusCode).toBe(403);
  });
});

describe('periods', () => {
  it('open on their first day by default; before it nothing is saved', async () => {
    const periods = (await officer.inject('/api/v1/periods')).json<PeriodWindow[]>();
    expect(periods.find((p) => p.period === PERIOD)).toEqual({
      period: PERIOD,
      opensOn: '2026-01-01',
      dueOn: `${PERIOD}-12-15`,
      custom: true,
      version: 1,
    });
    const early = await put(coop, good, '2034-H2');
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('mở từ ngày 2034-07-01');
    expect((await admin.inject(url(org, '2034-H2'))).statusCode).toBe(404);
  });

  it('are set by an administrator only, the deadline after the opening', async () => {
    const body = { opensOn: '2035-01-01', dueOn: '2035-12-15', version: 0 };
    const denied = await officer.inject({ method: 'PUT', url: '/api/v1/periods/2035', payload: body });
    expect(denied.statusCode).toBe(403);
    const backwards = await admin.inject({
      method: 'PUT',
      url: '/api/v1/periods/2035',
      payload: { opensOn: '2035-12-16', dueOn: '2035-12-15', version: 0 },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('dueOn');
  });

  it('are changed with the version read: the later of two edits gets 409 and the dates stay the first one’s', async () => {
    const set = (dueOn: string, version: number) =>
      admin.inject({
        method: 'PUT',
        url: '/api/v1/periods/2037-H1',
        payload: { opensOn: '2037-01-01', dueOn, version },
      });
    const first = await set('2037-07-20', 0);
    expect(first.json()).toMatchObject({ dueOn: '2037-07-20', custom: true, version: 1 });
    const stale = await set('2037-07-31', 0); // read before the first save: the defaults
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { dueOn: '2037-07-20', version: 1 } });
    expect((await set('2037-07-31', 1)).json()).toMatchObject({ dueOn: '2037-07-31', version: 2 });
    const [a, b] = await Promise.all([set('2037-08-01', 2), set('2037-08-02', 2)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

describe('reminders', () => {
  it('tell a cooperative what it has to send, and the officer what waits or is missing', async () => {
    const today = '2036-11-01'; // 2036 due 15 December, 2036-H2 due 15 January: both ahead
    await admin.inject({
      method: 'PUT',
      url: '/api/v1/periods/2036',
      payload: { opensOn: '2026-01-01', dueOn: '2036-12-15', version: 0 },
    });
    const ofCoop = callerFor(
      { ...userOf(coop), role: 'cooperative', areaCode: null, areaProvinceCode: null, organizationId: org },
      NO_REQUEST,
    );
    const ofOfficer = callerFor(
      { ...userOf(officer), role: 'commune_officer', areaCode: commune, areaProvinceCode: '25', organizationId: null },
      NO_REQUEST,
    );
    expect(await remindersFor(db, ofCoop, today)).toEqual([
      { kind: 'own', period: '2036', dueOn: '2036-12-15', organizationId: org, status: 'none', late: false },
      { kind: 'own', period: '2036-H2', dueOn: '2037-01-15', organizationId: org, status: 'none', late: false },
    ]);
    const before = (await remindersFor(db, ofOfficer, today)).find((r) => r.period === '2036')!;
    expect(before).toMatchObject({ kind: 'area', area: { code: commune }, waiting: 0, late: false });

    const saved = await put(coop, good, '2036');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await remindersFor(db, ofCoop, today)).toMatchObject([{ period: '2036', status: 'draft' }, {}]);
    await admin.inject({ method: 'POST', url: `${url(org, '2036')}/submit`, payload: {} });
    expect((await remindersFor(db, ofCoop, today)).map((r) => r.period)).toEqual(['2036-H2']);
    const after = (await remindersFor(db, ofOfficer, today)).find((r) => r.period === '2036')!;
    expect(after).toMatchObject({ waiting: 1, missing: (before as { missing: number }).missing - 1 });
    // after the deadline they are late; two months on, no longer shown
    expect((await remindersFor(db, ofCoop, '2037-01-20')).find((r) => r.period === '2036-H2')).toMatchObject({
      late: true,
    });
    const later = await remindersFor(db, ofCoop, '2037-04-01');
    expect(later.filter((r) => r.period.startsWith('2036'))).toEqual([]);
  });
});

describe('the rules', () => {
  it('are data the form reads', async () => {
    const rules = (await coop.inject('/api/v1/report-rules')).json<{ code: string; level: string }[]>();
    expect(rules.map((r) => r.code)).toContain('members_legal_minimum');
    expect(new Set(rules.map((r) => r.level))).toEqual(new Set(['error', 'warning']));
  });
});
