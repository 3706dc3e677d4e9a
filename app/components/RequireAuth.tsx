import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { PageError, PageLoader } from './PageState.js';

/** Renders its children only for a signed-in person; otherwise sends them to sign in and back here after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = location.pathname + location.search;
      return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
    }
    return <PageError error={me.error} onRetry={() => me.refetch()} />;
  }
  return <>{children}</>;
}
