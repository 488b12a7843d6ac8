// The audit trail: every write leaves exactly one event per record it changed, with who, from
// where and the difference; a refused write leaves none; nobody can change or delete an event.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/contracts/audit.ts';
import { signIn, testApp, TEST_PASSWORD, type Agent } from '../../../test/app.ts';
import { buildOrganization, unique } from '../../../test/factories.ts';
import { csv, goodRow } from '../../../test/import-files.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import { importOrganizations } from '../imports/import-organizations.ts';
import { diff } from './audit.ts';

let app: App;
let db: Db;
let admin: Agent;
beforeAll(async () => {
  ({ app, db, admin } = await testApp());
});

/** The events written since `after` (an id), oldest first. */
async function eventsSince(after: number): Promise<AuditEvent[]> {
  const res = await admin.inject(`/api/v1/audit?pageSize=200`);
  return res
    .json<{ items: AuditEvent[] }>()
    .items.filter((e) => e.id > after)
    .reverse();
}
async function lastId(): Promise<number> {
  const { rows } = await db.execute<{ id: number | null }>(sql`select max(id)::int as id from audit_events`);
  return rows[0]!.id ?? 0;
}

describe('the difference', () => {
  it('lists the fields that changed, hides secrets, ignores bookkeeping', () => {
    expect(
      diff(
        { id: 1, name: 'A', phone: null, version: 1, updatedAt: 'x', passwordHash: 'h1', provinceName: 'X' },
        {
          id: 1,
          name: 'B',
          phone: '09',
          version: 2,
          updatedAt: 'y',
          passwordHash: 'h2',
          email: null,
          provinceName: 'Y',
        },
      ),
    ).toEqual({ name: ['A', 'B'], phone: [null, '09'], passwordHash: ['••••••', '••••••'] });
    expect(diff(null, { a: 1, b: null })).toEqual({ a: [null, 1] });
  });
});

describe('every write through the API', () => {
  it('leaves one event for a created organisation and one for each change, with its difference', async () => {
    const staff = await signIn(app, db, { role: 'province_staff', areaCode: '42' });
    const since = await lastId();
    const created = await staff.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null, phone: '0912000111' }),
      headers: { 'x-request-id': `req-${unique()}` },
      remoteAddress: '10.1.2.3',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json<{ id: number; version: number; name: string; registrationNo: string }>();
    const patched = await staff.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: org.version, phone: '0912000222', status: 'suspended', statusSince: '2025-01-02' },
    });
    expect(patched.statusCode).toBe(200);
    // a save that changes nothing leaves nothing, and its version stays the one to send
    const version = patched.json<{ version: number }>().version;
    const unchanged = await staff.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version, phone: '0912000222', status: 'suspended' },
    });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toMatchObject({ version, phone: '0912000222' });
    // refused writes leave nothing
    const stale = await staff.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: org.version, phone: '0000000000' },
    });
    expect(stale.statusCode).toBe(409);
    const invalid = await staff.inject({ method: 'POST', url: '/api/v1/organizations', payload: { name: 'x' } });
    expect(invalid.statusCode).toBe(400);

    const events = await eventsSince(since);
    const mine = events.filter((e) => e.organizationId === org.id);
    expect(mine).toHaveLength(2);
    const [create, update] = mine;
    expect(create).toMatchObject({
      action: 'create',
      entity: 'organization',
      entityId: String(org.id),
      userId: staff.user.id,
      userEmail: staff.user.email,
      ip: '10.1.2.3',
      requestId: expect.stringMatching(/^req-/),
    });
    expect(create!.changes.name).toEqual([null, org.name]);
    expect(create!.changes.registrationNo).toEqual([null, org.registrationNo]);
    expect(create!.changes).not.toHaveProperty('version');
    expect(update).toMatchObject({ action: 'update', userId: staff.user.id });
    expect(update!.changes).toEqual({
      phone: ['0912000111', '0912000222'],
      status: ['active', 'suspended'],
      statusSince: [expect.any(String), '2025-01-02'],
    });
  });

  it('records accounts: created, changed, password reset and changed, never the password itself', async () => {
    const since = await lastId();
    const made = await admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: `a-${unique()}@test.hoptac`, name: 'Lê Thị Hoa', role: 'viewer', password: 'mật khẩu ban đầu' },
    });
    const user = made.json<{ id: number; version: number; email: string }>();
    await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { version: user.version, role: 'province_staff', areaCode: '42', password: 'mật khẩu đặt lại' },
    });
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'mật khẩu đặt lại' },
    });
    expect(signedIn.statusCode).toBe(200);
    const events = (await eventsSince(since)).filter((e) => e.entity === 'user' && e.entityId === String(user.id));
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]!.changes).toEqual({
      role: ['viewer', 'province_staff'],
      areaCode: [null, '42'],
      password: ['••••••', '••••••'],
    });
    const self = await signIn(app, db, { role: 'viewer' });
    await self.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu của tôi' },
    });
    const own = (await eventsSince(since)).filter((e) => e.entityId === String(self.user.id));
    expect(own).toEqual([
      expect.objectContaining({
        action: 'password',
        userId: self.user.id,
        changes: { password: ['••••••', '••••••'] },
      }),
    ]);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where changes::text like '%mật khẩu%' or changes::text like '%argon2%'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('records each organisation an import wrote: where it came from, what changed; nothing on a dry run', async () => {
    const no = `AU${unique()}`;
    const run = (members: string, dryRun = false) =>
      importOrganizations(db, {
        caller: COMMAND_LINE,
        fileName: 'nhat-ky.csv',
        format: 'csv',
        source: Readable.from([csv([goodRow(no, { 'Số thành viên': members })])]),
        period: '2024',
        map: 'current',
        dryRun,
      });
    const since = await lastId();
    await run('12');
    await run('15', true);
    await run('15');
    await run('15'); // unchanged: no event
    const events = (await eventsSince(since)).filter((e) => e.entity === 'organization');
    expect(events.map((e) => e.action)).toEqual(['import', 'import']);
    expect(events[0]).toMatchObject({
      userId: null,
      note: 'Nhập từ tệp nhat-ky.csv, dòng 2',
      changes: {},
    });
    expect(events[1]!.changes).toEqual({ 'members@2024': [12, 15] });
  });
});

describe('reading the trail', () => {
  it("shows an organisation's history to whoever may see the organisation, newest first", async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null }),
    });
    const org = created.json<{ id: number; version: number }>();
    const { rows } = await db.execute<{ code: string; name: string }>(
      sql`select code, full_name as name from admin_units where map = 'current' and parent_code = '42' limit 1`,
    );
    const commune = rows[0]!;
    await admin.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: org.version, address: 'Thôn 3', communeCode: commune.code },
    });
    const viewer = await signIn(app, db, { role: 'viewer', areaCode: '42' });
    const history = await viewer.inject(`/api/v1/organizations/${org.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((e: AuditEvent) => e.action)).toEqual(['update', 'create']);
    // the units its changes name by code, by name: the province it was created in, the commune it moved to
    // (on the pre-2025 map too, when that list is loaded: the old placement follows the commune)
    expect(history.json().unitNames.current).toEqual({ '42': 'Tỉnh Hà Tĩnh', [commune.code]: commune.name });
    // who made each change, but not from which address or request: those are for the audit's readers
    for (const e of history.json<{ items: AuditEvent[] }>().items) {
      expect(e).toMatchObject({ userEmail: admin.user.email, ip: null, requestId: null });
    }
    const full = (await admin.inject(`/api/v1/organizations/${org.id}/history`)).json<{ items: AuditEvent[] }>();
    expect(full.items[0]).toMatchObject({ ip: expect.any(String), requestId: expect.any(String) });
    const elsewhere = await signIn(app, db, { role: 'viewer', areaCode: '44' });
    expect((await elsewhere.inject(`/api/v1/organizations/${org.id}/history`)).statusCode).toBe(404);
  });

  it("lets an administrator search by user, entity and day (Vietnam's days)", async () => {
    const staff = await signIn(app, db, { role: 'province_staff', areaCode: '42' });
    await staff.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null }),
    });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const byUser = await admin.inject(
      `/api/v1/audit?userId=${staff.user.id}&entity=organization&from=${today}&to=${today}`,
    );
    expect(byUser.json()).toMatchObject({ total: 1, items: [{ userId: staff.user.id, action: 'create' }] });
    const yesterday = await admin.inject(`/api/v1/audit?userId=${staff.user.id}&to=2020-01-01`);
    expect(yesterday.json().total).toBe(0);
  });
});

describe('the events themselves', () => {
  it('cannot be changed, deleted or truncated, whoever asks', async () => {
    const id = await lastId();
    for (const statement of [
      sql`update audit_events set note = 'sửa' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
      sql`truncate audit_events`,
    ]) {
      await expect(db.execute(statement)).rejects.toThrow();
    }
    const { rows } = await db.execute<{ id: number }>(sql`select id from audit_events where id = ${id}`);
    expect(rows).toHaveLength(1);
  });
});
