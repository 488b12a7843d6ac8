import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
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
const SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000, options: SESSION_OPTIONS });
  pool.on('error', () => {}); // a dropped idle client is replaced on next use
  return pool;
}

export function createDb(pool: pg.Pool) {
  return drizzle(pool, { schema, casing: 'snake_case' });
}

export type Db = ReturnType<typeof createDb>;
