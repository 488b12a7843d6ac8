import pg from 'pg';
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

// bigint (int8) carries counts and whole VND; every value we store fits in a JS number
// (contracts §4: safe up to 9·10^15). Dates stay 'YYYY-MM-DD' strings: no time-zone drift.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Session settings for a PostgreSQL server (PGlite ignores them): no JIT — it cost 0.5–1.8 s of
 * compilation on the statistics queries, which run in tens of milliseconds without it — and
 * the random-page cost of solid-state storage, so the planner uses the area indexes.
 */
export const SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000, options: SESSION_OPTIONS });
  pool.on('error', () => {}); // a dropped idle client is replaced on next use
  return pool;
}

/**
 * `ownSessions` (`ownSessions(pool)`): each connection of the pool is its own server session,
 * so `executePrepared` may name statements there.
 */
export function createDb(pool: pg.Pool, opts: { ownSessions: boolean }) {
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  if (opts.ownSessions) namingAllowed.add(db);
  return db;
}

export type Db = ReturnType<typeof createDb>;

/**
 * Whether the pool's connections are sessions of their own: a PostgreSQL server's are;
 * PGlite's connections share its one session, where one connection's named statement would
 * collide with another's — asked of the server, since DATABASE_URL may name a running hoptac's
 * PGlite socket (the CLI beside the server, the tests).
 */
export async function ownSessions(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ version: string }>('select version()');
  return !rows[0]!.version.includes('PGlite');
}

const namingAllowed = new WeakSet<object>();
const dialect = new PgDialect();

/**
 * Runs a statement that the hot read paths send over and over (the session lookup, the
 * statistics): where the connections are sessions of their own, as a statement prepared once
 * per connection under a name drawn from its text, so the server parses it once rather than
 * on every request (bench/RESULTS.md, "Statistics"); elsewhere (PGlite, a transaction) as any
 * statement.
 */
export async function executePrepared<T extends Record<string, unknown>>(
  db: Pick<Db, 'execute'>,
  query: SQL,
): Promise<{ rows: T[] }> {
  if (!namingAllowed.has(db)) return { rows: (await db.execute<T>(query)).rows as T[] };
  const built = dialect.sqlToQuery(query);
  const prepared = (db as Db)._.session.prepareQuery(built, undefined, statementName(built.sql), false);
  return prepared.execute() as Promise<{ rows: T[] }>;
}

/** The name a statement is prepared under: one text, one name. */
export const statementName = (text: string) => `h${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
