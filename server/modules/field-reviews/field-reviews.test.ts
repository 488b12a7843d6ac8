// Field reviews through the API: an officer logs a review of organisations of their commune;
// organisations outside it, other communes' officers, cooperatives and stale versions are
// refused with nothing written; difficulties are counted by category and area, once per
// organisation whether named in a review or a report. Units of Huế (46), which no other test uses.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DifficultyStats, FieldReview, FieldReviewList } from '../../../shared/contracts/field-reviews.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization } from '../../../test/factories.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';

let app: App;
let db: Db;
let admin: Agent;
let officer: Agent;
let neighbour: Agent;
let coop: Agent;
let communes: string[] = [];
let orgs: number[] = []; // two in communes[0], one in communes[1]

const YEAR = 2029;

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = '46' and level = 'commune' order by code limit 2`,
  );
  communes = rows.map((r) => r.code);
  orgs = await Promise.all(
    [communes[0]!, communes[0]!, communes[1]!].map(async (communeCode) => {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: buildOrganization({ provinceCode: '46', communeCode }),
      });
      return res.json<{ id: number }>().id;
    }),
  );
  officer = await signIn(app, db, { role: 'commune_officer', areaCode: communes[0]! });
  neighbour = await signIn(app, db, { role: 'commune_officer', areaCode: communes[1]! });
  coop = await signIn(app, db, { role: 'cooperative', organizationId: orgs[0]! });
});

const review = (over: Record<string, unknown> = {}) => ({
  kind: 'visit',
  title: 'Rà soát HTX nông nghiệp quý IV',
  heldOn: `${YEAR}-10-12`,
  areaCode: communes[0],
  delegation: 'Phó Chủ tịch UBND xã, cán bộ Liên minh HTX tỉnh',
  findings: [
    {
      organizationId: orgs[0],
      findings: 'Thiếu vốn lưu động',
      difficulties: ['capital', 'market'],
      proposals: 'Vay Quỹ',
    },
    { organizationId: orgs[1], findings: 'Hoạt động ổn định', difficulties: ['land'] },
  ],
  ...over,
});
const post = (agent: Agent, body: Record<string, unknown>) =>
  agent.inject({ method: 'POST', url: '/api/v1/field-reviews', payload: body });
const count = async () =>
  (await admin.inject(`/api/v1/field-reviews?area=${communes[0]}&year=${YEAR}`)).json<FieldReviewList>().total;

describe('a field review', () => {
  let saved: FieldReview;

  it('is logged by the commune officer with what was found per organisation', async () => {
    const res = await post(officer, review());
    expect(res.statusCode, res.body).toBe(201);
    saved = res.json<FieldReview>();
    // the commune's province too, so that a form can show both selects filled
    expect(saved).toMatchObject({ version: 1, areaCode: communes[0], provinceCode: '46', heldOn: `${YEAR}-10-12` });
    expect(saved.findings).toHaveLength(2);
    expect(saved.findings.find((f) => f.organizationId === orgs[0])).toMatchObject({
      difficulties: ['capital', 'market'],
      proposals: 'Vay Quỹ',
    });
    const list = (await officer.inject(`/api/v1/field-reviews?year=${YEAR}`)).json<FieldReviewList>();
    expect(list.items.find((r) => r.id === saved.id)).toMatchObject({
      organizations: 2,
      kind: 'visit',
      provinceCode: '46',
    });
    const seen = (await admin.inject(`/api/v1/field-reviews?organizationId=${orgs[1]}`)).json<FieldReviewList>();
    expect(seen.items.map((r) => r.id)).toContain(saved.id);
    const trail = (await admin.inject(`/api/v1/audit?entity=field_review&entityId=${saved.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['field_review.create']);
  });

  it("lists an organisation's reviews wherever its reader may see them, each with what it found there", async () => {
    const province = await post(
      admin,
      review({
        title: 'Khảo sát của tỉnh',
        areaCode: '46',
        findings: [{ organizationId: orgs[1], findings: 'Cần mở rộng đất', difficulties: ['land', 'capital'] }],
      }),
    );
    expect(province.statusCode, province.body).toBe(201);
    const seen = (await officer.inject(`/api/v1/field-reviews?organizationId=${orgs[1]}`)).json<FieldReviewList>();
    const byTitle = Object.fromEntries(seen.items.map((r) => [r.title, r.finding]));
    // the province's survey as well as the commune's visit, though the officer's own area is the commune
    expect(byTitle).toMatchObject({
      'Khảo sát của tỉnh': { findings: 'Cần mở rộng đất', difficulties: ['land', 'capital'], proposals: null },
      'Rà soát HTX nông nghiệp quý IV': { findings: 'Hoạt động ổn định', difficulties: ['land'], proposals: null },
    });
    // the plain list stays the caller's own area, without findings
    const own = (await officer.inject(`/api/v1/field-reviews?year=${YEAR}`)).json<FieldReviewList>();
    expect(own.items.map((r) => r.title)).not.toContain('Khảo sát của tỉnh');
    expect(own.items.every((r) => r.finding === undefined)).toBe(true);
  });

  it('refuses organisations outside the reviewed commune, listing each, and writes nothing', async () => {
    const before = await count();
    const res = await post(
      officer,
      review({ findings: [{ organizationId: orgs[0] }, { organizationId: orgs[2] }, { organizationId: 2147483000 }] }),
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['findings.1.organizationId', 'findings.2.organizationId']);
    expect(errors[0]!.message).toMatch(/ngoài địa bàn bạn được cập nhật/);
    expect(errors[1]!.message).toMatch(/Không có tổ chức/);
    expect(await count()).toBe(before);
  });

  it('is read in the province, changed only where the caller writes, never by a cooperative', async () => {
    expect((await neighbour.inject(`/api/v1/field-reviews/${saved.id}`)).statusCode).toBe(200);
    const put = await neighbour.inject({
      method: 'PUT',
      url: `/api/v1/field-reviews/${saved.id}`,
      payload: review({ version: saved.version }),
    });
    expect(put.statusCode).toBe(403);
    expect((await post(neighbour, review())).statusCode).toBe(403); // another commune's area
    expect((await coop.inject(`/api/v1/field-reviews/${saved.id}`)).statusCode).toBe(403);
    expect((await post(coop, review())).statusCode).toBe(403);
    const outsider = await signIn(app, db, { role: 'viewer', areaCode: '04' });
    expect((await outsider.inject(`/api/v1/field-reviews/${saved.id}`)).statusCode).toBe(404);
  });

  it('is updated with the version read; a stale one gets 409 and the review as it is', async () => {
    const url = `/api/v1/field-reviews/${saved.id}`;
    const changed = await officer.inject({
      method: 'PUT',
      url,
      payload: review({ version: 1, findings: [{ organizationId: orgs[0], difficulties: ['capital'] }] }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<FieldReview>()).toMatchObject({ version: 2, findings: [{ organizationId: orgs[0] }] });
    const stale = await officer.inject({ method: 'PUT', url, payload: review({ version: 1 }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
    expect((await officer.inject(url)).json<FieldReview>().findings).toHaveLength(1);
  });
});

describe('difficulties', () => {
  it('count each organisation once per category, from reviews and submitted reports of the year', async () => {
    // the review above now names orgs[0] with capital; a second review names orgs[1] with land and
    // capital; orgs[1]'s submitted report names capital again, orgs[2]'s draft names market (not counted)
    await post(
      officer,
      review({ heldOn: `${YEAR}-03-01`, findings: [{ organizationId: orgs[1], difficulties: ['land', 'capital'] }] }),
    );
    await admin.inject({
      method: 'PUT',
      url: '/api/v1/periods/2029',
      payload: { opensOn: '2026-01-01', dueOn: '2029-12-15', version: 0 },
    });
    const report = (id: number) => `/api/v1/organizations/${id}/reports/${YEAR}-H1`;
    await admin.inject({
      method: 'PUT',
      url: '/api/v1/periods/2029-H1',
      payload: { opensOn: '2026-01-01', dueOn: '2029-07-15', version: 0 },
    });
    const figures = { members: 10, workers: 7, difficulties: ['capital'] };
    expect((await admin.inject({ method: 'PUT', url: report(orgs[1]!), payload: figures })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'POST', url: `${report(orgs[1]!)}/submit`, payload: {} })).statusCode).toBe(
      200,
    );
    await admin.inject({ method: 'PUT', url: report(orgs[2]!), payload: { ...figures, difficulties: ['market'] } });

    const stats = (await officer.inject(`/api/v1/difficulties?year=${YEAR}&area=46`)).json<DifficultyStats>();
    const mine = stats.breakdown.find((b) => b.code === communes[0])!;
    expect(mine).toMatchObject({ organizations: 2, byCategory: { capital: 2, land: 1, market: 0 } });
    expect(stats.breakdown.find((b) => b.code === communes[1])).toMatchObject({ organizations: 0 });
    expect(stats.byCategory.capital).toBeGreaterThanOrEqual(2);
    const commune = (await officer.inject(`/api/v1/difficulties?year=${YEAR}`)).json<DifficultyStats>();
    expect(commune).toMatchObject({ area: { code: communes[0] }, organizations: 2, breakdown: [] });
    expect((await officer.inject(`/api/v1/difficulties?year=${YEAR}&area=VN`)).statusCode).toBe(403);
    // on the current map only: a former commune's code is not read as a current one's
    for (const url of [
      `/api/v1/difficulties?year=${YEAR}&area=46&map=pre-2025`,
      '/api/v1/field-reviews?map=pre-2025',
    ]) {
      const old = await officer.inject(url);
      expect(old.statusCode, url).toBe(400);
      expect(old.json().errors[0]).toMatchObject({ field: 'map' });
    }
  });
});
