import { CloseButton, Group, Paper, ScrollArea, SimpleGrid, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/api/index.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { FigureTile } from '../../components/FigureTile.js';
import { DetectionTable } from './DetectionTable.js';
import { formatCount } from './logText.js';

/** What one import did: format and encoding with the reason each was chosen, new jobs, duplicates, rejected lines. */
export function ImportResultView({ result, onDismiss }: { result: ImportResult; onDismiss: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (value: number) => formatCount(value, lang);
  return (
    <Paper withBorder radius="md" p="md" mt="md" role="status" style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" radius="xl" size="md">
            <IconCircleCheck size={18} aria-hidden />
          </ThemeIcon>
          <Title order={4} fz="md">
            {t('logs.import.done', { name: result.name })}
          </Title>
        </Group>
        <CloseButton aria-label={t('common.close')} onClick={onDismiss} />
      </Group>
      <DetectionTable format={result.format} formatReason={result.formatReason} encoding={result.encoding} encodingReason={result.encodingReason} mb="sm" />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <FigureTile
          label={t('logs.result.new')}
          value={t('logs.count.jobs', { n: n(result.jobs) })}
          note={t('logs.result.newDetail', { pages: n(result.pages), sheets: n(result.sheets) })}
          color={result.jobs > 0 ? 'teal.8' : undefined}
        />
        <FigureTile label={t('logs.result.duplicates')} value={t('logs.count.jobs', { n: n(result.duplicates) })} note={t('logs.result.duplicatesNote')} />
        <FigureTile
          label={t('logs.result.rejected')}
          value={t('logs.count.lines', { n: n(result.rejectedCount) })}
          color={result.rejectedCount > 0 ? 'orange.8' : undefined}
        />
        <FigureTile label={t('logs.result.lines')} value={t('logs.count.lines', { n: n(result.lines) })} />
      </SimpleGrid>
      {result.rejected.length > 0 ? (
        <Paper withBorder radius="md" mt="sm">
          <ScrollArea.Autosize mah={220} type="auto">
            <Table fz="sm" stickyHeader aria-label={t('logs.result.rejected')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('logs.rejected.line')}</Table.Th>
                  <Table.Th>{t('logs.rejected.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rejected.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td ff="monospace">{r.line}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      ) : null}
      {result.rejectedCount > result.rejected.length ? (
        <Group mt={6}>
          <Text size="xs" c="dimmed">
            {t('logs.result.rejectedMore', { n: n(result.rejectedCount - result.rejected.length) })}
          </Text>
        </Group>
      ) : null}
    </Paper>
  );
}
