import { Alert, Badge, Box, Group, Loader, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconArrowUp, IconRoute, IconUsersGroup } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStep, RoutePreview } from '../../../shared/api/index.js';
import { useDescribeError } from '../../i18n/errors.js';
import { decidingStep, yenLabel } from './draftModel.js';

export type RouteAsk = 'noType' | 'needAmount' | 'badAmount' | 'ready';

interface RoutePanelProps {
  ask: RouteAsk;
  route: RoutePreview | undefined;
  amount: number | null;
  loading: boolean;
  error: unknown;
}

function KindBadge({ step, deciding }: { step: CaseStep; deciding: boolean }) {
  const { t } = useTranslation();
  if (deciding) {
    return (
      <Badge color="grape" variant="filled" size="md">
        {t('draft.route.kind.decide')}
      </Badge>
    );
  }
  switch (step.kind) {
    case 'consult':
      return <Badge color="teal" variant="light" size="md">{t('draft.route.kind.consult')}</Badge>;
    case 'inform':
      return <Badge color="gray" variant="light" size="md">{t('draft.route.kind.inform')}</Badge>;
    case 'final':
      return <Badge color="grape" variant="filled" size="md">{t('draft.route.kind.decide')}</Badge>;
    default:
      return <Badge color="blue" variant="light" size="md">{t('draft.route.kind.approve')}</Badge>;
  }
}

function StepLine({ step, deciding }: { step: CaseStep; deciding: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="draft-route-step">
      <KindBadge step={step} deciding={deciding} />
      <Box miw={0}>
        <Text size="sm" fw={600} lh={1.4}>
          {step.position} {step.assignee.name}
        </Text>
        {step.department && !step.position.includes(step.department.name) ? (
          <Text size="xs" c="dimmed" lh={1.3}>
            {step.department.name}
          </Text>
        ) : null}
      </Box>
    </Group>
  );
}

/**
 * The route the draft will take, resolved with names as the amount and the
 * 合議 departments change, with the 専決 rule that chose who decides
 * ("¥3,200,000 → 部長専決") and a word when a vacant post passed it up.
 */
export function RoutePanel({ ask, route, amount, loading, error }: RoutePanelProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const titleId = useId();
  const deciding = route ? decidingStep(route) : null;
  const rule = route?.finalRule ?? null;

  let body: ReactNode;
  if (ask === 'noType') body = <Text size="sm" c="dimmed">{t('draft.route.chooseType')}</Text>;
  else if (ask === 'needAmount') body = <Text size="sm" c="dimmed">{t('draft.route.needAmount')}</Text>;
  else if (ask === 'badAmount') body = <Text size="sm" c="dimmed">{t('draft.route.badAmount')}</Text>;
  else if (error && !route) body = <Alert color="red" variant="light" role="alert">{describe(error)}</Alert>;
  else if (!route) body = <Loader size="sm" aria-label={t('common.loading')} />;
  else {
    body = (
      <Stack gap="md">
        {rule ? (
          <Alert color="grape" variant="light" p="sm" data-testid="draft-final-rule">
            <Text fw={700} size="lg" lh={1.4}>
              {amount !== null ? t('draft.route.rule', { amount: yenLabel(amount), label: rule.label }) : rule.label}
            </Text>
            {rule.below !== null ? (
              <Text size="sm">{t('draft.route.ruleBelow', { below: yenLabel(rule.below) })}</Text>
            ) : null}
            {deciding ? (
              <Text size="sm">{t('draft.route.decider', { position: deciding.position, name: deciding.assignee.name })}</Text>
            ) : null}
            {rule.escalatedFrom ? (
              <Group gap={6} mt={6} wrap="nowrap" align="flex-start" data-testid="draft-escalated">
                <IconArrowUp size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm">{t('draft.route.escalated', { label: rule.label, position: deciding?.position ?? '' })}</Text>
              </Group>
            ) : null}
          </Alert>
        ) : null}
        {error ? <Alert color="red" variant="light" role="alert">{describe(error)}</Alert> : null}
        <Timeline bulletSize={28} lineWidth={2} active={-1} aria-label={t('draft.route.listLabel')}>
          {route.stages.map((stage, i) => {
            const parallel = stage.steps.length > 1;
            return (
              <Timeline.Item
                key={stage.key}
                bullet={
                  <Text size="xs" fw={700} aria-hidden>
                    {i + 1}
                  </Text>
                }
                title={
                  parallel ? (
                    <Group gap={6}>
                      <ThemeIcon size="sm" variant="light" color="teal">
                        <IconUsersGroup size={14} aria-hidden />
                      </ThemeIcon>
                      <Text size="sm" fw={700}>
                        {stage.mode === 'any' ? t('draft.route.parallelAny') : t('draft.route.parallelAll')}
                      </Text>
                    </Group>
                  ) : undefined
                }
              >
                <Stack gap={6} mt={parallel ? 4 : 0} data-testid="draft-route-stage">
                  {stage.steps.map((s) => (
                    <StepLine key={s.key} step={s} deciding={s.key === deciding?.key} />
                  ))}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
        {route.omitted.some((o) => o.reason === 'vacant') ? (
          <Text size="xs" c="dimmed">{t('draft.route.vacantLeftOut')}</Text>
        ) : null}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconRoute size={20} aria-hidden />
          <Title order={3} fz="h4" id={titleId}>
            {t('draft.route.title')}
          </Title>
        </Group>
        {loading && route ? <Loader size="xs" aria-label={t('draft.route.updating')} /> : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('draft.route.help')}
      </Text>
      {body}
    </Paper>
  );
}
