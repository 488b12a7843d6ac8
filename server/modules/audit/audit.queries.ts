// Reading the audit trail: an organisation's history, and the administrator's search.
import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_UNIT_FIELDS, type AuditEntity, type AuditEvent } from '../../../shared/contracts/audit.ts';
import type { MapName } from '../../../shared/contracts/enums.ts';
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

type UnitNames = Record<MapName, Record<string, string>>;

/** Newest first, with the names of the units their changes name by code. */
export async function listAuditEvents(
  db: Executor,
  f: AuditFilter,
): Promise<{ items: AuditEvent[]; unitNames: UnitNames; total: number }> {
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
  return { items: rows, unitNames: await unitNamesOf(db, rows), total: count.rows[0]!.n };
}

/** A code no list has (a unit since removed, a pre-2025 code before that list is loaded) has no name. */
async function unitNamesOf(db: Executor, events: AuditEvent[]): Promise<UnitNames> {
  const codes: Record<MapName, Set<string>> = { current: new Set(), 'pre-2025': new Set() };
  for (const { changes } of events) {
    for (const [field, values] of Object.entries(changes)) {
      const map = AUDIT_UNIT_FIELDS[field];
      if (map) for (const v of values) if (typeof v === 'string') codes[map].add(v);
    }
  }
  const names: UnitNames = { current: {}, 'pre-2025': {} };
  if (codes.current.size + codes['pre-2025'].size === 0) return names;
  const { rows } = await db.execute<{ map: MapName; code: string; name: string }>(sql`
    select map, code, full_name as name from admin_units
    where (map = 'current' and code = any(${sql.param([...codes.current])}::text[]))
       or (map = 'pre-2025' and code = any(${sql.param([...codes['pre-2025']])}::text[]))`);
  for (const r of rows) names[r.map][r.code] = r.name;
  return names;
}
