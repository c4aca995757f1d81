import { Button, Group, Input, Paper, Text } from '@mantine/core';
import { IconTableOptions } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface MappingSummaryProps {
  /** The mapping's JSON text, null before one is made. */
  mapping: string | null;
  /** How many problems the validator finds in it. */
  problems: number;
  /** The form's (or the hub's) error for the mapping field. */
  error: ReactNode;
  onOpen: () => void;
}

/** The source form's mapping field: whether there is a valid mapping, and the way into the editor. */
export function MappingSummary({ mapping, problems, error, onOpen }: MappingSummaryProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text size="sm" fw={600} id="mapping-label">
            {t('logs.sourceForm.mapping')}
          </Text>
          <Text size="xs" c={mapping === null ? 'dimmed' : problems > 0 ? 'red' : 'teal.8'}>
            {mapping === null
              ? t('logs.sourceForm.mappingNone')
              : problems > 0
                ? t('logs.sourceForm.mappingProblems', { n: problems })
                : t('logs.sourceForm.mappingReady')}
          </Text>
        </div>
        <Button variant="light" leftSection={<IconTableOptions size={16} aria-hidden />} onClick={onOpen} aria-describedby="mapping-label">
          {mapping === null ? t('logs.sourceForm.mappingCreate') : t('logs.sourceForm.mappingEdit')}
        </Button>
      </Group>
      {error ? (
        <Input.Error mt={6} role="alert">
          {error}
        </Input.Error>
      ) : null}
    </Paper>
  );
}
