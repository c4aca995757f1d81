import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, sourceFormatSchema, type SourceInput, type SourceStatus } from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { AppModal } from '../../../components/AppModal.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { EmptyNotice } from '../../../components/EmptyNotice.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { TableSkeleton } from '../../../components/TableSkeleton.js';
import { describeApiError } from '../../../i18n/errors.js';
import { useEditor } from '../../admin/useEditor.js';
import { SourceForm, type SourceCreated } from './SourceForm.js';
import { SourcesTable } from './SourcesTable.js';
import { TokenModal, type IssuedToken } from './TokenModal.js';
import { SOURCES_REFRESH_MS, useFollowSourceImports, useSources } from './useSourceQueries.js';

interface SourcesPanelProps {
  onShowRejected: (source: SourceStatus) => void;
  rejectedShownId: number | null;
}

/** A stopped source's settings, to add it again: the hub then resumes it where it stopped. */
function inputOf(s: SourceStatus): SourceInput {
  return {
    name: s.name,
    kind: s.kind,
    folder: s.folder,
    glob: s.glob,
    format: sourceFormatSchema.safeParse(s.format).data ?? 'auto',
    mapping: s.mapping,
    siteId: s.siteId,
    polling: s.polling,
    pollIntervalMs: s.pollIntervalMs,
  };
}

function issuedFor(s: Pick<SourceStatus, 'name' | 'folder' | 'glob' | 'format'>, token: string): IssuedToken {
  return { sourceName: s.name, token, folder: s.folder, glob: s.glob, format: s.format };
}

/**
 * 取込元: the folders this machine watches and the branch agents that send
 * their logs here, with their status; add, edit, stop, resume, renew a token.
 */
export function SourcesPanel({ onShowRejected, rejectedShownId }: SourcesPanelProps) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 62em)');
  const sources = useSources();
  useFollowSourceImports(sources.data?.items);
  const editor = useEditor<SourceStatus>();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [tokenOpen, setTokenOpen] = useState(false);
  // The question stays set while its modal closes, so the text does not change mid-transition.
  const [confirm, setConfirm] = useState<{ action: 'renew' | 'stop'; source: SourceStatus } | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);

  const invalidate = [queryKeys.printlog];
  const renew = useApiMutation(api.renewSourceToken, { invalidate });
  const remove = useApiMutation(api.removeSource, { invalidate });
  const resume = useApiMutation(api.createSource, { invalidate });

  const ask = (action: 'renew' | 'stop', source: SourceStatus) => {
    renew.reset();
    remove.reset();
    setConfirm({ action, source });
    setConfirmOpen(true);
  };

  const showToken = (token: IssuedToken) => {
    setIssued(token);
    setTokenOpen(true);
  };

  const onCreated = (created: SourceCreated) => {
    if (created.source.kind === 'agent') showToken(issuedFor(created.source, created.token));
  };

  const onResume = (s: SourceStatus) => {
    resume.mutate(
      { body: inputOf(s) },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('logs.sources.resumed', { name: s.name }) });
          onCreated(created);
        },
        onError: (error) => notifications.show({ color: 'red', message: describeApiError(error) }),
      },
    );
  };

  const onConfirm = () => {
    if (!confirm) return;
    const { action, source } = confirm;
    if (action === 'renew') {
      renew.mutate(
        { params: { id: source.id } },
        {
          onSuccess: ({ token }) => {
            setConfirmOpen(false);
            showToken(issuedFor(source, token));
          },
        },
      );
    } else {
      remove.mutate(
        { params: { id: source.id } },
        {
          onSuccess: () => {
            setConfirmOpen(false);
            notifications.show({ color: 'teal', message: t('logs.sources.stopped', { name: source.name }) });
          },
        },
      );
    }
  };

  const items = [...(sources.data?.items ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'ja'),
  );
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.openNew}>
      {t('logs.sources.add')}
    </Button>
  );

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="sources-title">
      <Group justify="space-between" align="flex-end" px="md" pt="md" pb="xs" gap="xs">
        <div>
          <Title order={3} fz="h4" id="sources-title">
            {t('logs.sources.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('logs.sources.help', { seconds: SOURCES_REFRESH_MS / 1000 })}
          </Text>
        </div>
        {items.length > 0 ? addButton : null}
      </Group>
      {sources.isPending ? <TableSkeleton rows={3} /> : null}
      {sources.isError ? <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} /> : null}
      {sources.data && items.length === 0 ? <EmptyNotice message={t('logs.sources.empty')} action={addButton} /> : null}
      {items.length > 0 ? (
        <SourcesTable
          sources={items}
          now={sources.dataUpdatedAt || Date.now()}
          rejectedShownId={rejectedShownId}
          onEdit={editor.openEdit}
          onRenewToken={(source) => ask('renew', source)}
          onStop={(source) => ask('stop', source)}
          onResume={onResume}
          onShowRejected={onShowRejected}
        />
      ) : null}

      <AppModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.target ? t('logs.sourceForm.editTitle', { name: editor.target.name }) : t('logs.sourceForm.newTitle')}
        size={1000}
        fullScreen={narrow ?? false}
        closeOnClickOutside={false}
      >
        <SourceForm key={editor.round} source={editor.target} onDone={editor.close} onCreated={onCreated} />
      </AppModal>
      <TokenModal opened={tokenOpen} issued={issued} onClose={() => setTokenOpen(false)} onExited={() => setIssued(null)} />
      <ConfirmModal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={confirm?.action === 'renew' ? t('logs.sources.renewTitle') : t('logs.sources.stopTitle')}
        message={
          confirm?.action === 'renew'
            ? t('logs.sources.renewConfirm', { name: confirm.source.name })
            : t('logs.sources.stopConfirm', { name: confirm?.source.name ?? '' })
        }
        confirmLabel={confirm?.action === 'renew' ? t('logs.sources.renewToken') : t('logs.sources.stop')}
        color={confirm?.action === 'renew' ? 'orange' : 'red'}
        loading={renew.isPending || remove.isPending}
        error={confirm?.action === 'renew' ? renew.error : remove.error}
        onConfirm={onConfirm}
      />
    </Paper>
  );
}
