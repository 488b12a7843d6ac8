// runPrepared: the statement is prepared once under its name and answers each call's
// parameters — on each connection of a PostgreSQL server, and once in PGlite's one session,
// which all connections share (pglite-queue.ts answers a second, identical Parse itself).
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, createPool, paramsOf, prepareStatement, runPrepared, statementName, type Db } from './pool.ts';

// one connection, so that what it prepared is what pg_prepared_statements shows
const pool = createPool(inject('databaseUrl'), 1);
const db = createDb(pool);
afterAll(() => pool.end());
const pglite = !process.env.DATABASE_URL; // the tests' engine

/** A statement of its own per test, by its label */
const probe = (label: string) =>
  prepareStatement(sql`select ${sql.placeholder('n')}::int * 2 as twice, ${`probe ${label}`}::text as probe`);
const twice = async (on: Pick<Db, 'execute'>, statement: ReturnType<typeof probe>, n: number) =>
  (await runPrepared<{ twice: number }>(on, statement, { n })).rows[0]!.twice;
const prepared = async (on: Pick<Db, 'execute'>, statement: ReturnType<typeof probe>) => {
  const { rows } = await on.execute<{ name: string }>(
    sql`select name from pg_prepared_statements where statement = ${statement.text}`,
  );
  return rows.map((r) => r.name);
};

describe('runPrepared', () => {
  it('prepares the statement once under its name, and binds each call’s values', async () => {
    const statement = probe('once');
    expect(await twice(db, statement, 1)).toBe(2);
    expect(await twice(db, statement, 21)).toBe(42);
    expect(await prepared(db, statement)).toEqual([statementName(statement.text)]);
  });

  it('answers each type as drizzle’s execute does: dates, times and intervals as text, bigint as a number', async () => {
    const query = sql`select timestamptz '2026-11-28 05:00:00+00' as at, date '2026-11-28' as day,
      interval '90 minutes' as idle, array[date '2026-01-01'] as days, 9007199254740991::bigint as vnd,
      1.5::numeric as share, true as ok`;
    const { rows } = await runPrepared(db, prepareStatement(query));
    expect(rows).toEqual((await db.execute(query)).rows);
    expect(typeof rows[0]!.at).toBe('string');
    expect(rows[0]!.vnd).toBe(9007199254740991);
  });

  it('runs a statement built once with each call’s values in its slots, beside its own parameters', async () => {
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
  });

  it('names it on the connection a transaction holds, and the name outlives a rollback', async () => {
    const statement = probe('transaction');
    const inTx = await db.transaction(async (tx) => ({
      answer: await twice(tx, statement, 21),
      names: await prepared(tx, statement),
    }));
    expect(inTx).toEqual({ answer: 42, names: [statement.name] });
    // prepared statements are not transactional: the connection's next use finds it
    const failed = db.transaction(async (tx) => {
      await twice(tx, statement, 1);
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(await twice(db, statement, 4)).toBe(8);
    expect(await db.transaction((tx) => twice(tx, statement, 5))).toBe(10);
  });

  it('prepares it on several connections at once, PGlite’s shared session included', async () => {
    const many = createPool(inject('databaseUrl'), 4);
    try {
      const onMany = createDb(many);
      const statement = probe('several connections');
      const clients = await Promise.all(Array.from({ length: 4 }, () => many.connect()));
      clients.forEach((c) => c.release()); // four connections open: the calls below spread over them
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => twice(onMany, statement, i)));
      expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => 2 * i));
    } finally {
      await many.end();
    }
  });

  it('prepares it again on another connection after one closed it (a value that could not be bound)', async () => {
    // pg sends Close for a named statement whose values it cannot bind; in PGlite's shared
    // session that drops it for every connection, and the next Parse must reach the database
    const statement = probe('closed');
    const query = (n: unknown) => ({ name: statement.name, text: statement.text, values: paramsOf(statement, { n }) });
    const [one, two] = [new pg.Client(inject('databaseUrl')), new pg.Client(inject('databaseUrl'))];
    await Promise.all([one.connect(), two.connect()]);
    try {
      expect((await one.query<{ twice: number }>(query(1))).rows[0]!.twice).toBe(2);
      const unbindable = {
        toPostgres: () => {
          throw new Error('cannot bind');
        },
      };
      await expect(one.query(query(unbindable))).rejects.toThrow('cannot bind');
      expect((await two.query<{ twice: number }>(query(7))).rows[0]!.twice).toBe(14);
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
  });

  it('prepares it again after a tool ran DEALLOCATE, once a query has found it gone', async () => {
    const statement = probe('deallocated');
    const query = { name: statement.name, text: statement.text, values: paramsOf(statement, { n: 5 }) };
    const clients = [0, 1, 2].map(() => new pg.Client(inject('databaseUrl')));
    await Promise.all(clients.map((c) => c.connect()));
    const [one, two, three] = clients as [pg.Client, pg.Client, pg.Client];
    try {
      expect((await one.query<{ twice: number }>(query)).rows[0]!.twice).toBe(10);
      await one.query(`deallocate ${statement.name}`); // this one only: other test files share PGlite's session
      // PGlite's one session lost it for every connection: the first to bind it fails (the
      // pool then drops that connection), and the queue forgets the name
      if (pglite) await expect(two.query(query)).rejects.toThrow(/does not exist/);
      expect((await three.query<{ twice: number }>(query)).rows[0]!.twice).toBe(10);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it.runIf(pglite)('refuses, in PGlite’s shared session, another text under a name already taken', async () => {
    const statement = probe('taken');
    expect(await twice(db, statement, 1)).toBe(2);
    const other = new pg.Client({ connectionString: inject('databaseUrl') });
    await other.connect();
    try {
      await expect(other.query({ name: statement.name, text: 'select 1 as one' })).rejects.toThrow(/already exists/);
      expect(await twice(db, statement, 2)).toBe(4);
    } finally {
      await other.end();
    }
  });
});
