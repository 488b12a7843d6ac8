import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './pool.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Applies pending migrations; the same files run on PGlite and on PostgreSQL. */
export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
