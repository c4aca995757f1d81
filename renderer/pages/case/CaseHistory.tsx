import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import classes from './CasePage.module.css';
import { historyLabel, historyRows } from './caseText.js';

/** 全履歴: who did what and when, with comments and reasons, revision by revision. */
export function CaseHistory({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const stepName = (id: number | null) => {
    const step = kase.route.stages.flatMap((s) => s.steps).find((s) => s.id === id);
    return step ? `${step.position} ${step.assignee.name}` : null;
  };
  const rows = historyRows(kase);
  let lastRevision = 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-history-title">
      <Title order={3} fz="md" id="case-history-title" mb="sm">
        {t('case.history.title')}
      </Title>
      <ol className={classes.history}>
        {rows.map((row) => {
          const heading =
            row.revision !== lastRevision ? (
              <li key={`rev${row.revision}`} className={classes.revision}>
                <Badge variant="light" color="indigo" tt="none">
                  {row.revision === 1 ? t('case.history.firstRevision') : t('case.history.revision', { n: row.revision })}
                </Badge>
              </li>
            ) : null;
          lastRevision = row.revision;
          const when = formatWarekiDateTime(row.at, lang);
          if (row.kind === 'file') {
            return [
              heading,
              <li key={row.key} className={classes.historyRow}>
                <Text size="xs" c="dimmed" className={classes.historyWhen}>
                  {when}
                </Text>
                <Text size="sm">
                  {row.removed ? t('case.history.fileRemoved', { name: row.name }) : t('case.history.fileAdded', { name: row.name, by: row.by })}
                </Text>
              </li>,
            ];
          }
          const e = row.entry;
          const target = e.action === 'send_back' ? (e.toStepId === null ? t('case.history.toDrafter') : t('case.history.toStep', { step: stepName(e.toStepId) ?? '' })) : null;
          return [
            heading,
            <li key={row.key} className={classes.historyRow}>
              <Text size="xs" c="dimmed" className={classes.historyWhen}>
                {when}
              </Text>
              <Stack gap={2}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {historyLabel(e, t)}
                  </Text>
                  <Text size="sm">{e.actor.name}</Text>
                  {e.via === 'proxy' && e.onBehalfOf ? (
                    <Badge size="xs" color="grape" variant="light" tt="none">
                      {t('case.history.proxyFor', { name: e.onBehalfOf.name })}
                    </Badge>
                  ) : null}
                  {e.via === 'deputy' && e.onBehalfOf ? (
                    <Badge size="xs" color="orange" variant="light" tt="none">
                      {t('case.history.deputyFor', { name: e.onBehalfOf.name })}
                    </Badge>
                  ) : null}
                  {target ? (
                    <Text size="xs" c="dimmed">
                      {target}
                    </Text>
                  ) : null}
                </Group>
                {e.comment ? (
                  <Text size="sm" className={classes.comment}>
                    {e.comment}
                  </Text>
                ) : null}
                {e.reason ? (
                  <Text size="xs" c="dimmed">
                    {t('case.history.reason', { reason: e.reason })}
                  </Text>
                ) : null}
              </Stack>
            </li>,
          ];
        })}
      </ol>
    </Paper>
  );
}
