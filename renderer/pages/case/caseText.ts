import type { TFunction } from 'i18next';
import type { CaseActionName, CaseStep, CaseView, TimelineEntry } from '../../../shared/api/index.js';
import type { CaseState, StepKind } from '../../../shared/domain/approval/types.js';
import { assertNever } from '../../lib/assertNever.js';

/**
 * Words, colours and small decisions of the approval desk (受信箱 and the case
 * page), kept pure so they are unit-tested without a browser.
 */

export type StepStatus = CaseStep['status'];

/** 起案中 / 回議中 / 差戻し / 決裁済 / 施行済 / 否決 / 取下げ. */
export function stateLabel(state: CaseState, t: TFunction): string {
  switch (state) {
    case 'draft':
      return t('case.state.draft');
    case 'in_progress':
      return t('case.state.in_progress');
    case 'sent_back':
      return t('case.state.sent_back');
    case 'approved':
      return t('case.state.approved');
    case 'enforced':
      return t('case.state.enforced');
    case 'rejected':
      return t('case.state.rejected');
    case 'withdrawn':
      return t('case.state.withdrawn');
    default:
      return assertNever(state);
  }
}

export function stateColor(state: CaseState): string {
  switch (state) {
    case 'draft':
      return 'gray';
    case 'in_progress':
      return 'blue';
    case 'sent_back':
      return 'orange';
    case 'approved':
      return 'teal';
    case 'enforced':
      return 'green';
    case 'rejected':
      return 'red';
    case 'withdrawn':
      return 'gray';
    default:
      return assertNever(state);
  }
}

/** 承認 / 合議 / 供覧 / 決裁. */
export function stepKindLabel(kind: StepKind, t: TFunction): string {
  switch (kind) {
    case 'approve':
      return t('case.kind.approve');
    case 'consult':
      return t('case.kind.consult');
    case 'inform':
      return t('case.kind.inform');
    case 'final':
      return t('case.kind.final');
    default:
      return assertNever(kind);
  }
}

export function stepStatusLabel(status: StepStatus, t: TFunction): string {
  switch (status) {
    case 'waiting':
      return t('case.status.waiting');
    case 'pending':
      return t('case.status.pending');
    case 'approved':
      return t('case.status.approved');
    case 'final_approved':
      return t('case.status.final_approved');
    case 'agreed':
      return t('case.status.agreed');
    case 'disagreed':
      return t('case.status.disagreed');
    case 'acknowledged':
      return t('case.status.acknowledged');
    case 'skipped':
      return t('case.status.skipped');
    case 'sent_back':
      return t('case.status.sent_back');
    case 'rejected':
      return t('case.status.rejected');
    default:
      return assertNever(status);
  }
}

/** done: acted in favour; stop: sent back, rejected, disagreed; now: waiting for its person; idle: not reached or not needed. */
export type StepTone = 'done' | 'stop' | 'now' | 'idle';

export function stepTone(status: StepStatus): StepTone {
  switch (status) {
    case 'approved':
    case 'final_approved':
    case 'agreed':
    case 'acknowledged':
      return 'done';
    case 'disagreed':
    case 'sent_back':
    case 'rejected':
      return 'stop';
    case 'pending':
      return 'now';
    case 'waiting':
    case 'skipped':
      return 'idle';
    default:
      return assertNever(status);
  }
}

export function toneColor(tone: StepTone): string {
  switch (tone) {
    case 'done':
      return 'teal';
    case 'stop':
      return 'red';
    case 'now':
      return 'indigo';
    case 'idle':
      return 'gray';
    default:
      return assertNever(tone);
  }
}

/** What each action is called on its button. */
export function actionLabel(action: CaseActionName, t: TFunction): string {
  switch (action) {
    case 'approve':
      return t('case.action.approve');
    case 'final_approve':
      return t('case.action.final_approve');
    case 'agree':
      return t('case.action.agree');
    case 'disagree':
      return t('case.action.disagree');
    case 'acknowledge':
      return t('case.action.acknowledge');
    case 'send_back':
      return t('case.action.send_back');
    case 'recall':
      return t('case.action.recall');
    case 'reject':
      return t('case.action.reject');
    case 'withdraw':
      return t('case.action.withdraw');
    case 'resubmit':
      return t('case.action.resubmit');
    case 'enforce':
      return t('case.action.enforce');
    case 'review':
      return t('case.action.review');
    case 'comment':
      return t('case.action.comment');
    default:
      return assertNever(action);
  }
}

/** What an action does, said before it is done (users of these systems confuse 取下げ, 否決 and 差戻し). */
export function actionHelp(action: CaseActionName, t: TFunction): string {
  switch (action) {
    case 'approve':
      return t('case.help.approve');
    case 'final_approve':
      return t('case.help.final_approve');
    case 'agree':
      return t('case.help.agree');
    case 'disagree':
      return t('case.help.disagree');
    case 'acknowledge':
      return t('case.help.acknowledge');
    case 'send_back':
      return t('case.help.send_back');
    case 'recall':
      return t('case.help.recall');
    case 'reject':
      return t('case.help.reject');
    case 'withdraw':
      return t('case.help.withdraw');
    case 'resubmit':
      return t('case.help.resubmit');
    case 'enforce':
      return t('case.help.enforce');
    case 'review':
      return t('case.help.review');
    case 'comment':
      return t('case.help.comment');
    default:
      return assertNever(action);
  }
}

/** The toast after an action succeeded. */
export function actionDone(action: CaseActionName, t: TFunction): string {
  switch (action) {
    case 'approve':
      return t('case.done.approve');
    case 'final_approve':
      return t('case.done.final_approve');
    case 'agree':
      return t('case.done.agree');
    case 'disagree':
      return t('case.done.disagree');
    case 'acknowledge':
      return t('case.done.acknowledge');
    case 'send_back':
      return t('case.done.send_back');
    case 'recall':
      return t('case.done.recall');
    case 'reject':
      return t('case.done.reject');
    case 'withdraw':
      return t('case.done.withdraw');
    case 'resubmit':
      return t('case.done.resubmit');
    case 'enforce':
      return t('case.done.enforce');
    case 'review':
      return t('case.done.review');
    case 'comment':
      return t('case.done.comment');
    default:
      return assertNever(action);
  }
}

/** The history's words for an entry (its `action`: a step action, or create / edit / submit …). */
export function historyLabel(entry: Pick<TimelineEntry, 'action'>, t: TFunction): string {
  switch (entry.action) {
    case 'create':
      return t('case.history.create');
    case 'edit':
      return t('case.history.edit');
    case 'submit':
      return t('case.history.submit');
    default: {
      const known = (CASE_ACTIONS as readonly string[]).includes(entry.action);
      return known ? actionLabel(entry.action as CaseActionName, t) : entry.action;
    }
  }
}

const CASE_ACTIONS: readonly CaseActionName[] = [
  'approve', 'final_approve', 'agree', 'disagree', 'acknowledge', 'send_back', 'recall', 'reject', 'withdraw', 'resubmit', 'enforce', 'review', 'comment',
];

/** Actions that need a comment before they can be sent (the server says the same). */
export function needsComment(action: CaseActionName): boolean {
  return action === 'send_back' || action === 'disagree' || action === 'reject' || action === 'comment';
}

/** Actions that stop or turn the case back: red or orange buttons, never the default. */
export function actionColor(action: CaseActionName): string {
  switch (action) {
    case 'reject':
    case 'withdraw':
      return 'red';
    case 'send_back':
    case 'disagree':
    case 'recall':
      return 'orange';
    case 'comment':
      return 'gray';
    default:
      return 'indigo';
  }
}

/** The action that clears a step of each kind ("a" in the inbox, 代決 on the case page). */
export function positiveActionFor(kind: StepKind): CaseActionName {
  switch (kind) {
    case 'approve':
      return 'approve';
    case 'final':
      return 'final_approve';
    case 'consult':
      return 'agree';
    case 'inform':
      return 'acknowledge';
    default:
      return assertNever(kind);
  }
}

/** 人事係・本庁（千代田）: the department and the office (本庁, a 支所) it sits in. */
export function placeOf(c: { department: { name: string }; site: { name: string } }): string {
  return `${c.department.name}・${c.site.name}`;
}

/** ¥3,200,000 (ASCII yen: ja-JP's currency format gives the full-width ￥). */
export function formatYen(amount: number): string {
  return `¥${amount.toLocaleString('en-US')}`;
}

/** "¥3,200,000 → 部長専決"; the label alone without an amount; null without a rule. */
export function finalRuleText(amount: number | null, rule: CaseView['route']['finalRule']): string | null {
  if (!rule) return null;
  return amount === null ? rule.label : `${formatYen(amount)} → ${rule.label}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long something has waited, in the largest whole unit: 3日, 5時間, 12分 (1分 at least). */
export function waitingText(since: string, now: number, t: TFunction): string {
  const elapsed = Math.max(0, now - Date.parse(since));
  if (elapsed >= DAY) return t('desk.wait.days', { n: Math.floor(elapsed / DAY) });
  if (elapsed >= HOUR) return t('desk.wait.hours', { n: Math.floor(elapsed / HOUR) });
  return t('desk.wait.minutes', { n: Math.max(1, Math.floor(elapsed / MINUTE)) });
}

const ACTED: ReadonlySet<StepStatus> = new Set(['approved', 'final_approved', 'agreed', 'disagreed', 'acknowledged']);

/**
 * Where a send-back can go: the drafter (null), or an earlier step that acted
 * on the route, before the stage being worked on (the server checks again).
 */
export function sendBackTargets(c: Pick<CaseView, 'route'>, myStepId: number | null): CaseStep[] {
  const stages = c.route.stages;
  const mine = myStepId === null ? -1 : stages.findIndex((s) => s.steps.some((step) => step.id === myStepId));
  const before = mine >= 0 ? mine : (c.route.currentStage ?? stages.length);
  return stages
    .slice(0, before)
    .flatMap((s) => s.steps)
    .filter((s) => s.blocking && ACTED.has(s.status));
}

/** Pending steps that are not mine: the people a 代決 could act for. */
export function deputyCandidates(c: Pick<CaseView, 'route' | 'state'>, myUserId: number): CaseStep[] {
  if (c.state !== 'in_progress') return [];
  const current = c.route.currentStage;
  if (current === null) return [];
  return (c.route.stages[current]?.steps ?? []).filter((s) => s.status === 'pending' && s.blocking && s.assignee.id !== myUserId);
}

/** The step whose turn it is (for the highlight): pending steps of the current stage. */
export function isCurrentStep(c: Pick<CaseView, 'route'>, stageIndex: number, step: CaseStep): boolean {
  return c.route.currentStage === stageIndex && step.status === 'pending';
}

/** The send-back now in force: the latest send_back entry of the timeline, while the case is sent back. */
export function latestSendBack(c: Pick<CaseView, 'state' | 'timeline'>): TimelineEntry | null {
  if (c.state !== 'sent_back') return null;
  for (let i = c.timeline.length - 1; i >= 0; i--) {
    const e = c.timeline[i];
    if (e?.action === 'send_back') return e;
  }
  return null;
}

/** Today in Tokyo, YYYY-MM-DD (the 施行日 default). */
export function tokyoToday(now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

export type HistoryRow =
  | { kind: 'event'; at: string; revision: number; key: string; entry: TimelineEntry }
  | { kind: 'file'; at: string; revision: number; key: string; name: string; by: string; removed: boolean };

/** Events and attachment changes in time order, each with the revision (版) it belongs to. */
export function historyRows(kase: Pick<CaseView, 'timeline' | 'attachments'>): HistoryRow[] {
  const rows: HistoryRow[] = kase.timeline.map((entry) => ({ kind: 'event', at: entry.at, revision: entry.revision, key: `e${entry.version}`, entry }));
  for (const a of kase.attachments) {
    rows.push({ kind: 'file', at: a.createdAt, revision: a.revision, key: `a${a.id}`, name: a.name, by: a.createdBy.name, removed: false });
    if (a.removedAt) rows.push({ kind: 'file', at: a.removedAt, revision: a.revision, key: `r${a.id}`, name: a.name, by: '', removed: true });
  }
  return rows.sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || x.key.localeCompare(y.key));
}
