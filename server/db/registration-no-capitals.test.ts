// Migration 0014 on a database that has lower-case registration numbers: it runs on the shared
// test database inside a transaction that is rolled back, with the check it adds taken off
// first so the old rows can be written.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type pg from 'pg';
import { uniqueNo } from '../../test/factories.ts';
import { createPool } from './pool.ts';

const statements = readFileSync(new URL('../../migrations/0014_registration_no_capitals.sql', import.meta.url), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim());

let pool: pg.Pool;
beforeAll(() => {
  pool = createPool(inject('databaseUrl'), 1);
});
afterAll(() => pool.end());

/** Runs `fn` on a database as it was before 0014, then rolls everything back. */
async function before0014<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('alter table organizations drop constraint organizations_registration_no_check');
    return await fn(client);
  } finally {
    await client.query('rollback');
    client.release();
  }
}

const insert = (client: pg.PoolClient, no: string) =>
  client.query(
    `insert into organizations (registration_no, name, kind, sector, province_code)
     values ($1, 'Hợp tác xã Chữ thường', 'HTX', 'agriculture', '04')`,
    [no],
  );

describe('migration 0014: registration numbers in capitals', () => {
  it('upper-cases a stored number, bumps its version, and then refuses a lower-case one', async () => {
    const no = `k${uniqueNo()}`;
    const after = await before0014(async (client) => {
      await insert(client, no);
      for (const statement of statements) await client.query(statement);
      const { rows } = await client.query(
        'select registration_no, version from organizations where registration_no = $1',
        [no.toUpperCase()],
      );
      const refused = await insert(client, `x${uniqueNo()}`).then(
        () => null,
        (err: { code?: string }) => err.code,
      );
      return { rows, refused };
    });
    expect(after).toEqual({ rows: [{ registration_no: no.toUpperCase(), version: 2 }], refused: '23514' });
  });

  it('stops on numbers that differ only in case, naming them, in both languages', async () => {
    const no = `k${uniqueNo()}`;
    const message = await before0014(async (client) => {
      await insert(client, no);
      await insert(client, no.toUpperCase());
      for (const statement of statements) await client.query(statement);
    }).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(message).toContain('Mã số chỉ khác nhau chữ hoa/thường');
    expect(message).toContain('registration numbers differ only in case');
    expect(message).toContain(`${no.toUpperCase()}, ${no}`);
  });
});
