import { CloseButton, Group, Paper, Table, Text, Title } from '@mantine/core';
import { PagePicker } from '../../components/PagePicker.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { fileNameOf, formatCount, hasControlChars, rawRuns } from './logText.js';
import { useRejectedLinesOf, type RejectedFilter } from './sources/useSourceQueries.js';

const PAGE_SIZE = 50;

interface RejectedLinesPanelProps {
  /** One file's lines, or those of every file of one source (then each line names its file). */
  filter: RejectedFilter;
  onClose: () => void;
}

/** The lines of one file or one source that could not be read: where, why, and the text as it was. */
export function RejectedLinesPanel({ filter, onClose }: RejectedLinesPanelProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [page, setPage] = useState(1);
  const list = useRejectedLinesOf(filter, page, PAGE_SIZE);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const bySource = filter.kind === 'source';

  // Opened from the sources table, the panel may start below the fold: bring it into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (bySource) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [bySource]);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rejected-title" ref={ref}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="h4" id="rejected-title">
          {bySource ? t('logs.rejected.sourceTitle', { name: filter.name }) : t('logs.rejected.title', { name: filter.name })}
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
      {list.data && items.length === 0 ? (
        <EmptyNotice message={bySource ? t('logs.rejected.sourceEmpty') : t('logs.rejected.empty')} />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer type="native" minWidth={bySource ? 900 : 760}>
          <Table striped aria-labelledby="rejected-title">
            <Table.Thead>
              <Table.Tr>
                {bySource ? <Table.Th w={200}>{t('logs.rejected.file')}</Table.Th> : null}
                <Table.Th w={70}>{t('logs.rejected.line')}</Table.Th>
                <Table.Th w="34%">{t('logs.rejected.reason')}</Table.Th>
                <Table.Th>{t('logs.rejected.raw')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  {bySource ? (
                    <Table.Td valign="top" fz="sm" title={r.path} style={{ wordBreak: 'break-all' }}>
                      {fileNameOf(r.path)}
                    </Table.Td>
                  ) : null}
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
      <PagePicker mt="sm" pages={pages} page={page} onChange={setPage} />
    </Paper>
  );
}
