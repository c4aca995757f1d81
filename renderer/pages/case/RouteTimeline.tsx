import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconClock, IconMinus, IconPointFilled, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStep, CaseView } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import classes from './CasePage.module.css';
import { isCurrentStep, stepKindLabel, stepStatusLabel, stepTone, toneColor } from './caseText.js';

function StatusIcon({ step }: { step: CaseStep }) {
  const tone = stepTone(step.status);
  let icon: ReactNode;
  if (step.status === 'sent_back') icon = <IconArrowBackUp size={14} aria-hidden />;
  else if (tone === 'done') icon = <IconCheck size={14} aria-hidden />;
  else if (tone === 'stop') icon = <IconX size={14} aria-hidden />;
  else if (tone === 'now') icon = <IconClock size={14} aria-hidden />;
  else if (step.status === 'skipped') icon = <IconMinus size={14} aria-hidden />;
  else icon = <IconPointFilled size={12} aria-hidden />;
  return (
    <ThemeIcon size={22} radius="xl" color={toneColor(tone)} variant={tone === 'idle' ? 'light' : 'filled'}>
      {icon}
    </ThemeIcon>
  );
}

function StepCard({ kase, step, current, mine }: { kase: CaseView; step: CaseStep; current: boolean; mine: boolean }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const tone = stepTone(step.status);
  const review = kase.reviews.find((r) => r.stepId === step.id);
  const actor = step.actedBy && step.actedBy.id !== step.assignee.id ? step.actedBy : null;
  return (
    <div className={classes.step} data-current={current || undefined} data-tone={tone} aria-current={current ? 'step' : undefined}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <StatusIcon step={step} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color="gray" tt="none">
              {stepKindLabel(step.kind, t)}
            </Badge>
            <Text size="sm" fw={600}>
              {step.position}
            </Text>
            <Text size="sm">{step.assignee.name}</Text>
          </Group>
          {step.department ? (
            <Text size="xs" c="dimmed">
              {step.department.name}
            </Text>
          ) : null}
          <Group gap={6} wrap="wrap">
            <Text size="xs" fw={600} c={toneColor(tone) === 'gray' ? 'dimmed' : toneColor(tone)}>
              {stepStatusLabel(step.status, t)}
              {mine ? ` — ${t('case.route.yourTurn')}` : ''}
            </Text>
            {step.actedAt ? (
              <Text size="xs" c="dimmed">
                {formatWarekiDateTime(step.actedAt, lang)}
              </Text>
            ) : null}
            {step.actedVia === 'proxy' ? (
              <Badge size="xs" color="grape" variant="light" tt="none">
                {t('case.mark.proxy')}
              </Badge>
            ) : null}
            {step.actedVia === 'deputy' ? (
              <Badge size="xs" color="orange" variant="light" tt="none">
                {t('case.mark.deputy')}
              </Badge>
            ) : null}
            {review ? (
              <Badge size="xs" color={review.doneAt ? 'teal' : 'yellow'} variant="light" tt="none">
                {review.doneAt ? t('case.mark.reviewDone') : t('case.mark.reviewWaiting')}
              </Badge>
            ) : null}
            {step.kind === 'inform' && !step.blocking ? (
              <Text size="xs" c="dimmed">
                {t('case.route.nonBlocking')}
              </Text>
            ) : null}
          </Group>
          {actor ? (
            <Text size="xs" c="dimmed">
              {t('case.route.actedBy', { name: actor.name })}
            </Text>
          ) : null}
          {step.comment ? (
            <Text size="sm" className={classes.comment}>
              {step.comment}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </div>
  );
}

/** The route: each stage in order; a 合議 of several steps side by side; the step whose turn it is highlighted. */
export function RouteTimeline({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-route-title">
      <Title order={3} fz="md" id="case-route-title" mb="sm">
        {t('case.route.title')}
      </Title>
      <ol className={classes.route}>
        <li className={classes.stage}>
          <div className={classes.step} data-tone="done">
            <Group gap={8} wrap="nowrap">
              <ThemeIcon size={22} radius="xl" color="teal" variant="filled">
                <IconCheck size={14} aria-hidden />
              </ThemeIcon>
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t('case.route.drafter')}
              </Badge>
              <Text size="sm">{kase.drafter.name}</Text>
            </Group>
          </div>
        </li>
        {kase.route.stages.map((stage, index) => {
          const parallel = stage.steps.length > 1;
          return (
            <li key={stage.key} className={classes.stage}>
              {parallel ? (
                <div className={classes.parallel}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {stage.mode === 'all' ? t('case.route.parallelAll') : t('case.route.parallelAny')}
                  </Text>
                  <div className={classes.parallelSteps}>
                    {stage.steps.map((step) => (
                      <StepCard key={step.id} kase={kase} step={step} current={isCurrentStep(kase, index, step)} mine={step.id === kase.myStepId} />
                    ))}
                  </div>
                </div>
              ) : (
                stage.steps.map((step) => (
                  <StepCard key={step.id} kase={kase} step={step} current={isCurrentStep(kase, index, step)} mine={step.id === kase.myStepId} />
                ))
              )}
            </li>
          );
        })}
      </ol>
    </Paper>
  );
}
