import { Alert, Badge, Box, Button, Checkbox, Grid, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBulb, IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/index.js';
import { MAX_PAPER_COPIES, type ApprovalEffect } from '../../../shared/api/kpi-approval-effect.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FigureTile } from '../../components/FigureTile.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useSaveFeedback } from '../../forms/useSaveFeedback.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { approvalEffectBody, approvalEffectValues, copiesCount, type ApprovalEffectValues } from './approvalEffectForm.js';
import { useKpiApprovalEffect } from './usePaperQueries.js';

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

/** The two settings, edited in place: the copies a paper route would have needed and whether they were duplex. */
function ApprovalEffectSettingsForm({ effect }: { effect: ApprovalEffect }) {
  const { t } = useTranslation();
  const form = useForm<ApprovalEffectValues>({
    initialValues: approvalEffectValues(effect),
    validate: { paperCopies: (v) => (copiesCount(v) === null ? t('paper.approvalEffect.error.copies', { max: MAX_PAPER_COPIES }) : null) },
  });
  const save = useApiMutation(api.setKpiApprovalEffectSettings, { invalidate: [queryKeys.kpi] });
  const feedback = useSaveFeedback<{ name: string }>(form, () => form.resetDirty());
  // Settings saved elsewhere (another tab, another officer) show here unless they are being edited.
  useEffect(() => {
    if (form.isDirty()) return;
    const stored = approvalEffectValues(effect);
    form.setValues(stored);
    form.resetDirty(stored);
    // Only the stored settings start it: `form` is a new object on every render.
  }, [effect.paperCopies, effect.duplex]);

  return (
    <Paper withBorder radius="md" p="sm" component="form" aria-labelledby="paper-approval-effect-settings-title" data-testid="paper-approval-effect-settings"
      onSubmit={form.onSubmit((values) => {
        const body = approvalEffectBody(values);
        if (body === null) return;
        feedback.clearFormError();
        save.mutate({ body }, { onSuccess: () => feedback.onSuccess({ name: t('paper.approvalEffect.settings.name') }), onError: feedback.onError });
      })}
    >
      <Text fw={600} size="sm" id="paper-approval-effect-settings-title">
        {t('paper.approvalEffect.settings.title')}
      </Text>
      <Stack gap="sm" mt="xs">
        <NumberInput
          label={t('paper.approvalEffect.settings.copies')}
          description={t('paper.approvalEffect.settings.copiesHelp', { max: MAX_PAPER_COPIES })}
          min={0}
          max={MAX_PAPER_COPIES}
          clampBehavior="none"
          allowDecimal={false}
          suffix={t('paper.approvalEffect.settings.copiesSuffix')}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('paperCopies')}
        />
        <Checkbox
          label={t('paper.approvalEffect.settings.duplex')}
          description={t('paper.approvalEffect.settings.duplexHelp')}
          {...form.getInputProps('duplex', { type: 'checkbox' })}
        />
        {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
        <Group justify="flex-end">
          <Button type="submit" size="sm" variant={form.isDirty() ? 'filled' : 'default'} disabled={!form.isDirty()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The cases of the year by document type: most sheets first. */
function ByTypeTable({ effect }: { effect: ApprovalEffect }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  if (effect.byType.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md" data-testid="paper-approval-effect-empty">
        {t('paper.approvalEffect.empty', { year: fiscalYearLabel(effect.fiscalYear, lang) })}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer type="native" minWidth={420}>
      <Table striped verticalSpacing={4} aria-label={t('paper.approvalEffect.byType')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paper.approvalEffect.col.type')}</Table.Th>
            <Table.Th ta="right">{t('paper.approvalEffect.col.cases')}</Table.Th>
            <Table.Th ta="right">{t('paper.approvalEffect.col.pages')}</Table.Th>
            <Table.Th ta="right">{t('paper.approvalEffect.col.sheets')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {effect.byType.map((row) => (
            <Table.Tr key={row.typeId}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right" style={tabular}>
                {n(row.cases)}
              </Table.Td>
              <Table.Td ta="right" style={tabular}>
                {n(row.pages)}
              </Table.Td>
              <Table.Td ta="right" style={tabular}>
                {n(row.sheets)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {effect.byType.length > 1 ? (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('paper.approvalEffect.total')}</Table.Th>
              <Table.Th ta="right" style={tabular}>
                {n(effect.cases)}
              </Table.Th>
              <Table.Th ta="right" style={tabular}>
                {n(effect.pages)}
              </Table.Th>
              <Table.Th ta="right" style={tabular}>
                {n(effect.sheets)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * 電子決裁による削減効果（推計）: the sheets a paper route would have used for
 * the cases approved electronically this year. Apart from the headline, in a
 * box marked 推計, and said not to be part of the measured reduction: what
 * e-approval saved is already in the measured sheets, so adding it would count
 * it twice. The two settings it rests on are edited here.
 */
export function ApprovalEffectPanel({ fy }: { fy: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const query = useKpiApprovalEffect(fy);
  const effect = query.data?.fiscalYear === fy ? query.data : undefined;
  const year = fiscalYearLabel(fy, lang);

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="paper-approval-effect-title" data-testid="paper-approval-effect">
      <Box px="md" pt="md" pb="xs">
        <Group gap="xs">
          <Title order={3} fz="h4" id="paper-approval-effect-title">
            {t('paper.approvalEffect.title')}
          </Title>
          <Badge color="yellow" variant="filled" tt="none" leftSection={<IconBulb size={12} aria-hidden />}>
            {t('paper.approvalEffect.badge')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" maw={820}>
          {t('paper.approvalEffect.help', { year })}
        </Text>
      </Box>
      <Stack px="md" pb="md" gap="sm">
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="paper-approval-effect-apart">
          {t('paper.approvalEffect.apart')}
        </Alert>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {!effect && !query.isError ? <TableSkeleton rows={4} /> : null}
        {effect ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              <Paper radius="md" p="sm" bg="var(--mantine-color-yellow-0)" style={{ border: '1px dashed var(--mantine-color-yellow-6)' }}>
                <Text size="xs" c="dimmed" fw={500}>
                  {t('paper.approvalEffect.estimate')}
                </Text>
                <Text fz="xl" fw={700} lh={1.3} data-testid="paper-approval-effect-sheets">
                  {t('paper.approvalEffect.sheetsValue', { n: n(effect.sheets) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('paper.approvalEffect.estimateNote')}
                </Text>
              </Paper>
              <FigureTile label={t('paper.approvalEffect.cases')} value={t('paper.headline.jobsValue', { n: n(effect.cases) })} note={t('paper.approvalEffect.casesNote')} />
              <FigureTile label={t('paper.approvalEffect.pages')} value={t('paper.approvalEffect.pagesValue', { n: n(effect.pages) })} note={t('paper.approvalEffect.pagesNote')} />
              <FigureTile
                label={t('paper.approvalEffect.copies')}
                value={effect.duplex ? t('paper.approvalEffect.copiesDuplex', { n: effect.paperCopies }) : t('paper.approvalEffect.copiesSimplex', { n: effect.paperCopies })}
                note={t('paper.approvalEffect.copiesNote')}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('paper.approvalEffect.howCounted')}
            </Text>
            <Grid gap="md" align="flex-start">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Text fw={600} size="sm" mb={4}>
                  {t('paper.approvalEffect.byType')}
                </Text>
                <ByTypeTable effect={effect} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <ApprovalEffectSettingsForm effect={effect} />
              </Grid.Col>
            </Grid>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
