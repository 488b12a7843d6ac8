// The SQL of sessions and sign-in attempts.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { prepareStatement, runPrepared, type Db } from '../../db/pool.ts';
import type { CallerUser } from './caller.ts';

type Executor = Pick<Db, 'execute'>;

/** How long a session lives: idle, then at most (contracts §8: expiry and idle timeout). */
export const SESSION_LIMITS = { idleMinutes: 120, maxHours: 12, touchEverySeconds: 60, cacheSeconds: 10 } as const;

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function insertSession(
  db: Executor,
  opts: { userId: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.execute(sql`
    insert into sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
    values (${tokenId(token)}, ${opts.userId}, ${csrfToken},
      now() + make_interval(hours => ${SESSION_LIMITS.maxHours}), ${opts.ip}, ${opts.userAgent})`);
  return { token, csrfToken };
}

export interface LiveSession {
  id: string;
  csrfToken: string;
  /** seconds since the last request: the activity is written at most once a minute */
  idleSeconds: number;
  /** seconds until its absolute end */
  expiresInSeconds: number;
  user: CallerUser;
}

/** findLiveSession's statement, built once (every request runs it): its values are `id` and `idleMinutes`. */
export const LIVE_SESSION = prepareStatement(sql`
    select s.id, s.csrf_token, extract(epoch from now() - s.last_seen_at)::int as idle_seconds,
      extract(epoch from s.expires_at - now())::float8 as expires_in_seconds,
      u.id as user_id, u.email, u.name, u.role, u.area_code, a.province_code as area_province_code,
      u.organization_id
    from sessions s
    join users u on u.id = s.user_id and not u.disabled
    left join admin_units a on a.map = 'current' and a.code = u.area_code
    where s.id = ${sql.placeholder('id')} and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(mins => ${sql.placeholder('idleMinutes')})`);

/** The session `id` (its token's SHA-256, tokenId), when it is alive and its user enabled. */
export async function findLiveSession(db: Executor, id: string): Promise<LiveSession | undefined> {
  const { rows } = await runPrepared<{
    id: string;
    csrf_token: string;
    idle_seconds: number;
    expires_in_seconds: number;
    user_id: number;
    email: string;
    name: string;
    role: CallerUser['role'];
    area_code: string | null;
    area_province_code: string | null;
    organization_id: number | null;
  }>(db, LIVE_SESSION, { id, idleMinutes: SESSION_LIMITS.idleMinutes });
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    csrfToken: r.csrf_token,
    idleSeconds: r.idle_seconds,
    expiresInSeconds: r.expires_in_seconds,
    user: {
      id: r.user_id,
      email: r.email,
      name: r.name,
      role: r.role,
      areaCode: r.area_code,
      areaProvinceCode: r.area_province_code,
      organizationId: r.organization_id,
    },
  };
}

export async function touchSession(db: Executor, id: string): Promise<void> {
  await db.execute(sql`update sessions set last_seen_at = now() where id = ${id}`);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.execute(sql`delete from sessions where id = ${id}`);
}

/**
 * Ends a user's sessions (all, or all but one: a password change keeps the session that made it).
 * The caller forgets them in the process after its transaction commits (sessionCache.forgetUser).
 */
export async function deleteUserSessions(db: Executor, userId: number, except?: string): Promise<void> {
  await db.execute(sql`delete from sessions where user_id = ${userId} and id is distinct from ${except ?? null}`);
}

export async function recordLoginAttempt(
  db: Executor,
  a: { email: string; ip: string | null; succeeded: boolean },
): Promise<void> {
  await db.execute(sql`insert into login_attempts (email, ip, succeeded) values (${a.email}, ${a.ip}, ${a.succeeded})`);
}

/**
 * Failed sign-ins within the last `minutes`: for the account (since its last success) and for
 * the address, with when the oldest of them leaves the window.
 */
export async function recentFailures(
  db: Executor,
  opts: { email: string; ip: string | null; minutes: number },
): Promise<{ account: number; address: number; accountFreeIn: number; addressFreeIn: number }> {
  const { rows } = await db.execute<{
    account: number;
    address: number;
    account_free_in: number | null;
    address_free_in: number | null;
  }>(sql`
    with since as (select now() - make_interval(mins => ${opts.minutes}) as at),
    account as (
      select at from login_attempts
      where email = ${opts.email} and not succeeded and at > (select at from since)
        and at > coalesce((select max(at) from login_attempts where email = ${opts.email} and succeeded), '-infinity')
    ),
    address as (
      select at from login_attempts
      where ${opts.ip}::text is not null and ip = ${opts.ip} and not succeeded and at > (select at from since)
    )
    select (select count(*) from account)::int as account, (select count(*) from address)::int as address,
      extract(epoch from (select min(at) from account) - (select at from since))::int as account_free_in,
      extract(epoch from (select min(at) from address) - (select at from since))::int as address_free_in`);
  const r = rows[0]!;
  return {
    account: r.account,
    address: r.address,
    accountFreeIn: r.account_free_in ?? 0,
    addressFreeIn: r.address_free_in ?? 0,
  };
}
