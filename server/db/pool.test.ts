// executePrepared: on a server whose connections are sessions of their own, the statement is
// prepared once under its name and answers each call's parameters; elsewhere it is sent as any
// statement, leaving nothing named behind.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, createPool, executePrepared, ownSessions, statementName } from './pool.ts';

// one connection, so that what it prepared is what pg_prepared_statements shows
const pool = createPool(inject('databaseUrl'), 1);
afterAll(() => pool.end());
const server = await ownSessions(pool);

const query = (n: number) => sql`select ${n}::int + 1 as next, 'executePrepared probe' as probe`;
const named = async (db: ReturnType<typeof createDb>) => {
  const { rows } = await db.execute<{ name: string; statement: string }>(
    sql`select name, statement from pg_prepared_statements where statement like '%executePrepared probe%' and statement not like '%pg_prepared_statements%'`,
  );
  return rows;
};

describe('executePrepared', () => {
  it.runIf(server)('prepares the statement once under its name, and binds each call’s values', async () => {
    const db = createDb(pool, { ownSessions: true });
    expect((await executePrepared<{ next: number }>(db, query(1))).rows).toEqual([
      { next: 2, probe: 'executePrepared probe' },
    ]);
    expect((await executePrepared<{ next: number }>(db, query(41))).rows[0]!.next).toBe(42);
    const prepared = await named(db);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toBe(statementName(prepared[0]!.statement));
  });

  it('tells a PostgreSQL server from PGlite', () => {
    expect(server).toBe(Boolean(process.env.DATABASE_URL)); // the tests' engine: a server, or PGlite
  });

  it('sends it as any statement where connections share a session (PGlite)', async () => {
    const db = createDb(pool, { ownSessions: false });
    await db.execute(sql`deallocate all`);
    expect((await executePrepared<{ next: number }>(db, query(7))).rows[0]!.next).toBe(8);
    expect(await named(db)).toEqual([]);
  });
});
