// Accounts, managed by administrators: a role with a scope that fits it (an area of the current
// map, or one organisation), optimistic locking, and the sessions of a disabled or reset
// account ended in the same transaction. Every change is on the audit trail.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role, User } from '../../../shared/contracts/auth.ts';
import type { userCreateSchema, userPatchSchema } from '../../../shared/contracts/users.ts';
import type { Db } from '../../db/pool.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { sessionCache } from '../auth/session-cache.ts';
import { deleteUserSessions } from '../auth/sessions.queries.ts';
import { hashPassword } from './admin-account.ts';
import { emailTaken, findUser, findUserRow, insertUser, setPassword, updateUser } from './users.queries.ts';

type Executor = Pick<Db, 'execute'>;
type CreateInput = z.output<typeof userCreateSchema>;
type PatchInput = z.output<typeof userPatchSchema>;

const missing = (id: number) => notFound(`Không có tài khoản số ${id}`, `No user ${id}`);
const emailUsed = (email: string) =>
  new AppError('conflict', {
    vi: `Email ${email} đã có tài khoản`,
    en: `${email} already has an account`,
    errors: [{ field: 'email', message: 'Email đã được dùng', messageEn: 'Email already used' }],
  });

export async function getUser(db: Executor, id: number): Promise<User> {
  const user = await findUser(db, id);
  if (!user) throw missing(id);
  return user;
}

export async function createUser(db: Db, caller: Caller, input: CreateInput): Promise<User> {
  return db.transaction(async (tx) => {
    if (await emailTaken(tx, input.email)) throw emailUsed(input.email);
    refuseUnusedScope(input.role, input);
    const scope = await checkScope(tx, input.role, input.areaCode ?? null, input.organizationId ?? null);
    const id = await insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      ...scope,
      passwordHash: await hashPassword(input.password),
    });
    const user = (await findUser(tx, id))!;
    await recordAudit(tx, caller, {
      action: 'create',
      entity: 'user',
      entityId: id,
      before: null,
      after: { ...user, password: 'set' },
    });
    return user;
  });
}

export async function patchUser(db: Db, caller: Caller, id: number, input: PatchInput): Promise<User> {
  const user = await db.transaction(async (tx) => {
    const row = await findUserRow(tx, { id, forUpdate: true });
    if (!row) throw missing(id);
    const before = (await findUser(tx, id))!;
    if (row.version !== input.version) {
      throw new AppError('conflict', {
        vi: 'Tài khoản đã được người khác sửa sau khi bạn mở; hãy xem lại rồi lưu',
        en: 'Someone else changed this account after you opened it; review and save again',
        current: before as unknown as Record<string, unknown>,
      });
    }
    const { version: _v, password, ...changes } = input;
    if (changes.email && (await emailTaken(tx, changes.email, id))) throw emailUsed(changes.email);
    const role = changes.role ?? before.role;
    refuseUnusedScope(role, changes);
    const scope = await checkScope(
      tx,
      role,
      changes.areaCode !== undefined ? changes.areaCode : before.areaCode,
      changes.organizationId !== undefined ? changes.organizationId : before.organizationId,
    );
    await updateUser(tx, id, { ...changes, ...scope });
    if (password) await setPassword(tx, { id, passwordHash: await hashPassword(password) });
    if (password || changes.disabled) await deleteUserSessions(tx, id);
    await keepAnAdministrator(tx);
    const after = (await findUser(tx, id))!;
    await recordAudit(tx, caller, {
      action: 'update',
      entity: 'user',
      entityId: id,
      // a reset shows as a changed password, never its value
      before: password ? { ...before, password: 'old' } : before,
      after: password ? { ...after, password: 'new' } : after,
    });
    return after;
  });
  sessionCache.forgetUser(id); // its sessions carry its role, scope and name
  return user;
}

/**
 * A scope sent for a role that has no use for it is refused, not dropped: a viewer given an
 * organisation would otherwise read the whole country. (What a changed role no longer uses of
 * the stored scope is dropped by checkScope.)
 */
function refuseUnusedScope(role: Role, sent: { areaCode?: string | null; organizationId?: number | null }) {
  if (role !== 'cooperative' && sent.organizationId != null) {
    throw invalidField(
      'organizationId',
      'Chỉ tài khoản hợp tác xã gắn với một tổ chức',
      'Only a cooperative account belongs to an organisation',
    );
  }
  if ((role === 'cooperative' || role === 'admin') && sent.areaCode != null) {
    throw invalidField(
      'areaCode',
      role === 'admin'
        ? 'Quản trị viên không gắn với địa bàn'
        : 'Tài khoản hợp tác xã gắn với tổ chức, không với địa bàn',
      role === 'admin'
        ? 'An administrator has no area'
        : 'A cooperative account belongs to its organisation, not an area',
    );
  }
}

/**
 * The scope a role needs (contracts §8): a province for provincial staff, a commune for a
 * commune officer, an organisation for a cooperative, an area or nothing (the whole country)
 * for a viewer, nothing for an administrator. Codes are of the current map.
 */
async function checkScope(
  db: Executor,
  role: Role,
  areaCode: string | null,
  organizationId: number | null,
): Promise<{ areaCode: string | null; organizationId: number | null }> {
  const need = { province_staff: 'province', commune_officer: 'commune', viewer: 'any' } as const;
  if (role === 'cooperative') {
    if (!organizationId) {
      throw invalidField(
        'organizationId',
        'Tài khoản hợp tác xã cần tổ chức',
        'A cooperative account needs its organisation',
      );
    }
    const { rows } = await db.execute(sql`select 1 from organizations where id = ${organizationId}`);
    if (rows.length === 0) {
      throw invalidField(
        'organizationId',
        `Không có tổ chức số ${organizationId}`,
        `No organisation ${organizationId}`,
      );
    }
    return { areaCode: null, organizationId };
  }
  if (role === 'admin') return { areaCode: null, organizationId: null };
  const level = need[role];
  if (!areaCode) {
    if (level === 'any') return { areaCode: null, organizationId: null };
    const [vi, en] = level === 'province' ? ['tỉnh', 'province'] : ['xã', 'commune'];
    throw invalidField('areaCode', `Vai trò này cần mã ${vi}`, `This role needs a ${en} code`);
  }
  const { rows } = await db.execute<{ level: string }>(
    sql`select level from admin_units where map = 'current' and code = ${areaCode}`,
  );
  const found = rows[0]?.level;
  if (!found || (level !== 'any' && found !== level)) {
    throw invalidField(
      'areaCode',
      `Mã ${areaCode} không phải ${level === 'commune' ? 'một xã' : level === 'province' ? 'một tỉnh' : 'một địa bàn'} trên bản đồ hiện hành`,
      `${areaCode} is not a ${level === 'any' ? 'unit' : level} on the current map`,
    );
  }
  return { areaCode, organizationId: null };
}

/** Refuses a change that would leave no enabled administrator. */
async function keepAnAdministrator(db: Executor): Promise<void> {
  const { rows } = await db.execute(sql`select 1 from users where role = 'admin' and not disabled limit 1`);
  if (rows.length === 0) {
    throw new AppError('conflict', {
      vi: 'Phải còn ít nhất một quản trị viên đang hoạt động',
      en: 'At least one enabled administrator must remain',
    });
  }
}
