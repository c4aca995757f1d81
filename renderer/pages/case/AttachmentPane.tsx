import { Anchor, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconExternalLink, IconFileTypePdf, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Attachment, CaseRevision } from '../../../shared/api/index.js';
import { PdfViewer } from '../../components/pdf/PdfViewer.js';
import classes from './CasePage.module.css';
import { formatSize } from './fileSize.js';
import { DOCUMENT_ID, FILE_PARAM } from './RevisionHistory.js';

interface AttachmentPaneProps {
  caseId: number;
  attachments: readonly Attachment[];
  /** The case's revisions: files the latest one added or replaced are marked. */
  revisions: readonly CaseRevision[];
}

/** The first attached file (not removed) is shown first; a removed one can still be read, struck through in the list. */
function firstShown(attachments: readonly Attachment[]): number | null {
  return (attachments.find((a) => a.removedAt === null) ?? attachments[0])?.id ?? null;
}

/** What the latest submitted revision did to each file, when there was one before it. */
function latestChanges(revisions: readonly CaseRevision[]): Map<number, 'added' | 'replaced'> {
  const sent = revisions.filter((r) => r.submittedAt !== null);
  const latest = sent.length > 1 ? sent[sent.length - 1] : undefined;
  const marks = new Map<number, 'added' | 'replaced'>();
  for (const f of latest?.files ?? []) {
    if (f.kind === 'added') marks.set(f.id, 'added');
    if (f.kind === 'replaced') marks.set(f.after, 'replaced');
  }
  return marks;
}

/**
 * The left pane: the case's files (with the revision each belongs to, and
 * what the latest resubmission changed) and the selected one in the PDF
 * viewer. The selection lives in the address (?file=), so the revision
 * panel can open any revision's file here.
 */
export function AttachmentPane({ caseId, attachments, revisions }: AttachmentPaneProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get(FILE_PARAM));
  const picked = Number.isInteger(asked) && asked > 0 ? asked : null;
  const pick = (id: number) =>
    setParams((p) => {
      p.set(FILE_PARAM, String(id));
      return p;
    }, { replace: true });
  const marks = latestChanges(revisions);
  // Attached files first, those taken off (kept for the record) after them.
  const listed = [...attachments.filter((a) => a.removedAt === null), ...attachments.filter((a) => a.removedAt !== null)];
  const selectedId = picked !== null && attachments.some((a) => a.id === picked) ? picked : firstShown(attachments);
  const selected = attachments.find((a) => a.id === selectedId);

  return (
    <Paper
      withBorder
      radius="md"
      className={classes.docPane}
      id={DOCUMENT_ID}
      // Scrolled to from the revision panel: clear of the sticky header.
      style={{ scrollMarginTop: 'calc(56px + var(--mantine-spacing-xs))' }}
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
            {listed.map((a) => {
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
                  onClick={() => pick(a.id)}
                  title={removed ? t('case.attachments.removedHint') : a.name}
                >
                  <IconFileTypePdf size={18} aria-hidden />
                  <span className={classes.fileName}>{removed ? <del>{a.name}</del> : a.name}</span>
                  <Badge size="xs" variant={active ? 'filled' : 'light'} color={removed ? 'gray' : 'indigo'} tt="none">
                    {t('case.attachments.revision', { n: a.revision })}
                  </Badge>
                  {marks.get(a.id) === 'added' ? (
                    <Badge size="xs" variant="light" color="teal" tt="none">
                      {t('versions.chip.added')}
                    </Badge>
                  ) : null}
                  {marks.get(a.id) === 'replaced' ? (
                    <Badge size="xs" variant="light" color="orange" tt="none">
                      {t('versions.chip.replaced')}
                    </Badge>
                  ) : null}
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
