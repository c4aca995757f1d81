import { CloseButton, Group, Pagination, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRejectedLines } from '../../api/hooks.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount, hasControlChars, rawRuns } from './logText.js';

const PAGE_SIZE = 50;

interface RejectedLinesPanelProps {
  file: { id: number; name: string };
  onClose: () => void;
}

/** The lines of one file that could not be read: where, why, and the text as it was. */
export function RejectedLinesPanel({ file, onClose }: RejectedLinesPanelProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [page, setPage] = useState(1);
  const list = useRejectedLines({ fileId: file.id, page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rejected-title">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="h4" id="rejected-title">
          {t('logs.rejected.title', { name: file.name })}
        </Title>
        <Group gap="sm" wrap="nowrap">
          {list.data ? (
            <Text size="sm" c="dimmed">
              {t('logs.rejected.count', { n: formatCount(total, lang) })}
            </Text>
          ) : null}
          <CloseButton aria-label={t('common.close')} onClick={onClose} />
        </Group>
      </Group>
      {list.isPending ? <TableSkeleton rows={4} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <EmptyNotice message={t('logs.rejected.empty')} /> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer type="native" minWidth={760}>
          <Table striped aria-labelledby="rejected-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('logs.rejected.line')}</Table.Th>
                <Table.Th w="34%">{t('logs.rejected.reason')}</Table.Th>
                <Table.Th>{t('logs.rejected.raw')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td ff="monospace" valign="top">
                    {r.line}
                  </Table.Td>
                  <Table.Td valign="top">{r.reason}</Table.Td>
                  <Table.Td ff="monospace" fz="xs" valign="top" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {rawRuns(r.raw).map((run, i) =>
                      run.kind === 'text' ? (
                        run.text
                      ) : (
                        <Text key={i} span inherit c="orange.8" bg="orange.0" px={2} style={{ borderRadius: 3 }}>
                          {run.text}
                        </Text>
                      ),
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {items.some((r) => hasControlChars(r.raw)) ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('logs.rejected.controlHint')}
        </Text>
      ) : null}
      {pages > 1 ? (
        <Group justify="center" mt="sm">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={setPage}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('common.previousPage') }
                : control === 'next'
                  ? { 'aria-label': t('common.nextPage') }
                  : {}
            }
          />
        </Group>
      ) : null}
    </Paper>
  );
}
