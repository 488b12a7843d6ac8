// Reading the audit trail: an organisation's history, and the administrator's search.
import { sql, type SQL } from 'drizzle-orm';
import type { AuditEntity, AuditEvent } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/pool.ts';

type Executor = Pick<Db, 'execute'>;

const COLUMNS = sql`id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
  user_id as "userId", user_email as "userEmail", ip, request_id as "requestId", action, entity,
  entity_id as "entityId", organization_id as "organizationId", changes, note`;

export interface AuditFilter {
  organizationId?: number | undefined;
  userId?: number | undefined;
  entity?: AuditEntity | undefined;
  entityId?: string | undefined;
  /** days in Vietnam's time, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Newest first. */
export async function listAuditEvents(db: Executor, f: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (f.organizationId !== undefined) where.push(sql`organization_id = ${f.organizationId}`);
  if (f.userId !== undefined) where.push(sql`user_id = ${f.userId}`);
  if (f.entity) where.push(sql`entity = ${f.entity}`);
  if (f.entityId) where.push(sql`entity_id = ${f.entityId}`);
  if (f.from) where.push(sql`at >= (${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) where.push(sql`at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const condition = sql.join(where, sql` and `);
  const [{ rows }, count] = await Promise.all([
    db.execute<AuditEvent>(sql`
      select ${COLUMNS} from audit_events where ${condition}
      order by id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where ${condition}`),
  ]);
  return { items: rows, total: count.rows[0]!.n };
}
