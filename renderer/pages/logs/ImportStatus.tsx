import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { importMaxBytes } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { useDescribeError } from '../../i18n/errors.js';
import { assertNever } from '../../lib/assertNever.js';
import { ImportResultView } from './ImportResultView.js';
import { formatBytes, formatCount, percentOf } from './logText.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { useImportProgress, type UploadState } from './useLogUpload.js';

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

/** The server reads the file: how far, in bytes and lines, with what it stored so far. */
function Importing({ state, onCancel }: { state: Extract<UploadState, { phase: 'importing' }>; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const progress = useImportProgress(state.uploadId);
  const read = progress.data;
  // A .gz is read uncompressed, past its size on disk: then only the lines say how far it is.
  const measurable = read !== undefined && read.bytesRead <= read.bytesTotal && read.bytesTotal > 0;
  return (
    <Stack gap={6} mt="md" aria-live="polite">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate>
          {t('logs.import.importing', { name: state.name })}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {read ? (
            <Text size="sm" c="dimmed" ff="monospace">
              {measurable ? `${formatBytes(read.bytesRead)} / ${formatBytes(read.bytesTotal)}` : formatBytes(read.bytesRead)}
            </Text>
          ) : null}
          <Button size="compact-sm" variant="default" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Group>
      <Progress
        value={measurable ? percentOf(read.bytesRead, read.bytesTotal) : 100}
        striped={!measurable}
        animated={!measurable}
        size="lg"
        radius="xl"
        aria-label={t('logs.import.importing', { name: state.name })}
      />
      <Text size="xs" c="dimmed" data-testid="import-progress">
        {read
          ? t('logs.import.progress', { lines: formatCount(read.lines, lang), jobs: formatCount(read.jobs, lang), duplicates: formatCount(read.duplicates, lang), rejected: formatCount(read.rejected, lang) })
          : t('logs.import.importingHint')}
      </Text>
    </Stack>
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
      return <Importing state={state} onCancel={onCancel} />;
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
