import { afterAll } from 'vitest';
import { inject } from 'vitest';
import { buildApp, type App } from '../server/http/app.ts';
import { createDb, createPool, type Db } from '../server/db/pool.ts';

/** The API on the test database, for `app.inject(...)`; closed after the file's tests. */
export async function testApp(): Promise<{ app: App; db: Db }> {
  const pool = createPool(inject('databaseUrl'), 4);
  const db = createDb(pool);
  const app = await buildApp({ db, logLevel: process.env.TEST_LOG ?? 'silent', serveWeb: false });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });
  return { app, db };
}
