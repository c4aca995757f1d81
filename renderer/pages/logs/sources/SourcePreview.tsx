import { Alert, Box, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEye } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { previewRows, type PreviewResult } from '../../../../shared/api/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useUiLanguage } from '../../../i18n/useUiLanguage.js';
import { DetectionTable } from '../DetectionTable.js';
import { fileNameOf, formatCount, rawRuns } from '../logText.js';
import { colorLabel, sidesLabel } from './sourceLabels.js';
import { jobTimeLabel, monthLabel } from './sourceStatus.js';

interface SourcePreviewProps {
  preview: UseQueryResult<PreviewResult, Error>;
  /** Nothing asked yet: what the user can do to get a preview. */
  idleMessage: string | null;
  /** While a mapping is incomplete its rows mean nothing: this says why they are not shown. */
  rowsHiddenMessage?: string | null;
  /** The heading's id, for aria-labelledby of the region. */
  id: string;
}

function Raw({ text }: { text: string }) {
  return (
    <>
      {rawRuns(text).map((run, i) =>
        run.kind === 'text' ? (
          run.text
        ) : (
          <Text key={i} span inherit c="orange.8" bg="orange.0" px={2}>
            {run.text}
          </Text>
        ),
      )}
    </>
  );
}

function JobsTable({ jobs }: { jobs: PreviewResult['jobs'] }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  return (
    <Table.ScrollContainer type="native" minWidth={940}>
      <Table striped fz="sm" verticalSpacing={4} aria-label={t('logs.preview.jobsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('logs.preview.line')}</Table.Th>
            <Table.Th w={185}>{t('logs.preview.time')}</Table.Th>
            <Table.Th>{t('logs.preview.user')}</Table.Th>
            <Table.Th>{t('logs.preview.printer')}</Table.Th>
            <Table.Th>{t('logs.preview.document')}</Table.Th>
            <Table.Th w={55} ta="right">
              {t('logs.preview.copies')}
            </Table.Th>
            <Table.Th w={60} ta="right">
              {t('logs.preview.pages')}
            </Table.Th>
            <Table.Th w={60} ta="right">
              {t('logs.preview.sheets')}
            </Table.Th>
            <Table.Th w={80}>{t('logs.preview.sides')}</Table.Th>
            <Table.Th w={65}>{t('logs.preview.colorColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((j) => (
            <Table.Tr key={j.line}>
              <Table.Td ff="monospace" c="dimmed">
                {j.line}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{jobTimeLabel(j.time, lang)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{j.user}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{j.printer}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{j.document}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {n(j.copies)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {n(j.pages)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600}>
                {n(j.sheets)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {sidesLabel(j.sides, t)}
                {j.nUp > 1 ? (
                  <Text span size="xs" c="dimmed" ml={4}>
                    {t('logs.preview.nUp', { n: j.nUp })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{colorLabel(j.color, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReadingsTable({ readings }: { readings: PreviewResult['readings'] }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  return (
    <Table.ScrollContainer type="native" minWidth={600}>
      <Table striped fz="sm" verticalSpacing={4} aria-label={t('logs.preview.readingsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('logs.preview.line')}</Table.Th>
            <Table.Th w={130}>{t('logs.preview.month')}</Table.Th>
            <Table.Th>{t('logs.preview.department')}</Table.Th>
            <Table.Th>{t('logs.preview.device')}</Table.Th>
            <Table.Th w={90} ta="right">
              {t('logs.preview.sheets')}
            </Table.Th>
            <Table.Th w={110} ta="right">
              {t('logs.preview.colorSheets')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {readings.map((r) => (
            <Table.Tr key={r.line}>
              <Table.Td ff="monospace" c="dimmed">
                {r.line}
              </Table.Td>
              <Table.Td>{monthLabel(r.month, lang)}</Table.Td>
              <Table.Td>{r.department}</Table.Td>
              <Table.Td>{r.device}</Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600}>
                {n(r.sheets)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {r.colorSheets === null ? '—' : n(r.colorSheets)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RejectedList({ rejected }: { rejected: PreviewResult['rejected'] }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm" fw={600} c="orange.8" mb={4}>
        {t('logs.preview.rejectedTitle', { n: rejected.length })}
      </Text>
      <Table.ScrollContainer type="native" minWidth={640}>
        <Table fz="sm" verticalSpacing={4} aria-label={t('logs.preview.rejectedTitle', { n: rejected.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('logs.preview.line')}</Table.Th>
              <Table.Th w="40%">{t('logs.rejected.reason')}</Table.Th>
              <Table.Th>{t('logs.rejected.raw')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td ff="monospace" c="dimmed" valign="top">
                  {r.line}
                </Table.Td>
                <Table.Td valign="top">{r.reason}</Table.Td>
                <Table.Td ff="monospace" fz="xs" valign="top" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  <Raw text={r.raw} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

/**
 * What the hub makes of the sample before anything is saved: the format and
 * encoding it chose and why, the first parsed rows, and the lines it could
 * not read with the reason, or why nothing could be read at all.
 */
export function SourcePreview({ preview, idleMessage, rowsHiddenMessage = null, id }: SourcePreviewProps) {
  const { t } = useTranslation();
  const data = preview.data;
  const rowsShown = rowsHiddenMessage === null;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={id} bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconEye size={18} aria-hidden />
          <Title order={4} fz="md" id={id}>
            {t('logs.preview.title')}
          </Title>
        </Group>
        {preview.isFetching ? (
          <Group gap={6} wrap="nowrap" aria-live="polite">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('logs.preview.loading')}
            </Text>
          </Group>
        ) : null}
      </Group>
      {idleMessage !== null ? (
        <Text size="sm" c="dimmed">
          {idleMessage}
        </Text>
      ) : null}
      {idleMessage === null && preview.isError ? <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {idleMessage === null && data ? (
        <Stack gap="sm" style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }} aria-busy={preview.isFetching}>
          {data.file !== null ? (
            <Text size="sm">
              {t('logs.preview.file')}{' '}
              <Text span ff="monospace" size="sm" title={data.file} style={{ wordBreak: 'break-all' }}>
                {fileNameOf(data.file)}
              </Text>
            </Text>
          ) : null}
          <DetectionTable format={data.format} formatReason={data.formatReason} encoding={data.encoding} encodingReason={data.encodingReason} />
          {data.error !== null ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('logs.preview.failed')} role="alert">
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {data.error}
              </Text>
            </Alert>
          ) : null}
          {!rowsShown ? (
            <Text size="sm" c="dimmed">
              {rowsHiddenMessage}
            </Text>
          ) : null}
          {rowsShown && data.jobs.length > 0 ? <JobsTable jobs={data.jobs} /> : null}
          {rowsShown && data.readings.length > 0 ? <ReadingsTable readings={data.readings} /> : null}
          {rowsShown && data.rejected.length > 0 ? <RejectedList rejected={data.rejected} /> : null}
          {rowsShown && data.error === null && data.jobs.length === 0 && data.readings.length === 0 && data.rejected.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('logs.preview.noRows')}
            </Text>
          ) : null}
          {rowsShown && (data.jobs.length > 0 || data.readings.length > 0) ? (
            <Text size="xs" c="dimmed">
              {t('logs.preview.note', { n: previewRows })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
