import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/index.js';
import type { RelatedCase, RelatedList } from '../../../shared/api/related.js';
import { formatWarekiDate } from '../../../shared/domain/wareki.js';
import { isApiError } from '../../api/ApiError.js';
import { call, request } from '../../api/client.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useDescribeError } from '../../i18n/errors.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { stateColor, stateLabel } from './caseText.js';

/** Under `approvals`, so a case event refreshes them with everything else. */
const relatedKey = (caseId: number) => ['approvals', 'related', caseId] as const;
const lookupKey = (q: string, exclude: number | null) => ['approvals', 'lookup', q, exclude] as const;

/** A refused link in the words of this panel; other failures as everywhere. */
function linkErrorText(error: unknown, t: TFunction, describe: (e: unknown) => string): string {
  if (!isApiError(error)) return describe(error);
  if (error.code === 'duplicate') return t('related.error.duplicate');
  if (error.code === 'not_found') return t('related.error.notFound');
  if (error.code === 'validation' && error.field === 'body.number') return t('related.error.ambiguous');
  if (error.code === 'validation' && error.field === 'body.caseId') return t('related.error.self');
  return describe(error);
}

interface RelatedEditorProps {
  /** The case whose links these are; null for a new draft not saved yet. */
  caseId: number | null;
  /** A new draft: saves it first and answers its id (null when the form cannot be saved yet). */
  ensureCase?: () => Promise<number | null>;
}

/**
 * 関連文書: the linked cases (each opens its case) and, for linking another,
 * a search by document number or title over the cases the caller may see.
 * Every link is saved at once and shows on both cases.
 */
function RelatedEditor({ caseId, ensureCase }: RelatedEditorProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const pickerId = useId();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [needSave, setNeedSave] = useState(false);
  const [removing, setRemoving] = useState<RelatedCase | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);

  const list = useQuery({
    queryKey: relatedKey(caseId ?? 0),
    queryFn: () => call(api.listRelated, { params: { id: caseId ?? 0 } }),
    enabled: caseId !== null,
  });
  const lookup = useQuery({
    queryKey: lookupKey(debounced, caseId),
    queryFn: () => call(api.lookupCases, { query: { q: debounced, ...(caseId !== null && { exclude: caseId }) } }),
    enabled: debounced.length > 0,
  });

  const stored = (id: number, data: RelatedList) => {
    queryClient.setQueryData(relatedKey(id), data);
  };
  const add = useMutation({
    mutationFn: async (otherId: number) => {
      const id = caseId ?? (await ensureCase?.()) ?? null;
      setNeedSave(id === null);
      if (id === null) return null;
      const data = await request(api.addRelated, { params: { id }, body: { caseId: otherId, note: note.trim() } });
      stored(id, data);
      return data;
    },
    onSuccess: (data) => {
      if (!data) return;
      setPicked(null);
      setSearch('');
      setNote('');
      notifications.show({ color: 'teal', message: t('related.added') });
    },
  });
  const remove = useMutation({
    mutationFn: async (otherId: number) => {
      if (caseId === null) return;
      stored(caseId, await request(api.removeRelated, { params: { id: caseId, otherId } }));
    },
    onSuccess: () => {
      setRemoving(null);
      notifications.show({ color: 'teal', message: t('related.removed') });
    },
  });

  const items = list.data?.items ?? [];
  const linked = new Set(items.map((i) => i.caseId));
  const options = (lookup.data?.items ?? [])
    .filter((c) => !linked.has(c.caseId))
    .map((c) => ({ value: String(c.caseId), label: `${c.number ?? t('related.noNumber')} ${c.title}` }));

  return (
    <Stack gap="sm">
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {items.length === 0 && !list.isPending ? (
        <Text size="sm" c="dimmed">
          {t('related.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="related-list">
          {items.map((item) => (
            <RelatedRow key={item.caseId} item={item} onRemove={() => setRemoving(item)} />
          ))}
        </Stack>
      ) : null}
      {(list.data?.hiddenCount ?? 0) > 0 ? (
        <Text size="xs" c="dimmed">
          {t('related.hidden', { count: list.data?.hiddenCount ?? 0 })}
        </Text>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          id={pickerId}
          label={t('related.search.label')}
          placeholder={t('related.search.placeholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={picked}
          onChange={setPicked}
          filter={({ options: all }) => all}
          nothingFoundMessage={debounced.length > 0 && !lookup.isFetching ? t('related.search.nothing') : undefined}
          size="md"
          style={{ flex: '2 1 260px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="related-search"
        />
        <TextInput
          label={t('related.note.label')}
          placeholder={t('related.note.placeholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={200}
          size="md"
          style={{ flex: '1 1 160px' }}
        />
        <Button
          size="md"
          variant="light"
          leftSection={<IconLink size={18} aria-hidden />}
          disabled={picked === null}
          loading={add.isPending}
          onClick={() => picked !== null && add.mutate(Number(picked))}
        >
          {t('related.add')}
        </Button>
      </Group>
      {needSave ? (
        <Alert color="yellow" variant="light" role="alert">
          {t('related.needSave')}
        </Alert>
      ) : null}
      {add.isError ? (
        <Alert color="red" variant="light" role="alert">
          {linkErrorText(add.error, t, describe)}
        </Alert>
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('related.removeConfirm.title')}
        message={t('related.removeConfirm.body', { title: removing?.title ?? '' })}
        confirmLabel={t('related.remove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.caseId)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </Stack>
  );
}

function RelatedRow({ item, onRemove }: { item: RelatedCase; onRemove: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/cases/${item.caseId}`} fw={600} size="sm">
            {item.number ?? t('related.noNumber')} {item.title}
          </Anchor>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color="gray" tt="none">
              {item.type.name}
            </Badge>
            <Badge size="sm" variant="light" color={stateColor(item.state)} tt="none">
              {stateLabel(item.state, t)}
            </Badge>
            {item.disposed ? (
              <Badge size="sm" variant="outline" color="dark" tt="none">
                {t('related.disposed')}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed">
              {item.department.name}
            </Text>
          </Group>
          {item.note ? <Text size="sm">{item.note}</Text> : null}
          <Text size="xs" c="dimmed">
            {t('related.linkedBy', { name: item.linkedBy.name, date: formatWarekiDate(item.linkedAt, lang) })}
          </Text>
        </Stack>
        <ActionIcon variant="subtle" color="red" size="xl" onClick={onRemove} aria-label={t('related.removeAria', { title: item.title })}>
          <IconUnlink size={20} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

/** 関連文書 as a panel of its own: on the case page, and on the drafting page (which saves a new draft first). */
export function RelatedCases({ caseId, ensureCase, large = false }: RelatedEditorProps & { large?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Title order={3} fz={large ? 'h4' : 'md'} id={titleId} mb={4}>
        {t('related.title')}
      </Title>
      <Text size={large ? 'sm' : 'xs'} c="dimmed" mb="sm">
        {t('related.help')}
      </Text>
      <RelatedEditor caseId={caseId} {...(ensureCase && { ensureCase })} />
    </Paper>
  );
}
