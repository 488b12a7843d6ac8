// Accounts managed by an administrator (contracts §8): a role needs the scope that fits it,
// emails are unique whatever their case, edits are optimistic, one administrator always remains.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization, unique } from '../../../test/factories.ts';
import type { User } from '../../../shared/contracts/auth.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { COMMAND_LINE } from '../auth/caller.ts';
import { rolledBack } from '../stats/stats.fixtures.ts';
import { getUser, patchUser } from './users.service.ts';

let db: Db;
let admin: Agent;
beforeAll(async () => {
  ({ db, admin } = await testApp());
});

const create = (payload: Record<string, unknown>) => admin.inject({ method: 'POST', url: '/api/v1/users', payload });
const person = (over: Record<string, unknown> = {}) => ({
  email: `Nguoi.${unique()}@Test.Hoptac`,
  name: 'Nguyễn Thị Tuyết',
  password: 'một mật khẩu dài',
  role: 'viewer',
  ...over,
});

describe('creating accounts', () => {
  it('creates each role with its scope, the email in lower case, the names of its scope', async () => {
    const orgRes = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null }),
    });
    const orgId = orgRes.json<{ id: number }>().id;
    const made = await Promise.all([
      create(person({ role: 'province_staff', areaCode: '42' })),
      create(person({ role: 'commune_officer', areaCode: '01558' })),
      create(person({ role: 'cooperative', organizationId: orgId })),
      create(person({ role: 'viewer' })),
      create(person({ role: 'admin' })),
    ]);
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const users = made.map((r) => r.json<User>());
    expect(users[0]).toMatchObject({
      role: 'province_staff',
      areaCode: '42',
      areaName: 'Tỉnh Hà Tĩnh',
      areaProvinceCode: '42',
      version: 1,
    });
    expect(users[0]!.email).toMatch(/^nguoi\.[0-9a-f]+@test\.hoptac$/);
    expect(users[1]).toMatchObject({ areaCode: '01558', areaName: 'Xã Hạ Lang', areaProvinceCode: '04' });
    expect(users[2]).toMatchObject({ areaCode: null, organizationId: orgId, organizationName: expect.any(String) });
    expect(users[3]).toMatchObject({ areaCode: null, organizationId: null });
    expect(users[4]).toMatchObject({ role: 'admin', areaCode: null }); // an administrator has no area
    expect(JSON.stringify(users)).not.toMatch(/password/i);
  });

  it('refuses a scope that does not fit the role, naming the field', async () => {
    const orgId = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: buildOrganization({ provinceCode: '42', communeCode: null }),
      })
    ).json<{ id: number }>().id;
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'province_staff' }, 'areaCode'],
      [{ role: 'province_staff', areaCode: '01558' }, 'areaCode'],
      [{ role: 'commune_officer', areaCode: '42' }, 'areaCode'],
      [{ role: 'commune_officer', areaCode: '99999' }, 'areaCode'],
      [{ role: 'cooperative' }, 'organizationId'],
      [{ role: 'cooperative', organizationId: 2_000_000_000 }, 'organizationId'],
      // a scope the role has no use for is refused, not dropped (a viewer would read the country)
      [{ role: 'viewer', organizationId: orgId }, 'organizationId'],
      [{ role: 'commune_officer', areaCode: '01558', organizationId: orgId }, 'organizationId'],
      [{ role: 'cooperative', organizationId: orgId, areaCode: '42' }, 'areaCode'],
      [{ role: 'admin', areaCode: '42' }, 'areaCode'],
      [{ role: 'chief' }, 'role'],
      [{ password: 'ngắn' }, 'password'],
      [{ email: 'không phải email' }, 'email'],
    ];
    for (const [over, field] of cases) {
      const res = await create(person(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.json().detail).toBeTruthy();
    }
  });

  it('refuses a second account for an email, whatever its case', async () => {
    const p = person();
    expect((await create(p)).statusCode).toBe(201);
    const again = await create({ ...p, email: p.email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('email');
  });
});

describe('listing accounts', () => {
  it('finds by name without diacritics, and by role', async () => {
    const name = `Trần Văn Đức ${unique()}`;
    await create(person({ name, role: 'commune_officer', areaCode: '01558' }));
    const res = await admin.inject(`/api/v1/users?q=${encodeURIComponent('tran van duc')}&role=commune_officer`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: User[]; total: number }>();
    expect(body.items.map((u) => u.name)).toContain(name);
    expect(body.items.every((u) => u.role === 'commune_officer')).toBe(true);
  });
});

describe('changing accounts', () => {
  it('changes the role and its scope together, and answers 409 to a stale version', async () => {
    const u = (await create(person())).json<User>();
    const ok = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { version: u.version, role: 'province_staff', areaCode: '42' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'province_staff', areaCode: '42', version: u.version + 1 });
    const stale = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { version: u.version, name: 'Tên khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ role: 'province_staff', version: u.version + 1 });
    const noScope = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { version: u.version + 1, role: 'commune_officer' },
    });
    expect(noScope.statusCode).toBe(400); // '42' is not a commune
    const unused = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { version: u.version + 1, role: 'viewer', areaCode: null, organizationId: 1 },
    });
    expect(unused.statusCode).toBe(400);
    expect(unused.json().errors[0]).toMatchObject({ field: 'organizationId' });
    // what the new role does not use of the stored scope goes with the old role
    const promoted = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { version: u.version + 1, role: 'admin' },
    });
    expect(promoted.json()).toMatchObject({ role: 'admin', areaCode: null, version: u.version + 2 });
  });

  it('never leaves the system without an enabled administrator', async () => {
    const refused = await rolledBack(db, async (tx) => {
      // alone: every other administrator of the shared test database disabled, inside this transaction
      await tx.execute(sql`update users set disabled = true where role = 'admin' and id <> ${admin.user.id}`);
      const self = (await getUser(tx, admin.user.id))!;
      return patchUser(tx as unknown as Db, COMMAND_LINE, self.id, { version: self.version, disabled: true }).catch(
        (err: unknown) => err,
      );
    });
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('conflict');
    expect((refused as AppError).detailEn).toMatch(/At least one enabled administrator/);
  });
});
