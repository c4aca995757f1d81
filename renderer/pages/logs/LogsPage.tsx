import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PagePicker } from '../../components/PagePicker.js';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, LogFileRow, SourceStatus } from '../../../shared/api/index.js';
import { useLogFiles } from '../../api/hooks.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { ImportPanel } from './ImportPanel.js';
import { LogFilesTable } from './LogFilesTable.js';
import { fileNameOf, formatCount } from './logText.js';
import { RejectedLinesPanel } from './RejectedLinesPanel.js';
import { SourcesPanel } from './sources/SourcesPanel.js';
import type { RejectedFilter } from './sources/useSourceQueries.js';
import { SummaryCards } from './SummaryCards.js';

const PAGE_SIZE = 20;

/**
 * ログ取込, top to bottom in the order a DX officer looks: the totals, the
 * sources that import by themselves (watched folders, branch agents), the
 * manual import of one file, and the files read so far. One list of rejected
 * lines is open at a time, below the list it was chosen from: a source's
 * under the sources, a file's under the files.
 */
export function LogsPage() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<RejectedFilter | null>(null);
  const files = useLogFiles({ page, pageSize: PAGE_SIZE });
  const items = files.data?.items ?? [];
  const total = files.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  // The file just imported comes first in the list; its rejected lines open below it.
  const onImported = useCallback((result: ImportResult) => {
    setPage(1);
    if (result.fileId !== null) setSelected({ kind: 'file', id: result.fileId, name: result.name });
  }, []);
  const select = (f: LogFileRow) => setSelected({ kind: 'file', id: f.id, name: fileNameOf(f.path) });
  const selectSource = (s: SourceStatus) => setSelected({ kind: 'source', id: s.id, name: s.name });
  const rejectedPanel = selected ? (
    <RejectedLinesPanel key={`${selected.kind}-${selected.id}`} filter={selected} onClose={() => setSelected(null)} />
  ) : null;

  return (
    <>
      <PageHeader title={t('nav.logs')} description={t('logs.description')} />
      <Stack gap="md">
        <SummaryCards />
        <SourcesPanel onShowRejected={selectSource} rejectedShownId={selected?.kind === 'source' ? selected.id : null} />
        {selected?.kind === 'source' ? rejectedPanel : null}
        <ImportPanel onImported={onImported} />
        <Paper withBorder radius="md" p={0} component="section" aria-labelledby="files-title">
          <Group justify="space-between" align="flex-end" px="md" pt="md" pb="xs" gap="xs">
            <div>
              <Title order={3} fz="h4" id="files-title">
                {t('logs.files.title')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('logs.files.help')}
              </Text>
            </div>
            {files.data ? (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('logs.files.count', { n: formatCount(total, lang) })}
              </Text>
            ) : null}
          </Group>
          <div style={{ opacity: files.isPlaceholderData ? 0.7 : 1 }}>
            {files.isPending ? <TableSkeleton rows={5} /> : null}
            {files.isError ? <ErrorAlert error={files.error} onRetry={() => void files.refetch()} /> : null}
            {files.data && items.length === 0 ? <EmptyNotice message={t('logs.files.empty')} /> : null}
            {items.length > 0 ? <LogFilesTable files={items} selectedId={selected?.kind === 'file' ? selected.id : null} onSelect={select} /> : null}
          </div>
          <PagePicker py="sm" pages={pages} page={page} onChange={setPage} />
        </Paper>
        {selected?.kind === 'file' ? rejectedPanel : null}
      </Stack>
    </>
  );
}
