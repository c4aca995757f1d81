import { Button, CloseButton, FileButton, Group, Text } from '@mantine/core';
import { IconFileSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../../i18n/errors.js';
import { formatBytes } from '../logText.js';
import { readSample, type Sample } from './sample.js';

interface SamplePickerProps {
  sample: Sample | null;
  onChange: (sample: Sample | null) => void;
  /** What happens without a sample (the folder's first file, or nothing to preview). */
  hint: string;
}

/** Picks a sample log file on this computer; only its first bytes are read, in the browser. */
export function SamplePicker({ sample, onChange, hint }: SamplePickerProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setReading(true);
    setFailure(null);
    try {
      onChange(await readSample(file));
    } catch (error) {
      // A file that vanished or cannot be read (permissions, a broken .gz) is said, not thrown.
      setFailure(error instanceof Error ? error.message : describe(error));
    } finally {
      setReading(false);
    }
  };

  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={(file) => void pick(file)}>
          {(props) => (
            <Button variant="default" size="xs" leftSection={<IconFileSearch size={16} aria-hidden />} loading={reading} {...props}>
              {sample ? t('logs.sample.change') : t('logs.sample.choose')}
            </Button>
          )}
        </FileButton>
        {sample ? (
          <Group gap={4} wrap="nowrap">
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {sample.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              ({formatBytes(sample.size)})
            </Text>
            <CloseButton size="sm" aria-label={t('logs.sample.clear', { name: sample.name })} onClick={() => onChange(null)} />
          </Group>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {sample ? t('logs.sample.readNote') : hint}
      </Text>
      {failure ? (
        <Text size="xs" c="red" mt={4} role="alert">
          {t('logs.sample.failed', { reason: failure })}
        </Text>
      ) : null}
    </div>
  );
}
