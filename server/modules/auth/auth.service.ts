// Signing in and out, and changing one's own password. A locked account or address is told
// when to come back (429); a wrong email and a wrong password read the same, and take the same
// time (the hash is checked either way).
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashPassword } from '../users/admin-account.ts';
import { findUserRow, setPassword } from '../users/users.queries.ts';
import type { Caller } from './caller.ts';
import { sessionCache } from './session-cache.ts';
import { deleteUserSessions, insertSession, recentFailures, recordLoginAttempt } from './sessions.queries.ts';

/** Temporary lockout (contracts §8: repeated failed logins get 429). */
export const LOCKOUT = { minutes: 15, perAccount: 5, perAddress: 20 } as const;

// a hash of nothing in particular, checked when the email is unknown so that both take as long
const decoy = hash('hoptac decoy password', { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

function lockedOut(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError('rate_limited', {
    vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút`,
    en: `Too many failed sign-ins. Try again in ${minutes} minute(s)`,
    retryAfterSeconds: Math.max(1, seconds),
  });
}

const wrongCredentials = () =>
  new AppError('unauthenticated', {
    vi: 'Email hoặc mật khẩu không đúng',
    en: 'Wrong email or password',
  });

/** 429 while the account or the address has had too many failed sign-ins lately. */
async function refuseIfLockedOut(db: Db, email: string, ip: string | null): Promise<void> {
  const failures = await recentFailures(db, { email, ip, minutes: LOCKOUT.minutes });
  if (failures.account >= LOCKOUT.perAccount) throw lockedOut(failures.accountFreeIn);
  if (failures.address >= LOCKOUT.perAddress) throw lockedOut(failures.addressFreeIn);
}

export async function login(
  db: Db,
  opts: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  await refuseIfLockedOut(db, opts.email, opts.ip);

  const user = await findUserRow(db, { email: opts.email });
  const ok = await verify(user?.passwordHash ?? (await decoy), opts.password);
  await recordLoginAttempt(db, { email: opts.email, ip: opts.ip, succeeded: ok && !!user && !user.disabled });
  if (!ok || !user) throw wrongCredentials();
  if (user.disabled) {
    throw new AppError('forbidden', {
      vi: 'Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên',
      en: 'This account is disabled; contact an administrator',
    });
  }
  return insertSession(db, { userId: user.id, ip: opts.ip, userAgent: opts.userAgent });
}

/**
 * The signed-in user changes their password; their other sessions end. A wrong current
 * password counts as a failed sign-in, and a locked account or address is refused (429): a
 * session would otherwise guess its password here at full speed.
 */
export async function changeOwnPassword(
  db: Db,
  caller: Caller,
  opts: { sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserRow(db, { id: caller.user!.id });
  if (!user) throw wrongCredentials();
  await refuseIfLockedOut(db, user.email, caller.ip);
  if (!(await verify(user.passwordHash, opts.currentPassword))) {
    await recordLoginAttempt(db, { email: user.email, ip: caller.ip, succeeded: false });
    throw new AppError('validation_failed', {
      vi: 'Mật khẩu hiện tại không đúng',
      en: 'The current password is wrong',
      errors: [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng', messageEn: 'Wrong password' }],
    });
  }
  await db.transaction(async (tx) => {
    await setPassword(tx, { id: user.id, passwordHash: await hashPassword(opts.newPassword) });
    await deleteUserSessions(tx, user.id, opts.sessionId);
    await recordAudit(tx, caller, {
      action: 'password',
      entity: 'user',
      entityId: user.id,
      changes: { password: ['••••••', '••••••'] },
    });
  });
  sessionCache.forgetUser(user.id);
}
