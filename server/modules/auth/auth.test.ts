// Sessions, CSRF, lockout, disabled accounts, password changes and the hardening of every
// answer (contracts §8). Each test signs in its own users; lockout tests use their own addresses.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, TEST_PASSWORD, type Agent } from '../../../test/app.ts';
import { buildOrganization, unique } from '../../../test/factories.ts';
import type { Db } from '../../db/pool.ts';
import { errorHandler, type App } from '../../http/app.ts';
import { SESSION_COOKIE } from './auth.hooks.ts';
import { LOCKOUT } from './auth.service.ts';
import { sessionCache } from './session-cache.ts';
import { SESSION_LIMITS } from './sessions.queries.ts';

let app: App;
let db: Db;
let admin: Agent;
beforeAll(async () => {
  ({ app, db, admin } = await testApp());
});

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
const cookieOf = (res: Awaited<ReturnType<typeof login>>) => res.cookies.find((c) => c.name === SESSION_COOKIE)!;
const randomAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('signing in and out', () => {
  it('sets an http-only SameSite cookie, answers the user with a CSRF token, and me answers the same', async () => {
    const viewer = await signIn(app, db, { role: 'viewer', areaCode: '42' });
    const res = await login(viewer.user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.maxAge).toBe(SESSION_LIMITS.maxHours * 3600);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: viewer.user.email,
      role: 'viewer',
      areaCode: '42',
      homeArea: '42',
      homeProvince: '42',
    });
    expect(body.user.areaName).toBe('Tỉnh Hà Tĩnh');
    expect(body.user.permissions).toContain('stats.read');
    expect(body.user.permissions).not.toContain('organizations.update');
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    // the database keeps only a hash of the token
    const stored = await db.execute(sql`select 1 from sessions where id = ${cookie.value}`);
    expect(stored.rows).toHaveLength(0);

    const me = await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.json()).toEqual(body);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    const wrong = await login(viewer.user.email, 'không đúng', randomAddress());
    const unknown = await login(`khong-co-${unique()}@test.hoptac`, 'không đúng', randomAddress());
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().detail).toBe('Email hoặc mật khẩu không đúng');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('ends the session on sign-out; the old cookie is refused afterwards', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    const out = await viewer.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out).value).toBe('');
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers a read from the sessions it keeps for a few seconds, but asks the database for a write', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(200);
    // another server on the same database ends the session: this one does not know yet
    await db.execute(sql`delete from sessions where user_id = ${viewer.user.id}`);
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(200);
    const write = await viewer.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(write.statusCode).toBe(401);
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(401); // the write's read replaced it
  });

  it('expires a session at its end, and after two idle hours', async () => {
    for (const expire of [
      sql`update sessions set expires_at = now() - interval '1 second'`,
      sql`update sessions set last_seen_at = now() - make_interval(mins => ${SESSION_LIMITS.idleMinutes + 1})`,
    ]) {
      const viewer = await signIn(app, db, { role: 'viewer' });
      expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(200);
      await db.execute(sql`${expire} where user_id = ${viewer.user.id}`);
      sessionCache.forgetUser(viewer.user.id); // as if the cache's few seconds had passed (session-cache.test.ts)
      const res = await viewer.inject('/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('keeps an active session alive, writing the activity at most once a minute', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    await db.execute(
      sql`update sessions set last_seen_at = now() - interval '90 minutes' where user_id = ${viewer.user.id}`,
    );
    sessionCache.forgetUser(viewer.user.id);
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(200);
    const { rows } = await db.execute<{ idle: number }>(
      sql`select extract(epoch from now() - last_seen_at)::int as idle from sessions where user_id = ${viewer.user.id}`,
    );
    expect(rows[0]!.idle).toBeLessThan(5);
  });
});

describe('CSRF and origin', () => {
  it('refuses a write without the session token, or with a wrong one, and writes nothing', async () => {
    const staff = await signIn(app, db, { role: 'province_staff', areaCode: '42' });
    const payload = buildOrganization({ provinceCode: '42', communeCode: null });
    const cookie = (await login(staff.user.email, TEST_PASSWORD)).cookies.find((c) => c.name === SESSION_COOKIE)!;
    for (const headers of [{}, { 'x-csrf-token': 'sai-ma' }]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload,
        headers,
        cookies: { [SESSION_COOKIE]: cookie.value },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().detailEn).toMatch(/anti-forgery token/);
    }
    const { rows } = await db.execute(
      sql`select 1 from organizations where registration_no = ${payload.registrationNo}`,
    );
    expect(rows).toHaveLength(0);
    // reading needs no token
    expect((await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } })).statusCode).toBe(
      200,
    );
  });

  it('refuses a write sent by a browser from another site, signing in included', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null }),
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    const signin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.user.email, password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(signin.statusCode).toBe(403);
    const same = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ provinceCode: '42', communeCode: null }),
      headers: { origin: 'http://localhost:80' },
    });
    expect(same.statusCode).toBe(201);
  });
});

describe('lockout', () => {
  it(`locks an account for a while after ${LOCKOUT.perAccount} failures in a row, even with the right password`, async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    for (let i = 0; i < LOCKOUT.perAccount; i++) {
      expect((await login(viewer.user.email, 'sai', randomAddress())).statusCode).toBe(401);
    }
    const locked = await login(viewer.user.email, TEST_PASSWORD, randomAddress());
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'rate_limited' });
    expect(locked.json().detail).toMatch(/thử lại sau \d+ phút/);
    const retry = Number(locked.headers['retry-after']);
    expect(retry).toBeGreaterThan(LOCKOUT.minutes * 60 - 30);
    expect(retry).toBeLessThanOrEqual(LOCKOUT.minutes * 60);
    // once the failures are older than the window, the right password works again
    await db.execute(
      sql`update login_attempts set at = at - make_interval(mins => ${LOCKOUT.minutes}) where email = ${viewer.user.email}`,
    );
    expect((await login(viewer.user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures since the last success only', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await login(viewer.user.email, 'sai', randomAddress());
    expect((await login(viewer.user.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await login(viewer.user.email, 'sai', randomAddress());
    expect((await login(viewer.user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it(`locks an address after ${LOCKOUT.perAddress} failures, whichever accounts they tried`, async () => {
    const address = randomAddress();
    for (let i = 0; i < LOCKOUT.perAddress; i++) {
      expect((await login(`doan-${unique()}@test.hoptac`, 'sai', address)).statusCode).toBe(401);
    }
    const viewer = await signIn(app, db, { role: 'viewer' });
    expect((await login(viewer.user.email, TEST_PASSWORD, address)).statusCode).toBe(429);
    expect((await login(viewer.user.email, TEST_PASSWORD, randomAddress())).statusCode).toBe(200);
  });
});

describe('accounts changed by an administrator', () => {
  it('ends every session of a disabled account, and refuses its sign-in', async () => {
    const officer = await signIn(app, db, { role: 'commune_officer', areaCode: '01558' });
    const second = await login(officer.user.email, TEST_PASSWORD);
    const version = (await admin.inject(`/api/v1/users/${officer.user.id}`)).json().version;
    const off = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${officer.user.id}`,
      payload: { version, disabled: true },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await officer.inject('/api/v1/auth/me')).statusCode).toBe(401);
    const secondMe = await app.inject({
      url: '/api/v1/auth/me',
      cookies: { [SESSION_COOKIE]: cookieOf(second).value },
    });
    expect(secondMe.statusCode).toBe(401);
    const again = await login(officer.user.email, TEST_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().detailEn).toMatch(/disabled/);
  });

  it('ends the sessions of an account whose password an administrator reset', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    const version = (await admin.inject(`/api/v1/users/${viewer.user.id}`)).json().version;
    const reset = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.user.id}`,
      payload: { version, password: 'mật khẩu mới tinh' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(viewer.user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(viewer.user.email, 'mật khẩu mới tinh')).statusCode).toBe(200);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password; keeps this session and ends the others', async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    const other = await login(viewer.user.email, TEST_PASSWORD);
    const wrong = await viewer.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'sai', newPassword: 'mật khẩu mới đủ dài' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await viewer.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngắn' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword' });

    const ok = await viewer.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu mới đủ dài' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await viewer.inject('/api/v1/auth/me')).statusCode).toBe(200);
    const otherMe = await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookieOf(other).value } });
    expect(otherMe.statusCode).toBe(401);
    expect((await login(viewer.user.email, 'mật khẩu mới đủ dài')).statusCode).toBe(200);
  });
});

describe('guessing a password through its change', () => {
  it(`counts each wrong current password as a failed sign-in: after ${LOCKOUT.perAccount}, 429 here and at sign-in`, async () => {
    const viewer = await signIn(app, db, { role: 'viewer' });
    const change = (currentPassword: string) =>
      viewer.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword, newPassword: 'mật khẩu mới đủ dài' },
      });
    for (let i = 0; i < LOCKOUT.perAccount; i++) expect((await change(`đoán ${i}`)).statusCode).toBe(400);
    const locked = await change(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'rate_limited' });
    expect((await login(viewer.user.email, TEST_PASSWORD, randomAddress())).statusCode).toBe(429);
  });
});

describe('every answer', () => {
  it('carries security headers', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('refuses a body over the limit with a problem, not a stack trace', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it('never shows SQL or a stack trace when the database fails', async () => {
    const bare = Fastify({ logger: false });
    bare.setErrorHandler(errorHandler);
    bare.get('/boom', async () => {
      await db.execute(sql`select 1 / 0 from organizations`);
    });
    const res = await bare.inject('/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal', requestId: expect.any(String) });
    expect(res.body).not.toMatch(/select|division|organizations|stack|\.ts/i);
    await bare.close();
  });

  it('refuses an id beyond what the database holds as a bad request', async () => {
    const res = await admin.inject(`/api/v1/users/${2 ** 31}`);
    expect(res.statusCode).toBe(400);
  });
});
