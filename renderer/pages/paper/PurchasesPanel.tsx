import { Badge, Box, Button, Group, NumberInput, Paper, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type KpiMeasure } from '../../../shared/api/index.js';
import { SHEETS_PER_REAM, type Purchase } from '../../../shared/api/kpi-evaluation.js';
import { fiscalMonths } from '../../../shared/domain/kpi/months.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useSaveFeedback } from '../../forms/useSaveFeedback.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { purchaseBody, reamCount, type PurchaseValues } from './evaluationForms.js';
import { monthName, monthTitle } from './paperText.js';
import { PurchasesImport } from './PurchasesImport.js';
import { useKpiPurchases } from './usePaperQueries.js';

/** One month's purchase, saved on its own (the API takes a month at a time). */
function PurchaseRow({ month, stored }: { month: string; stored: Purchase | undefined }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const form = useForm<PurchaseValues>({
    initialValues: { reams: stored?.reams ?? '', note: stored?.note ?? '' },
    validate: {
      reams: (v) => (typeof v === 'string' && v.trim() === '') || reamCount(v) !== null ? null : t('paper.purchases.error.reams'),
    },
  });
  const save = useApiMutation(api.setKpiPurchase, { invalidate: [queryKeys.kpi] });
  // Nothing to close: the row stays where it is, the toast says it was saved.
  const feedback = useSaveFeedback<{ name: string }>(form, () => form.resetDirty());
  const title = monthTitle(month, lang);
  const storedReams = stored?.reams ?? '';
  const storedNote = stored?.note ?? '';
  // A purchase saved elsewhere (another tab, another officer) shows here unless this row is being typed in.
  // Not a remount by key: that would drop the save's own callbacks, and with them the saved toast.
  useEffect(() => {
    if (form.isDirty()) return;
    form.setValues({ reams: storedReams, note: storedNote });
    form.resetDirty({ reams: storedReams, note: storedNote });
    // Only the stored figures start it: `form` is a new object on every render.
  }, [storedReams, storedNote]);
  const reams = reamCount(form.getValues().reams);

  return (
    <Table.Tr data-testid={`paper-purchase-${month}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {monthName(month, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('paper.purchases.reamsOf', { month: title })}
          size="xs"
          min={0}
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator=","
          w={120}
          {...form.getInputProps('reams')}
        />
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="paper-purchase-sheets">
        {reams === null ? '—' : formatCount(reams * SHEETS_PER_REAM, lang)}
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={t('paper.purchases.noteOf', { month: title })} size="xs" {...form.getInputProps('note')} />
        {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant={form.isDirty() ? 'filled' : 'default'}
          disabled={!form.isDirty()}
          loading={save.isPending}
          aria-label={t('paper.purchases.saveOf', { month: title })}
          onClick={() => {
            if (form.validate().hasErrors) return;
            feedback.clearFormError();
            save.mutate({ body: purchaseBody(month, form.getValues()) }, { onSuccess: () => feedback.onSuccess({ name: title }), onError: feedback.onError });
          }}
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * 用紙購入: the reams bought each month of the year, the KPI's third measure
 * (after the print-server jobs and the copier counters), used when the
 * year's settings choose it. Sheets are reams × 500.
 */
export function PurchasesPanel({ fy, measure }: { fy: number; measure: KpiMeasure | null }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const purchases = useKpiPurchases(fy);
  const data = purchases.data?.fiscalYear === fy ? purchases.data : undefined;
  const byMonth = new Map((data?.items ?? []).map((p) => [p.month, p]));

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="paper-purchases-title">
      <Box px="md" pt="md" pb="xs">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Group gap="xs">
              <Title order={3} fz="h4" id="paper-purchases-title">
                {t('paper.purchases.title', { year: fiscalYearLabel(fy, lang) })}
              </Title>
              {measure === 'purchases' ? (
                <Badge color="teal" variant="light" tt="none">
                  {t('paper.purchases.inUse')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" maw={760}>
              {t('paper.purchases.help')}
            </Text>
          </div>
          {data ? (
            <Text size="sm" fw={500} data-testid="paper-purchases-total">
              {t('paper.purchases.total', { reams: formatCount(data.reams, lang), sheets: formatCount(data.sheets, lang) })}
            </Text>
          ) : null}
        </Group>
      </Box>
      <PurchasesImport fy={fy} />
      {purchases.isError ? <ErrorAlert error={purchases.error} onRetry={() => void purchases.refetch()} /> : null}
      {!data && !purchases.isError ? <TableSkeleton rows={6} /> : null}
      {data ? (
        <Table.ScrollContainer type="native" minWidth={620}>
          <Table striped verticalSpacing={4} aria-label={t('paper.purchases.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('paper.purchases.month')}</Table.Th>
                <Table.Th w={140}>{t('paper.purchases.reams')}</Table.Th>
                <Table.Th ta="right" w={110}>
                  {t('paper.col.sheets')}
                </Table.Th>
                <Table.Th>{t('paper.purchases.note')}</Table.Th>
                {/* Relative: the hidden label is absolutely placed and would otherwise widen the page, not scroll with the table. */}
                <Table.Th w={80} style={{ position: 'relative' }}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fiscalMonths(fy).map((month) => {
                return <PurchaseRow key={month} month={month} stored={byMonth.get(month)} />;
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}
