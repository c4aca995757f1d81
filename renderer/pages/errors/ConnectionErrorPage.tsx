import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../i18n/errors.js';

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
        </Stack>
      </Paper>
    </Center>
  );
}
