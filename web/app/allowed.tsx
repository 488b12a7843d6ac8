import type { ReactNode } from 'react';
import type { Permission } from '../../shared/contracts/auth.ts';
import { useCan } from '../lib/session.tsx';
import { NotPermitted } from './fallbacks.tsx';

/** A page for the roles granted `needs`; the others are told so before they fill anything in. */
export function Allowed({ needs, children }: { needs: Permission; children: ReactNode }) {
  return useCan(needs) ? children : <NotPermitted />;
}
