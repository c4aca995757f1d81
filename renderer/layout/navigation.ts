import type { MantineBreakpoint } from '@mantine/core';
import type { Role } from '../../shared/api/index.js';
import { ADMIN_ROLES, hasAnyRole, PAPER_ROLES } from '../auth/access.js';

/**
 * Below this width the navigation folds behind the burger: a 768-px tablet
 * held upright then gives its whole width to the tables.
 */
export const NAV_BREAKPOINT: MantineBreakpoint = 'md';

export type NavKey = 'inbox' | 'draft' | 'search' | 'archive' | 'paper' | 'logs' | 'admin';
export type AdminSection = 'sites' | 'departments' | 'positions' | 'users' | 'notifications';

export interface NavEntry {
  readonly key: NavKey;
  readonly path: string;
  /** Roles that see the entry; absent = everyone signed in. */
  readonly roles?: readonly Role[];
  /** Also shown to managers (position rank at or above the manager rank), whatever their roles. */
  readonly managers?: true;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'inbox', path: '/inbox' },
  { key: 'draft', path: '/draft' },
  { key: 'search', path: '/search' },
  { key: 'archive', path: '/archive', roles: ADMIN_ROLES, managers: true },
  { key: 'paper', path: '/paper', roles: PAPER_ROLES },
  { key: 'logs', path: '/logs', roles: PAPER_ROLES },
  { key: 'admin', path: '/admin', roles: ADMIN_ROLES },
];

export const ADMIN_SECTIONS: readonly { readonly key: AdminSection; readonly path: string }[] = [
  { key: 'sites', path: '/admin/sites' },
  { key: 'departments', path: '/admin/departments' },
  { key: 'positions', path: '/admin/positions' },
  { key: 'users', path: '/admin/users' },
  { key: 'notifications', path: '/admin/notifications' },
];

/** The menu a user sees: a clerk never sees 管理 or the DX pages. */
export function visibleNav(roles: readonly Role[], opts: { manager?: boolean } = {}): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.roles || hasAnyRole(roles, entry.roles) || (entry.managers === true && opts.manager === true));
}
