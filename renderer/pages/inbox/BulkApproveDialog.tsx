import { Alert, Button, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type InboxItem } from '../../../shared/api/index.js';
import { request } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';
import { AppModal } from '../../components/AppModal.js';
import { useDescribeError } from '../../i18n/errors.js';
import { caseName } from './caseNotices.js';

type Outcome = { state: 'waiting' } | { state: 'running' } | { state: 'ok' } | { state: 'failed'; message: string };

interface BulkApproveDialogProps {
  items: readonly InboxItem[];
  opened: boolean;
  onClose: (finished: boolean) => void;
}

/**
 * 一括承認: one confirmation listing the cases, then each is approved in turn
 * (one request after another, each on the version the inbox showed) and its
 * own result is shown: approved, or why not.
 */
export function BulkApproveDialog({ items, opened, onClose }: BulkApproveDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={() => onClose(false)} title={t('desk.bulk.title', { n: items.length })} size="lg">
      {opened ? <BulkBody items={items} onClose={onClose} /> : null}
    </AppModal>
  );
}

function BulkBody({ items, onClose }: Omit<BulkApproveDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  // The list is fixed when the dialog opens: the inbox refreshing underneath must not change it.
  const [targets] = useState(() => [...items]);
  const [outcomes, setOutcomes] = useState<Outcome[]>(() => targets.map(() => ({ state: 'waiting' })));
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');

  const run = async () => {
    setPhase('running');
    for (const [index, item] of targets.entries()) {
      setOutcomes((o) => o.map((x, i) => (i === index ? { state: 'running' } : x)));
      let outcome: Outcome;
      try {
        await request(api.actOnCase, { params: { id: item.caseId }, body: { action: 'approve', version: item.version } });
        outcome = { state: 'ok' };
      } catch (error) {
        outcome = { state: 'failed', message: describe(error) };
      }
      setOutcomes((o) => o.map((x, i) => (i === index ? outcome : x)));
    }
    setPhase('done');
    await queryClient.invalidateQueries({ queryKey: queryKeys.approvals });
  };

  const ok = outcomes.filter((o) => o.state === 'ok').length;
  const failed = outcomes.filter((o) => o.state === 'failed').length;

  return (
    <Stack gap="md">
      {phase === 'confirm' ? (
        <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('desk.bulk.help')}
        </Alert>
      ) : null}
      {phase === 'done' ? (
        <Alert variant="light" color={failed > 0 ? 'orange' : 'teal'} role="status">
          {failed > 0 ? t('desk.bulk.summaryFailed', { ok, failed }) : t('desk.bulk.summaryOk', { ok })}
        </Alert>
      ) : null}
      <List spacing="xs" listStyleType="none" aria-label={t('desk.bulk.listLabel')} data-testid="bulk-results">
        {targets.map((item, i) => {
          const o = outcomes[i] ?? { state: 'waiting' };
          return (
            <List.Item
              key={item.caseId}
              icon={
                o.state === 'ok' ? (
                  <ThemeIcon color="teal" size={22} radius="xl">
                    <IconCheck size={14} aria-hidden />
                  </ThemeIcon>
                ) : o.state === 'failed' ? (
                  <ThemeIcon color="red" size={22} radius="xl">
                    <IconX size={14} aria-hidden />
                  </ThemeIcon>
                ) : o.state === 'running' ? (
                  <Loader size={18} />
                ) : (
                  <ThemeIcon color="gray" variant="light" size={22} radius="xl">
                    <span aria-hidden>·</span>
                  </ThemeIcon>
                )
              }
            >
              <Text size="sm" fw={500}>
                {caseName(item)}
              </Text>
              <Text size="xs" c={o.state === 'failed' ? 'red' : 'dimmed'}>
                {o.state === 'ok'
                  ? t('desk.bulk.approved')
                  : o.state === 'failed'
                    ? t('desk.bulk.failed', { message: o.message })
                    : t('desk.bulk.from', { drafter: item.drafter.name, department: item.department.name })}
              </Text>
            </List.Item>
          );
        })}
      </List>
      <Group justify="flex-end" gap="sm">
        {phase === 'confirm' ? (
          <>
            <Button variant="default" size="md" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="md" onClick={() => void run()} data-autofocus>
              {t('desk.bulk.confirm', { n: targets.length })}
            </Button>
          </>
        ) : (
          <Button size="md" onClick={() => onClose(true)} disabled={phase === 'running'} data-autofocus>
            {t('common.close')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
