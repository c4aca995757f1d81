import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { importMaxBytes } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { useDescribeError } from '../../i18n/errors.js';
import { assertNever } from '../../lib/assertNever.js';
import { ImportResultView } from './ImportResultView.js';
import { formatBytes, percentOf } from './logText.js';
import type { UploadState } from './useLogUpload.js';

interface ImportStatusProps {
  state: UploadState;
  onCancel: () => void;
  onDismiss: () => void;
}

function Failure({ name, error, onDismiss }: { name: string; error: unknown; onDismiss: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const code = isApiError(error) ? error.code : null;
  const detail = isApiError(error) && code !== 'too_large' ? error.detail : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      mt="md"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={t('logs.import.failed', { name })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDismiss}
    >
      {/* The title already says it failed; an import failure's own words are its reason. */}
      {code === 'too_large' ? <Text size="sm">{t('logs.import.tooLarge', { max: formatBytes(importMaxBytes) })}</Text> : null}
      {code !== 'too_large' && code !== 'import_failed' ? <Text size="sm">{describe(error)}</Text> : null}
      {detail ? (
        <Text size="sm" ff="monospace">
          {t('logs.import.reason', { reason: detail })}
        </Text>
      ) : null}
      {code === 'import_failed' ? (
        <Text size="sm" mt="xs">
          {t('logs.import.failedHint')}
        </Text>
      ) : null}
    </Alert>
  );
}

/** Progress while a file is sent and imported, then the outcome. */
export function ImportStatus({ state, onCancel, onDismiss }: ImportStatusProps) {
  const { t } = useTranslation();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'sending': {
      const percent = percentOf(state.loaded, state.total);
      return (
        <Stack gap={6} mt="md" aria-live="polite">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {t('logs.import.sending', { name: state.name })}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed" ff="monospace">
                {formatBytes(state.loaded)} / {formatBytes(state.total)}
              </Text>
              <Button size="compact-sm" variant="default" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Group>
          <Progress value={percent} size="lg" radius="xl" aria-label={t('logs.import.sending', { name: state.name })} />
        </Stack>
      );
    }
    case 'importing':
      return (
        <Stack gap={6} mt="md" aria-live="polite">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {t('logs.import.importing', { name: state.name })}
            </Text>
            <Button size="compact-sm" variant="default" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
          <Progress value={100} striped animated size="lg" radius="xl" aria-label={t('logs.import.importing', { name: state.name })} />
          <Text size="xs" c="dimmed">
            {t('logs.import.importingHint')}
          </Text>
        </Stack>
      );
    case 'done':
      return <ImportResultView result={state.result} onDismiss={onDismiss} />;
    case 'failed':
      return <Failure name={state.name} error={state.error} onDismiss={onDismiss} />;
    case 'cancelled':
      return (
        <Alert
          color="gray"
          variant="light"
          mt="md"
          title={t('logs.import.cancelled', { name: state.name })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={onDismiss}
        >
          <Text size="sm">{state.afterSending ? t('logs.import.cancelledAfterSending') : t('logs.import.cancelledWhileSending')}</Text>
        </Alert>
      );
    default:
      return assertNever(state);
  }
}
