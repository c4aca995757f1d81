import { ActionIcon, Alert, Button, Code, CopyButton, Group, Input, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal.js';
import { desktopBridge } from '../../settings/desktopBridge.js';
import { agentCommand, isLoopbackOrigin } from './sourceStatus.js';

/** A token just issued, with what the command needs; the only time the token is on screen. */
export interface IssuedToken {
  sourceName: string;
  token: string;
  folder: string;
  glob: string;
  format: string;
}

/**
 * The address a branch agent calls: this page's origin in a browser (the hub
 * serves it), the hub URL in a connected desktop app, none in a standalone
 * desktop app (its core listens on loopback only).
 */
function useHubOrigin(): { origin: string | null; loading: boolean } {
  const bridge = desktopBridge();
  const connection = useQuery({
    queryKey: ['desktop', 'connection'],
    queryFn: () => (bridge ? bridge.getConnection() : Promise.resolve(null)),
    enabled: bridge !== undefined,
  });
  if (!bridge) return { origin: window.location.origin, loading: false };
  const c = connection.data;
  return { origin: c?.mode === 'connected' ? c.hubUrl.replace(/\/+$/, '') : null, loading: connection.isPending };
}

function CopyField({ label, value, id }: { label: string; value: string; id: string }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} id={`${id}-label`}>
      <Group gap="xs" wrap="nowrap" align="flex-start" mt={4}>
        <Code block id={id} aria-labelledby={`${id}-label`} style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('logs.token.copied') : t('logs.token.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'blue'}
                size="lg"
                onClick={copy}
                aria-label={`${t('logs.token.copy')}: ${label}`}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Input.Wrapper>
  );
}

/**
 * Shows an agent's token once, with the command to run on the branch
 * server. Only the token's hash is stored, so closing this is final; a lost
 * token is replaced by renewing it.
 */
interface TokenModalProps {
  opened: boolean;
  /** Kept while the modal closes, so it does not go blank mid-transition. */
  issued: IssuedToken | null;
  onClose: () => void;
  /** The closing transition ended: the caller forgets the token. */
  onExited: () => void;
}

export function TokenModal({ opened, issued, onClose, onExited }: TokenModalProps) {
  const { t } = useTranslation();
  const hub = useHubOrigin();
  const command = issued
    ? agentCommand({
        hub: hub.origin ?? t('logs.token.hubPlaceholder'),
        token: issued.token,
        folder: issued.folder,
        glob: issued.glob,
        format: issued.format,
        placeholder: t('logs.token.folderPlaceholder'),
      })
    : '';
  return (
    <AppModal
      opened={opened && issued !== null}
      onClose={onClose}
      onExitTransitionEnd={onExited}
      title={t('logs.token.title', { name: issued?.sourceName ?? '' })}
      size="xl"
      closeOnClickOutside={false}
    >
      {issued ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('logs.token.onceTitle')}>
            {t('logs.token.once')}
          </Alert>
          <CopyField label={t('logs.token.token')} value={issued.token} id="agent-token" />
          <CopyField label={t('logs.token.command')} value={command} id="agent-command" />
          <Text size="xs" c="dimmed">
            {t('logs.token.commandHelp')}
          </Text>
          {hub.origin === null && !hub.loading ? (
            <Text size="xs" c="orange.8">
              {t('logs.token.standaloneNote')}
            </Text>
          ) : null}
          {hub.origin !== null && isLoopbackOrigin(hub.origin) ? (
            <Text size="xs" c="orange.8">
              {t('logs.token.loopbackNote', { origin: hub.origin })}
            </Text>
          ) : null}
          {issued.folder === '' ? (
            <Text size="xs" c="dimmed">
              {t('logs.token.folderNote')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('logs.token.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}
