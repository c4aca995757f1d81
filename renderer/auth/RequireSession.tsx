import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/hooks.js';
import { FullPageLoader } from '../components/FullPageLoader.js';
import { ConnectionErrorPage } from '../pages/errors/ConnectionErrorPage.js';
import type { LoginRedirectState } from './redirect.js';

/** Pages for signed-in users; anyone else goes to /login, which brings them back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ConnectionErrorPage error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
