import { Accordion, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconFileTypePdf } from '@tabler/icons-react';
import { diffChars } from 'diff';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Attachment, CaseRevision, CaseView, FileChange } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatYen } from './caseText.js';
import { formatSize } from './fileSize.js';

/** The search parameter naming the attachment shown in the viewer (AttachmentPane reads it). */
export const FILE_PARAM = 'file';
/** The attachment pane's element, scrolled to when a file is opened from here (phones show it above). */
export const DOCUMENT_ID = 'case-document';

const KIND_COLOR: Record<FileChange['kind'], string> = { added: 'teal', removed: 'red', replaced: 'orange', unchanged: 'gray' };
/** What the approver needs to look at comes first; files left as they were last. */
const KIND_ORDER: Record<FileChange['kind'], number> = { replaced: 0, added: 1, removed: 2, unchanged: 3 };

/** Opens an attachment of any revision in the viewer. */
function useOpenFile(): { shown: string | null; open: (id: number) => void } {
  const [params, setParams] = useSearchParams();
  return {
    shown: params.get(FILE_PARAM),
    open: (id) => {
      // Replaced, not pushed: the page's back button still leaves the case.
      setParams((p) => {
        p.set(FILE_PARAM, String(id));
        return p;
      }, { replace: true });
      document.getElementById(DOCUMENT_ID)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  };
}

/**
 * 版と変更点: each submission of the case, newest first, and what the drafter
 * changed against the one before (files added, removed, replaced; title,
 * amount, body). Any file of any revision opens in the viewer. Shown once a
 * case has more than one revision.
 */
export function RevisionHistory({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const files = useMemo(() => new Map(kase.attachments.map((a) => [a.id, a])), [kase.attachments]);
  if (kase.revisions.length < 2) return null;
  const newestFirst = [...kase.revisions].reverse();
  const latestSent = newestFirst.find((r) => r.submittedAt !== null)?.revision;
  const opened = newestFirst.filter((r) => r.submittedAt === null || r.revision === latestSent).map((r) => String(r.revision));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-revisions-title" data-testid="case-revisions">
      <Title order={3} fz="md" id="case-revisions-title">
        {t('versions.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('versions.help')}
      </Text>
      <Accordion multiple defaultValue={opened} variant="separated" chevronPosition="right">
        {newestFirst.map((r) => (
          <RevisionItem key={r.revision} revision={r} latest={r.revision === latestSent} files={files} />
        ))}
      </Accordion>
    </Paper>
  );
}

function RevisionItem({ revision: r, latest, files }: { revision: CaseRevision; latest: boolean; files: ReadonlyMap<number, Attachment> }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <Accordion.Item value={String(r.revision)} data-revision={r.revision}>
      <Accordion.Control>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="indigo" tt="none" size="lg">
            {t('versions.revision', { n: r.revision })}
          </Badge>
          {latest ? (
            <Badge variant="filled" color="indigo" tt="none" size="sm">
              {t('versions.latest')}
            </Badge>
          ) : null}
          {r.submittedAt === null ? (
            <Badge variant="outline" color="orange" tt="none" size="sm">
              {t('versions.preparing')}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              {t('versions.submitted', { when: formatWarekiDateTime(r.submittedAt, lang), name: r.submittedBy?.name ?? '' })}
            </Text>
          )}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>{r.revision === 1 ? <FirstRevision revision={r} files={files} /> : <Changes revision={r} files={files} />}</Accordion.Panel>
    </Accordion.Item>
  );
}

function FirstRevision({ revision, files }: { revision: CaseRevision; files: ReadonlyMap<number, Attachment> }) {
  const { t } = useTranslation();
  const attached = revision.attachmentIds.flatMap((id) => files.get(id) ?? []);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('versions.files')}
      </Text>
      {attached.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('versions.noFiles')}
        </Text>
      ) : (
        attached.map((a) => <FileRow key={a.id} file={a} meta={<FileMeta file={a} />} actions={<OpenButton id={a.id} label={t('versions.file.open')} />} />)
      )}
    </Stack>
  );
}

function Changes({ revision: r, files }: { revision: CaseRevision; files: ReadonlyMap<number, Attachment> }) {
  const { t } = useTranslation();
  const amount = (yen: number | null) => (yen === null ? t('versions.amount.none') : formatYen(yen));
  const fileChanges = r.files.filter((f) => f.kind !== 'unchanged');
  const nothing = fileChanges.length === 0 && !r.title && !r.amount && !r.body;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('versions.against', { n: r.revision - 1 })}
      </Text>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t('versions.noChanges')}
        </Text>
      ) : null}
      {r.title ? <BeforeAfter label={t('versions.title.changed')} before={r.title.before} after={r.title.after} testId="revision-title" /> : null}
      {r.amount ? <BeforeAfter label={t('versions.amount.changed')} before={amount(r.amount.before)} after={amount(r.amount.after)} testId="revision-amount" /> : null}
      {r.body ? <BodyChange before={r.body.before} after={r.body.after} /> : null}
      <Stack gap={6} role="list" aria-label={t('versions.files')}>
        {[...r.files].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).map((change) => (
          <FileChangeRow key={change.kind === 'replaced' ? `r${change.after}` : `${change.kind}${change.id}`} change={change} files={files} />
        ))}
      </Stack>
    </Stack>
  );
}

function BeforeAfter({ label, before, after, testId }: { label: string; before: string; after: string; testId: string }) {
  return (
    <Group gap={6} wrap="wrap" align="baseline" data-testid={testId}>
      <Badge variant="light" color="orange" tt="none" size="sm">
        {label}
      </Badge>
      <Text size="sm" td="line-through" c="dimmed">
        {before}
      </Text>
      <Text size="sm" aria-hidden>
        →
      </Text>
      <Text size="sm" fw={600}>
        {after}
      </Text>
    </Group>
  );
}

function BodyChange({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} data-testid="revision-body">
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color="orange" tt="none" size="sm">
          {t('versions.body.changed')}
        </Badge>
        <Button variant="subtle" size="compact-md" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('versions.body.hide') : t('versions.body.show')}
        </Button>
      </Group>
      <Collapse expanded={open}>{open ? <BodyDiff before={before} after={after} /> : null}</Collapse>
    </Stack>
  );
}

/** The body's changes character by character (Japanese has no spaces to split words at). */
function BodyDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffChars(before, after), [before, after]);
  return (
    <Paper withBorder p="xs" radius="sm" bg="gray.0">
      <Text size="xs" c="dimmed" mb={4}>
        {t('versions.body.legend')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="revision-body-diff">
        {parts.map((p, i) =>
          p.added ? (
            <Text key={i} component="ins" span bg="green.1" c="green.9" td="none">
              {p.value}
            </Text>
          ) : p.removed ? (
            <Text key={i} component="del" span bg="red.1" c="red.9">
              {p.value}
            </Text>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </Text>
    </Paper>
  );
}

function FileChangeRow({ change, files }: { change: FileChange; files: ReadonlyMap<number, Attachment> }) {
  const { t } = useTranslation();
  const label = {
    added: t('versions.file.added'),
    removed: t('versions.file.removed'),
    replaced: t('versions.file.replaced'),
    unchanged: t('versions.file.unchanged'),
  }[change.kind];
  const badge = (
    <Badge variant={change.kind === 'unchanged' ? 'outline' : 'light'} color={KIND_COLOR[change.kind]} tt="none" size="sm" miw={64}>
      {label}
    </Badge>
  );
  if (change.kind === 'replaced') {
    const before = files.get(change.before);
    const after = files.get(change.after);
    if (!before || !after) return null;
    return (
      <FileRow
        file={after}
        kind={change.kind}
        badge={badge}
        meta={t('versions.file.replacedMeta', {
          beforePages: before.pages,
          beforeSize: formatSize(before.size),
          afterPages: after.pages,
          afterSize: formatSize(after.size),
        })}
        actions={
          <>
            <OpenButton id={before.id} label={t('versions.file.openOld')} />
            <OpenButton id={after.id} label={t('versions.file.openNew')} />
          </>
        }
      />
    );
  }
  const file = files.get(change.id);
  if (!file) return null;
  return <FileRow file={file} kind={change.kind} badge={badge} meta={<FileMeta file={file} />} actions={<OpenButton id={file.id} label={t('versions.file.open')} />} />;
}

function FileMeta({ file }: { file: Attachment }) {
  const { t } = useTranslation();
  return <>{t('versions.file.meta', { pages: file.pages, size: formatSize(file.size) })}</>;
}

function FileRow({ file, kind, badge, meta, actions }: { file: Attachment; kind?: FileChange['kind']; badge?: ReactNode; meta: ReactNode; actions: ReactNode }) {
  return (
    <Group gap="xs" wrap="wrap" justify="space-between" role="listitem" data-change={kind} data-file={file.name}>
      <Group gap={6} wrap="nowrap" miw={0} style={{ flex: '1 1 14rem' }}>
        {badge}
        <IconFileTypePdf size={18} aria-hidden style={{ flex: 'none' }} />
        <Stack gap={0} miw={0}>
          <Text size="sm" truncate="end" td={kind === 'removed' ? 'line-through' : undefined}>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {meta}
          </Text>
        </Stack>
      </Group>
      <Group gap={4} wrap="nowrap">
        {actions}
      </Group>
    </Group>
  );
}

function OpenButton({ id, label }: { id: number; label: string }) {
  const { t } = useTranslation();
  const { shown, open } = useOpenFile();
  const showing = shown === String(id);
  return (
    <Button
      variant={showing ? 'filled' : 'light'}
      size="sm"
      mih={40}
      leftSection={<IconEye size={16} aria-hidden />}
      onClick={() => open(id)}
      aria-pressed={showing}
    >
      {showing ? t('versions.file.showing') : label}
    </Button>
  );
}
