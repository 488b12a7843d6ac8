import { Navigate } from 'react-router';
import { useSession } from '../lib/session.tsx';

/**
 * Where "/" (and signing in without a page to return to) leads: the dashboard for whoever may
 * read statistics; a cooperative's account, which may not, to its own organisation.
 */
export function Home() {
  const user = useSession();
  const to = user.permissions.includes('stats.read')
    ? '/dashboard'
    : user.organizationId
      ? `/organizations/${user.organizationId}`
      : '/organizations';
  return <Navigate to={to} replace />;
}
