import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { SESSION_KEY, useSessionQuery } from '../features/auth/api/get-session.ts';
import { SignInAgain } from '../features/auth/components/sign-in-again.tsx';
import { ApiError, onSignedOut, setCsrfToken } from '../lib/api.ts';
import { SessionProvider } from '../lib/session.tsx';
import { PageLoader } from './fallbacks.tsx';

/**
 * The signed-in pages: without a session the sign-in page, which comes back here afterwards;
 * when the server says the session ended while a page was open, a sign-in over that page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const queryClient = useQueryClient();
  const location = useLocation();

  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken(null);
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }),
    [queryClient],
  );

  if (session.isPending) return <PageLoader />;
  if (session.error instanceof ApiError && session.error.status === 401) {
    // ended while this page was open: signing in again over it keeps what was typed
    if (session.data) {
      return (
        <SessionProvider user={session.data.user}>
          {children}
          <SignInAgain user={session.data.user} />
        </SessionProvider>
      );
    }
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  setCsrfToken(session.data.csrfToken); // before the children's first requests
  return <SessionProvider user={session.data.user}>{children}</SessionProvider>;
}
