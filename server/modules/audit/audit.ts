// The one helper every write calls, in its own transaction: who (the caller), when, from where,
// what, and the difference before → after of each field. Reading the trail is audit.queries.ts.
import { sql } from 'drizzle-orm';
import type { AuditEntity } from '../../../shared/contracts/audit.ts';
import { prepareStatement, runPrepared, type Db } from '../../db/pool.ts';
import type { Caller } from '../auth/caller.ts';

type Executor = Pick<Db, 'execute'>;
type Values = Record<string, unknown>;
export type Changes = Record<string, [unknown, unknown]>;

/** Bookkeeping that changes with every write, and names that follow a recorded code. */
const IGNORED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'can',
  'provinceName',
  'communeName',
  'areaName',
  'areaProvinceCode',
  'organizationName',
]);
/** Shown as changed, never with their value. */
const SECRET = new Set(['password', 'passwordHash']);
const HIDDEN = '••••••';

/** field → [before, after] for every field whose value differs (before is null on create). */
export function diff(before: Values | null, after: Values | null): Changes {
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    if (IGNORED.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = SECRET.has(key) ? [b === null ? null : HIDDEN, a === null ? null : HIDDEN] : [b, a];
  }
  return changes;
}

export interface AuditInput {
  action: string;
  entity: AuditEntity;
  entityId: string | number;
  organizationId?: number | null;
  /** the record before and after the write; or `changes` when the caller has them already */
  before?: Values | null;
  after?: Values | null;
  changes?: Changes;
  note?: string | null;
}

const RECORD_AUDIT = prepareStatement(sql`
    insert into audit_events (user_id, user_email, ip, request_id, action, entity, entity_id, organization_id,
      changes, note)
    select ${sql.placeholder('userId')}::int, ${sql.placeholder('userEmail')}::text, ${sql.placeholder('ip')}::text,
      ${sql.placeholder('requestId')}::text, e.action, e.entity, e.entity_id, e.organization_id, e.changes, e.note
    from jsonb_to_recordset(${sql.placeholder('events')}::jsonb)
      as e(action text, entity text, entity_id text, organization_id int, changes jsonb, note text)`);

/**
 * Records one event per input (none for an empty list), in the caller's transaction: all of
 * them in one statement, sent as one JSON document (an import records thousands at once).
 */
export async function recordAudit(db: Executor, caller: Caller, inputs: AuditInput | AuditInput[]): Promise<void> {
  const events = (Array.isArray(inputs) ? inputs : [inputs]).map((e) => ({
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    organization_id: e.organizationId ?? null,
    changes: e.changes ?? diff(e.before ?? null, e.after ?? null),
    note: e.note ?? null,
  }));
  if (events.length === 0) return;
  await runPrepared(db, RECORD_AUDIT, {
    userId: caller.user?.id ?? null,
    userEmail: caller.user?.email ?? null,
    ip: caller.ip,
    requestId: caller.requestId,
    events: JSON.stringify(events),
  });
}
