import { afterAll, inject } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../shared/contracts/auth.ts';
import { buildApp, type App } from '../server/http/app.ts';
import { createDb, createPool, type Db } from '../server/db/pool.ts';
import { SESSION_COOKIE } from '../server/modules/auth/auth.hooks.ts';
import { hashPassword } from '../server/modules/users/admin-account.ts';
import { insertUser } from '../server/modules/users/users.queries.ts';
import { unique } from './factories.ts';

/** A signed-in user: `inject` sends their session cookie, and the CSRF token with every write. */
export interface Agent {
  user: { id: number; email: string; role: Role };
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'mật khẩu thử nghiệm';
const hashed = hashPassword(TEST_PASSWORD);

/** Creates a user with the role and scope (codes of the current map) and signs them in. */
export async function signIn(
  app: App,
  db: Db,
  opts: { role: Role; areaCode?: string | null; organizationId?: number | null },
): Promise<Agent> {
  const email = `${opts.role.replace('_', '-')}-${unique()}@test.hoptac`;
  const id = await insertUser(db, {
    email,
    name: `Người thử ${opts.role}`,
    role: opts.role,
    areaCode: opts.areaCode ?? null,
    organizationId: opts.organizationId ?? null,
    passwordHash: await hashed,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return {
    user: { id, email, role: opts.role },
    inject: (o) => {
      const req = typeof o === 'string' ? { url: o } : o;
      const write = req.method && req.method !== 'GET' && req.method !== 'HEAD';
      return app.inject({
        ...req,
        cookies: { ...(req.cookies as Record<string, string>), [SESSION_COOKIE]: cookie.value },
        headers: { ...(write && { 'x-csrf-token': csrfToken }), ...req.headers },
      });
    },
  };
}

/**
 * The API on the test database, for `inject(...)`, with an administrator signed in; closed
 * after the file's tests.
 */
export async function testApp(): Promise<{ app: App; db: Db; admin: Agent }> {
  const pool = createPool(inject('databaseUrl'), 4);
  const db = createDb(pool);
  const app = await buildApp({ db, logLevel: process.env.TEST_LOG ?? 'silent', serveWeb: false });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });
  return { app, db, admin: await signIn(app, db, { role: 'admin' }) };
}
