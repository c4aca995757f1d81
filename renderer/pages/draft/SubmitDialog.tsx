import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoutePreview } from '../../../shared/api/index.js';
import { AppModal } from '../../components/AppModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { decidingStep, yenLabel } from './draftModel.js';

interface SubmitDialogProps {
  opened: boolean;
  /** A case sent back: 再提出 (a new revision) rather than the first 提出. */
  resubmit: boolean;
  /** The type keeps the approvals before the step that sent it back. */
  keepsApprovals: boolean;
  title: string;
  route: RoutePreview | undefined;
  amount: number | null;
  attachments: number;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Says what submitting does before it does it: the route it takes, the number it gets, what can be undone. */
export function SubmitDialog(props: SubmitDialogProps) {
  const { t } = useTranslation();
  const { route } = props;
  const deciding = route ? decidingStep(route) : null;
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.resubmit ? t('draft.confirm.resubmitTitle') : t('draft.confirm.title')} size="lg">
      <Stack gap="sm">
        <Text fw={700}>{props.title}</Text>
        {route ? (
          <>
            <Text size="sm">{t('draft.confirm.routeIntro')}</Text>
            <List type="ordered" size="sm" spacing={4} data-testid="draft-confirm-route">
              {route.stages.map((stage) => (
                <List.Item key={stage.key}>
                  {stage.steps.length > 1 ? `${t('draft.confirm.together')} ` : ''}
                  {stage.steps.map((s) => `${s.position} ${s.assignee.name}${s.key === deciding?.key ? t('draft.confirm.decides') : ''}`).join('、')}
                </List.Item>
              ))}
            </List>
            {route.finalRule ? (
              <Text size="sm" fw={600}>
                {props.amount !== null ? t('draft.route.rule', { amount: yenLabel(props.amount), label: route.finalRule.label }) : route.finalRule.label}
              </Text>
            ) : null}
          </>
        ) : null}
        <Alert color="blue" variant="light" p="sm">
          <Text size="sm">{props.resubmit ? t('draft.confirm.resubmitNumber') : t('draft.confirm.number')}</Text>
          <Text size="sm" mt={4}>
            {props.resubmit ? (props.keepsApprovals ? t('draft.confirm.resumes') : t('draft.confirm.restarts')) : t('draft.confirm.recall')}
          </Text>
        </Alert>
        {props.attachments === 0 ? (
          <Text size="sm" c="orange.8">
            {t('draft.confirm.noAttachments')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('draft.confirm.attachments', { n: props.attachments })}
          </Text>
        )}
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="md" onClick={props.onClose} disabled={props.loading}>
            {t('common.cancel')}
          </Button>
          <Button size="md" onClick={props.onConfirm} loading={props.loading} data-autofocus>
            {props.resubmit ? t('draft.confirm.resubmitButton') : t('draft.confirm.button')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
