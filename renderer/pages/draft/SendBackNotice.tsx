import { Alert, Blockquote, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { latestReturn } from './draftModel.js';

/** Why the case came back (差戻し): who sent it back, when and their comment, above everything else. */
export function SendBackNotice({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const entry = latestReturn(view);
  if (!entry) return null;
  const step = view.route.stages.flatMap((s) => s.steps).find((s) => s.id === entry.stepId);
  const who = step ? `${step.position} ${entry.actor.name}` : entry.actor.name;
  const recall = entry.action === 'recall';
  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconArrowBackUp size={22} aria-hidden />}
      title={<Text fw={700} size="lg">{recall ? t('draft.sentBack.recalledTitle') : t('draft.sentBack.title')}</Text>}
      data-testid="draft-sent-back"
    >
      <Stack gap="xs">
        <Text size="sm">
          {recall
            ? t('draft.sentBack.recalledBy', { who, when: formatWarekiDateTime(entry.at, lang) })
            : t('draft.sentBack.by', { who, when: formatWarekiDateTime(entry.at, lang) })}
        </Text>
        {entry.comment ? (
          <Blockquote color="orange" p="sm" m={0} fz="md" style={{ whiteSpace: 'pre-wrap' }} aria-label={t('draft.sentBack.comment')}>
            {entry.comment}
          </Blockquote>
        ) : null}
        <Text size="sm">{t('draft.sentBack.next')}</Text>
      </Stack>
    </Alert>
  );
}
