import { Button, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../auth/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';

/** For a lost tablet or a shared PC left signed in: ends every session of this user, this one included. */
export function SignOutEverywhereCard() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const signOut = useSignOut(true);

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} fz="h4" mb={4}>
        {t('settings.everywhere.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.everywhere.help')}
      </Text>
      <Button variant="light" color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={open}>
        {t('settings.everywhere.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title={t('settings.everywhere.title')}
        message={t('settings.everywhere.confirm')}
        confirmLabel={t('settings.everywhere.button')}
        loading={signOut.isPending}
        error={signOut.error}
        onConfirm={() => signOut.mutate()}
      />
    </Paper>
  );
}
