// All the SQL of accounts.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import type { Role, User } from '../../../shared/contracts/auth.ts';

type Executor = Pick<Db, 'execute'>;

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const USER_COLUMNS = sql`u.id, u.version, u.email, u.name, u.role, u.disabled,
  ${iso('u.created_at')} as "createdAt", ${iso('u.updated_at')} as "updatedAt",
  u.area_code as "areaCode", a.full_name as "areaName", a.province_code as "areaProvinceCode",
  u.organization_id as "organizationId", o.name as "organizationName"`;
const USER_FROM = sql`users u
  left join admin_units a on a.map = 'current' and a.code = u.area_code
  left join organizations o on o.id = u.organization_id`;

export async function findUser(db: Executor, id: number): Promise<User | undefined> {
  const { rows } = await db.execute<User>(sql`select ${USER_COLUMNS} from ${USER_FROM} where u.id = ${id}`);
  return rows[0];
}

/** The stored row, with the password hash: for signing in and for locking before a change. */
export async function findUserRow(
  db: Executor,
  by: { email: string } | { id: number; forUpdate?: boolean },
): Promise<{ id: number; version: number; email: string; passwordHash: string; disabled: boolean } | undefined> {
  const where = 'email' in by ? sql`email = ${by.email}` : sql`id = ${by.id}`;
  const lock = 'id' in by && by.forUpdate ? sql`for update` : sql``;
  const { rows } = await db.execute<{
    id: number;
    version: number;
    email: string;
    passwordHash: string;
    disabled: boolean;
  }>(sql`select id, version, email, password_hash as "passwordHash", disabled from users where ${where} ${lock}`);
  return rows[0];
}

export async function listUsers(
  db: Executor,
  f: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number },
): Promise<{ items: User[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (f.role) where.push(sql`u.role = ${f.role}`);
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean)) {
    const escaped = word.replace(/[\\%_]/g, (c) => '\\' + c);
    where.push(sql`lower(f_unaccent(u.name || ' ' || u.email)) like '%' || lower(f_unaccent(${escaped})) || '%'`);
  }
  const condition = sql.join(where, sql` and `);
  const { rows } = await db.execute<User & { total: number }>(sql`
    select ${USER_COLUMNS}, count(*) over ()::int as total
    from ${USER_FROM}
    where ${condition}
    order by u.name, u.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total =
    rows[0]?.total ??
    (f.page > 1
      ? ((await db.execute<{ n: number }>(sql`select count(*)::int as n from ${USER_FROM} where ${condition}`)).rows[0]
          ?.n ?? 0)
      : 0);
  return { items: rows.map(({ total: _t, ...u }) => u), total };
}

export interface UserValues {
  email: string;
  name: string;
  role: Role;
  areaCode: string | null;
  organizationId: number | null;
  passwordHash: string;
}

export async function insertUser(db: Executor, v: UserValues): Promise<number> {
  const { rows } = await db.execute<{ id: number }>(sql`
    insert into users (email, name, role, area_code, organization_id, password_hash)
    values (${v.email}, ${v.name}, ${v.role}, ${v.areaCode}, ${v.organizationId}, ${v.passwordHash})
    returning id`);
  return rows[0]!.id;
}

export async function updateUser(
  db: Executor,
  id: number,
  v: Partial<Omit<UserValues, 'passwordHash'>> & { disabled?: boolean },
): Promise<void> {
  const set: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  if (v.email !== undefined) set.push(sql`email = ${v.email}`);
  if (v.name !== undefined) set.push(sql`name = ${v.name}`);
  if (v.role !== undefined) set.push(sql`role = ${v.role}`);
  if (v.areaCode !== undefined) set.push(sql`area_code = ${v.areaCode}`);
  if (v.organizationId !== undefined) set.push(sql`organization_id = ${v.organizationId}`);
  if (v.disabled !== undefined) set.push(sql`disabled = ${v.disabled}`);
  await db.execute(sql`update users set ${sql.join(set, sql`, `)} where id = ${id}`);
}

export async function setPassword(db: Executor, v: { id: number; passwordHash: string }): Promise<void> {
  await db.execute(sql`
    update users set password_hash = ${v.passwordHash}, password_changed_at = now(), version = version + 1,
      updated_at = now()
    where id = ${v.id}`);
}

export async function emailTaken(db: Executor, email: string, exceptId?: number): Promise<boolean> {
  const { rows } = await db.execute(
    sql`select 1 from users where email = ${email} and id is distinct from ${exceptId ?? null}`,
  );
  return rows.length > 0;
}
