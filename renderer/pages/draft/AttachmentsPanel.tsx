import { ActionIcon, Alert, Anchor, Box, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileTypePdf, IconFileUpload, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, attachmentMaxBytes, type Attachment } from '../../../shared/api/index.js';
import { request } from '../../api/client.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { useDescribeError } from '../../i18n/errors.js';
import { ATTACHMENT_ACCEPT, fileProblem, formatSize, isScan, uploadRefusal, type FileProblem, type UploadRefusal } from './draftModel.js';
import { uploadAttachment } from './uploadAttachment.js';

type RowStatus =
  | { kind: 'waiting' }
  | { kind: 'sending'; percent: number }
  | { kind: 'checking' }
  | { kind: 'refused'; reason: FileProblem | UploadRefusal }
  | { kind: 'failed'; error: unknown };

interface UploadRow {
  key: number;
  name: string;
  size: number;
  status: RowStatus;
}

interface AttachmentsPanelProps {
  caseId: number | null;
  /** Attached now (removed ones left out). */
  attachments: readonly Attachment[];
  /** Saves the draft first when it has no case yet; null when it cannot be saved yet (the reason is shown by the form). */
  ensureCase: () => Promise<number | null>;
  /** An attachment was added or taken off: refresh the case. */
  onChanged: () => Promise<unknown>;
  disabled?: boolean;
}

/** Every refusal in words, with the file's name: the server's reasons and the checks made before sending. */
function useRefusalText() {
  const { t } = useTranslation();
  return (reason: FileProblem | UploadRefusal, name: string, size: number): string => {
    const max = formatSize(attachmentMaxBytes);
    switch (reason) {
      case 'too_large':
        return t('draft.files.refused.tooLarge', { name, size: formatSize(size), max });
      case 'empty':
        return t('draft.files.refused.empty', { name });
      case 'unsupported':
        return t('draft.files.refused.unsupported', { name });
      case 'not_pdf':
        return t('draft.files.refused.notPdf', { name });
      case 'encrypted':
        return t('draft.files.refused.encrypted', { name });
      case 'image_unreadable':
        return t('draft.files.refused.imageUnreadable', { name });
      case 'broken':
        return t('draft.files.refused.broken', { name });
    }
  };
}

/**
 * 添付ファイル: drop files or pick them; each is checked before it is sent
 * (kind, 50 MB), sent with a progress bar, and checked again by the hub (a
 * real PDF, not encrypted; scans become PDF pages). A refusal is shown on the
 * file's own row, in Japanese, and never touches what is already attached.
 */
export function AttachmentsPanel({ caseId, attachments, ensureCase, onChanged, disabled = false }: AttachmentsPanelProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const refusalText = useRefusalText();
  const titleId = useId();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const nextKey = useRef(1);
  // One upload at a time: on a branch line several at once only make each slower.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (key: number, status: RowStatus) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, status } : r)));
  const drop = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));

  const add = (files: readonly File[], rejected: readonly FileRejection[] = []) => {
    const fresh: UploadRow[] = [];
    const toSend: { row: UploadRow; file: File }[] = [];
    for (const file of [...files, ...rejected.map((r) => r.file)]) {
      const problem = fileProblem(file, attachmentMaxBytes) ?? (rejected.some((r) => r.file === file) ? 'unsupported' : null);
      const row: UploadRow = { key: nextKey.current++, name: file.name, size: file.size, status: problem ? { kind: 'refused', reason: problem } : { kind: 'waiting' } };
      fresh.push(row);
      if (!problem) toSend.push({ row, file });
    }
    setRows((rs) => [...rs, ...fresh]);
    if (toSend.length === 0) return;
    queue.current = queue.current.then(async () => {
      const id = caseId ?? (await ensureCase());
      if (id === null) {
        for (const { row } of toSend) drop(row.key);
        return;
      }
      for (const { row, file } of toSend) {
        update(row.key, { kind: 'sending', percent: 0 });
        try {
          await uploadAttachment({
            caseId: id,
            file,
            onProgress: ({ loaded, total }) => update(row.key, { kind: 'sending', percent: total > 0 ? Math.round((loaded / total) * 100) : 0 }),
            onSent: () => update(row.key, { kind: 'checking' }),
          });
          await onChanged();
          drop(row.key);
        } catch (error) {
          const reason = uploadRefusal(error);
          update(row.key, reason ? { kind: 'refused', reason } : { kind: 'failed', error });
        }
      }
    });
  };

  const remove = async () => {
    if (!removing || caseId === null) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await request(api.removeAttachment, { params: { id: caseId, attachmentId: removing.id } });
      await onChanged();
      setRemoving(null);
    } catch (error) {
      setRemoveError(error);
    } finally {
      setRemoveBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Title order={3} fz="h4" id={titleId} mb={4}>
        {t('draft.files.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('draft.files.help', { max: formatSize(attachmentMaxBytes) })}
      </Text>

      <Dropzone
        onDrop={(files) => add(files)}
        onReject={(rejections) => add([], rejections)}
        accept={ATTACHMENT_ACCEPT}
        multiple
        disabled={disabled}
        radius="md"
        inputProps={{ 'aria-label': t('draft.files.choose') }}
        data-testid="draft-dropzone"
      >
        <Group justify="center" gap="md" mih={88} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <ThemeIcon size={48} radius="xl" variant="light">
              <IconUpload size={26} aria-hidden />
            </ThemeIcon>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <ThemeIcon size={48} radius="xl" variant="light" color="red">
              <IconX size={26} aria-hidden />
            </ThemeIcon>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconFileUpload size={26} aria-hidden />
            </ThemeIcon>
          </Dropzone.Idle>
          <Box>
            <Text fw={600}>{t('draft.files.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('draft.files.kinds')}
            </Text>
          </Box>
        </Group>
      </Dropzone>

      {rows.length > 0 ? (
        <Stack gap="xs" mt="sm" aria-live="polite">
          {rows.map((row) => (
            <Paper key={row.key} withBorder radius="sm" p="xs" data-testid="draft-upload-row">
              {row.status.kind === 'refused' || row.status.kind === 'failed' ? (
                <Alert
                  color="red"
                  variant="light"
                  p="xs"
                  role="alert"
                  withCloseButton
                  closeButtonLabel={t('draft.files.dismiss')}
                  onClose={() => drop(row.key)}
                  title={t('draft.files.notAttached')}
                >
                  {row.status.kind === 'refused' ? refusalText(row.status.reason, row.name, row.size) : `${row.name}: ${describe(row.status.error)}`}
                </Alert>
              ) : (
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600} truncate="end" miw={0}>
                      {row.name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {formatSize(row.size)}
                    </Text>
                  </Group>
                  {row.status.kind === 'sending' ? (
                    <Progress value={row.status.percent} size="lg" radius="sm" animated aria-label={t('draft.files.sending', { name: row.name, percent: row.status.percent })} />
                  ) : (
                    <Progress value={100} size="lg" radius="sm" striped animated color={row.status.kind === 'checking' ? 'teal' : 'gray'} aria-hidden />
                  )}
                  <Text size="xs" c="dimmed">
                    {row.status.kind === 'sending'
                      ? t('draft.files.sending', { name: row.name, percent: row.status.percent })
                      : row.status.kind === 'checking'
                        ? isScan(row.name)
                          ? t('draft.files.converting')
                          : t('draft.files.checking')
                        : t('draft.files.waiting')}
                  </Text>
                </Stack>
              )}
            </Paper>
          ))}
        </Stack>
      ) : null}

      <Stack gap="xs" mt="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('draft.files.attached')}>
        {attachments.length === 0 ? (
          <Text component="li" size="sm" c="dimmed" mt="xs">
            {t('draft.files.none')}
          </Text>
        ) : (
          attachments.map((a) => (
            <Paper component="li" key={a.id} withBorder radius="sm" p="xs" data-testid="draft-attachment">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <ThemeIcon variant="light" color="red" size="lg" style={{ flexShrink: 0 }}>
                    <IconFileTypePdf size={20} aria-hidden />
                  </ThemeIcon>
                  <Box miw={0}>
                    {caseId !== null ? (
                      <Anchor href={`/cases/${caseId}/attachments/${a.id}/view`} target="_blank" size="sm" fw={600} lineClamp={2} style={{ wordBreak: 'break-all' }}>
                        {a.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {a.name}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('draft.files.pages', { pages: a.pages })}・{formatSize(a.size)}
                    </Text>
                  </Box>
                </Group>
                <ActionIcon
                  variant="light"
                  color="red"
                  size={44}
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(a);
                  }}
                  disabled={disabled}
                  aria-label={t('draft.files.remove', { name: a.name })}
                >
                  <IconTrash size={20} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))
        )}
      </Stack>

      <ConfirmModal
        opened={removing !== null}
        title={t('draft.files.removeTitle')}
        message={t('draft.files.removeMessage', { name: removing?.name ?? '' })}
        confirmLabel={t('draft.files.removeConfirm')}
        loading={removeBusy}
        error={removeError}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
