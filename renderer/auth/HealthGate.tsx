import { Navigate, Outlet, useLocation } from 'react-router';
import { useHealth } from '../api/hooks.js';
import { FullPageLoader } from '../components/FullPageLoader.js';
import { ConnectionErrorPage } from '../pages/errors/ConnectionErrorPage.js';

/**
 * Nothing works before the town and its first administrator exist, so until
 * then every route leads to /setup; afterwards /setup leads away.
 */
export function HealthGate() {
  const health = useHealth();
  const { pathname } = useLocation();

  if (health.isPending) return <FullPageLoader />;
  if (health.isError) return <ConnectionErrorPage error={health.error} onRetry={() => void health.refetch()} />;

  const onSetup = pathname === '/setup';
  if (health.data.setupRequired && !onSetup) return <Navigate to="/setup" replace />;
  if (!health.data.setupRequired && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}
