import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../shared/api/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FigureTile } from '../../components/FigureTile.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { FigureTable } from './FigureTable.js';
import { shareOf } from './paperData.js';
import { useKpiDocuments } from './usePaperQueries.js';

function Section({ id, title, help, children }: { id: string; title: string; help?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby={id} miw={0}>
      <Box px="md" pt="md" pb="xs">
        <Title order={3} fz="h4" id={id}>
          {title}
        </Title>
        {help ? (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        ) : null}
      </Box>
      {children}
    </Paper>
  );
}

/** The year's printers, most sheets first. */
export function PrintersPanel({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  return (
    <Section id="paper-printers-title" title={t('paper.printers.title')} help={t('paper.printers.help')}>
      <FigureTable
        rows={report.byPrinter}
        total={report.sheets}
        nameHeader={t('paper.breakdown.printer')}
        label={t('paper.printers.title')}
        emptyMessage={t('paper.breakdown.empty')}
      />
    </Section>
  );
}

/**
 * How the year printed (measured), and apart from it, in a box of its own
 * marked 試算, what all-duplex printing would have saved: an estimate must
 * never be read as part of the measured reduction.
 */
export function RatesPanel({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const whatIfShare = shareOf(report.whatIfDuplex, report.sheets);
  return (
    <Section id="paper-rates-title" title={t('paper.rates.title')} help={t('paper.rates.help')}>
      <Stack px="md" pb="md" gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <FigureTile label={t('paper.rates.duplex')} value={pct(report.rates.duplexPercent)} note={t('paper.rates.ofJobs')} />
          <FigureTile label={t('paper.rates.color')} value={pct(report.rates.colorPercent)} note={t('paper.rates.ofJobs')} />
          <FigureTile label={t('paper.rates.a3')} value={pct(report.rates.a3Percent)} note={t('paper.rates.ofSheets')} />
          <FigureTile
            label={t('paper.rates.unknownSides')}
            value={t('paper.headline.jobsValue', { n: n(report.rates.unknownSidesJobs) })}
            note={t('paper.rates.unknownSidesNote')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Paper withBorder radius="md" p="sm">
            <Group gap={6}>
              <Badge color="blue" variant="light" tt="none">
                {t('paper.whatIf.measured')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t('paper.whatIf.measuredLabel')}
            </Text>
            <Text fz={22} fw={700} lh={1.3}>
              {t('paper.headline.sheetsValue', { n: n(report.sheets) })}
            </Text>
          </Paper>
          <Paper radius="md" p="sm" bg="var(--mantine-color-yellow-0)" style={{ border: '1px dashed var(--mantine-color-yellow-6)' }} data-testid="paper-what-if">
            <Group gap={6}>
              <Badge color="yellow" variant="filled" tt="none" leftSection={<IconBulb size={12} aria-hidden />}>
                {t('paper.whatIf.estimate')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t('paper.whatIf.label')}
            </Text>
            <Text fz={22} fw={700} lh={1.3}>
              {t('paper.whatIf.value', { n: n(report.whatIfDuplex) })}
              {whatIfShare !== null ? (
                <Text span size="sm" fw={500} c="dimmed" ml={6}>
                  {t('paper.whatIf.share', { percent: whatIfShare })}
                </Text>
              ) : null}
            </Text>
          </Paper>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('paper.whatIf.note')}
        </Text>
      </Stack>
    </Section>
  );
}

/** The documents printed most this year: candidates for e-approval or a shared file instead of copies. */
export function DocumentsPanel({ fy, yearSheets }: { fy: number; yearSheets: number }) {
  const { t } = useTranslation();
  const docs = useKpiDocuments(fy);
  const rows = (docs.data?.items ?? []).map((d) => ({ id: null, name: d.document, jobs: d.jobs, pages: d.pages, sheets: d.sheets }));
  return (
    <Section id="paper-documents-title" title={t('paper.documents.title')} help={t('paper.documents.help')}>
      {docs.isError ? <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} /> : null}
      {docs.isPending ? <TableSkeleton rows={5} /> : null}
      {docs.data ? (
        <FigureTable rows={rows} total={yearSheets} nameHeader={t('paper.documents.name')} label={t('paper.documents.title')} emptyMessage={t('paper.documents.empty')} />
      ) : null}
    </Section>
  );
}
