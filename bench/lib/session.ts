// A signed-in user for the benchmarks: requests through `app.inject` with the session cookie.
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../shared/contracts/auth.ts';
import type { Db } from '../../server/db/pool.ts';
import type { App } from '../../server/http/app.ts';
import { SESSION_COOKIE } from '../../server/modules/auth/auth.hooks.ts';
import { hashPassword } from '../../server/modules/users/admin-account.ts';
import { emailTaken, insertUser } from '../../server/modules/users/users.queries.ts';

export const BENCH_PASSWORD = 'mật khẩu đo hiệu năng';

export interface BenchUser {
  /** the session cookie's token */
  token: string;
  /** GET `url` as this user; throws unless 200 */
  get(url: string): Promise<LightMyRequestResponse>;
}

/** Creates the account (email from role and area) unless a reused database has it, and signs it in. */
export async function signedIn(app: App, db: Db, role: Role, areaCode: string | null = null): Promise<BenchUser> {
  const email = `${role}.${areaCode ?? 'vn'}@bench.hoptac`;
  if (!(await emailTaken(db, email)))
    await insertUser(db, {
      email,
      name: role,
      role,
      areaCode,
      organizationId: null,
      passwordHash: await hashPassword(BENCH_PASSWORD),
    });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode}`);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  return {
    token,
    async get(url) {
      const r = await app.inject({ url, cookies: { [SESSION_COOKIE]: token } });
      if (r.statusCode !== 200) throw new Error(`${role} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      return r;
    },
  };
}

/** An account's session over real HTTP (the app listening at `base`): its cookie header and CSRF token. */
export async function httpSignIn(base: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken };
}
