import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { archivePdfUrl, caseExportUrl } from '../../../shared/api/archive.js';
import { api, type CaseView } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { call } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { useCaseDisposal } from '../archive/useRetention.js';
import classes from './CasePage.module.css';

/** Cases with a final decision on record: they have an archive PDF. */
const DECIDED: ReadonlySet<CaseView['state']> = new Set(['approved', 'enforced']);

/**
 * The archive PDF (決裁記録) and the export ZIP of a decided case: plain links
 * with the session cookie, answered with a file, so they download the same way
 * in a browser and in the desktop window. The latest archive's date and hash
 * are shown when it has been made; a disposed case offers neither.
 */
export function ArchiveDownload({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const decided = DECIDED.has(kase.state);
  const archives = useQuery({
    queryKey: [...queryKeys.caseView(kase.id), 'archives', kase.version],
    queryFn: () => call(api.caseArchives, { params: { id: kase.id } }),
    enabled: decided,
    // The hub makes it just after the decision: looked for again a few times until it shows this version.
    refetchInterval: (query) => ((query.state.data?.items[0]?.caseVersion ?? 0) >= kase.version || query.state.dataUpdateCount >= 10 ? false : 3000),
  });
  // A disposed case keeps its record but not its files: nothing to download.
  const disposed = useCaseDisposal(kase.id).data?.disposal;
  if (!decided || disposed) return null;
  const latest = archives.data?.items[0];
  const current = latest !== undefined && latest.caseVersion >= kase.version;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-archive-title">
      <Title order={3} fz="md" id="case-archive-title" mb={4}>
        {t('archive.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('archive.help')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={archivePdfUrl(kase.id)} download size="md" variant="light" leftSection={<IconDownload size={18} aria-hidden />} className={classes.actionButton}>
          {t('archive.download')}
        </Button>
        <Button component="a" href={caseExportUrl(kase.id)} download size="md" variant="default" leftSection={<IconFileZip size={18} aria-hidden />} className={classes.actionButton}>
          {t('archive.export')}
        </Button>
      </Group>
      {current ? (
        <Text size="xs" c="dimmed" mt="sm" data-testid="archive-made">
          {t('archive.madeAt', { date: formatWarekiDateTime(latest.createdAt, lang), version: latest.caseVersion, pages: latest.pages })}
          <br />
          {t('archive.sha256')}{' '}
          <Text component="span" inherit ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {latest.sha256}
          </Text>
        </Text>
      ) : (
        <Text size="xs" c="dimmed" mt="sm">
          {t('archive.pending')}
        </Text>
      )}
    </Paper>
  );
}
