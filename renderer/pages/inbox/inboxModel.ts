import type { TFunction } from 'i18next';
import type { InboxItem } from '../../../shared/api/index.js';
import type { StepKind } from '../../../shared/domain/approval/types.js';
import { waitingText } from '../case/caseText.js';

/**
 * The 受信箱's pure parts: filtering, sorting, which rows bulk approval may
 * take, and the keyboard (j/k/Enter/a/r/x) as a reducer.
 */

export type InboxSort = 'received_desc' | 'received_asc' | 'amount_desc' | 'number';
export const INBOX_SORTS: readonly InboxSort[] = ['received_desc', 'received_asc', 'amount_desc', 'number'];

export interface InboxFilter {
  /** Document type id, or null for all. */
  typeId: number | null;
  kind: StepKind | null;
  /** Free text: number, title, drafter, department, site, the person I act for. */
  text: string;
}

export const emptyFilter: InboxFilter = { typeId: null, kind: null, text: '' };

/** Full-width letters and digits typed with an IME match their ASCII forms; case is ignored. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

export function matchesFilter(item: InboxItem, filter: InboxFilter): boolean {
  if (filter.typeId !== null && item.type.id !== filter.typeId) return false;
  if (filter.kind !== null && item.kind !== filter.kind) return false;
  const words = normalizeText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = normalizeText(
    [item.number ?? '', item.title, item.drafter.name, item.drafter.login, item.department.name, item.site.name, item.type.name, item.asProxyFor?.name ?? ''].join(' '),
  );
  return words.every((w) => hay.includes(w));
}

/** 北広総第12号 before 北広総第102号: the number inside compares as a number. */
function compareNumbers(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'ja', { numeric: true });
}

export function sortItems(items: readonly InboxItem[], sort: InboxSort): InboxItem[] {
  const list = [...items];
  const byReceived = (x: InboxItem, y: InboxItem) => Date.parse(x.receivedAt) - Date.parse(y.receivedAt) || x.caseId - y.caseId;
  switch (sort) {
    case 'received_desc':
      return list.sort((x, y) => byReceived(y, x));
    case 'received_asc':
      return list.sort(byReceived);
    case 'amount_desc':
      return list.sort((x, y) => (y.amount ?? -1) - (x.amount ?? -1) || byReceived(y, x));
    case 'number':
      return list.sort((x, y) => compareNumbers(x.number, y.number) || byReceived(x, y));
  }
}

export function visibleItems(items: readonly InboxItem[], filter: InboxFilter, sort: InboxSort): InboxItem[] {
  return sortItems(
    items.filter((i) => matchesFilter(i, filter)),
    sort,
  );
}

/**
 * How long a row has waited, as the hub counts it: 「4営業日」 (weekends,
 * holidays and 12/29–1/3 skipped) once a working day has passed or a calendar
 * day has; before that 「5時間」, 「12分」.
 */
export function inboxWaitingText(item: Pick<InboxItem, 'receivedAt' | 'waitingWorkingDays'>, now: number, t: TFunction): string {
  if (item.waitingWorkingDays > 0 || now - Date.parse(item.receivedAt) >= 86_400_000) return t('desk.wait.workingDays', { n: item.waitingWorkingDays });
  return waitingText(item.receivedAt, now, t);
}

/** One row per step: a case can wait for me twice (my own step and one as proxy). */
export function rowKey(item: Pick<InboxItem, 'caseId' | 'stepId'>): string {
  return `${item.caseId}:${item.stepId}`;
}

/**
 * Bulk approval takes only a plain 承認 (kind approve): a 決裁 decides the case,
 * a 合議 asks for an opinion, a 供覧 is a reading — each deserves its own look.
 */
export function canBulkApprove(item: Pick<InboxItem, 'kind'>): boolean {
  return item.kind === 'approve';
}

/** The selected rows bulk approval will act on, in screen order, one per case. */
export function bulkTargets(items: readonly InboxItem[], selected: ReadonlySet<string>): InboxItem[] {
  const seen = new Set<number>();
  return items.filter((i) => {
    if (!selected.has(rowKey(i)) || !canBulkApprove(i) || seen.has(i.caseId)) return false;
    seen.add(i.caseId);
    return true;
  });
}

/** Drops selections whose rows are gone (acted on, or filtered out of view). */
export function pruneSelection(selected: ReadonlySet<string>, items: readonly InboxItem[]): Set<string> {
  const keys = new Set(items.filter(canBulkApprove).map(rowKey));
  return new Set([...selected].filter((k) => keys.has(k)));
}

// ── Keyboard ────────────────────────────────────────────────────────────────

export type DeskCommand = 'open' | 'approve' | 'sendBack' | 'toggle' | null;

export interface CursorState {
  /** Index into the visible rows; -1 when the list is empty. */
  cursor: number;
  command: DeskCommand;
}

/**
 * One key press on the list: j/↓ and k/↑ move (stopping at the ends), Enter
 * opens, a approves, r sends back, x selects. Other keys do nothing; modifier
 * combinations are left to the browser.
 */
export function deskKey(state: Pick<CursorState, 'cursor'>, key: string, count: number, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}): CursorState {
  const cursor = count === 0 ? -1 : Math.min(Math.max(state.cursor, 0), count - 1);
  if (mods.ctrl || mods.meta || mods.alt) return { cursor, command: null };
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { cursor: count === 0 ? -1 : Math.min(cursor + 1, count - 1), command: null };
    case 'k':
    case 'ArrowUp':
      return { cursor: count === 0 ? -1 : Math.max(cursor - 1, 0), command: null };
    case 'Enter':
    case 'o':
      return { cursor, command: cursor >= 0 ? 'open' : null };
    case 'a':
      return { cursor, command: cursor >= 0 ? 'approve' : null };
    case 'r':
      return { cursor, command: cursor >= 0 ? 'sendBack' : null };
    case 'x':
      return { cursor, command: cursor >= 0 ? 'toggle' : null };
    default:
      return { cursor, command: null };
  }
}

/** Keys typed into a field, a menu or a dialog are not list commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { closest?: unknown }).closest !== 'function') return false;
  const el = target as Element;
  return el.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="listbox"], [role="menu"]') !== null;
}

/**
 * Where the cursor goes after the list changed (a case acted on disappears):
 * stay on the same row if it is still there, else the same position.
 */
export function followCursor(previousKey: string | null, previousIndex: number, keys: readonly string[]): number {
  if (keys.length === 0) return -1;
  if (previousKey !== null) {
    const at = keys.indexOf(previousKey);
    if (at >= 0) return at;
  }
  return Math.min(Math.max(previousIndex, 0), keys.length - 1);
}

/** After acting on a case opened from the inbox: the next case of the queue that still waits, or null. */
export function nextInQueue(queue: readonly number[], current: number, waiting: ReadonlySet<number>): number | null {
  const at = queue.indexOf(current);
  const after = at < 0 ? queue : [...queue.slice(at + 1), ...queue.slice(0, at)];
  return after.find((id) => id !== current && waiting.has(id)) ?? null;
}
