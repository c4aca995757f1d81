import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../i18n/errors.js';
import { desktopBridge } from '../settings/desktopBridge.js';

/**
 * The desktop app was set to use an office hub that does not answer: without
 * a way out here, its user could not reach the settings (they need the hub).
 */
function StandaloneEscape() {
  const { t } = useTranslation();
  const bridge = desktopBridge();
  const connection = useQuery({ queryKey: ['desktopConnection'], queryFn: () => bridge?.getConnection() ?? null, enabled: bridge !== undefined });
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!bridge || connection.data?.mode !== 'connected') return null;
  const useThisComputer = () => {
    setBusy(true);
    setFailed(null);
    // On success the app restarts on its own data, so the promise may never settle.
    bridge.setHubUrl(null).then(
      (result) => {
        // Going back to this computer needs no address: only writing the setting can fail.
        if (!result.ok) setFailed(t('settings.connection.saveFailed'));
        setBusy(false);
      },
      (err: unknown) => {
        setFailed(err instanceof Error ? err.message : String(err));
        setBusy(false);
      },
    );
  };
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm">{t('connection.hubIs', { url: connection.data.hubUrl })}</Text>
      <Text size="sm" c="dimmed">
        {t('connection.standaloneHint')}
      </Text>
      <Group>
        <Button variant="default" onClick={useThisComputer} loading={busy} w="fit-content">
          {t('connection.useThisComputer')}
        </Button>
      </Group>
      {failed !== null ? (
        <Alert color="red" variant="light">
          {failed}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The core or the hub cannot be reached: nothing else can work, so say so plainly. */
export function ConnectionErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={520}>
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('connection.title')}
          </Title>
          <Text>{t('connection.body')}</Text>
          <Text size="sm" c="dimmed">
            {describe(error)}
          </Text>
          <Button onClick={onRetry} w="fit-content">
            {t('common.retry')}
          </Button>
          <StandaloneEscape />
        </Stack>
      </Paper>
    </Center>
  );
}
