import { allSteps, type Case } from '../../../shared/domain/approval/index.js';
import { workingDaysBetween } from '../../../shared/domain/approval/working-days.js';
import type { Db } from '../db/connection.js';
import type { SettingsRepo } from '../org/settings.repo.js';
import type { CaseEventData } from '../server/event-hub.js';
import type { CasesRepo } from './cases.repo.js';

export const reminderSettingKey = 'approval.reminderWorkingDays';
export const defaultReminderWorkingDays = 3;

/** After how many working days a waiting step is overdue (期限超過): the setting, else 3. */
export function reminderWorkingDays(settings: SettingsRepo): number {
  const n = Number(settings.get(reminderSettingKey));
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : defaultReminderWorkingDays;
}

/** A pending step as the overdue checks read it (a `case_steps` row). */
export interface PendingStep {
  case_id: number;
  step_id: number;
  kind: string;
  assignee_id: number;
  pending_since: string;
}

/**
 * Whether the route waits for this pending step. Only a 供覧 (inform) may not
 * — and `case_steps` does not say, so for those alone the case is read (rare).
 */
export function blockingCheck(cases: CasesRepo): (step: Pick<PendingStep, 'case_id' | 'step_id' | 'kind'>) => boolean {
  const loaded = new Map<number, Case | undefined>();
  return (step) => {
    if (step.kind !== 'inform') return true;
    if (!loaded.has(step.case_id)) loaded.set(step.case_id, cases.load(step.case_id)?.case);
    const c = loaded.get(step.case_id);
    return c !== undefined && allSteps(c.route).some((s) => s.id === step.step_id && s.blocking);
  };
}

/** Of these cases, those in progress with a step the route waits for that has waited more than `limit` working days at `now`. */
export function overdueCaseIds(db: Db, cases: CasesRepo, caseIds: readonly number[], limit: number, now: string): Set<number> {
  const overdue = new Set<number>();
  if (caseIds.length === 0) return overdue;
  // One query for the page: pending steps of in-progress cases only.
  const rows = db
    .prepare(`SELECT s.case_id, s.step_id, s.kind, s.assignee_id, s.pending_since FROM case_steps s JOIN cases c ON c.id = s.case_id
      WHERE s.status = 'pending' AND s.pending_since IS NOT NULL AND c.state = 'in_progress' AND s.case_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(caseIds)) as PendingStep[];
  const blocking = blockingCheck(cases);
  for (const r of rows) {
    if (overdue.has(r.case_id)) continue;
    if (workingDaysBetween(r.pending_since, now) > limit && blocking(r)) overdue.add(r.case_id);
  }
  return overdue;
}

export interface ReminderDeps {
  db: Db;
  cases: CasesRepo;
  settings: SettingsRepo;
  /** Who acts for a user on a day (standing proxies, 代理). */
  proxiesOf: (userId: number, now: string) => number[];
  publish: (data: CaseEventData) => void;
}

/**
 * Reminders (催促): `check(now)` finds the steps the route waits for that have
 * now waited more than the setting's working days and tells each assignee and
 * their proxies once per pending period — a step made pending again (sent back,
 * recalled, reassigned) starts a new period with a new `pending_since`. What
 * was reminded is stored (`step_reminders`) in the same transaction as the
 * publishing, whose listeners queue their mails inside it: a restart neither
 * reminds again nor loses a reminder.
 */
export function createReminders(deps: ReminderDeps) {
  const { db, cases, settings } = deps;
  const wasReminded = db.prepare('SELECT 1 FROM step_reminders WHERE case_id = ? AND step_id = ? AND pending_since = ?');
  const markReminded = db.prepare('INSERT INTO step_reminders (case_id, step_id, pending_since, reminded_at) VALUES (?, ?, ?, ?)');
  // Periods that ended (the step acted on, made pending anew, its case decided) are forgotten, so the table stays small.
  const forgetEnded = db.prepare(`DELETE FROM step_reminders WHERE NOT EXISTS (SELECT 1 FROM case_steps s JOIN cases c ON c.id = s.case_id
    WHERE s.case_id = step_reminders.case_id AND s.step_id = step_reminders.step_id AND s.pending_since = step_reminders.pending_since
      AND s.status = 'pending' AND c.state = 'in_progress')`);
  const pending = db.prepare(`SELECT s.case_id, s.step_id, s.kind, s.assignee_id, s.pending_since, c.number, c.title, c.state, c.version, c.drafter_id
    FROM case_steps s JOIN cases c ON c.id = s.case_id
    WHERE s.status = 'pending' AND s.pending_since IS NOT NULL AND s.pending_since < ? AND c.state = 'in_progress'
    ORDER BY s.pending_since, s.case_id, s.step_id`);
  type Row = PendingStep & { number: string | null; title: string; state: string; version: number; drafter_id: number };

  return {
    /** Publishes the reminders due at `now` (epoch ms); answers how many steps were reminded. */
    check(nowMs: number): number {
      const now = new Date(nowMs).toISOString();
      const limit = reminderWorkingDays(settings);
      // A step overdue now has waited more than `limit` whole days: older rows only.
      const rows = pending.all(new Date(nowMs - limit * 86_400_000).toISOString()) as Row[];
      const blocking = blockingCheck(cases);
      let count = 0;
      for (const r of rows) {
        if (wasReminded.get(r.case_id, r.step_id, r.pending_since) !== undefined) continue;
        const days = workingDaysBetween(r.pending_since, now);
        if (days <= limit || !blocking(r)) continue;
        count++;
        const notify: CaseEventData['notify'] = [{ userId: r.assignee_id, kind: 'reminder', asProxyFor: null, waitingWorkingDays: days }];
        for (const p of deps.proxiesOf(r.assignee_id, now)) notify.push({ userId: p, kind: 'reminder', asProxyFor: r.assignee_id, waitingWorkingDays: days });
        const remind = db.transaction(() => {
          markReminded.run(r.case_id, r.step_id, r.pending_since, now);
          deps.publish({
            caseId: r.case_id,
            number: r.number,
            title: r.title,
            state: r.state,
            version: r.version,
            // The drafter's lists show the case as overdue from now on: their screens refresh too.
            audience: [...new Set([r.drafter_id, ...notify.map((n) => n.userId)])],
            notify,
          });
        });
        remind();
      }
      forgetEnded.run();
      return count;
    },
  };
}
export type Reminders = ReturnType<typeof createReminders>;
