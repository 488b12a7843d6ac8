// The audit trail (nhật ký thay đổi): one row per write, in the writing transaction. Rows are
// never changed or deleted: migration 0005's trigger refuses it, whoever asks.
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AuditEntity } from '../../../shared/contracts/audit.ts';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** null: the command line or the system */
    userId: integer(),
    userEmail: text(),
    ip: text(),
    requestId: text(),
    action: text().notNull(),
    entity: text().$type<AuditEntity>().notNull(),
    entityId: text().notNull(),
    /** the organisation the event belongs to, for its history (no foreign key: history outlives it) */
    organizationId: integer(),
    /** field → [before, after] */
    changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull(),
    note: text(),
  },
  (t) => [
    index().on(t.organizationId, t.id),
    index().on(t.entity, t.entityId, t.id),
    index().on(t.userId, t.id),
    index().on(t.at),
  ],
);
