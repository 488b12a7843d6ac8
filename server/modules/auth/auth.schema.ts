// Sessions and sign-in attempts. A session row is keyed by the SHA-256 of the cookie's token,
// so the table alone never lets anyone in.
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: at(),
    lastSeenAt: at(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Every sign-in attempt, kept for the lockout (per account and per address) and for review. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    at: at(),
  },
  (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)],
);
