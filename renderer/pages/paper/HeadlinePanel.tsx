import { Alert, Badge, Box, Button, Divider, Grid, Group, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport, KpiYear } from '../../../shared/api/index.js';
import { fiscalYearLabel, formatWarekiDate } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { baselineOf, explainProjection, explainYtd } from './paperExplain.js';
import { basisLabel, baselineText, measureLabel, projectionSentence, ytdSentence } from './paperText.js';

interface HeadlinePanelProps {
  report: KpiReport;
  settings: KpiYear;
  onOpenSettings: () => void;
}

/** A ring cannot show more than full or less than empty; the label carries the real percent (161%, −12%). */
const ringValue = (percent: number | null) => Math.max(0, Math.min(100, percent ?? 0));

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/**
 * The year's reduction against its target: the figure the DX office reports
 * each April, with how it was reached. A year in progress shows the
 * year-to-date figure, labelled so, and the projected year end beside it.
 */
export function HeadlinePanel({ report, settings, onOpenSettings }: HeadlinePanelProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const baseline = baselineOf(report, settings);
  const ytd = explainYtd(report, settings);
  const projection = baseline.kind === 'none' ? null : explainProjection(report, settings);
  const year = fiscalYearLabel(report.fiscalYear, lang);
  const inProgress = ytd.kind === 'in-progress';
  const noBaseline = baseline.kind === 'none';
  const percent = noBaseline ? null : report.achievementPercent;
  const projected = projection?.achievementPercent ?? null;
  const reached = percent !== null && percent >= 100;
  // Projected share drawn lighter behind the share reached so far.
  const sections: { value: number; color: string; tooltip: string }[] = [];
  // A section of 0 with round caps still draws a dot at 12 o'clock, which reads as "a little achieved".
  if (ringValue(percent) > 0) sections.push({ value: ringValue(percent), color: reached ? 'teal.6' : 'blue.6', tooltip: t('paper.headline.achievement') });
  if (inProgress && projected !== null && ringValue(projected) > ringValue(percent)) {
    sections.push({ value: ringValue(projected) - ringValue(percent), color: projected >= 100 ? 'teal.2' : 'blue.2', tooltip: t('paper.headline.projectedAchievement') });
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="paper-headline-title">
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={3} fz="h4" id="paper-headline-title">
          {t('paper.headline.title', { year })}
        </Title>
        {inProgress ? (
          <Badge color="yellow" variant="light" size="lg" tt="none">
            {t('paper.headline.inProgress', { date: formatWarekiDate(Date.now(), lang) })}
          </Badge>
        ) : ytd.kind === 'complete' ? (
          <Badge color="gray" variant="light" size="lg" tt="none">
            {t('paper.headline.final')}
          </Badge>
        ) : null}
      </Group>

      {noBaseline || report.target === null ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} mb="md" title={t('paper.missing.title')}>
          <Stack gap={6} align="flex-start">
            {noBaseline ? <Text size="sm">{t('paper.missing.baseline')}</Text> : null}
            {report.target === null ? <Text size="sm">{t('paper.missing.target')}</Text> : null}
            <Button size="compact-sm" variant="light" color="orange" leftSection={<IconSettings size={16} aria-hidden />} onClick={onOpenSettings}>
              {t('paper.missing.action')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      <Grid gap="lg" align="stretch">
        <Grid.Col span={{ base: 12, sm: 7, lg: 5 }}>
          <Group gap="lg" wrap="nowrap" align="center">
            <RingProgress
              size={148}
              thickness={14}
              roundCaps
              sections={sections}
              role="img"
              aria-label={t('paper.headline.gaugeLabel', { percent: percent === null ? '—' : `${percent}%` })}
              label={
                <Stack gap={0} align="center">
                  <Text fz={26} fw={700} lh={1.1} c={percent !== null && percent < 0 ? 'red.7' : undefined} data-testid="paper-achievement">
                    {percent === null ? '—' : `${percent}%`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {inProgress ? t('paper.headline.achievementSoFar') : t('paper.headline.achievement')}
                  </Text>
                </Stack>
              }
            />
            <Stack gap={2} miw={0}>
              <Text size="sm" c="dimmed" fw={500}>
                {inProgress ? t('paper.headline.reductionYtd') : t('paper.headline.reduction')}
              </Text>
              <Text fz={36} fw={700} lh={1.15} style={{ whiteSpace: 'nowrap' }} c={report.reduction < 0 ? 'red.7' : undefined}>
                <span data-testid="paper-reduction">{noBaseline ? '—' : n(report.reduction)}</span>
                <Text span fz="lg" fw={500} ml={4}>
                  {t('paper.unit.sheets')}
                </Text>
              </Text>
              <Text size="sm">
                {report.target === null ? t('paper.headline.noTarget') : t('paper.headline.target', { target: n(report.target) })}
              </Text>
              {report.reduction < 0 && !noBaseline ? (
                <Text size="xs" c="red.7">
                  {t('paper.headline.increase')}
                </Text>
              ) : null}
            </Stack>
          </Group>
        </Grid.Col>

        <Grid.Col span={{ base: 12, sm: 5, lg: 3 }}>
          {inProgress && projection !== null ? (
            <Box p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 'var(--mantine-radius-md)' }} h="100%">
              <Text size="sm" fw={600} mb={4}>
                {t('paper.headline.projection')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('paper.headline.projectedReduction')}
              </Text>
              <Text fz={22} fw={700} lh={1.3} data-testid="paper-projected-reduction">
                {t('paper.headline.sheetsValue', { n: n(projection.reduction) })}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('paper.headline.projectedAchievement')}
              </Text>
              {projected === null ? (
                <Text size="sm" c="dimmed">
                  {t('paper.headline.noTarget')}
                </Text>
              ) : (
                <Text fz={18} fw={600}>
                  {`${projected}%`}
                </Text>
              )}
            </Box>
          ) : (
            <Stack gap="xs">
              <Fact label={t('paper.headline.yearSheets', { year })}>{t('paper.headline.sheetsValue', { n: n(report.sheets) })}</Fact>
              {noBaseline ? null : (
                <Fact label={t('paper.headline.baselineSheets')}>{t('paper.headline.sheetsValue', { n: n(report.baseline.sheets) })}</Fact>
              )}
            </Stack>
          )}
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap={8}>
            <Fact label={t('paper.headline.baseline')}>{baselineText(baseline, t, lang)}</Fact>
            <Fact label={t('paper.headline.measure')}>{measureLabel(report.measure, t)}</Fact>
            <Fact label={t('paper.headline.basis')}>{basisLabel(report.sheetBasis, t)}</Fact>
            {inProgress ? (
              <Fact label={t('paper.headline.sheetsSoFar')}>
                {t('paper.headline.sheetsValue', { n: n(report.sheets) })}
                {report.measure === 'jobs' ? ` ・ ${t('paper.headline.jobsValue', { n: n(report.jobs) })}` : ''}
              </Fact>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <Divider my="md" />
      <Stack gap={6}>
        <Text size="sm" data-testid="paper-ytd-method">
          <Text span fw={600}>
            {t('paper.headline.howCounted')}
          </Text>
          {ytdSentence(ytd, t, lang)}
        </Text>
        {inProgress && projection !== null ? (
          <Text size="sm" data-testid="paper-projection-method">
            <Text span fw={600}>
              {t('paper.headline.howProjected')}
            </Text>
            {projectionSentence(projection, t, lang)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
