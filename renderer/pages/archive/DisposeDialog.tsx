import { Alert, Badge, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/index.js';
import type { DisposeResult } from '../../../shared/api/related.js';
import { request } from '../../api/client.js';
import { AppModal } from '../../components/AppModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { outcomeLabel } from './retentionText.js';

interface DisposeDialogProps {
  /** The cases to dispose of; null when closed. */
  caseIds: readonly number[] | null;
  onDone: () => void;
  onClose: () => void;
}

/** One confirmation with the required reason, then the result of each case. */
export function DisposeDialog({ caseIds, onDone, onClose }: DisposeDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<DisposeResult | null>(null);
  const dispose = useMutation({
    mutationFn: (body: { caseIds: number[]; reason: string }) => request(api.disposeCases, { body }),
    onSuccess: (r) => {
      setResult(r);
      onDone();
    },
  });
  const close = () => {
    setReason('');
    setProblem(null);
    setResult(null);
    dispose.reset();
    onClose();
  };
  const confirm = () => {
    if (!caseIds) return;
    if (reason.trim() === '') {
      setProblem(t('retention.confirm.reasonRequired'));
      return;
    }
    dispose.mutate({ caseIds: [...caseIds], reason: reason.trim() });
  };
  const count = caseIds?.length ?? 0;
  const disposed = result?.results.filter((r) => r.outcome === 'disposed').length ?? 0;

  return (
    <AppModal opened={caseIds !== null} onClose={close} title={result ? t('retention.result.title') : t('retention.confirm.title')} size="lg">
      {result ? (
        <Stack gap="sm" data-testid="dispose-result">
          <Alert color={disposed === result.results.length ? 'teal' : 'orange'} variant="light">
            {t('retention.result.summary', { disposed, files: result.filesRemoved })}
          </Alert>
          <List spacing={6} listStyleType="none" p={0}>
            {result.results.map((r) => (
              <List.Item key={r.caseId}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={r.outcome === 'disposed' ? 'dark' : 'orange'} variant="light" tt="none">
                    {outcomeLabel(r.outcome, t)}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {r.number ?? `#${r.caseId}`}
                  </Text>
                  <Text size="sm">{r.title}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button size="md" onClick={close}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('retention.confirm.body', { count })}</Text>
          <Textarea
            label={t('retention.confirm.reason')}
            description={t('retention.confirm.reasonHelp')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setProblem(null);
            }}
            required
            maxLength={500}
            autosize
            minRows={2}
            size="md"
            error={problem}
            data-autofocus
          />
          {dispose.error ? <ErrorAlert error={dispose.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" size="md" loading={dispose.isPending} onClick={confirm}>
              {t('retention.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
