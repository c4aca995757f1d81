import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsHorizontal, IconChecks, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseActionName, InboxItem } from '../../../shared/api/index.js';
import { stepKinds, type StepKind } from '../../../shared/domain/approval/types.js';
import { formatWarekiDate } from '../../../shared/domain/wareki.js';
import { useCurrentSession } from '../../auth/session.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { ActionDialog, type DialogRequest } from '../case/ActionDialog.js';
import type { DeskNavState } from '../case/CasePage.js';
import { actionDone, formatYen, placeOf, positiveActionFor, stepKindLabel } from '../case/caseText.js';
import { useInbox } from '../case/useCase.js';
import { BulkApproveDialog } from './BulkApproveDialog.js';
import classes from './Inbox.module.css';
import {
  bulkTargets,
  canBulkApprove,
  deskKey,
  emptyFilter,
  followCursor,
  INBOX_SORTS,
  inboxWaitingText,
  isTypingTarget,
  pruneSelection,
  rowKey,
  visibleItems,
  type InboxFilter,
  type InboxSort,
} from './inboxModel.js';

/** Waiting times tick on while the page is open. */
function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function sortLabel(sort: InboxSort, t: TFunction): string {
  switch (sort) {
    case 'received_desc':
      return t('desk.sort.receivedDesc');
    case 'received_asc':
      return t('desk.sort.receivedAsc');
    case 'amount_desc':
      return t('desk.sort.amountDesc');
    case 'number':
      return t('desk.sort.number');
  }
}

function timeOf(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

interface Pending {
  request: DialogRequest;
  item: InboxItem;
}

/** 受信箱: what waits for me (and for those I stand in for), with filters, keyboard and bulk approval. */
export function InboxTab() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [showFilters, setShowFilters] = useState(false);
  const inbox = useInbox();
  const now = useNow();

  const [filter, setFilter] = useState<InboxFilter>(emptyFilter);
  const [sort, setSort] = useState<InboxSort>('received_desc');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursorAt, setCursorAt] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const [pending, setPending] = useState<Pending | null>(null);
  const [bulkItems, setBulkItems] = useState<InboxItem[] | null>(null);
  const bulkOpen = bulkItems !== null;
  // The cursor is shown once the keyboard is used: on a touch screen a highlighted row would look chosen.
  const [keyboard, setKeyboard] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const rows = useMemo(() => visibleItems(items, filter, sort), [items, filter, sort]);
  const keys = useMemo(() => rows.map(rowKey), [rows]);
  const cursor = followCursor(cursorAt.key, cursorAt.index, keys);
  const liveSelection = useMemo(() => pruneSelection(selected, rows), [selected, rows]);
  const targets = useMemo(() => bulkTargets(rows, liveSelection), [rows, liveSelection]);
  const eligible = useMemo(() => rows.filter(canBulkApprove), [rows]);

  const types = useMemo(() => {
    const seen = new Map<number, string>();
    for (const i of items) seen.set(i.type.id, i.type.name);
    return [...seen].map(([id, name]) => ({ value: String(id), label: name }));
  }, [items]);

  const moveTo = (index: number) => setCursorAt({ key: keys[index] ?? null, index });
  const open = (item: InboxItem) => void navigate(`/cases/${item.caseId}`, { state: { queue: rows.map((r) => r.caseId) } satisfies DeskNavState });
  const toggle = (item: InboxItem) => {
    if (!canBulkApprove(item)) return;
    const key = rowKey(item);
    setSelected((s) => {
      const next = new Set(pruneSelection(s, rows));
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };
  const ask = (item: InboxItem, action: CaseActionName) => setPending({ item, request: { kind: 'action', action } });

  // The keyboard: j/k move, Enter opens, a approves, r sends back, x selects (not while typing or in a dialog).
  const keyState = useRef({ cursor, rows, blocked: false, open, ask, toggle });
  useEffect(() => {
    keyState.current = { cursor, rows, blocked: pending !== null || bulkOpen, open, ask, toggle };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { cursor: at, rows: list, blocked, open: openItem, ask: askFor, toggle: toggleItem } = keyState.current;
      if (blocked || isTypingTarget(e.target)) return;
      // Enter on a button or link is that control's own business.
      if (e.key === 'Enter' && e.target instanceof Element && e.target.closest('button, a') && !e.target.closest('[data-inbox-row]')) return;
      const next = deskKey({ cursor: at }, e.key, list.length, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey });
      const handled = next.cursor !== at || next.command !== null || ((e.key === 'j' || e.key === 'k') && list.length > 0 && !e.ctrlKey && !e.metaKey && !e.altKey);
      if (!handled) return;
      e.preventDefault();
      setKeyboard(true);
      const item = list[next.cursor];
      setCursorAt({ key: item ? rowKey(item) : null, index: next.cursor });
      if (!item) return;
      if (next.command === 'open') openItem(item);
      else if (next.command === 'approve') askFor(item, positiveActionFor(item.kind));
      else if (next.command === 'sendBack') askFor(item, 'send_back');
      else if (next.command === 'toggle') toggleItem(item);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Keep the cursor row in view as it moves.
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[data-cursor="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const rowKeyDown = (e: ReactKeyboardEvent, item: InboxItem) => {
    if (e.key === ' ' && e.target === e.currentTarget) {
      e.preventDefault();
      toggle(item);
    }
  };

  const checkbox = (item: InboxItem) => {
    const allowed = canBulkApprove(item);
    return (
      <label className={classes.checkHit} onClick={(e) => e.stopPropagation()} title={allowed ? undefined : t('desk.bulk.notEligible')}>
        <Checkbox
          size="md"
          checked={liveSelection.has(rowKey(item))}
          disabled={!allowed}
          onChange={() => toggle(item)}
          aria-label={t('desk.select', { name: item.number ?? item.title })}
        />
      </label>
    );
  };

  const proxyBadge = (item: InboxItem) =>
    item.asProxyFor ? (
      <Badge size="sm" color="grape" variant="light" tt="none">
        {t('desk.proxyFor', { name: item.asProxyFor.name })}
      </Badge>
    ) : null;

  const kindBadge = (item: InboxItem) => (
    <Badge
      size="md"
      variant={item.kind === 'final' ? 'filled' : item.kind === 'approve' ? 'outline' : 'light'}
      color={item.kind === 'consult' ? 'cyan' : item.kind === 'inform' ? 'gray' : 'indigo'}
      tt="none"
    >
      {stepKindLabel(item.kind, t)}
    </Badge>
  );

  const waiting = (item: InboxItem) => (
    <Group gap={6} wrap="wrap" className={classes.nowrap}>
      <Text size="sm" c={item.overdue ? 'red' : undefined} fw={item.overdue ? 600 : undefined} data-waiting>
        {inboxWaitingText(item, now, t)}
      </Text>
      {item.overdue ? (
        <Badge size="sm" color="red" variant="filled" tt="none" title={t('desk.overdueHint')} data-overdue>
          {t('desk.overdue')}
        </Badge>
      ) : null}
    </Group>
  );

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap" className={classes.filters}>
        <TextInput
          aria-label={t('desk.filter.text')}
          placeholder={t('desk.filter.textPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.text}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setFilter((f) => ({ ...f, text }));
          }}
          type="search"
          className={classes.search}
          size="md"
        />
        {phone && !showFilters ? (
          <Button variant="default" size="md" leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />} onClick={() => setShowFilters(true)}>
            {filter.typeId !== null || filter.kind !== null ? t('desk.filter.moreActive') : t('desk.filter.more')}
          </Button>
        ) : (
          <>
            <Select
              aria-label={t('desk.filter.type')}
              placeholder={t('desk.filter.allTypes')}
              data={types}
              value={filter.typeId === null ? null : String(filter.typeId)}
              onChange={(v) => setFilter((f) => ({ ...f, typeId: v === null ? null : Number(v) }))}
              clearable
              size="md"
              className={classes.select}
            />
            <Select
              aria-label={t('desk.filter.kind')}
              placeholder={t('desk.filter.allKinds')}
              data={stepKinds.map((k) => ({ value: k, label: stepKindLabel(k, t) }))}
              value={filter.kind}
              onChange={(v) => setFilter((f) => ({ ...f, kind: (v as StepKind | null) ?? null }))}
              clearable
              size="md"
              className={classes.select}
            />
            <Select
              aria-label={t('desk.sort.label')}
              data={INBOX_SORTS.map((s) => ({ value: s, label: sortLabel(s, t) }))}
              value={sort}
              onChange={(v) => v && setSort(v as InboxSort)}
              allowDeselect={false}
              size="md"
              className={classes.select}
            />
          </>
        )}
      </Group>

      <Group gap="sm" justify="space-between" wrap="wrap" className={classes.bulkBar}>
        {eligible.length > 0 ? (
          <Group gap="sm" wrap="wrap">
            <Checkbox
              size="md"
              label={t('desk.selectAll', { n: eligible.length })}
              checked={eligible.length > 0 && targets.length === eligible.length}
              indeterminate={targets.length > 0 && targets.length < eligible.length}
              disabled={eligible.length === 0}
              onChange={() => setSelected(targets.length === eligible.length ? new Set() : new Set(eligible.map(rowKey)))}
              className={classes.selectAll}
            />
            <Button
              leftSection={<IconChecks size={18} aria-hidden />}
              disabled={targets.length === 0}
              onClick={() => setBulkItems(targets)}
              size="md"
            >
              {t('desk.bulk.button', { n: targets.length })}
            </Button>
          </Group>
        ) : (
          <span />
        )}
        {inbox.data ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows.length === items.length ? t('desk.count', { n: items.length }) : t('desk.countFiltered', { n: rows.length, total: items.length })}
          </Text>
        ) : null}
      </Group>
      {wide ? (
        <Text size="xs" c="dimmed">
          {t('desk.keys')}
        </Text>
      ) : null}

      <Paper withBorder radius="md" p={rows.length > 0 ? 0 : 'md'} ref={listRef}>
        {inbox.isPending ? <TableSkeleton rows={6} /> : null}
        {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {inbox.data && rows.length === 0 ? <EmptyNotice message={items.length === 0 ? t('desk.empty') : t('desk.noMatch')} /> : null}
        {rows.length > 0 && wide ? (
          <Table.ScrollContainer minWidth={900} type="native">
            <Table className={classes.table} aria-label={t('desk.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <span className={classes.visuallyHidden}>{t('desk.col.select')}</span>
                  </Table.Th>
                  <Table.Th w={112}>{t('desk.col.number')}</Table.Th>
                  <Table.Th>{t('desk.col.title')}</Table.Th>
                  <Table.Th w={180}>{t('desk.col.drafterDepartment')}</Table.Th>
                  <Table.Th w={140}>{t('desk.col.received')}</Table.Th>
                  <Table.Th w={120}>{t('desk.col.waiting')}</Table.Th>
                  <Table.Th w={84}>{t('desk.col.kind')}</Table.Th>
                  <Table.Th w={110} ta="right">
                    {t('desk.col.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((item, index) => {
                  const isCursor = keyboard && index === cursor;
                  return (
                    <Table.Tr
                      key={rowKey(item)}
                      data-inbox-row
                      data-cursor={isCursor ? 'true' : undefined}
                      aria-selected={isCursor}
                      className={classes.row}
                      onClick={() => {
                        moveTo(index);
                        open(item);
                      }}
                    >
                      <Table.Td>{checkbox(item)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} className={classes.nowrap}>
                          {item.number ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <UnstyledButton
                          className={classes.titleLink}
                          onClick={(e) => {
                            e.stopPropagation();
                            moveTo(index);
                            open(item);
                          }}
                          onKeyDown={(e) => rowKeyDown(e, item)}
                          onFocus={() => moveTo(index)}
                        >
                          {item.title}
                        </UnstyledButton>
                        <Group gap={6} mt={2}>
                          <Text size="xs" c="dimmed">
                            {item.type.name}
                          </Text>
                          {proxyBadge(item)}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.drafter.name}</Text>
                        <Text size="xs" c="dimmed">
                          {placeOf(item)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className={classes.nowrap}>
                          {formatWarekiDate(item.receivedAt, lang)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {timeOf(item.receivedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{waiting(item)}</Table.Td>
                      <Table.Td>{kindBadge(item)}</Table.Td>
                      <Table.Td ta="right" className={classes.amount}>
                        {item.amount === null ? '—' : formatYen(item.amount)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {rows.length > 0 && !wide ? (
          <ul className={classes.cards} aria-label={t('desk.tableLabel')}>
            {rows.map((item, index) => (
              <li
                key={rowKey(item)}
                data-inbox-row
                data-cursor={keyboard && index === cursor ? 'true' : undefined}
                className={classes.card}
              >
                <div className={classes.cardCheck}>{checkbox(item)}</div>
                <UnstyledButton
                  className={classes.cardBody}
                  onClick={() => {
                    moveTo(index);
                    open(item);
                  }}
                  onKeyDown={(e) => rowKeyDown(e, item)}
                  onFocus={() => moveTo(index)}
                >
                  <Group gap={8} wrap="wrap" justify="space-between">
                    <Group gap={8} wrap="wrap">
                      {kindBadge(item)}
                      <Text size="sm" fw={600}>
                        {item.number ?? '—'}
                      </Text>
                    </Group>
                    {waiting(item)}
                  </Group>
                  <Text fw={600} mt={4} className={classes.cardTitle}>
                    {item.title}
                  </Text>
                  <Text size="sm" c="dimmed" mt={2}>
                    {item.drafter.name}・{placeOf(item)}
                  </Text>
                  <Group gap={8} mt={2} justify="space-between" wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {t('desk.receivedAt', { when: `${formatWarekiDate(item.receivedAt, lang)} ${timeOf(item.receivedAt)}` })}
                    </Text>
                    {item.amount !== null ? (
                      <Text size="sm" fw={600} className={classes.amount}>
                        {formatYen(item.amount)}
                      </Text>
                    ) : null}
                  </Group>
                  {item.asProxyFor ? <div className={classes.cardProxy}>{proxyBadge(item)}</div> : null}
                </UnstyledButton>
              </li>
            ))}
          </ul>
        ) : null}
      </Paper>

      {pending ? (
        <ActionDialog
          request={pending.request}
          target={{ caseId: pending.item.caseId, version: pending.item.version, number: pending.item.number, title: pending.item.title }}
          myUserId={user.id}
          onClose={() => setPending(null)}
          onDone={(_view, action) => {
            setPending(null);
            notifications.show({ color: 'teal', message: actionDone(action, t) });
          }}
        />
      ) : null}
      <BulkApproveDialog
        items={bulkItems ?? []}
        opened={bulkOpen}
        onClose={(finished) => {
          setBulkItems(null);
          if (finished) setSelected(new Set());
        }}
      />
    </Stack>
  );
}
