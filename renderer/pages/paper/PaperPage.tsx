import { Button, Select, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { AppModal } from '../../components/AppModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { ApprovalEffectPanel } from './ApprovalEffectPanel.js';
import { BreakdownPanel } from './BreakdownPanel.js';
import { EvaluationPanel } from './EvaluationPanel.js';
import { HeadlinePanel } from './HeadlinePanel.js';
import { KpiSettingsForm } from './KpiSettingsForm.js';
import { MAPPING_SECTION_ID, MappingPanel } from './MappingPanel.js';
import { PaperCharts } from './PaperCharts.js';
import { PurchasesPanel } from './PurchasesPanel.js';
import { currentFiscalYear, parseFiscalYearParam, pickerYears } from './paperData.js';
import { measureLabel } from './paperText.js';
import { DocumentsPanel, PrintersPanel, RatesPanel } from './UsagePanels.js';
import { useKpiFiscalYears, useKpiReport, useKpiYear, useKpiYears } from './usePaperQueries.js';

/**
 * 紙削減, for the DX office: the chosen fiscal year's reduction against its
 * target (headline), month by month (charts), where the paper goes
 * (breakdowns with drill-down, printers, rates, documents) and the mapping of
 * log names that decides the breakdowns. The year is in the address
 * (`/paper?fy=2024`) so a link or a reload keeps it. Every figure refreshes
 * when jobs are stored (useServerEvents invalidates the kpi queries).
 */
export function PaperPage() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [params, setParams] = useSearchParams();
  const current = currentFiscalYear();
  const fy = parseFiscalYearParam(params.get('fy'), current) ?? current;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const years = useKpiYears();
  const fiscalYears = useKpiFiscalYears();
  const report = useKpiReport(fy);
  const settings = useKpiYear(fy);
  // Only print-server jobs say who printed where: with another measure the breakdowns come from the jobs.
  const otherMeasure = report.data !== undefined && report.data.measure !== 'jobs';
  const jobsReport = useKpiReport(fy, 'jobs', otherMeasure);
  const usage = otherMeasure ? jobsReport.data : report.data;
  const options = pickerYears(fiscalYears.data?.items, years.data?.items ?? [], current, fy);
  const optionLabel = (y: (typeof options)[number]) => {
    const year = fiscalYearLabel(y.fiscalYear, lang);
    if (y.fiscalYear === current) return t('paper.fy.current', { year });
    return y.hasData === false ? t('paper.fy.noData', { year }) : year;
  };
  // While another year loads, the previous year's figures stay (placeholder data); they must not be taken for this year's.
  const ready = report.data !== undefined && settings.data !== undefined && report.data.fiscalYear === fy && settings.data.fiscalYear === fy;
  const showMapping = () => document.getElementById(MAPPING_SECTION_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  return (
    <>
      <PageHeader
        title={t('nav.paper')}
        description={t('paper.description')}
        actions={
          <>
            <Select
              aria-label={t('paper.fy.label')}
              w={220}
              allowDeselect={false}
              value={String(fy)}
              data={options.map((y) => ({ value: String(y.fiscalYear), label: optionLabel(y) }))}
              onChange={(v) => {
                if (v === null) return;
                // The current year is the default: keep its address clean.
                setParams(Number(v) === current ? {} : { fy: v });
              }}
            />
            <Button variant="default" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setSettingsOpen(true)} disabled={!settings.data}>
              {t('paper.settings.open')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
        {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
        {ready && report.data && settings.data ? (
          <>
            <HeadlinePanel report={report.data} settings={settings.data} onOpenSettings={() => setSettingsOpen(true)} />
            <PaperCharts report={report.data} settings={settings.data} />
          </>
        ) : report.isError ? null : (
          <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={260} radius="md" />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Skeleton height={320} radius="md" />
              <Skeleton height={320} radius="md" />
            </SimpleGrid>
          </Stack>
        )}
        {/* Apart from the headline and its charts, marked as an estimate: never part of the measured reduction. */}
        <ApprovalEffectPanel key={`approval-effect-${fy}`} fy={fy} />
        {usage && usage.fiscalYear === fy ? (
          <>
            <BreakdownPanel
              key={fy}
              fy={fy}
              report={usage}
              note={otherMeasure && report.data ? t('paper.breakdown.jobsOnly', { measure: measureLabel(report.data.measure, t) }) : null}
              onShowMapping={showMapping}
            />
            <RatesPanel report={usage} />
            {/* Side by side only where each table keeps room for long printer and document names. */}
            <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
              <PrintersPanel report={usage} />
              <DocumentsPanel fy={fy} yearSheets={usage.sheets} />
            </SimpleGrid>
          </>
        ) : null}
        {/* After the figures they sum up: the April table of the year, then the purchases that can stand in for the jobs. */}
        <EvaluationPanel key={`evaluation-${fy}`} fy={fy} />
        <PurchasesPanel key={`purchases-${fy}`} fy={fy} measure={settings.data?.fiscalYear === fy ? settings.data.measure : null} />
        <MappingPanel key={fy} fy={fy} />
      </Stack>
      <AppModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} title={t('paper.settings.title', { year: fiscalYearLabel(fy, lang) })} size="lg">
        {settings.data && settings.data.fiscalYear === fy ? (
          <KpiSettingsForm settings={settings.data} years={years.data?.items ?? []} onDone={() => setSettingsOpen(false)} />
        ) : null}
      </AppModal>
    </>
  );
}
