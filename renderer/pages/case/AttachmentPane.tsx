import { Anchor, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconExternalLink, IconFileTypePdf, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Attachment } from '../../../shared/api/index.js';
import { PdfViewer } from '../../components/pdf/PdfViewer.js';
import classes from './CasePage.module.css';

interface AttachmentPaneProps {
  caseId: number;
  attachments: readonly Attachment[];
}

/** The first attached file (not removed) is shown first; a removed one can still be read, struck through in the list. */
function firstShown(attachments: readonly Attachment[]): number | null {
  return (attachments.find((a) => a.removedAt === null) ?? attachments[0])?.id ?? null;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The left pane: the case's files (with the revision each belongs to) and the selected one in the PDF viewer. */
export function AttachmentPane({ caseId, attachments }: AttachmentPaneProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const selectedId = picked !== null && attachments.some((a) => a.id === picked) ? picked : firstShown(attachments);
  const selected = attachments.find((a) => a.id === selectedId);

  return (
    <Paper
      withBorder
      radius="md"
      className={classes.docPane}
      data-empty={selected ? undefined : true}
      component="section"
      aria-label={t('case.attachments.title')}
    >
      <div className={classes.fileList}>
        <Group gap={6} px="sm" pt={8} pb={4}>
          <IconPaperclip size={16} aria-hidden />
          <Text size="sm" fw={600}>
            {t('case.attachments.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('case.attachments.count', { n: attachments.length })}
          </Text>
        </Group>
        {attachments.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" pb="sm">
            {t('case.attachments.none')}
          </Text>
        ) : (
          <div className={classes.fileChips} role="list">
            {attachments.map((a) => {
              const removed = a.removedAt !== null;
              const active = a.id === selectedId;
              return (
                <UnstyledButton
                  key={a.id}
                  role="listitem"
                  className={classes.fileChip}
                  data-active={active || undefined}
                  data-removed={removed || undefined}
                  aria-current={active ? 'true' : undefined}
                  onClick={() => setPicked(a.id)}
                  title={removed ? t('case.attachments.removedHint') : a.name}
                >
                  <IconFileTypePdf size={18} aria-hidden />
                  <span className={classes.fileName}>{removed ? <del>{a.name}</del> : a.name}</span>
                  <Badge size="xs" variant={active ? 'filled' : 'light'} color={removed ? 'gray' : 'indigo'} tt="none">
                    {t('case.attachments.revision', { n: a.revision })}
                  </Badge>
                  {removed ? (
                    <Badge size="xs" variant="outline" color="gray" tt="none">
                      {t('case.attachments.removed')}
                    </Badge>
                  ) : null}
                </UnstyledButton>
              );
            })}
          </div>
        )}
      </div>
      {selected ? (
        <Stack gap={0} className={classes.viewerWrap}>
          <Group justify="space-between" px="sm" py={4} gap="xs" className={classes.viewerMeta}>
            <Text size="xs" c="dimmed">
              {t('case.attachments.meta', { pages: selected.pages, size: formatSize(selected.size), by: selected.createdBy.name })}
            </Text>
            <Anchor
              component={Link}
              to={`/cases/${caseId}/attachments/${selected.id}/view`}
              target="_blank"
              size="xs"
              className={classes.openFull}
            >
              <IconExternalLink size={14} aria-hidden /> {t('case.attachments.openFull')}
            </Anchor>
          </Group>
          <div className={classes.viewer}>
            <PdfViewer key={selected.id} url={`/api/cases/${caseId}/attachments/${selected.id}`} fileName={selected.name} />
          </div>
        </Stack>
      ) : (
        <div className={classes.noFile}>
          <IconFileTypePdf size={40} stroke={1.2} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('case.attachments.nothingToShow')}
          </Text>
        </div>
      )}
    </Paper>
  );
}
