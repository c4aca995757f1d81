import { Alert, Button, Group, Loader, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionBody, CaseActionName, CaseView } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { AppModal } from '../../components/AppModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { actionColor, actionHelp, actionLabel, deputyCandidates, historyLabel, needsComment, positiveActionFor, sendBackTargets, stepKindLabel, tokyoToday } from './caseText.js';
import { isStale, useCaseAction, useCaseView } from './useCase.js';

export interface ActionTarget {
  caseId: number;
  version: number;
  number: string | null;
  title: string;
}

export type DialogRequest = { kind: 'action'; action: CaseActionName } | { kind: 'deputy' };

interface ActionDialogProps {
  request: DialogRequest | null;
  target: ActionTarget;
  /** The case, when the caller has it (the case page); else it is read when the dialog needs the route. */
  kase?: CaseView | undefined;
  myUserId: number;
  onClose: () => void;
  onDone: (view: CaseView, action: CaseActionName) => void;
}

/**
 * Asks before an action: what it does in plain words, the fields it needs
 * (send back: where to and why; 否決 and 不同意: why; 代決: for whom and why;
 * 施行: the date), then sends it.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const opened = props.request !== null;
  const title =
    props.request === null ? '' : props.request.kind === 'deputy' ? t('case.deputy.title') : actionLabel(props.request.action, t);
  return (
    <AppModal opened={opened} onClose={props.onClose} title={title} size="lg">
      {props.request ? (
        <ActionForm
          key={`${props.target.caseId}:${props.request.kind}:${props.request.kind === 'action' ? props.request.action : ''}`}
          {...props}
          request={props.request}
        />
      ) : null}
    </AppModal>
  );
}

function ActionForm({ request, target, kase: given, myUserId, onClose, onDone }: ActionDialogProps & { request: DialogRequest }) {
  const { t } = useTranslation();
  // Set when the server refused the action on an older version (409 stale_version): the version sent.
  const [staleFrom, setStaleFrom] = useState<number | null>(null);
  const needsCase = request.kind === 'deputy' || (request.kind === 'action' && request.action === 'send_back') || staleFrom !== null;
  const fetched = useCaseView(target.caseId, needsCase && given === undefined);
  const kase = given ?? fetched.data;
  const mutation = useCaseAction();

  const [comment, setComment] = useState('');
  const [toStep, setToStep] = useState('drafter');
  const [enforcedOn, setEnforcedOn] = useState(tokyoToday());
  const [reason, setReason] = useState('');
  const candidates = kase && request.kind === 'deputy' ? deputyCandidates(kase, myUserId) : [];
  const [forStep, setForStep] = useState<string | null>(null);
  const chosen = candidates.find((s) => String(s.id) === forStep) ?? (candidates.length === 1 ? candidates[0] : undefined);
  const [tried, setTried] = useState(false);

  const action: CaseActionName | null = request.kind === 'action' ? request.action : chosen ? positiveActionFor(chosen.kind) : null;
  const commentRequired = action !== null && needsComment(action);
  const commentMissing = commentRequired && comment.trim() === '';
  const reasonMissing = request.kind === 'deputy' && reason.trim() === '';
  const targets = kase && action === 'send_back' ? sendBackTargets(kase, kase.myStepId) : [];
  const version = kase?.version ?? target.version;
  const stillOpen = request.kind === 'deputy' ? candidates.length > 0 : action !== null && kase !== undefined && kase.available.includes(action);
  // Until the fresh case has arrived, nothing is sent again on the old version.
  const blockedByStale = staleFrom !== null && (kase === undefined || kase.version === staleFrom || !stillOpen);

  const submit = () => {
    setTried(true);
    if (action === null || commentMissing || reasonMissing || (request.kind === 'deputy' && !chosen)) return;
    const body: ActionBody = { action, version };
    if (comment.trim() !== '') body.comment = comment.trim();
    if (action === 'send_back' && toStep !== 'drafter') body.toStepId = Number(toStep);
    if (action === 'enforce') body.enforcedOn = enforcedOn;
    if (request.kind === 'deputy' && chosen) {
      body.onBehalfOfUserId = chosen.assignee.id;
      body.reason = reason.trim();
    }
    mutation.mutate(
      { caseId: target.caseId, body },
      {
        onSuccess: (view) => onDone(view, action),
        onError: (error) => {
          // The dialog stays open with what was typed; the case and lists are being read again (useCaseAction).
          if (isStale(error)) setStaleFrom(version);
        },
      },
    );
  };

  const caseName = target.number ? `${target.number}「${target.title}」` : `「${target.title}」`;
  const loading = needsCase && !kase && fetched.isPending;

  return (
    <Stack gap="md">
      <Text size="sm" fw={600}>
        {caseName}
      </Text>
      {staleFrom !== null ? <StaleNotice kase={kase} fromVersion={staleFrom} stillOpen={stillOpen} /> : null}
      {request.kind === 'deputy' ? (
        <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('case.deputy.help')}
        </Alert>
      ) : action ? (
        <Alert variant="light" color={actionColor(action) === 'red' ? 'red' : actionColor(action) === 'orange' ? 'orange' : 'indigo'} icon={<IconInfoCircle size={18} aria-hidden />}>
          {actionHelp(action, t)}
        </Alert>
      ) : null}
      {loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {fetched.isError && !given ? <ErrorAlert error={fetched.error} /> : null}

      {request.kind === 'deputy' && kase ? (
        candidates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('case.deputy.nobody')}
          </Text>
        ) : (
          <Select
            label={t('case.deputy.for')}
            required
            data={candidates.map((s) => ({
              value: String(s.id),
              label: t('case.deputy.option', { name: s.assignee.name, position: s.position, kind: stepKindLabel(s.kind, t) }),
            }))}
            value={chosen ? String(chosen.id) : forStep}
            onChange={setForStep}
            error={tried && !chosen ? t('case.deputy.pick') : undefined}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )
      ) : null}
      {request.kind === 'deputy' ? (
        <TextInput
          label={t('case.deputy.reason')}
          description={t('case.deputy.reasonHelp')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && reasonMissing ? t('case.field.reasonRequired') : undefined}
          maxLength={2000}
        />
      ) : null}

      {action === 'send_back' && kase ? (
        <Radio.Group label={t('case.sendBack.to')} value={toStep} onChange={setToStep} required>
          <Stack gap="md" mt={8}>
            <Radio size="md" value="drafter" label={t('case.sendBack.drafter', { name: kase.drafter.name })} />
            {targets.map((s) => (
              <Radio
                size="md"
                key={s.id}
                value={String(s.id)}
                label={t('case.sendBack.step', { position: s.position, name: s.assignee.name, kind: stepKindLabel(s.kind, t) })}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}

      {action === 'enforce' ? (
        <TextInput type="date" label={t('case.enforce.date')} required value={enforcedOn} onChange={(e) => setEnforcedOn(e.currentTarget.value)} />
      ) : null}

      {action !== null && action !== 'enforce' ? (
        <Textarea
          label={
            action === 'send_back' ? t('case.field.sendBackReason') : commentRequired ? t('case.field.commentRequired') : t('case.field.commentOptional')
          }
          required={commentRequired}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={tried && commentMissing ? t('case.field.commentMissing') : undefined}
          data-autofocus={commentRequired ? true : undefined}
        />
      ) : null}

      {mutation.isError && !isStale(mutation.error) ? <ErrorAlert error={mutation.error} /> : null}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} size="md">
          {t('common.cancel')}
        </Button>
        <Button
          size="md"
          color={action ? actionColor(action) : 'indigo'}
          loading={mutation.isPending}
          disabled={loading || blockedByStale || (request.kind === 'deputy' && candidates.length === 0)}
          onClick={submit}
          data-autofocus={commentRequired ? undefined : true}
        >
          {request.kind === 'deputy' ? t('case.deputy.submit', { action: action ? actionLabel(action, t) : '' }) : action ? t('case.confirm', { action: actionLabel(action, t) }) : ''}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Someone acted on the case after it was opened here: who, what and when
 * (the first event after the version this dialog acted on), that the case is
 * shown afresh, and whether the action can still be sent. What was typed stays.
 */
function StaleNotice({ kase, fromVersion, stillOpen }: { kase: CaseView | undefined; fromVersion: number; stillOpen: boolean }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const first = kase?.timeline.find((e) => e.version > fromVersion);
  return (
    <Alert color="yellow" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={first ? t('versions.stale.title', { name: first.actor.name }) : t('case.stale.title')} data-testid="stale-notice">
      <Stack gap={4}>
        {first ? <Text size="sm">{t('versions.stale.what', { when: formatWarekiDateTime(first.at, lang), action: historyLabel(first, t) })}</Text> : <Loader size="xs" aria-label={t('common.loading')} />}
        {first && stillOpen ? <Text size="sm">{t('case.stale.message')}</Text> : null}
        {first ? <Text size="sm">{stillOpen ? t('versions.stale.kept') : t('versions.stale.gone')}</Text> : null}
      </Stack>
    </Alert>
  );
}
