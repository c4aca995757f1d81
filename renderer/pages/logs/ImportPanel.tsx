import { Alert, Box, Group, Paper, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileUpload, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMaxBytes, uploadFormats, type ImportResult } from '../../../shared/api/index.js';
import { ImportStatus } from './ImportStatus.js';
import { formatLabel } from './labels.js';
import { formatBytes } from './logText.js';
import { useLogUpload } from './useLogUpload.js';

const AUTO = 'auto';

/**
 * Manual import of one log file: drop it or pick it, optionally name its
 * format, watch it being sent, then see what the import made of it.
 */
export function ImportPanel({ onImported }: { onImported: (result: ImportResult) => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<string>(AUTO);
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useLogUpload(onImported);
  const busy = upload.state.phase === 'sending' || upload.state.phase === 'importing';
  const chosen = uploadFormats.find((f) => f === format) ?? null;
  const max = formatBytes(importMaxBytes);

  const start = (files: File[]) => {
    setNotice(null);
    const file = files[0];
    if (file) upload.start(file, chosen);
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Title order={3} fz="h4">
          {t('logs.import.title')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" component="span" aria-hidden>
            {t('logs.import.format')}
          </Text>
          <Select
            aria-label={t('logs.import.format')}
            size="xs"
            w={220}
            value={format}
            onChange={(v) => setFormat(v ?? AUTO)}
            allowDeselect={false}
            disabled={busy}
            data={[{ value: AUTO, label: t('logs.import.formatAuto') }, ...uploadFormats.map((f) => ({ value: f, label: formatLabel(f, t) }))]}
          />
        </Group>
      </Group>
      <Dropzone
        onDrop={start}
        // Only several files at once are refused here; size is checked by the upload, in the server's words.
        onReject={() => setNotice(t('logs.import.oneAtATime'))}
        multiple={false}
        disabled={busy}
        inputProps={{ 'aria-label': t('logs.import.choose') }}
        radius="md"
      >
        <Group justify="center" gap="lg" mih={96} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <ThemeIcon size={52} radius="xl" variant="light">
              <IconUpload size={28} aria-hidden />
            </ThemeIcon>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <ThemeIcon size={52} radius="xl" variant="light" color="red">
              <IconX size={28} aria-hidden />
            </ThemeIcon>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconFileUpload size={28} aria-hidden />
            </ThemeIcon>
          </Dropzone.Idle>
          <Box>
            <Text fw={600}>{t('logs.import.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('logs.import.click', { max })}
            </Text>
            <Text size="xs" c="dimmed" mt={4} maw={560}>
              {t('logs.import.hint')}
            </Text>
          </Box>
        </Group>
      </Dropzone>
      {notice ? (
        <Alert color="yellow" variant="light" mt="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <ImportStatus state={upload.state} onCancel={upload.cancel} onDismiss={upload.reset} />
      <Stack gap={4} mt="md">
        <Text size="xs" c="dimmed">
          {t('logs.countingNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
