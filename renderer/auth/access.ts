import type { Role } from '../../shared/api/index.js';

/** Who sees what. The server checks the same roles on every route; this only hides what would be refused. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const PAPER_ROLES: readonly Role[] = ['dx', 'admin'];

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => userRoles.includes(role));
}
