import { Badge, Group, Paper, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { PagePicker } from '../../components/PagePicker.js';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconSearch } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type CaseSummary } from '../../../shared/api/index.js';
import { caseStates, type CaseState } from '../../../shared/domain/approval/types.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { call } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatYen, latestSendBack, placeOf, stateColor, stateLabel } from '../case/caseText.js';
import { useCaseList } from '../case/useCase.js';
import classes from './Inbox.module.css';

export type CaseBox = 'mine' | 'department' | 'review';

/** Long enough to finish typing a word with an IME. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * 自分の起案 / 所属の案件 / 後閲: lists of cases (GET /api/cases?box=), newest
 * change first. A case sent back to me shows why, so I know what to fix.
 */
export function CaseBoxTab({ box }: { box: CaseBox }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const [state, setState] = useState<CaseState | null>(null);
  const [pageState, setPageState] = useState({ page: 1, key: '' });
  const filterKey = `${q}\u0000${state ?? ''}`;
  const page = pageState.key === filterKey ? pageState.page : 1;

  const list = useCaseList({ box, page, q: q || undefined, state: state ?? undefined });
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  // Why a case of mine came back: read from the case itself (the list has no comments).
  const sentBack = items.filter((c) => c.state === 'sent_back' && box === 'mine');
  const details = useQueries({
    queries: sentBack.map((c) => ({
      queryKey: queryKeys.caseView(c.id),
      queryFn: () => call(api.getCase, { params: { id: c.id } }),
      staleTime: 30_000,
    })),
  });
  const reasonOf = (id: number) => {
    const view = details.find((d) => d.data?.id === id)?.data;
    return view ? latestSendBack(view) : null;
  };

  const open = (c: CaseSummary) => void navigate(`/cases/${c.id}`);
  const empty = box === 'mine' ? t('desk.box.mineEmpty') : box === 'department' ? t('desk.box.departmentEmpty') : t('desk.box.reviewEmpty');

  const sendBackNote = (c: CaseSummary) => {
    const r = c.state === 'sent_back' ? reasonOf(c.id) : null;
    if (!r) return null;
    return (
      <Group gap={6} mt={4} wrap="nowrap" align="flex-start" className={classes.sentBack}>
        <IconArrowBackUp size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        <Text size="sm">
          {t('desk.box.sentBackBy', { name: r.actor.name })}
          {r.comment ? `「${r.comment}」` : ''}
        </Text>
      </Group>
    );
  };

  const stateBadge = (c: CaseSummary) => (
    <Group gap={4} wrap="wrap">
      <Badge color={stateColor(c.state)} variant={c.state === 'sent_back' ? 'filled' : 'light'} tt="none" size="md">
        {stateLabel(c.state, t)}
      </Badge>
      {c.overdue ? (
        <Badge color="red" variant="filled" tt="none" size="md" title={t('desk.overdueHint')} data-overdue>
          {t('desk.overdue')}
        </Badge>
      ) : null}
    </Group>
  );

  return (
    <Stack gap="sm">
      {box === 'department' ? (
        <Text size="sm" c="dimmed">
          {t('desk.box.departmentHelp')}
        </Text>
      ) : null}
      {box === 'review' ? (
        <Text size="sm" c="dimmed">
          {t('desk.box.reviewHelp')}
        </Text>
      ) : null}
      <Group gap="sm" wrap="wrap" className={classes.filters}>
        <TextInput
          aria-label={t('desk.filter.text')}
          placeholder={t('desk.filter.textPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          type="search"
          size="md"
          className={classes.search}
        />
        {box !== 'review' ? (
          <Select
            aria-label={t('desk.filter.state')}
            placeholder={t('desk.filter.allStates')}
            data={caseStates.filter((s) => box === 'mine' || s !== 'draft').map((s) => ({ value: s, label: stateLabel(s, t) }))}
            value={state}
            onChange={(v) => setState((v as CaseState | null) ?? null)}
            clearable
            size="md"
            className={classes.select}
          />
        ) : null}
        {list.data ? (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {t('desk.count', { n: list.data.total })}
          </Text>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p={items.length > 0 ? 0 : 'md'} opacity={list.isPlaceholderData ? 0.7 : 1}>
        {list.isPending ? <TableSkeleton rows={6} /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && items.length === 0 ? <EmptyNotice message={q || state ? t('desk.noMatch') : empty} /> : null}
        {items.length > 0 && wide ? (
          <Table.ScrollContainer minWidth={860} type="native">
            <Table className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('desk.col.number')}</Table.Th>
                  <Table.Th>{t('desk.col.title')}</Table.Th>
                  <Table.Th w={120}>{t('desk.col.state')}</Table.Th>
                  {box !== 'mine' ? <Table.Th w={110}>{t('desk.col.drafter')}</Table.Th> : null}
                  <Table.Th w={170}>{t('desk.col.department')}</Table.Th>
                  <Table.Th w={170}>{t('desk.col.updated')}</Table.Th>
                  <Table.Th w={120} ta="right">
                    {t('desk.col.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} className={classes.row} onClick={() => open(c)}>
                    <Table.Td>
                      <Text size="sm" fw={600} className={classes.nowrap}>
                        {c.number ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <UnstyledButton
                        className={classes.titleLink}
                        onClick={(e) => {
                          e.stopPropagation();
                          open(c);
                        }}
                      >
                        {c.title}
                      </UnstyledButton>
                      <Text size="xs" c="dimmed">
                        {c.type.name}
                      </Text>
                      {sendBackNote(c)}
                    </Table.Td>
                    <Table.Td>{stateBadge(c)}</Table.Td>
                    {box !== 'mine' ? <Table.Td>{c.drafter.name}</Table.Td> : null}
                    <Table.Td>
                      <Text size="sm">{c.department.name}</Text>
                      <Text size="xs" c="dimmed">
                        {c.site.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatWarekiDateTime(c.updatedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td ta="right" className={classes.amount}>
                      {c.amount === null ? '—' : formatYen(c.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {items.length > 0 && !wide ? (
          <ul className={classes.cards}>
            {items.map((c) => (
              <li key={c.id} className={classes.card}>
                <UnstyledButton className={classes.cardBody} onClick={() => open(c)}>
                  <Group gap={8} justify="space-between" wrap="wrap">
                    <Group gap={8}>
                      {stateBadge(c)}
                      <Text size="sm" fw={600}>
                        {c.number ?? '—'}
                      </Text>
                    </Group>
                    {c.amount !== null ? (
                      <Text size="sm" fw={600} className={classes.amount}>
                        {formatYen(c.amount)}
                      </Text>
                    ) : null}
                  </Group>
                  <Text fw={600} mt={4} className={classes.cardTitle}>
                    {c.title}
                  </Text>
                  <Text size="sm" c="dimmed" mt={2}>
                    {box !== 'mine' ? `${c.drafter.name}・` : ''}
                    {placeOf(c)}
                  </Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('desk.updatedAt', { when: formatWarekiDateTime(c.updatedAt, lang) })}
                  </Text>
                  {sendBackNote(c)}
                </UnstyledButton>
              </li>
            ))}
          </ul>
        ) : null}
      </Paper>
      <PagePicker pages={pages} page={page} onChange={(next) => setPageState({ page: next, key: filterKey })} />
    </Stack>
  );
}
