// Accounts (contracts §8). Emails are stored lower-case; the role's scope is an area of the
// current map (province or commune; null: the whole country) or one organisation.
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES, type Role } from '../../../shared/contracts/auth.ts';
import { organizations } from '../../db/schema.ts';

const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    version: integer().notNull().default(1),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: text().$type<Role>().notNull(),
    areaCode: text(),
    organizationId: integer().references(() => organizations.id),
    disabled: boolean().notNull().default(false),
    createdAt: at(),
    updatedAt: at(),
    passwordChangedAt: at(),
  },
  () => [
    check('users_role_check', sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(', ')})`)),
    check('users_email_lower_check', sql`email = lower(email)`),
  ],
);
