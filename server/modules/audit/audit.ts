// The one helper every write calls, in its own transaction: who (the caller), when, from where,
// what, and the difference before → after of each field. Reading the trail is audit.queries.ts.
import { sql } from 'drizzle-orm';
import type { AuditEntity } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/pool.ts';
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

/** Records one event per input (none for an empty list), in the caller's transaction. */
export async function recordAudit(db: Executor, caller: Caller, inputs: AuditInput | AuditInput[]): Promise<void> {
  const events = (Array.isArray(inputs) ? inputs : [inputs]).map((e) => ({
    ...e,
    changes: e.changes ?? diff(e.before ?? null, e.after ?? null),
  }));
  if (events.length === 0) return;
  const col = <T>(f: (e: (typeof events)[number]) => T) => sql.param(events.map(f));
  await db.execute(sql`
    insert into audit_events (user_id, user_email, ip, request_id, action, entity, entity_id, organization_id,
      changes, note)
    select ${caller.user?.id ?? null}::int, ${caller.user?.email ?? null}::text, ${caller.ip}::text,
      ${caller.requestId}::text, action, entity, entity_id, organization_id, changes, note
    from unnest(${col((e) => e.action)}::text[], ${col((e) => e.entity)}::text[],
      ${col((e) => String(e.entityId))}::text[], ${col((e) => e.organizationId ?? null)}::int[],
      ${col((e) => JSON.stringify(e.changes))}::jsonb[], ${col((e) => e.note ?? null)}::text[])
      as t(action, entity, entity_id, organization_id, changes, note)`);
}
