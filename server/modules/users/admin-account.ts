import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../db/pool.ts';
import { users } from './users.schema.ts';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
export const hashPassword = (password: string) =>
  hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

/**
 * The first administrator (contracts §1), created when there is no user yet. Returns the
 * credentials to print once, or undefined when users already exist.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: { email: string; password?: string | undefined },
): Promise<{ email: string; password: string; generated: boolean } | undefined> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return undefined;
  const password = opts.password ?? randomBytes(12).toString('base64url');
  await db
    .insert(users)
    .values({ email: opts.email, name: 'Quản trị viên', passwordHash: await hashPassword(password), role: 'admin' })
    .onConflictDoNothing();
  return { email: opts.email, password, generated: opts.password === undefined };
}
