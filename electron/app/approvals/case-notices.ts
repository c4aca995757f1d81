import { allSteps, type Case } from '../../../shared/domain/approval/index.js';
import type { CaseEventData, CaseNoticeKind } from '../server/event-hub.js';

/**
 * Who is told what when a case goes from `before` to `after` (pure): a step
 * that became pending arrives in its assignee's inbox (and their proxies'); a
 * case returned to its drafter, decided or rejected is news for the drafter;
 * a new 後閲 task is news for the absent approver. Everyone on the case is in
 * the audience, so open screens refresh.
 */
export function caseNotices(before: Case | null, after: Case, proxiesOf: (userId: number) => number[]): CaseEventData {
  const notify: CaseEventData['notify'] = [];
  const add = (userId: number, kind: CaseNoticeKind) => {
    notify.push({ userId, kind, asProxyFor: null });
    for (const p of proxiesOf(userId)) notify.push({ userId: p, kind, asProxyFor: userId });
  };
  const wasPending = new Set(before ? allSteps(before.route).filter((s) => s.status === 'pending').map((s) => s.id) : []);
  for (const s of allSteps(after.route)) if (s.status === 'pending' && !wasPending.has(s.id)) add(s.assigneeId, 'arrived');
  if (before?.state !== after.state) {
    if (after.state === 'sent_back' && after.returned?.kind === 'send_back') add(after.drafterId, 'sent_back');
    if (after.state === 'approved') add(after.drafterId, 'completed');
    if (after.state === 'rejected') add(after.drafterId, 'rejected');
  }
  const knownReviews = before?.reviews.length ?? 0;
  for (const r of after.reviews.slice(knownReviews)) add(r.userId, 'review');
  const audience = new Set<number>([after.drafterId]);
  for (const s of allSteps(after.route)) {
    if (after.state !== 'draft') audience.add(s.assigneeId);
    if (s.actedBy !== null) audience.add(s.actedBy);
  }
  for (const n of notify) audience.add(n.userId);
  return { caseId: after.id, number: after.number, title: after.title, state: after.state, version: after.version, audience: [...audience], notify };
}
