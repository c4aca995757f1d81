import { Alert, Box, Button, FileButton, Group, List, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Language } from '../../../shared/api/index.js';
import { purchaseImportMaxBytes, SHEETS_PER_REAM, type PurchaseImportResult } from '../../../shared/api/kpi-evaluation.js';
import { fiscalYearOfMonth } from '../../../shared/domain/kpi/months.js';
import { describePurchaseCsvError, type CsvPurchaseMonth, type PurchaseCsvError } from '../../../shared/domain/kpi/purchases-csv.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { isApiError } from '../../api/ApiError.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { useDescribeError } from '../../i18n/errors.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatBytes, formatCount } from '../logs/logText.js';
import { monthTitle } from './paperText.js';
import { checkPurchasesCsv, toBase64 } from './purchasesCsv.js';

/** 2024年4月〜2025年3月 / April 2024 – March 2025 (the months come in order); one month alone. */
function monthRange(months: readonly string[], lang: Language): string {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return '';
  if (first === last) return monthTitle(first, lang);
  return `${monthTitle(first, lang)}${lang === 'ja' ? '〜' : ' – '}${monthTitle(last, lang)}`;
}

/** The line errors listed; the rest are counted. */
const SHOWN_ERRORS = 20;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'unreadable'; file: string; reason: string }
  | { kind: 'tooLarge'; file: string }
  | { kind: 'invalid'; file: string; errors: PurchaseCsvError[] }
  | { kind: 'checked'; file: string; bytes: Uint8Array; months: CsvPurchaseMonth[]; rows: number }
  | { kind: 'done'; file: string; result: PurchaseImportResult };

/** What the file would store, month by month, before anything is sent. */
function Preview({ state, fy, onImport, onCancel, importing }: {
  state: Extract<ImportState, { kind: 'checked' }>;
  fy: number;
  onImport: () => void;
  onCancel: () => void;
  importing: boolean;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const reams = state.months.reduce((a, m) => a + m.reams, 0);
  const elsewhere = state.months.filter((m) => fiscalYearOfMonth(m.month) !== fy).length;
  return (
    <Alert color="blue" variant="light" icon={<IconFileSpreadsheet size={18} aria-hidden />} title={t('paper.purchases.import.checkedTitle', { file: state.file })} data-testid="paper-purchases-import-preview">
      <Text size="sm">
        {t('paper.purchases.import.checked', { months: n(state.months.length), rows: n(state.rows), reams: n(reams), sheets: n(reams * SHEETS_PER_REAM) })}
      </Text>
      {elsewhere > 0 ? (
        <Text size="sm" c="orange.8" mt={4}>
          {t('paper.purchases.import.otherYears', { n: n(elsewhere), year: fiscalYearLabel(fy, lang) })}
        </Text>
      ) : null}
      <Box mah={260} mt="xs" style={{ overflowY: 'auto' }}>
        <Table verticalSpacing={2} fz="sm" aria-label={t('paper.purchases.import.tableLabel')} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('paper.purchases.import.month')}</Table.Th>
              <Table.Th ta="right">{t('paper.purchases.reams')}</Table.Th>
              <Table.Th ta="right">{t('paper.col.sheets')}</Table.Th>
              <Table.Th>{t('paper.purchases.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthTitle(m.month, lang)}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {n(m.reams)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {n(m.reams * SHEETS_PER_REAM)}
                </Table.Td>
                <Table.Td>{m.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Group gap="xs" mt="sm">
        <Button size="xs" onClick={onImport} loading={importing}>
          {t('paper.purchases.import.confirm')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel} disabled={importing}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * 用紙購入 from a CSV: the file is read and checked here first (a bad line is
 * named at once, in the UI's language, and nothing is sent), then shown month
 * by month; 取り込む sends its bytes, and the core stores each month, its lines
 * added up, in place of what the month held.
 */
export function PurchasesImport({ fy }: { fy: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const describe = useDescribeError();
  const n = (v: number) => formatCount(v, lang);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const resetRef = useRef<() => void>(null);
  const save = useApiMutation(api.importKpiPurchases, { invalidate: [queryKeys.kpi] });
  const dismiss = () => {
    save.reset();
    setState({ kind: 'idle' });
  };

  const pick = async (file: File | null) => {
    // The same file chosen again (corrected) must fire again.
    resetRef.current?.();
    if (!file) return;
    save.reset();
    if (file.size > purchaseImportMaxBytes) return setState({ kind: 'tooLarge', file: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      return setState({ kind: 'unreadable', file: file.name, reason: error instanceof Error ? error.message : String(error) });
    }
    const checked = checkPurchasesCsv(bytes);
    setState(checked.ok ? { kind: 'checked', file: file.name, bytes, months: checked.months, rows: checked.rows } : { kind: 'invalid', file: file.name, errors: checked.errors });
  };

  const send = (checked: Extract<ImportState, { kind: 'checked' }>) => {
    save.mutate({ body: { base64: toBase64(checked.bytes) } }, { onSuccess: (result) => setState({ kind: 'done', file: checked.file, result }) });
  };

  const failedTitle = (file: string) => t('paper.purchases.import.invalidTitle', { file });
  const detail = isApiError(save.error) ? save.error.detail : undefined;

  return (
    <Box px="md" pb="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <FileButton onChange={(file) => void pick(file)} accept=".csv,.txt,text/csv,text/plain" resetRef={resetRef}>
          {(props) => (
            <Button variant="light" size="xs" leftSection={<IconFileImport size={16} aria-hidden />} style={{ flexShrink: 0 }} {...props}>
              {t('paper.purchases.import.button')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" maw={760}>
          {t('paper.purchases.import.help')}
        </Text>
      </Group>

      {state.kind === 'checked' ? (
        <Box mt="sm">
          <Preview state={state} fy={fy} importing={save.isPending} onImport={() => send(state)} onCancel={dismiss} />
          {save.isError ? (
            <Alert color="red" variant="light" mt="xs" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('paper.purchases.import.failedTitle')}>
              <Text size="sm">{describe(save.error)}</Text>
              {detail ? (
                <Text size="sm" ff="monospace" mt={4}>
                  {detail}
                </Text>
              ) : null}
            </Alert>
          ) : null}
        </Box>
      ) : null}

      {state.kind === 'invalid' ? (
        <Alert color="red" variant="light" mt="sm" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={failedTitle(state.file)}
          withCloseButton closeButtonLabel={t('common.close')} onClose={dismiss} data-testid="paper-purchases-import-errors">
          <Text size="sm">{t('paper.purchases.import.invalid', { n: n(state.errors.length) })}</Text>
          <List size="sm" mt={4} spacing={2}>
            {state.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <List.Item key={i}>{describePurchaseCsvError(e, lang)}</List.Item>
            ))}
          </List>
          {state.errors.length > SHOWN_ERRORS ? (
            <Text size="sm" mt={4}>
              {t('paper.purchases.import.more', { n: n(state.errors.length - SHOWN_ERRORS) })}
            </Text>
          ) : null}
        </Alert>
      ) : null}

      {state.kind === 'tooLarge' || state.kind === 'unreadable' ? (
        <Alert color="red" variant="light" mt="sm" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={failedTitle(state.file)}
          withCloseButton closeButtonLabel={t('common.close')} onClose={dismiss}>
          <Text size="sm">
            {state.kind === 'tooLarge'
              ? t('paper.purchases.import.tooLarge', { max: formatBytes(purchaseImportMaxBytes) })
              : t('paper.purchases.import.unreadable', { reason: state.reason })}
          </Text>
        </Alert>
      ) : null}

      {state.kind === 'done' ? (
        <Alert color="teal" variant="light" mt="sm" icon={<IconCircleCheck size={18} aria-hidden />} withCloseButton closeButtonLabel={t('common.close')} onClose={dismiss}
          data-testid="paper-purchases-import-done">
          <Text size="sm" aria-live="polite">
            {t('paper.purchases.import.done', {
              file: state.file,
              months: n(state.result.months),
              reams: n(state.result.reams),
              sheets: n(state.result.sheets),
              range: monthRange(state.result.items.map((p) => p.month), lang),
            })}
          </Text>
        </Alert>
      ) : null}
    </Box>
  );
}
