import { Alert, Button, Center, Group, Loader, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, type CaseView, type DocumentType } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { request } from '../../api/client.js';
import { useDepartments, useSites } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { useCurrentSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import classes from './DraftPage.module.css';
import { AttachmentsPanel } from './AttachmentsPanel.js';
import { consultGroups, formatYen, parseYen, sameContent, type DraftContent } from './draftModel.js';
import { RelatedField } from './RelatedField.js';
import { RoutePanel, type RouteAsk } from './RoutePanel.js';
import { SendBackNotice } from './SendBackNotice.js';
import { SubmitDialog } from './SubmitDialog.js';
import { useDocumentTypes, useDraftCase, useRoutePreview } from './useDraftQueries.js';

/**
 * 起案: /draft for a new document, /draft/:id to go on with a draft or to
 * revise a case sent back. The route appears as soon as the type (and the
 * amount it needs) is known; saving creates the case, later saves update it.
 */
export function DraftPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const parsed = id === undefined ? null : Number(id);
  const caseId = parsed !== null && Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  // A draft saved for the first time gets its URL (/draft → /draft/12) without starting the form again;
  // going to /draft afterwards (another navigation, so another location key) starts a new one.
  const location = useLocation();
  const locationKey = useRef(location.key);
  locationKey.current = location.key;
  const created = useRef<{ id: number; fromKey: string } | null>(null);
  const generation = useRef(0);
  if (id === undefined && created.current && created.current.fromKey !== location.key) {
    created.current = null;
    generation.current += 1;
  }
  const adopted = created.current?.id ?? null;
  const onCreated = useCallback((newId: number) => {
    created.current = { id: newId, fromKey: locationKey.current };
  }, []);

  const view = useDraftCase(caseId !== null && caseId !== adopted ? caseId : null);
  const types = useDocumentTypes();

  if (id !== undefined && caseId === null) return <NotFoundPage />;
  if (types.isPending || (caseId !== null && caseId !== adopted && view.isPending)) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (types.isError) return <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />;
  if (view.isError) {
    if (isApiError(view.error) && view.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  }
  const key = caseId === null || caseId === adopted ? `new-${generation.current}` : `case-${caseId}`;
  return <DraftEditor key={key} initial={caseId === adopted ? null : (view.data ?? null)} types={types.data.items} onCreated={onCreated} />;
}

interface DraftEditorProps {
  initial: CaseView | null;
  types: readonly DocumentType[];
  onCreated: (id: number) => void;
}

type Problems = Partial<Record<'type' | 'title' | 'amount', string>>;

function DraftEditor({ initial, types, onCreated }: DraftEditorProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formId = useId();

  const [caseId, setCaseId] = useState<number | null>(initial?.id ?? null);
  const caseIdRef = useRef<number | null>(initial?.id ?? null);
  const live = useDraftCase(caseId);
  const current: CaseView | null = live.data ?? initial;

  const [typeId, setTypeId] = useState<number | null>(initial?.type.id ?? null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [amountText, setAmountText] = useState(initial?.amount != null ? formatYen(initial.amount) : '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [consultIds, setConsultIds] = useState<number[]>(initial?.consultDepartments.map((d) => d.id) ?? []);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState<DraftContent | null>(
    initial ? { title: initial.title, amount: initial.amount, body: initial.body, consultDepartmentIds: initial.consultDepartments.map((d) => d.id) } : null,
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [needSaveNotice, setNeedSaveNotice] = useState(false);

  const departments = useDepartments();
  const sites = useSites();

  const type = types.find((x) => x.id === typeId) ?? null;
  const choosable = types.filter((x) => x.active || x.id === typeId);
  const amount = parseYen(amountText);
  const amountValue = amount.ok ? amount.value : null;
  const content: DraftContent = { title: title.trim(), amount: amountValue, body, consultDepartmentIds: consultIds };
  const dirty = saved === null || !sameContent(saved, content);

  // The route follows the amount as it is typed, once the typing pauses.
  const [debounced] = useDebouncedValue({ typeId, amountText, consultIds }, 350);
  const debouncedAmount = parseYen(debounced.amountText);
  const debouncedType = types.find((x) => x.id === debounced.typeId) ?? null;
  let ask: RouteAsk = 'ready';
  if (!debouncedType) ask = 'noType';
  else if (!debouncedAmount.ok) ask = 'badAmount';
  else if (debouncedType.template.amountRequired && debouncedAmount.value === null) ask = 'needAmount';
  const preview = useRoutePreview(
    ask === 'ready' && debouncedType && debouncedAmount.ok
      ? { typeId: debouncedType.id, amount: debouncedAmount.value, consultDepartmentIds: debouncedType.template.allowAddedConsult ? debounced.consultIds : [] }
      : null,
  );

  const state = current?.state ?? 'draft';
  const editable = current === null || ((state === 'draft' || state === 'sent_back') && current.drafter.id === user.id);
  const sentBack = current?.state === 'sent_back';

  const validate = (): Problems => {
    const p: Problems = {};
    if (!type) p.type = t('draft.form.typeRequired');
    if (!title.trim()) p.title = t('draft.form.titleRequired');
    if (!amount.ok) p.amount = t('draft.form.amountInvalid');
    else if (type?.template.amountRequired && amount.value === null) p.amount = t('draft.form.amountRequired');
    return p;
  };

  /** Saves what is on screen: creates the case the first time, then updates it. The case as saved, or null when the form has problems. */
  const save = async (): Promise<CaseView | null> => {
    const p = validate();
    setProblems(p);
    if (Object.keys(p).length > 0 || !type) return null;
    const id = caseIdRef.current;
    let view: CaseView;
    const consult = type.template.allowAddedConsult ? consultIds : [];
    if (id === null) {
      view = await request(api.createCase, { body: { typeId: type.id, title: title.trim(), amount: amountValue, body, consultDepartmentIds: consult } });
      caseIdRef.current = view.id;
      queryClient.setQueryData(queryKeys.caseView(view.id), view);
      setCaseId(view.id);
      onCreated(view.id);
      void navigate(`/draft/${view.id}`, { replace: true });
    } else {
      const now = queryClient.getQueryData<CaseView>(queryKeys.caseView(id)) ?? current;
      if (!now) return null;
      if (!dirty) return now;
      view = await request(api.updateCase, { params: { id }, body: { version: now.version, title: title.trim(), amount: amountValue, body, consultDepartmentIds: consult } });
      queryClient.setQueryData(queryKeys.caseView(view.id), view);
    }
    setSaved({ title: view.title, amount: view.amount, body: view.body, consultDepartmentIds: view.consultDepartments.map((d) => d.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.approvals, predicate: (q) => q.queryKey[2] !== 'view' });
    return view;
  };

  const run = async <T,>(what: 'save' | 'submit', fn: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.code === 'stale_version' && caseIdRef.current !== null) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.caseView(caseIdRef.current) });
      }
      return null;
    } finally {
      setBusy(null);
    }
  };

  const onSave = async () => {
    const view = await run('save', save);
    if (view) notifications.show({ color: 'teal', message: t('draft.saved') });
  };

  const openSubmit = () => {
    const p = validate();
    setProblems(p);
    if (Object.keys(p).length === 0) setConfirming(true);
  };

  const onSubmit = async () => {
    const done = await run('submit', async () => {
      const view = await save();
      if (!view) return null;
      const sent = sentBack
        ? await request(api.actOnCase, { params: { id: view.id }, body: { action: 'resubmit', version: view.version } })
        : await request(api.submitCase, { params: { id: view.id }, body: { version: view.version } });
      queryClient.setQueryData(queryKeys.caseView(sent.id), sent);
      await queryClient.invalidateQueries({ queryKey: queryKeys.approvals, predicate: (q) => q.queryKey[2] !== 'view' });
      return sent;
    });
    if (done) {
      setConfirming(false);
      // A resubmitted case already has its number: what happened is the resubmission.
      notifications.show({ color: 'teal', message: sentBack ? t('draft.resubmitted') : t('draft.submitted', { number: done.number ?? '' }) });
      void navigate(`/cases/${done.id}`);
    }
  };

  /** Attaching needs a case: the first file saves the draft, if the form allows. */
  const ensureCase = async (): Promise<number | null> => {
    if (caseIdRef.current !== null) return caseIdRef.current;
    const view = await run('save', save);
    setNeedSaveNotice(view === null);
    return view?.id ?? null;
  };

  const refreshCase = async () => {
    const id = caseIdRef.current;
    if (id !== null) await queryClient.invalidateQueries({ queryKey: queryKeys.caseView(id) });
  };

  const heading = sentBack ? t('draft.titleRevise') : caseId !== null ? t('draft.titleContinue') : t('draft.title');
  const help = sentBack ? t('draft.helpRevise') : t('draft.help');

  if (current && !editable) {
    return (
      <>
        <PageHeader title={heading} />
        <Alert color="blue" variant="light" title={t('draft.notEditableTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{current.drafter.id === user.id ? t('draft.notEditableSent') : t('draft.notEditableOthers')}</Text>
            <Button component={Link} to={`/cases/${current.id}`} size="md">
              {t('draft.openCase')}
            </Button>
          </Stack>
        </Alert>
      </>
    );
  }

  const attachments = current?.attachments.filter((a) => a.removedAt === null) ?? [];
  const consultData = consultGroups(departments.data ?? [], sites.data ?? [], consultIds);
  const canConsult = type?.template.allowAddedConsult ?? false;

  return (
    <>
      <PageHeader title={heading} description={help} />
      <Stack gap="md">
        {current && sentBack ? <SendBackNotice view={current} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        <div className={classes.layout}>
          <div className={classes.main}>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${formId}-what`} className={classes.what}>
              <Title order={3} fz="h4" id={`${formId}-what`} mb="sm">
                {t('draft.form.whatTitle')}
              </Title>
              <Stack gap="md">
                <Select
                  label={t('draft.form.type')}
                  description={caseId !== null ? t('draft.form.typeFixed') : t('draft.form.typeHelp')}
                  placeholder={t('draft.form.typePlaceholder')}
                  data={choosable.map((x) => ({ value: String(x.id), label: x.name }))}
                  value={typeId === null ? null : String(typeId)}
                  onChange={(v) => {
                    setTypeId(v === null ? null : Number(v));
                    setProblems((p) => ({ ...p, type: undefined }));
                  }}
                  readOnly={caseId !== null}
                  error={problems.type}
                  required
                  size="md"
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t('draft.form.amount')}
                  description={t('draft.form.amountHelp')}
                  placeholder="3,200,000"
                  value={amountText}
                  onChange={(e) => {
                    setAmountText(e.currentTarget.value);
                    setProblems((p) => ({ ...p, amount: undefined }));
                  }}
                  onBlur={() => {
                    const a = parseYen(amountText);
                    if (a.ok) setAmountText(a.value === null ? '' : formatYen(a.value));
                  }}
                  inputMode="numeric"
                  autoComplete="off"
                  rightSection={<Text size="sm" c="dimmed">{t('draft.form.yen')}</Text>}
                  rightSectionWidth={36}
                  required={type?.template.amountRequired ?? false}
                  error={problems.amount}
                  size="md"
                  styles={{ wrapper: { maxWidth: 360 } }}
                />
                {canConsult ? (
                  <MultiSelect
                    label={t('draft.form.consult')}
                    description={t('draft.form.consultHelp')}
                    placeholder={consultIds.length === 0 ? t('draft.form.consultPlaceholder') : undefined}
                    data={consultData}
                    value={consultIds.map(String)}
                    onChange={(v) => setConsultIds(v.map(Number))}
                    searchable
                    clearable
                    size="md"
                    nothingFoundMessage={t('common.nothingFound')}
                    comboboxProps={{ withinPortal: true }}
                  />
                ) : null}
              </Stack>
            </Paper>

            <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${formId}-content`} className={classes.content}>
              <Title order={3} fz="h4" id={`${formId}-content`} mb="sm">
                {t('draft.form.contentTitle')}
              </Title>
              <Stack gap="md">
                <TextInput
                  label={t('draft.form.title')}
                  description={t('draft.form.titleHelp')}
                  value={title}
                  onChange={(e) => {
                    setTitle(e.currentTarget.value);
                    setProblems((p) => ({ ...p, title: undefined }));
                  }}
                  maxLength={200}
                  required
                  error={problems.title}
                  size="md"
                />
                <Textarea
                  label={t('draft.form.body')}
                  description={t('draft.form.bodyHelp')}
                  value={body}
                  onChange={(e) => setBody(e.currentTarget.value)}
                  autosize
                  minRows={6}
                  maxRows={20}
                  maxLength={20000}
                  size="md"
                />
              </Stack>
            </Paper>

            <Stack gap="sm" className={classes.files}>
              <AttachmentsPanel caseId={caseId} attachments={attachments} ensureCase={ensureCase} onChanged={refreshCase} disabled={busy === 'submit'} />
              <RelatedField caseId={caseId} ensureCase={ensureCase} />
              {needSaveNotice && caseId === null ? (
                <Alert color="yellow" variant="light" role="alert">
                  {t('draft.files.needSave')}
                </Alert>
              ) : null}
            </Stack>
          </div>
          <div className={classes.side}>
            <div className={classes.route}>
              <RoutePanel ask={ask} route={preview.data} amount={debouncedAmount.ok ? debouncedAmount.value : null} loading={preview.isFetching} error={preview.error} />
            </div>
            <Paper withBorder radius="md" p={{ base: 'sm', lg: 'md' }} className={classes.actions}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {caseId === null ? t('draft.actions.helpNew') : dirty ? t('draft.actions.helpDirty') : t('draft.actions.helpSaved')}
                </Text>
                <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
                  <Button
                    variant="default"
                    size="md"
                    leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                    onClick={() => void onSave()}
                    loading={busy === 'save'}
                    disabled={busy !== null}
                  >
                    {t('draft.actions.save')}
                  </Button>
                  <Button size="md" leftSection={<IconSend size={18} aria-hidden />} onClick={openSubmit} disabled={busy !== null}>
                    {sentBack ? t('draft.actions.resubmit') : t('draft.actions.submit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </div>
        </div>
      </Stack>
      <SubmitDialog
        opened={confirming}
        resubmit={sentBack}
        keepsApprovals={type?.template.resubmit === 'resume_at_sender'}
        title={title.trim()}
        route={preview.data}
        amount={amountValue}
        attachments={attachments.length}
        loading={busy === 'submit'}
        error={error}
        onConfirm={() => void onSubmit()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
