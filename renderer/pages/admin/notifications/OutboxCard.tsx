import { ActionIcon, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/endpoints.js';
import type { OutboxStatus } from '../../../../shared/api/mail.js';
import { useApiMutation } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatWarekiDateTime } from '../../../../shared/domain/wareki.js';
import { FigureTile } from '../../../components/FigureTile.js';
import { useUiLanguage } from '../../../i18n/useUiLanguage.js';
import { mailKeys } from './mailQueries.js';
import { SectionCard } from './SectionCard.js';

/** Queued, sent and failed counts, and the latest sending errors with when the next try is due. */
export function OutboxCard({ status, onRefresh, refreshing }: { status: OutboxStatus; onRefresh: () => void; refreshing: boolean }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const retry = useApiMutation(api.retryMails, { invalidate: [mailKeys.outbox] });
  // What "send again now" would take: mails given up on, and those waiting for their next try after an error.
  const retriable = status.failed > 0 || status.lastFailures.some((f) => f.status === 'queued');
  return (
    <SectionCard
      title={t('mail.outbox.title')}
      help={t('mail.outbox.help')}
      aside={
        <Tooltip label={t('mail.outbox.refresh')}>
          <ActionIcon variant="default" size={44} onClick={onRefresh} loading={refreshing} aria-label={t('mail.outbox.refresh')}>
            <IconRefresh size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
      }
    >
      <SimpleGrid cols={3} spacing="sm" mb="md">
        <FigureTile label={t('mail.outbox.queued')} value={status.queued.toLocaleString(lang)} />
        <FigureTile label={t('mail.outbox.sent')} value={status.sent.toLocaleString(lang)} />
        <FigureTile label={t('mail.outbox.failed')} value={status.failed.toLocaleString(lang)} color={status.failed > 0 ? 'red.8' : undefined} />
      </SimpleGrid>
      {retriable ? (
        <Stack gap="xs" mb="md">
          <Text size="sm">{t('mail.outbox.retryHelp')}</Text>
          <Group>
            <Button
              leftSection={<IconSend size={18} aria-hidden />}
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(
                  {},
                  { onSuccess: ({ retried }) => notifications.show({ color: 'teal', message: t('mail.outbox.retried', { count: retried }) }) },
                )
              }
            >
              {t('mail.outbox.retry')}
            </Button>
          </Group>
          {retry.isError ? <ErrorAlert error={retry.error} /> : null}
        </Stack>
      ) : null}
      <Title order={4} fz="md" mb="xs">
        {t('mail.outbox.lastFailures')}
      </Title>
      {status.lastFailures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('mail.outbox.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {status.lastFailures.map((f) => (
            <Paper key={f.id} component="li" withBorder p="sm" radius="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                  {f.to}
                </Text>
                <Badge color={f.status === 'failed' ? 'red' : 'yellow'} variant="light">
                  {f.status === 'failed' ? t('mail.outbox.givenUp') : t('mail.outbox.nextAttempt', { at: formatWarekiDateTime(f.nextAttemptAt ?? f.createdAt, lang) })}
                </Badge>
              </Group>
              <Text size="sm">{f.subject}</Text>
              <Text size="xs" c="red.8" style={{ wordBreak: 'break-word' }}>
                {f.lastError}
              </Text>
              <Text size="xs" c="dimmed">
                {formatWarekiDateTime(f.createdAt, lang)} · {t('mail.outbox.attempts', { count: f.attempts })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
