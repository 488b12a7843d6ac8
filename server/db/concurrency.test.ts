// Many connections at once, as a busy server has them: every query gets its own rows, and a
// transaction's statements are not mixed with others'. On PGlite this goes through the socket's
// per-query turns (pglite-queue.ts); on PostgreSQL it is the server's own behaviour.
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 8 });
afterAll(() => pool.end());

describe('concurrent connections', () => {
  it('answer each query with its own rows, whatever its shape', async () => {
    const queries = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? pool.query<{ v: string }>('select $1::int * 2 as v', [i]).then((r) => [i, Number(r.rows[0]!.v) / 2])
        : i % 3 === 1
          ? pool
              .query<{ v: string }>("select $1::text || '-' || $2::text as v", [i, 'x'])
              .then((r) => [i, parseInt(r.rows[0]!.v)])
          : pool
              .query<{ v: number }>('select n as v from generate_series($1::int, $1::int + 2) n', [i])
              .then((r) => [i, r.rows[0]!.v]),
    );
    for (const [asked, got] of await Promise.all(queries)) expect(got).toBe(asked);
  });

  it('keep a transaction whole while others query', async () => {
    const tx = await pool.connect();
    try {
      await tx.query('begin');
      await tx.query('create temporary table if not exists concurrency_probe (n int) on commit drop');
      const others = Promise.all(Array.from({ length: 50 }, (_, i) => pool.query('select $1::int as n', [i])));
      for (let i = 0; i < 20; i++) await tx.query('insert into concurrency_probe values ($1)', [i]);
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from concurrency_probe');
      expect(rows[0]!.n).toBe(20);
      await tx.query('commit');
      expect((await others).map((r) => r.rows[0].n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      tx.release();
    }
  });
});
