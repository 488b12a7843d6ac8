// The "effective" rule is a setting: changed by administrators only, with the version read, and
// the statistics follow it at once. The change itself is tried inside a transaction that is
// rolled back, so the other test files (one shared database) keep the default good + fair.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contracts/settings.ts';
import type { Stats, StatsBreakdown } from '../../../shared/contracts/stats.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization } from '../../../test/factories.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import { computeBreakdown } from '../stats/breakdown.ts';
import { computeStats } from '../stats/stats.service.ts';
import { updateSettings } from './settings.service.ts';

let app: App;
let db: Db;
let admin: Agent;
let staff: Agent;

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  staff = await signIn(app, db, { role: 'province_staff', areaCode: '42' });
});

describe('settings', () => {
  it('answer the effective grades, good and fair by default', async () => {
    const s = (await staff.inject('/api/v1/settings')).json<Settings>();
    expect(s.effectiveGrades).toEqual(['good', 'fair']);
  });

  it('are changed by an administrator only, with the version read', async () => {
    const s = (await admin.inject('/api/v1/settings')).json<Settings>();
    const denied = await staff.inject({ method: 'PUT', url: '/api/v1/settings', payload: s });
    expect(denied.statusCode).toBe(403);
    const empty = await admin.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      payload: { ...s, effectiveGrades: [] },
    });
    expect(empty.statusCode).toBe(400);
    // the same grades, in another order: nothing changed, so no new version and no event (a
    // second administrator holding this version can still save)
    const events = async () =>
      (await admin.inject('/api/v1/audit?entity=setting&entityId=effective_grades')).json<{ total: number }>().total;
    const eventsBefore = await events();
    const same = await admin.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      payload: { effectiveGrades: ['fair', 'good'], version: s.version },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json<Settings>()).toEqual({ effectiveGrades: ['good', 'fair'], version: s.version });
    expect(await events()).toBe(eventsBefore);
    const stale = await admin.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      payload: { ...s, version: s.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual(same.json());
  });

  it('drive the statistics at once: effective counts the grades the setting names', async () => {
    const { rows } = await db.execute<{ code: string }>(
      sql`select code from admin_units where map = 'current' and province_code = '42' and level = 'commune'
          order by code desc limit 1`,
    );
    const commune = rows[0]!.code;
    const period = '2028';
    for (const grade of ['good', 'fair', 'average']) {
      const created = await admin.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: buildOrganization({ provinceCode: '42', communeCode: commune }),
      });
      await db.execute(sql`insert into organization_grades (organization_id, period, grade, source)
        values (${created.json<{ id: number }>().id}, ${period}, ${grade}, 'import')`);
    }
    const opts = { area: commune, period };
    expect((await computeStats(db, opts)).effective).toMatchObject({ count: 2, graded: 3 });
    const seen: { stats?: Stats; breakdown?: StatsBreakdown } = {};
    // read before: on PGlite, another connection waits for the transaction to end
    const { version } = (await admin.inject('/api/v1/settings')).json<Settings>();
    const rollback = await db
      .transaction(async (tx) => {
        await updateSettings(tx as unknown as Db, COMMAND_LINE, {
          effectiveGrades: ['good', 'fair', 'average'],
          version,
        });
        seen.stats = await computeStats(tx, opts);
        seen.breakdown = await computeBreakdown(tx, { area: '42', period });
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    expect(rollback).toBe('roll back');
    expect(seen.stats!.effective).toMatchObject({ count: 3, graded: 3 });
    expect(seen.breakdown!.items.find((i) => i.code === commune)!.effective).toMatchObject({ count: 3 });
    expect((await computeStats(db, opts)).effective).toMatchObject({ count: 2, graded: 3 });
  });
});
