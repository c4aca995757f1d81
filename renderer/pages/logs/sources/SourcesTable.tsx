import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconKey, IconPencil, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language, SourceStatus } from '../../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../../i18n/useUiLanguage.js';
import { assertNever } from '../../../lib/assertNever.js';
import { formatCount } from '../logText.js';
import { kindLabel, sourceFormatLabel } from './sourceLabels.js';
import { describeLag, relativeAge, sourceHealth, type SourceHealth } from './sourceStatus.js';

export interface SourceRowActions {
  onEdit: (source: SourceStatus) => void;
  onRenewToken: (source: SourceStatus) => void;
  onStop: (source: SourceStatus) => void;
  onResume: (source: SourceStatus) => void;
  onShowRejected: (source: SourceStatus) => void;
}

interface SourcesTableProps extends SourceRowActions {
  sources: readonly SourceStatus[];
  /** When the list was fetched: ages and the agent badge are measured from it, so they move with each refresh. */
  now: number;
  /** The source whose rejected lines are open below, if any. */
  rejectedShownId: number | null;
}

function HealthBadge({ health, now }: { health: SourceHealth; now: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  switch (health.kind) {
    case 'ok':
      return (
        <Badge color="teal" variant="light" tt="none">
          {t('logs.sources.statusOk')}
        </Badge>
      );
    case 'stopped':
      return (
        <Badge color="gray" variant="light" tt="none">
          {t('logs.sources.statusStopped')}
        </Badge>
      );
    case 'error':
      return (
        <Stack gap={2} align="flex-start">
          <Badge color="red" variant="filled" tt="none">
            {t('logs.sources.statusError')}
          </Badge>
          <Text size="xs" c="red.8" lineClamp={3} title={health.message} style={{ wordBreak: 'break-word' }}>
            {health.message}
          </Text>
        </Stack>
      );
    case 'agentNever':
      return (
        <Stack gap={2} align="flex-start">
          <Badge color="orange" variant="light" tt="none">
            {t('logs.sources.statusAgentOffline')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('logs.sources.agentNeverSeen')}
          </Text>
        </Stack>
      );
    case 'agentStale':
      return (
        <Stack gap={2} align="flex-start">
          <Badge color="orange" variant="light" tt="none">
            {t('logs.sources.statusAgentOffline')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('logs.sources.agentLastSeen', { age: relativeAge(health.seenAt, now, lang) })}
          </Text>
        </Stack>
      );
    default:
      return assertNever(health);
  }
}

function LagCell({ lagBytes }: { lagBytes: number | null }) {
  const { t } = useTranslation();
  const lag = describeLag(lagBytes);
  switch (lag.kind) {
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          {t('logs.sources.lagNone')}
        </Text>
      );
    case 'unknown':
      return (
        <Text size="sm" c="dimmed" aria-label={t('logs.sources.lagUnknown')} title={t('logs.sources.lagUnknown')}>
          —
        </Text>
      );
    case 'bytes':
      return (
        <Text size="sm" fw={600} c="orange.8" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {lag.text}
        </Text>
      );
    default:
      return assertNever(lag);
  }
}

function LastJob({ iso, now, lang, t }: { iso: string | null; now: number; lang: Language; t: TFunction }) {
  if (iso === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('logs.sources.noJobsYet')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatWarekiDateTime(iso, lang)}
      </Text>
      <Text size="xs" c="dimmed">
        {relativeAge(iso, now, lang)}
      </Text>
    </>
  );
}

/**
 * Every source at a glance: what it reads, how far it got, and whether it
 * needs attention. The rejected count opens that source's rejected lines.
 */
export function SourcesTable({ sources, now, rejectedShownId, ...actions }: SourcesTableProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (value: number) => formatCount(value, lang);
  return (
    <Table.ScrollContainer type="native" minWidth={1060}>
      <Table verticalSpacing="xs" aria-labelledby="sources-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('logs.sources.name')}</Table.Th>
            <Table.Th w={160}>{t('common.status')}</Table.Th>
            <Table.Th>{t('logs.sources.folderGlob')}</Table.Th>
            <Table.Th w={150}>{t('logs.sources.lastJob')}</Table.Th>
            <Table.Th w={56} ta="right">
              {t('logs.sources.files')}
            </Table.Th>
            <Table.Th w={52} ta="right">
              {t('logs.sources.jobsToday')}
            </Table.Th>
            <Table.Th w={72} ta="right">
              {t('logs.sources.jobs')}
            </Table.Th>
            <Table.Th w={64} ta="right">
              {t('logs.sources.rejected')}
            </Table.Th>
            <Table.Th w={80}>
              <Tooltip label={t('logs.sources.lagHint')} withArrow multiline w={260}>
                <span>{t('logs.sources.lag')}</span>
              </Tooltip>
            </Table.Th>
            <Table.Th w={88}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((s) => {
            const health = sourceHealth(s, now);
            const shown = s.id === rejectedShownId;
            return (
              <Table.Tr key={s.id} c={s.active ? undefined : 'dimmed'} bg={shown ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td valign="top">
                  <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
                    {s.name}
                  </Text>
                  <Group gap={4} mt={2}>
                    <Badge size="xs" variant="outline" color={s.kind === 'agent' ? 'grape' : 'blue'} tt="none">
                      {kindLabel(s.kind, t)}
                    </Badge>
                    {s.siteName ? (
                      <Badge size="xs" variant="light" color="gray" tt="none">
                        {s.siteName}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed" mt={2}>
                    {s.mapping !== null
                      ? t('logs.sources.formatWithMapping', { format: sourceFormatLabel(s.format, t) })
                      : sourceFormatLabel(s.format, t)}
                  </Text>
                  {s.kind === 'agent' && s.agent?.host ? (
                    <Text size="xs" c="dimmed">
                      {t('logs.sources.agentHost', { host: s.agent.host, version: s.agent.version ?? '?' })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td valign="top">
                  <HealthBadge health={health} now={now} />
                </Table.Td>
                <Table.Td valign="top">
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} title={s.folder}>
                    {s.folder === '' ? t('logs.sources.folderUnset') : s.folder}
                  </Text>
                  <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {s.glob}
                  </Text>
                  {s.polling ? (
                    <Badge size="xs" variant="light" color="cyan" tt="none" mt={2}>
                      {t('logs.sources.pollingEvery', { seconds: s.pollIntervalMs / 1000 })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td valign="top">
                  <LastJob iso={s.lastJobTime} now={now} lang={lang} t={t} />
                </Table.Td>
                <Table.Td valign="top" ta="right" ff="monospace">
                  {n(s.files)}
                </Table.Td>
                <Table.Td valign="top" ta="right" ff="monospace">
                  {n(s.jobsToday)}
                </Table.Td>
                <Table.Td valign="top" ta="right" ff="monospace" fw={600}>
                  {n(s.jobs)}
                </Table.Td>
                <Table.Td valign="top" ta="right">
                  {s.rejected > 0 ? (
                    <UnstyledButton
                      onClick={() => actions.onShowRejected(s)}
                      aria-label={t('logs.sources.showRejected', { name: s.name, n: n(s.rejected) })}
                      aria-pressed={shown}
                    >
                      <Badge color="orange" variant={shown ? 'filled' : 'light'} size="md" ff="monospace" style={{ cursor: 'pointer' }}>
                        {n(s.rejected)}
                      </Badge>
                    </UnstyledButton>
                  ) : (
                    <Text span c="dimmed" ff="monospace" size="sm">
                      0
                    </Text>
                  )}
                </Table.Td>
                <Table.Td valign="top">
                  <LagCell lagBytes={s.lagBytes} />
                </Table.Td>
                <Table.Td valign="top">
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('common.edit')} withArrow>
                      <ActionIcon variant="subtle" color="gray" onClick={() => actions.onEdit(s)} aria-label={`${t('common.edit')}: ${s.name}`}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    {s.kind === 'agent' && s.active ? (
                      <Tooltip label={t('logs.sources.renewToken')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="grape"
                          onClick={() => actions.onRenewToken(s)}
                          aria-label={`${t('logs.sources.renewToken')}: ${s.name}`}
                        >
                          <IconKey size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    {s.active ? (
                      <Tooltip label={t('logs.sources.stop')} withArrow>
                        <ActionIcon variant="subtle" color="red" onClick={() => actions.onStop(s)} aria-label={`${t('logs.sources.stop')}: ${s.name}`}>
                          <IconPlayerStop size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Tooltip label={t('logs.sources.resume')} withArrow>
                        <ActionIcon variant="subtle" color="teal" onClick={() => actions.onResume(s)} aria-label={`${t('logs.sources.resume')}: ${s.name}`}>
                          <IconPlayerPlay size={16} aria-hidden />
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
  );
}
