// Who is asking: the signed-in user with what their role may do (permissions) and where
// (scope), or the command line, which runs on the machine holding the database and may do
// everything. Every route and every query decides from a Caller, through scope.ts.
import type { Permission, Role } from '../../../shared/contracts/auth.ts';
import { PERMISSIONS } from '../../../shared/contracts/auth.ts';
import { permissionsOf } from './permissions.ts';

/** Where a caller may read or write: everything, one area of the current map, or one organisation. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; code: string }
  | { kind: 'commune'; code: string; provinceCode: string }
  | { kind: 'organization'; id: number };

export interface CallerUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  areaCode: string | null;
  /** the province of areaCode (itself for a province) */
  areaProvinceCode: string | null;
  organizationId: number | null;
}

export interface Caller {
  /** null: the command line */
  user: CallerUser | null;
  permissions: ReadonlySet<Permission>;
  read: Scope;
  /** null: may write nowhere */
  write: Scope | null;
  /** where the request came from, for the audit trail (null on the command line) */
  ip: string | null;
  requestId: string | null;
}

export const COMMAND_LINE: Caller = {
  user: null,
  permissions: new Set(PERMISSIONS),
  read: { kind: 'all' },
  write: { kind: 'all' },
  ip: null,
  requestId: null,
};

function areaScope(u: CallerUser): Scope {
  if (!u.areaCode) return { kind: 'all' };
  if (u.areaCode.length === 5) return { kind: 'commune', code: u.areaCode, provinceCode: u.areaProvinceCode! };
  return { kind: 'province', code: u.areaCode };
}

/**
 * The scopes of each role (contracts §8): an administrator everything; provincial staff read
 * and write in their province; a commune officer writes in the commune and reads its province;
 * a cooperative its own organisation; a viewer reads its area (or the country) and writes nothing.
 */
export function callerFor(u: CallerUser, from: { ip: string | null; requestId: string | null }): Caller {
  const base = { user: u, permissions: new Set(permissionsOf(u.role)), ...from };
  switch (u.role) {
    case 'admin':
      return { ...base, read: { kind: 'all' }, write: { kind: 'all' } };
    case 'province_staff':
      return { ...base, read: areaScope(u), write: areaScope(u) };
    case 'commune_officer':
      return { ...base, read: { kind: 'province', code: u.areaProvinceCode! }, write: areaScope(u) };
    case 'cooperative': {
      const own: Scope = { kind: 'organization', id: u.organizationId! };
      return { ...base, read: own, write: own };
    }
    case 'viewer':
      return { ...base, read: areaScope(u), write: null };
  }
}

/** The area a caller's pages open on: their own (a commune officer's commune), or the country. */
export function homeArea(caller: Caller): string | null {
  if (caller.read.kind === 'organization') return null;
  return caller.user?.areaCode ?? 'VN';
}
