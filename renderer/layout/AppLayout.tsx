import { AppShell, Center, Container, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useServerEvents } from '../api/useServerEvents.js';
import { useCurrentSession } from '../auth/session.js';
import { AppHeader } from './AppHeader.js';
import classes from './AppLayout.module.css';
import { MainNav } from './MainNav.js';
import { NAV_BREAKPOINT } from './navigation.js';

/** Header, navigation and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  useServerEvents();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  // On a narrow screen the menu covers the page, so close it once a page is chosen.
  useEffect(() => {
    close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <MainNav roles={user.roles} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" className={classes.main} tabIndex={-1}>
        <Container size="xl" px={0}>
          {/* Pages load as chunks of their own (lazyPages.ts): the shell stays while one arrives. */}
          <Suspense fallback={<Center py="xl"><Loader size="sm" aria-label={t('common.loading')} /></Center>}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
