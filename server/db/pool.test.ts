// runPrepared: on a server whose connections are sessions of their own, the statement is
// prepared once under its name and answers each call's parameters; elsewhere it is sent as any
// statement, leaving nothing named behind.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, createPool, ownSessions, prepareStatement, runPrepared, statementName } from './pool.ts';

// one connection, so that what it prepared is what pg_prepared_statements shows
const pool = createPool(inject('databaseUrl'), 1);
afterAll(() => pool.end());
const server = await ownSessions(pool);

const query = (n: number) => sql`select ${n}::int + 1 as next, 'runPrepared probe' as probe`;
/** A statement built on each call, as a caller without builtOnce would */
const run = (db: Pick<ReturnType<typeof createDb>, 'execute'>, n: number) =>
  runPrepared<{ next: number }>(db, prepareStatement(query(n)));
const named = async (db: Pick<ReturnType<typeof createDb>, 'execute'>) => {
  const { rows } = await db.execute<{ name: string; statement: string }>(
    sql`select name, statement from pg_prepared_statements where statement like '%runPrepared probe%' and statement not like '%pg_prepared_statements%'`,
  );
  return rows;
};

describe('runPrepared', () => {
  it.runIf(server)('prepares the statement once under its name, and binds each call’s values', async () => {
    const db = createDb(pool, { ownSessions: true });
    expect((await run(db, 1)).rows).toEqual([{ next: 2, probe: 'runPrepared probe' }]);
    expect((await run(db, 41)).rows[0]!.next).toBe(42);
    const prepared = await named(db);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toBe(statementName(prepared[0]!.statement));
  });

  it('tells a PostgreSQL server from PGlite', () => {
    expect(server).toBe(Boolean(process.env.DATABASE_URL)); // the tests' engine: a server, or PGlite
  });

  it('sends it as any statement where connections share a session (PGlite)', async () => {
    const shared = createPool(inject('databaseUrl'), 1);
    try {
      const db = createDb(shared, { ownSessions: false });
      expect((await run(db, 7)).rows[0]!.next).toBe(8);
      expect((await db.transaction((tx) => run(tx, 8))).rows[0]!.next).toBe(9);
      expect(await named(db)).toEqual([]);
    } finally {
      await shared.end();
    }
  });

  it.runIf(server)('names it on the connection a transaction holds, too', async () => {
    const db = createDb(pool, { ownSessions: true });
    const statement = prepareStatement(
      sql`select ${sql.placeholder('n')}::int * 2 as twice, 'runPrepared probe in a transaction' as probe`,
    );
    const inTx = await db.transaction(async (tx) => {
      const answer = await runPrepared<{ twice: number }>(tx, statement, { n: 21 });
      return { answer, prepared: (await named(tx)).filter((p) => p.statement === statement.text) };
    });
    expect(inTx.answer.rows[0]!.twice).toBe(42);
    expect(inTx.prepared).toEqual([{ name: statement.name, statement: statement.text }]);
    // a name outlives a rolled-back transaction (prepared statements are not transactional):
    // the connection's next use of it, in or out of a transaction, finds it
    const failed = db.transaction(async (tx) => {
      await runPrepared(tx, statement, { n: 1 });
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect((await runPrepared<{ twice: number }>(db, statement, { n: 4 })).rows[0]!.twice).toBe(8);
    expect((await db.transaction((tx) => runPrepared<{ twice: number }>(tx, statement, { n: 5 }))).rows[0]!.twice).toBe(
      10,
    );
  });

  it('runs a statement built once with each call’s values in its slots, beside its own parameters', async () => {
    const db = createDb(pool, { ownSessions: server });
    const statement = prepareStatement(
      sql`select ${sql.placeholder('n')}::int + ${10}::int as next, ${sql.placeholder('label')}::text as label`,
    );
    expect(statement.slots).toEqual([
      [0, 'n'],
      [2, 'label'],
    ]);
    expect((await runPrepared(db, statement, { n: 1, label: 'a' })).rows[0]).toMatchObject({ next: 11, label: 'a' });
    expect((await runPrepared(db, statement, { n: 5, label: null })).rows[0]).toMatchObject({ next: 15, label: null });
    await expect(runPrepared(db, statement, { n: 1 })).rejects.toThrow('no value for "label"');
    // inside a transaction it runs too
    const inTx = await db.transaction((tx) => runPrepared<{ next: number }>(tx, statement, { n: 2, label: 'b' }));
    expect(inTx.rows[0]!.next).toBe(12);
  });
});
