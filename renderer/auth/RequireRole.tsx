import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import type { Role } from '../../shared/api/index.js';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage.js';
import { hasAnyRole } from './access.js';
import { useCurrentSession } from './session.js';

/** A page for some roles only: others get "権限がありません" rather than a half-working page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const { user } = useCurrentSession();
  if (!hasAnyRole(user.roles, roles)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
