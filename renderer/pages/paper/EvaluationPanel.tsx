import { ActionIcon, Alert, Badge, Box, Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Language } from '../../../shared/api/index.js';
import { evaluationDownloads, type Evaluation, type EvaluationRowOut, type LocalizedText } from '../../../shared/api/kpi-evaluation.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { ApiError, isApiError } from '../../api/ApiError.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { AppModal } from '../../components/AppModal.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useSaveFeedback } from '../../forms/useSaveFeedback.js';
import { useDescribeError } from '../../i18n/errors.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { blankRow, evaluationBody, figureOk, newRowKey, percentText, rowFieldOf, rowValues, storedRowBody, type RowValues } from './evaluationForms.js';
import { useKpiEvaluation } from './usePaperQueries.js';

/** A text in the UI language; an English left empty falls back to the Japanese, as the server's English output does. */
function localized(text: LocalizedText, lang: Language): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.ja;
}

function figureText(value: number | null, lang: Language): string {
  return value === null ? '—' : value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 2 });
}

/** The download links: plain GETs with the session cookie, answered with a file, so links rather than API calls. */
function downloadHref(kind: 'csv-utf8' | 'csv-sjis' | 'pdf', fy: number): string {
  if (kind === 'pdf') return `${evaluationDownloads.pdf.path}?fy=${fy}`;
  return `${evaluationDownloads.csv.path}?fy=${fy}&encoding=${kind === 'csv-utf8' ? 'utf-8' : 'shift_jis'}`;
}

/** What the modal edits: a typed-in row (index among the typed-in rows; rows.length adds one) or the paperless row's comment. */
type Editing = { kind: 'row'; index: number; key: string; values: RowValues } | { kind: 'paperless'; values: RowValues };

interface RowFormProps {
  evaluation: Evaluation;
  editing: Editing;
  onDone: () => void;
}

/**
 * One row of the table, or the paperless row's comment. The year's typed-in
 * rows are replaced together by the PUT, so the others are sent back as they
 * are; a refusal of this row's input lands under it.
 */
function RowForm({ evaluation, editing, onDone }: RowFormProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const paperless = editing.kind === 'paperless';
  const form = useForm<RowValues>({
    initialValues: editing.values,
    validate: {
      labelJa: (v) => (paperless || v.trim() !== '' ? null : t('paper.evaluation.error.label')),
      target: (v) => (figureOk(v) ? null : t('paper.evaluation.error.figure')),
      actual: (v) => (figureOk(v) ? null : t('paper.evaluation.error.figure')),
    },
  });
  const save = useApiMutation(api.setKpiEvaluation, { invalidate: [queryKeys.kpi] });
  const feedback = useSaveFeedback<{ name: string }>(form, onDone);
  const typedIn = evaluation.rows.filter((r) => !r.fromData);
  const onError = (error: unknown) => {
    const field = rowFieldOf(error, editing.kind === 'paperless' ? 'paperless' : editing.index);
    if (field !== null) {
      const words =
        isApiError(error) && error.code === 'validation'
          ? field === 'target' || field === 'actual'
            ? t('paper.evaluation.error.figure')
            : field === 'labelJa'
              ? t('paper.evaluation.error.label')
              : null
          : null;
      form.setFieldError(field, words ?? describe(error, field));
    } else if (isApiError(error) && error.field?.startsWith('body.rows.')) {
      // Another row's input: not this form's field, whatever its name, so it goes above the form.
      feedback.onError(new ApiError({ code: error.code, message: error.message, status: error.status, detail: error.detail }));
    } else feedback.onError(error);
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        feedback.clearFormError();
        const body =
          editing.kind === 'paperless'
            ? { fiscalYear: evaluation.fiscalYear, rows: typedIn.map(storedRowBody), paperlessComment: values.comment.trim() === '' ? null : values.comment.trim() }
            : evaluationBody(evaluation.fiscalYear, typedIn, editing.index, { key: editing.key, values });
        const name = paperless ? t('paper.evaluation.paperlessName') : values.labelJa.trim();
        save.mutate({ body }, { onSuccess: () => feedback.onSuccess({ name }), onError });
      })}
    >
      <Stack>
        {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
        {paperless ? (
          <Text size="sm" c="dimmed">
            {t('paper.evaluation.paperlessHint')}
          </Text>
        ) : (
          <>
            <Group grow align="flex-start">
              <TextInput label={t('paper.evaluation.labelJa')} required data-autofocus {...form.getInputProps('labelJa')} />
              <TextInput label={t('paper.evaluation.labelEn')} description={t('paper.evaluation.enHint')} {...form.getInputProps('labelEn')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('paper.evaluation.unitJa')} placeholder={t('paper.evaluation.unitPlaceholder')} {...form.getInputProps('unitJa')} />
              <TextInput label={t('paper.evaluation.unitEn')} {...form.getInputProps('unitEn')} />
            </Group>
            <Group grow align="flex-start">
              {/* Not clamped: a typed −5 silently becoming 0 would save a figure nobody chose; the rule says what is wrong. */}
              <NumberInput label={t('paper.evaluation.col.target')} clampBehavior="none" thousandSeparator="," decimalScale={2} {...form.getInputProps('target')} />
              <NumberInput label={t('paper.evaluation.col.actual')} clampBehavior="none" thousandSeparator="," decimalScale={2} {...form.getInputProps('actual')} />
            </Group>
          </>
        )}
        <Textarea label={t('paper.evaluation.col.comment')} autosize minRows={3} maxRows={10} data-autofocus={paperless || undefined} {...form.getInputProps('comment')} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const EVALUATION_SECTION_ID = 'paper-evaluation';

/**
 * 評価: the year's evaluation table as filed in April. The paperless row is
 * computed from the data (only its comment is typed); the plan's other KPIs
 * are typed in here, one row at a time in a dialog. The downloads are the
 * same table as CSV (UTF-8 for current Excel, Shift_JIS for older) and PDF.
 */
export function EvaluationPanel({ fy }: { fy: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const evaluation = useKpiEvaluation(fy, lang);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<{ index: number; row: EvaluationRowOut } | null>(null);
  const remove = useApiMutation(api.setKpiEvaluation, { invalidate: [queryKeys.kpi] });
  const data = evaluation.data?.fiscalYear === fy ? evaluation.data : undefined;
  const typedIn = data ? data.rows.filter((r) => !r.fromData) : [];
  const year = fiscalYearLabel(fy, lang);

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="paper-evaluation-title" id={EVALUATION_SECTION_ID}>
      <Box px="md" pt="md" pb="xs">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Title order={3} fz="h4" id="paper-evaluation-title">
              {t('paper.evaluation.title', { year })}
            </Title>
            <Text size="xs" c="dimmed" maw={760}>
              {t('paper.evaluation.help')}
            </Text>
          </div>
          <Group gap="xs">
            <Button component="a" href={downloadHref('csv-utf8', fy)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              {t('paper.evaluation.csvUtf8')}
            </Button>
            <Button component="a" href={downloadHref('csv-sjis', fy)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              {t('paper.evaluation.csvSjis')}
            </Button>
            <Button component="a" href={downloadHref('pdf', fy)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              {t('paper.evaluation.pdf')}
            </Button>
          </Group>
        </Group>
        {data && !data.stored ? (
          <Alert color="blue" variant="light" mt="sm" p="xs">
            {t('paper.evaluation.carried')}
          </Alert>
        ) : null}
      </Box>
      {evaluation.isError ? <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} /> : null}
      {!data && !evaluation.isError ? <TableSkeleton rows={4} /> : null}
      {data ? (
        <Table.ScrollContainer type="native" minWidth={860}>
          <Table striped verticalSpacing={6} aria-label={t('paper.evaluation.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('paper.evaluation.col.label')}</Table.Th>
                <Table.Th w={80}>{t('paper.evaluation.col.unit')}</Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('paper.evaluation.col.target')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('paper.evaluation.col.actual')}
                </Table.Th>
                <Table.Th ta="right" w={80}>
                  {t('paper.evaluation.col.achievement')}
                </Table.Th>
                <Table.Th>{t('paper.evaluation.col.comment')}</Table.Th>
                {/* Relative: the hidden label is absolutely placed and would otherwise widen the page, not scroll with the table. */}
                <Table.Th w={84} style={{ position: 'relative' }}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => {
                const label = localized(row.label, lang);
                const index = typedIn.indexOf(row);
                return (
                  <Table.Tr key={row.key} data-testid={`paper-evaluation-row-${row.key}`}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {label}
                        </Text>
                        {row.fromData ? (
                          <Badge size="xs" variant="light" color="teal" tt="none" style={{ minWidth: 'max-content' }}>
                            {t('paper.evaluation.fromData')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{localized(row.unit, lang)}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {figureText(row.target, lang)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {figureText(row.actual, lang)}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="paper-evaluation-achievement" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {percentText(row.achievementPercent)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={4}>
                        {row.comment}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={row.fromData ? t('paper.evaluation.editComment') : t('common.edit')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('paper.evaluation.editOne', { name: label })}
                            onClick={() =>
                              setEditing(
                                row.fromData
                                  ? { kind: 'paperless', values: { ...blankRow, comment: data.paperlessComment ?? row.comment } }
                                  : { kind: 'row', index, key: row.key, values: rowValues(row) },
                              )
                            }
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        {row.fromData ? null : (
                          <Tooltip label={t('paper.evaluation.remove')} withArrow>
                            <ActionIcon variant="subtle" color="red" aria-label={t('paper.evaluation.removeOne', { name: label })} onClick={() => setRemoving({ index, row })}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group px="md" py="sm">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={!data}
          onClick={() => setEditing({ kind: 'row', index: typedIn.length, key: newRowKey(data?.rows.map((r) => r.key) ?? []), values: blankRow })}
        >
          {t('paper.evaluation.add')}
        </Button>
      </Group>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="lg"
        title={
          editing?.kind === 'paperless'
            ? t('paper.evaluation.paperlessTitle')
            : editing && editing.index < typedIn.length
              ? t('paper.evaluation.editTitle')
              : t('paper.evaluation.addTitle')
        }
      >
        {editing && data ? <RowForm evaluation={data} editing={editing} onDone={() => setEditing(null)} /> : null}
      </AppModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('paper.evaluation.removeTitle')}
        message={t('paper.evaluation.removeConfirm', { name: removing ? localized(removing.row.label, lang) : '' })}
        confirmLabel={t('paper.evaluation.remove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (!removing || !data) return;
          const name = localized(removing.row.label, lang);
          remove.mutate(
            { body: evaluationBody(fy, typedIn, removing.index, null) },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('paper.evaluation.removed', { name }) });
                setRemoving(null);
              },
            },
          );
        }}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Paper>
  );
}
