// The signed-in user, for every page: who they are, what they may do, where their pages open.
// The app shell provides it (web/app/require-session.tsx); features read it with useSession.
import { createContext, useContext, type ReactNode } from 'react';
import type { Permission, Session } from '../../shared/contracts/auth.ts';

export type SessionUser = Session['user'];

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession outside a signed-in page');
  return user;
}

/** Whether the signed-in user's role grants the permission (what it may do, not where). */
export function useCan(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}
