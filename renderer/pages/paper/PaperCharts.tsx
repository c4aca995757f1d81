import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiReport, KpiYear } from '../../../shared/api/index.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { compactCount, cumulativeRows, monthlyRows, niceAxis } from './paperData.js';
import { baselineOf, explainYtd } from './paperExplain.js';
import { monthName } from './paperText.js';

interface PaperChartsProps {
  report: KpiReport;
  settings: KpiYear;
}

const CHART_HEIGHT = 260;

/**
 * Month by month: this year's sheets against the baseline's same month, and
 * the running reduction against the year's target. Both follow the width of
 * their card (recharts' ResponsiveContainer), so a tablet gets them stacked
 * at full width.
 */
export function PaperCharts({ report, settings }: PaperChartsProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const baseline = baselineOf(report, settings);
  const ytd = explainYtd(report, settings);
  // This month's bar is a part of a month beside a whole baseline month: say so, or it reads as a big drop.
  const partial = ytd.kind === 'in-progress' ? ytd.period.partial : null;
  const full = (v: number) => t('paper.headline.sheetsValue', { n: formatCount(v, lang) });
  const tick = (v: number) => compactCount(v, lang);
  const hasBaseline = baseline.kind !== 'none';
  const monthly = monthlyRows(report, lang, hasBaseline);
  const cumulative = cumulativeRows(report, lang);
  const baselineLabel =
    baseline.kind === 'year'
      ? t('paper.chart.baselineYear', { year: fiscalYearLabel(baseline.fiscalYear, lang) })
      : t('paper.chart.baselineFigure');
  // The baseline's bar first: left to right reads old → new within each month.
  const series = [
    ...(hasBaseline ? [{ name: 'baseline', label: baselineLabel, color: 'gray.4' }] : []),
    { name: 'sheets', label: fiscalYearLabel(report.fiscalYear, lang), color: 'blue.6' },
  ];

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="paper-monthly-title">
        <Title order={3} fz="h5" id="paper-monthly-title">
          {t('paper.chart.monthly.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {hasBaseline ? t('paper.chart.monthly.help') : t('paper.chart.monthly.noBaseline')}
          {partial && partial.day !== null ? t('paper.chart.monthly.partial', { month: monthName(partial.month, lang), day: partial.day }) : ''}
        </Text>
        <BarChart
          h={CHART_HEIGHT}
          data={monthly}
          dataKey="label"
          series={series}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          valueFormatter={full}
          yAxisProps={{ tickFormatter: tick, width: 56, ...niceAxis(monthly.flatMap((r) => [r.sheets, r.baseline])) }}
          tickLine="y"
          barProps={{ radius: 2 }}
          maxBarWidth={18}
        />
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="paper-cumulative-title">
        <Title order={3} fz="h5" id="paper-cumulative-title">
          {t('paper.chart.cumulative.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {report.target === null ? t('paper.chart.cumulative.noTarget') : t('paper.chart.cumulative.help')}
        </Text>
        {hasBaseline ? (
          <LineChart
            h={CHART_HEIGHT}
            data={cumulative}
            dataKey="label"
            series={[{ name: 'reduction', label: t('paper.chart.cumulative.series'), color: 'teal.6' }]}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 36 }}
            valueFormatter={full}
            yAxisProps={{ tickFormatter: tick, width: 56, ...niceAxis(cumulative.map((r) => r.reduction), [report.target]) }}
            referenceLines={
              report.target === null
                ? [{ y: 0, color: 'gray.5' }]
                : [
                    { y: 0, color: 'gray.5' },
                    { y: report.target, color: 'red.6', label: t('paper.chart.cumulative.target', { n: formatCount(report.target, lang) }), labelPosition: 'insideTopLeft' },
                  ]
            }
            connectNulls={false}
            curveType="linear"
            strokeWidth={2.5}
          />
        ) : (
          <EmptyNotice message={t('paper.chart.cumulative.noBaseline')} />
        )}
      </Paper>
    </SimpleGrid>
  );
}
