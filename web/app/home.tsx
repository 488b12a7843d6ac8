import { Navigate } from 'react-router';
import { useCan, useSession } from '../lib/session.tsx';

/**
 * Where "/" (and signing in without a page to return to) leads: the dashboard for whoever may
 * read statistics; a cooperative's account, which may not, to its own organisation.
 */
export function Home() {
  const { organizationId } = useSession();
  const to = useCan('stats.read')
    ? '/dashboard'
    : organizationId
      ? `/organizations/${organizationId}`
      : '/organizations';
  return <Navigate to={to} replace />;
}
