import { Alert, Badge, Button, Code, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlugConnected } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DesktopBridge,
  DesktopConnection,
  HubSaveFailure,
  HubTestFailure,
  HubTestResult,
} from '../../../shared/api/desktop-bridge.js';
import { checkHubUrl, type HubUrlProblem } from '../../../shared/domain/hub-url.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { assertNever } from '../../lib/assertNever.js';

/**
 * Desktop only: whether this app uses its own data (standalone) or the office
 * hub (connected). Main does the checking and the network test; switching
 * restarts the app, because the whole API target changes.
 */
export function ConnectionCard({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const connection = useQuery({
    queryKey: ['desktop', 'connection'],
    queryFn: () => bridge.getConnection(),
    // Fixed for the whole run: a change takes effect only through a restart.
    staleTime: Infinity,
  });

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} fz="h4" mb={4}>
        {t('settings.connection.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.connection.help')}
      </Text>
      {connection.isPending ? <Skeleton height={120} /> : null}
      {connection.isError ? <ErrorAlert error={connection.error} onRetry={() => void connection.refetch()} /> : null}
      {connection.data ? <ConnectionForm bridge={bridge} connection={connection.data} /> : null}
    </Paper>
  );
}

interface ConnectionValues {
  hubUrl: string;
}

/** Which restart the confirmation is about. */
type PendingSwitch = { kind: 'connect'; hubUrl: string } | { kind: 'standalone' };

function ConnectionForm({ bridge, connection }: { bridge: DesktopBridge; connection: DesktopConnection }) {
  const { t } = useTranslation();
  const currentHubUrl = connection.mode === 'connected' ? connection.hubUrl : undefined;
  // A test result belongs to the address it tested; editing the field makes it stale.
  const [tested, setTested] = useState<{ hubUrl: string; result: HubTestResult } | null>(null);
  const [pending, setPending] = useState<PendingSwitch | null>(null);

  const urlProblemText = (problem: HubUrlProblem): string => {
    switch (problem) {
      case 'empty':
        return t('validation.required');
      case 'too_long':
        return t('validation.tooLong');
      case 'not_a_url':
        return t('settings.connection.urlInvalid');
      case 'not_http':
        return t('settings.connection.urlNotHttp');
      case 'credentials':
        return t('settings.connection.urlCredentials');
      default:
        return assertNever(problem);
    }
  };

  const form = useForm<ConnectionValues>({
    initialValues: { hubUrl: currentHubUrl ?? '' },
    validate: {
      hubUrl: (value) => {
        const checked = checkHubUrl(value);
        return checked.ok ? null : urlProblemText(checked.problem);
      },
    },
  });

  const test = useMutation({
    mutationFn: (hubUrl: string) => bridge.testHub(hubUrl),
    onSuccess: (result, hubUrl) => setTested({ hubUrl, result }),
  });
  const save = useMutation({ mutationFn: (hubUrl: string | null) => bridge.setHubUrl(hubUrl) });

  const checked = checkHubUrl(form.values.hubUrl);
  const typedHubUrl = checked.ok ? checked.hubUrl : undefined;
  const testedHere = tested !== null && tested.hubUrl === typedHubUrl ? tested.result : undefined;
  // Saving an address that has not answered as a hub would restart into a connection error page,
  // from which Settings cannot be reached; so a successful test comes first.
  const canSave = testedHere?.ok === true && typedHubUrl !== currentHubUrl;
  // Once main has accepted, the app is about to exit: keep every button still.
  const restarting = save.data?.ok === true;

  const failureText = (reason: HubTestFailure): string => {
    switch (reason) {
      case 'invalid_url':
        return t('settings.connection.urlInvalid');
      case 'unreachable':
        return t('settings.connection.unreachable');
      case 'timeout':
        return t('settings.connection.timeout');
      case 'http_error':
        return t('settings.connection.httpError');
      case 'redirected':
        return t('settings.connection.redirected');
      case 'not_kamiless':
        return t('settings.connection.notKamiless');
      default:
        return assertNever(reason);
    }
  };

  const saveFailureText = (reason: HubSaveFailure): string => {
    switch (reason) {
      case 'invalid_url':
        return t('settings.connection.urlInvalid');
      case 'write_failed':
        return t('settings.connection.saveFailed');
      default:
        return assertNever(reason);
    }
  };

  const confirm = () => {
    if (pending === null) return;
    save.mutate(pending.kind === 'connect' ? pending.hubUrl : null);
  };

  const closeConfirm = () => {
    if (restarting) return;
    setPending(null);
    save.reset();
  };

  return (
    <Stack maw={520}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('settings.connection.current')}
        </Text>
        {currentHubUrl === undefined ? (
          <Badge variant="light" color="gray">
            {t('settings.connection.standalone')}
          </Badge>
        ) : (
          <Badge variant="light" color="indigo" maw="100%" title={currentHubUrl} style={{ textTransform: 'none' }}>
            {t('settings.connection.connected', { url: currentHubUrl })}
          </Badge>
        )}
      </Group>

      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          const valid = checkHubUrl(values.hubUrl);
          if (valid.ok) test.mutate(valid.hubUrl);
        })}
      >
        <Stack>
          <TextInput
            label={t('settings.connection.url')}
            description={t('settings.connection.urlHelp')}
            placeholder="https://kamiless.example.lg.jp"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            disabled={restarting}
            {...form.getInputProps('hubUrl')}
          />
          {test.isError ? <ErrorAlert error={test.error} /> : null}
          {testedHere?.ok === true ? (
            <Alert color="teal" variant="light" icon={<IconPlugConnected size={18} aria-hidden />} role="status">
              {t('settings.connection.testOk', {
                town: testedHere.townName || t('settings.connection.townUnset'),
                version: testedHere.version,
              })}
            </Alert>
          ) : null}
          {testedHere?.ok === false ? (
            <Alert color="red" variant="light" title={t('settings.connection.testFailed')} role="alert">
              <Stack gap={6}>
                <Text size="sm">{failureText(testedHere.reason)}</Text>
                {testedHere.reason === 'redirected' && testedHere.detail !== undefined ? (
                  <Group gap="xs">
                    <Code>{testedHere.detail}</Code>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => form.setFieldValue('hubUrl', testedHere.detail ?? '')}
                    >
                      {t('settings.connection.useRedirect')}
                    </Button>
                  </Group>
                ) : null}
                {testedHere.reason !== 'redirected' && testedHere.detail !== undefined ? (
                  <Text size="xs" c="dimmed">
                    {t('settings.connection.detail', { detail: testedHere.detail })}
                  </Text>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" variant="default" loading={test.isPending} disabled={restarting}>
              {t('settings.connection.test')}
            </Button>
            <Button
              disabled={!canSave || restarting}
              onClick={() => {
                if (typedHubUrl !== undefined) setPending({ kind: 'connect', hubUrl: typedHubUrl });
              }}
            >
              {t('settings.connection.save')}
            </Button>
            {currentHubUrl !== undefined ? (
              <Button variant="light" color="gray" disabled={restarting} onClick={() => setPending({ kind: 'standalone' })}>
                {t('settings.connection.standaloneButton')}
              </Button>
            ) : null}
          </Group>
          {!canSave && typedHubUrl !== currentHubUrl ? (
            <Text size="xs" c="dimmed">
              {t('settings.connection.saveHint')}
            </Text>
          ) : null}
        </Stack>
      </form>

      <ConfirmModal
        opened={pending !== null}
        onClose={closeConfirm}
        title={t('settings.connection.title')}
        message={
          <>
            {pending?.kind === 'connect'
              ? t('settings.connection.confirmConnect', { url: pending.hubUrl })
              : t('settings.connection.confirmStandalone')}
            {restarting ? (
              // The modal already wraps the message in a paragraph, hence spans.
              <Text component="span" display="block" size="sm" fw={600} mt="sm" role="status">
                {t('settings.connection.restarting')}
              </Text>
            ) : null}
            {save.data?.ok === false ? (
              <Text component="span" display="block" size="sm" c="red" mt="sm" role="alert">
                {saveFailureText(save.data.reason)}
              </Text>
            ) : null}
          </>
        }
        confirmLabel={pending?.kind === 'connect' ? t('settings.connection.save') : t('settings.connection.standaloneButton')}
        color="indigo"
        loading={save.isPending || restarting}
        error={save.error}
        onConfirm={confirm}
      />
    </Stack>
  );
}
