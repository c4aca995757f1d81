import type { Clock } from '../clock.js';
import { isoAt } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { SettingsRepo } from '../org/settings.repo.js';
import type { CaseEventData } from '../server/event-hub.js';
import { readSmtpSettings } from './mail-settings.js';
import type { MailOptOutRepo } from './mail-opt-out.repo.js';
import { caseLink, noticeMail } from './notice-mail.js';
import type { OutboxRepo } from './outbox.repo.js';

export interface MailNotifierDeps {
  db: Db;
  clock: Clock;
  settings: SettingsRepo;
  outbox: OutboxRepo;
  optOut: MailOptOutRepo;
}

interface Person {
  name: string;
  email: string;
  active: number;
  department: string | null;
}

/**
 * Turns a case notice (what the server events tell open windows) into outbox
 * rows: one mail per person and kind, to those with an address who did not
 * turn mail off — nothing at all while mail is off. Each notice has a key, so
 * handing the same notice over twice queues it once.
 */
export function createMailNotifier(deps: MailNotifierDeps) {
  const { db, clock, settings, outbox, optOut } = deps;
  const person = db.prepare(`SELECT u.name, u.email, u.active, d.name AS department FROM users u
    LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ?`);
  const drafter = db.prepare('SELECT drafter_id FROM cases WHERE id = ?');
  const lastActor = db.prepare(`SELECT actor_id FROM audit_log WHERE case_id = ? AND actor_id IS NOT NULL ORDER BY id DESC LIMIT 1`);
  const personOf = (id: number | null | undefined): Person | undefined => (id == null ? undefined : (person.get(id) as Person | undefined));

  return {
    /** Queues the mails for one notice; answers how many were added. */
    enqueue(data: CaseEventData): number {
      if (data.notify.length === 0) return 0;
      const smtp = readSmtpSettings(settings);
      if (!smtp.enabled) return 0;
      const drafterRow = drafter.get(data.caseId) as { drafter_id: number } | undefined;
      const drafted = personOf(drafterRow?.drafter_id);
      const actorRow = lastActor.get(data.caseId) as { actor_id: number } | undefined;
      const actor = personOf(actorRow?.actor_id);
      const now = clock.now();
      let added = 0;
      for (const n of data.notify) {
        const to = personOf(n.userId);
        if (!to || to.active !== 1 || to.email === '' || !optOut.wantsMail(n.userId)) continue;
        const mail = noticeMail({
          kind: n.kind,
          caseNumber: data.number,
          title: data.title,
          recipientName: to.name,
          principalName: n.asProxyFor === null ? null : (personOf(n.asProxyFor)?.name ?? null),
          drafterName: drafted?.name ?? '',
          drafterDepartment: drafted?.department ?? '',
          actorName: actor?.name ?? null,
          waitingWorkingDays: n.waitingWorkingDays ?? null,
          link: caseLink(smtp.appUrl, data.caseId),
        });
        const noticeKey = `case:${data.caseId}:v${data.version}:${n.kind}:user:${n.userId}`;
        if (outbox.add({ noticeKey, userId: n.userId, to: to.email, subject: mail.subject, body: mail.text }, now, isoAt(clock))) added++;
      }
      return added;
    },
  };
}
export type MailNotifier = ReturnType<typeof createMailNotifier>;
