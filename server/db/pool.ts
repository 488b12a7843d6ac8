import pg from 'pg';
import { createHash } from 'node:crypto';
import { is, Placeholder, type SQL } from 'drizzle-orm';
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

export function createDb(pool: pg.Pool) {
  return drizzle(pool, { schema, casing: 'snake_case' });
}

export type Db = ReturnType<typeof createDb>;
/** A transaction of a Db: what `db.transaction` hands its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const dialect = new PgDialect({ casing: 'snake_case' }); // as createDb's

/**
 * A statement of the hot paths (reads, a report's save and steps), built once: its text, the
 * name it is prepared under, and its parameters, where each `sql.placeholder(name)` is a slot
 * for a call's values.
 */
export interface Statement {
  text: string;
  name: string;
  params: unknown[];
  slots: [index: number, placeholder: string][];
}

/** Builds `query` into a Statement; building (drizzle's) costs more than running it (ADR 0010). */
export function prepareStatement(query: SQL): Statement {
  const built = dialect.sqlToQuery(query);
  const slots: Statement['slots'] = [];
  built.params.forEach((p, i) => {
    if (is(p, Placeholder)) slots.push([i, p.name]);
  });
  return { text: built.sql, name: statementName(built.sql), params: built.params, slots };
}

/** Statements built once per key: `build` on the first call with each set of arguments. */
export function builtOnce<A extends string[]>(build: (...args: A) => SQL): (...args: A) => Statement {
  const built = new Map<string, Statement>();
  return (...args) => {
    const key = args.join(' ');
    let statement = built.get(key);
    if (!statement) built.set(key, (statement = prepareStatement(build(...args))));
    return statement;
  };
}

/**
 * Runs a Statement with `values` in its slots, prepared under its name: each connection of a
 * PostgreSQL server (in a transaction too) parses and plans it once rather than on every
 * request (bench/RESULTS.md, "Statistics"); PGlite's one session prepares it once for all
 * connections (pglite-queue.ts). Sent on `db`'s pool, or its transaction's connection, without
 * drizzle's query object, which cost 0.03 ms a statement (ADR 0010).
 */
export async function runPrepared<T extends Record<string, unknown>>(
  db: Pick<Db, 'execute'>,
  statement: Statement,
  values: Record<string, unknown> = {},
): Promise<{ rows: T[] }> {
  // drizzle's node-postgres session holds the pool, or the connection of its transaction
  const { client } = (db as Db)._.session as unknown as { client: pg.Pool | pg.PoolClient };
  return client.query<T>({
    name: statement.name,
    text: statement.text,
    values: paramsOf(statement, values),
    types: drizzleTypes,
  });
}

// drizzle's `execute` answers dates, timestamps and intervals, their arrays, and numeric arrays
// as PostgreSQL's text (drizzle-orm/node-postgres/session.js): runPrepared answers them alike
const { DATE, TIMESTAMP, TIMESTAMPTZ, INTERVAL } = pg.types.builtins;
const ARRAYS = { date: 1182, timestamp: 1115, timestamptz: 1185, interval: 1187, numeric: 1231 };
const TEXT_TYPES = new Set<number>([DATE, TIMESTAMP, TIMESTAMPTZ, INTERVAL, ...Object.values(ARRAYS)]);
const asText = (v: string) => v;
const drizzleTypes = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(id) ? asText : pg.types.getTypeParser(id, format)) as typeof pg.types.getTypeParser,
};

/** A Statement's parameters with `values` in its slots. */
export function paramsOf(statement: Statement, values: Record<string, unknown>): unknown[] {
  const params = [...statement.params];
  for (const [i, name] of statement.slots) {
    if (!(name in values)) throw new Error(`no value for "${name}" in ${statement.name}`);
    params[i] = values[name];
  }
  return params;
}

/** The name a statement is prepared under: one text, one name. */
export const statementName = (text: string) => `h${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
