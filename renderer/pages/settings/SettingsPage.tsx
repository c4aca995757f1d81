import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { AboutCard } from './AboutCard.js';
import { ChangePasswordCard } from './ChangePasswordCard.js';
import { ConnectionCard } from './ConnectionCard.js';
import { desktopBridge } from './desktopBridge.js';
import { LanguageCard } from './LanguageCard.js';
import { MailNoticeCard } from './MailNoticeCard.js';
import { SignOutEverywhereCard } from './SignOutEverywhereCard.js';

export function SettingsPage() {
  const { t } = useTranslation();
  // Only the desktop app can switch between its own data and a hub; a browser is always on the hub.
  const bridge = desktopBridge();
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.description')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChangePasswordCard />
        <Stack gap="md">
          <LanguageCard />
          <MailNoticeCard />
          <SignOutEverywhereCard />
          {bridge ? <ConnectionCard bridge={bridge} /> : null}
          <AboutCard />
        </Stack>
      </SimpleGrid>
    </>
  );
}
