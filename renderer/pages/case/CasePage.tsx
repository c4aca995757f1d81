import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft, IconUserCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, type CaseActionName, type CaseView } from '../../../shared/api/index.js';
import { formatWarekiDate, formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { isApiError } from '../../api/ApiError.js';
import { call } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';
import { useCurrentSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { nextInQueue } from '../inbox/inboxModel.js';
import { ActionDialog, type DialogRequest } from './ActionDialog.js';
import { ArchiveDownload } from './ArchiveDownload.js';
import { AttachmentPane } from './AttachmentPane.js';
import { CaseHistory } from './CaseHistory.js';
import { DisposedNotice } from '../archive/DisposedNotice.js';
import { RelatedCases } from './RelatedCases.js';
import { RevisionHistory } from './RevisionHistory.js';
import classes from './CasePage.module.css';
import {
  actionColor,
  actionDone,
  actionHelp,
  actionLabel,
  deputyCandidates,
  finalRuleText,
  formatYen,
  latestSendBack,
  placeOf,
  stateColor,
  stateLabel,
  stepKindLabel,
} from './caseText.js';
import { RouteTimeline } from './RouteTimeline.js';
import { useCaseView } from './useCase.js';

/** Where the drafter revises a case that was sent back (the drafting page reads `?case=`). */
export const draftPathFor = (caseId: number) => `/draft/${caseId}`;

/** What the inbox hands over when it opens a case: the order of the cases, to go on to the next one. */
export interface DeskNavState {
  queue?: number[];
}

/** Actions that finish my part, after which the inbox's next case is shown. */
const CLEARS_MY_STEP: ReadonlySet<CaseActionName> = new Set(['approve', 'final_approve', 'agree', 'disagree', 'acknowledge', 'send_back', 'reject', 'review']);

/** The buttons' order: going forward first, turning back after, closing the case last. */
const ORDER: readonly CaseActionName[] = [
  'approve', 'final_approve', 'agree', 'acknowledge', 'review', 'enforce', 'resubmit', 'disagree', 'send_back', 'reject', 'recall', 'withdraw', 'comment',
];

const idOf = (text: string | undefined) => (text && /^\d{1,12}$/.test(text) ? Number(text) : null);

export function CasePage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = idOf(params['id']);
  const view = useCaseView(id);

  useEffect(() => {
    const data = view.data;
    document.title = data ? `${data.number ?? ''} ${data.title} | 紙レス Kamiless`.trim() : `${t('case.pageTitle')} | 紙レス Kamiless`;
  }, [view.data, t]);

  if (id === null || (view.isError && isApiError(view.error) && view.error.status === 404)) return <CaseNotFound />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) {
    return (
      <div className={classes.layout} aria-busy="true">
        <Skeleton className={classes.docArea} h={480} />
        <Stack className={classes.headArea}>
          <Skeleton h={120} />
          <Skeleton h={240} />
        </Stack>
      </div>
    );
  }
  return <CaseScreen kase={view.data} />;
}

function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="xl" role="alert">
      <Stack align="center" gap="sm" ta="center">
        <Title order={2} fz="h3">
          {t('case.notFound.title')}
        </Title>
        <Text c="dimmed">{t('case.notFound.body')}</Text>
        <Button component={Link} to="/inbox" variant="light" size="md">
          {t('case.backToInbox')}
        </Button>
      </Stack>
    </Paper>
  );
}

function CaseScreen({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const queue = (location.state as DeskNavState | null)?.queue;
  const [dialog, setDialog] = useState<DialogRequest | null>(null);

  const onDone = async (result: CaseView, action: CaseActionName) => {
    setDialog(null);
    const done = actionDone(action, t);
    if (queue && CLEARS_MY_STEP.has(action)) {
      const inbox = await queryClient.fetchQuery({ queryKey: queryKeys.inbox, queryFn: () => call(api.inbox), staleTime: 0 });
      const next = nextInQueue(queue, result.id, new Set(inbox.items.map((i) => i.caseId)));
      if (next !== null) {
        notifications.show({ color: 'teal', message: `${done} ${t('case.done.next')}` });
        void navigate(`/cases/${next}`, { state: { queue } satisfies DeskNavState });
        return;
      }
      notifications.show({ color: 'teal', message: `${done} ${t('case.done.inboxEmpty')}` });
      void navigate('/inbox');
      return;
    }
    notifications.show({ color: 'teal', message: done });
  };

  return (
    <div className={classes.layout}>
      <div className={classes.headArea}>
        <CaseHeader kase={kase} />
        <DisposedNotice caseId={kase.id} />
      </div>
      <div className={classes.docArea}>
        <AttachmentPane caseId={kase.id} attachments={kase.attachments} revisions={kase.revisions} />
      </div>
      <Stack className={classes.sideArea} gap="md">
        <ActionPanel kase={kase} myUserId={user.id} onRequest={setDialog} />
        <ArchiveDownload kase={kase} />
        <RevisionHistory kase={kase} />
        <RouteTimeline kase={kase} />
        <CaseHistory kase={kase} />
        <RelatedCases caseId={kase.id} />
      </Stack>
      <ActionDialog
        request={dialog}
        target={{ caseId: kase.id, version: kase.version, number: kase.number, title: kase.title }}
        kase={kase}
        myUserId={user.id}
        onClose={() => setDialog(null)}
        onDone={(v, a) => void onDone(v, a)}
      />
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.field}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd">
        {children}
      </Text>
    </div>
  );
}

function CaseHeader({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const navigate = useNavigate();
  const rule = finalRuleText(kase.amount, kase.route.finalRule);
  const sentBack = latestSendBack(kase);
  return (
    <Paper withBorder radius="md" p="md" component="header">
      <Group gap="xs" mb={4} wrap="nowrap" align="flex-start">
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={() => {
            if (window.history.length > 1) void navigate(-1);
            else void navigate('/inbox');
          }}
          className={classes.back}
        >
          {t('case.back')}
        </Button>
      </Group>
      <Group gap="xs" wrap="wrap" align="center">
        <Badge size="lg" color={stateColor(kase.state)} variant="filled" tt="none" data-testid="case-state">
          {stateLabel(kase.state, t)}
        </Badge>
        <Text fw={700} size="md" className={classes.caseNumber}>
          {kase.number ?? t('case.noNumber')}
        </Text>
        <Text size="sm" c="dimmed">
          {kase.type.name}
        </Text>
      </Group>
      <Title order={2} fz="h3" mt={6} className={classes.caseTitle}>
        {kase.title}
      </Title>
      {sentBack ? (
        <Alert color="orange" variant="light" mt="sm" mb={4} icon={<IconArrowBackUp size={18} aria-hidden />} title={t('case.sentBack.title', { name: sentBack.actor.name })}>
          <Text size="sm" className={classes.comment}>
            {sentBack.comment}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {formatWarekiDateTime(sentBack.at, lang)}
          </Text>
        </Alert>
      ) : null}
      <dl className={classes.fields}>
        {kase.amount !== null ? <Field label={t('case.field.amount')}>{formatYen(kase.amount)}</Field> : null}
        {rule ? <Field label={t('case.field.rule')}>{rule}</Field> : null}
        <Field label={t('case.field.drafter')}>{kase.drafter.name}</Field>
        <Field label={t('case.field.department')}>{placeOf(kase)}</Field>
        {kase.submittedAt ? <Field label={t('case.field.submitted')}>{formatWarekiDateTime(kase.submittedAt, lang)}</Field> : null}
        {kase.approvedAt ? <Field label={t('case.field.approved')}>{formatWarekiDateTime(kase.approvedAt, lang)}</Field> : null}
        {kase.enforcedOn ? <Field label={t('case.field.enforced')}>{formatWarekiDate(`${kase.enforcedOn}T12:00:00+09:00`, lang)}</Field> : null}
      </dl>
      {kase.body.trim() !== '' ? (
        <details className={classes.body}>
          <summary>{t('case.field.body')}</summary>
          <Text size="sm" className={classes.comment}>
            {kase.body}
          </Text>
        </details>
      ) : null}
    </Paper>
  );
}

function ActionPanel({ kase, myUserId, onRequest }: { kase: CaseView; myUserId: number; onRequest: (r: DialogRequest) => void }) {
  const { t } = useTranslation();
  const actions = ORDER.filter((a) => kase.available.includes(a));
  const main = actions.filter((a) => a !== 'comment');
  const deputy = kase.myStepId === null && kase.drafter.id !== myUserId ? deputyCandidates(kase, myUserId) : [];
  const pending = kase.route.stages.flatMap((s) => s.steps).filter((s) => s.status === 'pending');
  const myStep = kase.route.stages.flatMap((s) => s.steps).find((s) => s.id === kase.myStepId);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-actions-title" className={classes.actions}>
      <Title order={3} fz="md" id="case-actions-title" mb={4}>
        {t('case.actions.title')}
      </Title>
      {myStep ? (
        <Group gap={6} mb="sm">
          <IconUserCheck size={18} aria-hidden />
          <Text size="sm" fw={600}>
            {t('case.actions.yourStep', { kind: stepKindLabel(myStep.kind, t), position: myStep.position })}
          </Text>
        </Group>
      ) : null}
      {main.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {pending.length > 0
            ? t('case.actions.noneWaiting', { names: pending.map((s) => `${s.position} ${s.assignee.name}`).join('、') })
            : t('case.actions.none')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {main.map((action) => (
          <div key={action} className={classes.actionRow}>
            <Button
              color={actionColor(action)}
              variant={actionColor(action) === 'indigo' ? 'filled' : 'light'}
              size="md"
              className={classes.actionButton}
              onClick={() => onRequest({ kind: 'action', action })}
            >
              {actionLabel(action, t)}
            </Button>
            <Text size="sm" c="dimmed" className={classes.actionHelp}>
              {actionHelp(action, t)}
            </Text>
          </div>
        ))}
        {kase.available.includes('resubmit') ? (
          <Anchor component={Link} to={draftPathFor(kase.id)} size="sm">
            {t('case.actions.revise')}
          </Anchor>
        ) : null}
        {deputy.length > 0 ? (
          <details className={classes.more}>
            <summary>{t('case.deputy.summary')}</summary>
            <div className={classes.actionRow}>
              <Button variant="light" color="orange" size="md" className={classes.actionButton} onClick={() => onRequest({ kind: 'deputy' })}>
                {t('case.deputy.open')}
              </Button>
              <Text size="sm" c="dimmed" className={classes.actionHelp}>
                {t('case.deputy.short')}
              </Text>
            </div>
          </details>
        ) : null}
        {kase.available.includes('comment') ? (
          <Button variant="subtle" color="gray" size="md" onClick={() => onRequest({ kind: 'action', action: 'comment' })} className={classes.actionButton}>
            {actionLabel('comment', t)}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
