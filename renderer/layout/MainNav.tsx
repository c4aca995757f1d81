import { NavLink, ScrollArea, Stack } from '@mantine/core';
import {
  IconArchive,
  IconBuildingBank,
  IconFileImport,
  IconHierarchy2,
  IconInbox,
  IconLeaf,
  IconPencilPlus,
  IconSearch,
  IconSettings,
  IconSitemap,
  IconUsers,
  IconMailCog,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../shared/api/index.js';
import { assertNever } from '../lib/assertNever.js';
import { useRetentionAccess } from '../pages/archive/useRetention.js';
import { ADMIN_SECTIONS, visibleNav, type AdminSection, type NavKey } from './navigation.js';

const ICON_SIZE = 18;

function navLabel(key: NavKey, t: TFunction): string {
  switch (key) {
    case 'inbox':
      return t('nav.inbox');
    case 'draft':
      return t('nav.draft');
    case 'search':
      return t('nav.search');
    case 'archive':
      return t('retention.nav');
    case 'paper':
      return t('nav.paper');
    case 'logs':
      return t('nav.logs');
    case 'admin':
      return t('nav.admin');
    default:
      return assertNever(key);
  }
}

function navIcon(key: NavKey): ReactNode {
  switch (key) {
    case 'inbox':
      return <IconInbox size={ICON_SIZE} aria-hidden />;
    case 'draft':
      return <IconPencilPlus size={ICON_SIZE} aria-hidden />;
    case 'search':
      return <IconSearch size={ICON_SIZE} aria-hidden />;
    case 'archive':
      return <IconArchive size={ICON_SIZE} aria-hidden />;
    case 'paper':
      return <IconLeaf size={ICON_SIZE} aria-hidden />;
    case 'logs':
      return <IconFileImport size={ICON_SIZE} aria-hidden />;
    case 'admin':
      return <IconSettings size={ICON_SIZE} aria-hidden />;
    default:
      return assertNever(key);
  }
}

export function adminSectionLabel(key: AdminSection, t: TFunction): string {
  switch (key) {
    case 'sites':
      return t('admin.sites.title');
    case 'departments':
      return t('admin.departments.title');
    case 'positions':
      return t('admin.positions.title');
    case 'users':
      return t('admin.users.title');
    case 'notifications':
      return t('admin.notifications.title');
    default:
      return assertNever(key);
  }
}

function adminIcon(key: AdminSection): ReactNode {
  switch (key) {
    case 'sites':
      return <IconBuildingBank size={16} aria-hidden />;
    case 'departments':
      return <IconSitemap size={16} aria-hidden />;
    case 'positions':
      return <IconHierarchy2 size={16} aria-hidden />;
    case 'users':
      return <IconUsers size={16} aria-hidden />;
    case 'notifications':
      return <IconMailCog size={16} aria-hidden />;
    default:
      return assertNever(key);
  }
}

function isCurrent(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

export function MainNav({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const manager = useRetentionAccess(!roles.includes('admin')).data?.view ?? false;

  return (
    <ScrollArea type="auto">
      <Stack gap={2}>
        {visibleNav(roles, { manager }).map((entry) =>
          entry.key === 'admin' ? (
            // A real link (to the first admin page) that also unfolds its sections.
            <NavLink
              key={entry.key}
              component={Link}
              to={entry.path}
              label={navLabel(entry.key, t)}
              leftSection={navIcon(entry.key)}
              defaultOpened={isCurrent(pathname, entry.path)}
              childrenOffset={20}
            >
              {ADMIN_SECTIONS.map((section) => (
                <NavLink
                  key={section.key}
                  component={Link}
                  to={section.path}
                  label={adminSectionLabel(section.key, t)}
                  leftSection={adminIcon(section.key)}
                  active={isCurrent(pathname, section.path)}
                  aria-current={isCurrent(pathname, section.path) ? 'page' : undefined}
                />
              ))}
            </NavLink>
          ) : (
            <NavLink
              key={entry.key}
              component={Link}
              to={entry.path}
              label={navLabel(entry.key, t)}
              leftSection={navIcon(entry.key)}
              active={isCurrent(pathname, entry.path)}
              aria-current={isCurrent(pathname, entry.path) ? 'page' : undefined}
            />
          ),
        )}
      </Stack>
    </ScrollArea>
  );
}
