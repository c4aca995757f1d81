// Reminders (催促) and 期限超過 over HTTP: working days counted on the hub's clock, the setting, and the
// reminder check publishing once per pending period to the assignee and their proxies.
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { createCasesRepo } from '../../../electron/app/approvals/cases.repo.js';
import { createReminders } from '../../../electron/app/approvals/overdue.js';
import { createSettingsRepo } from '../../../electron/app/org/settings.repo.js';
import { EventHub, type CaseEventData } from '../../../electron/app/server/event-hub.js';
import { approvalApp } from '../../helpers/approval-town.js';
import { bodyOf, removeTempDir, signIn, type Client } from '../../helpers/test-app.js';
import { acted, refused, submitted } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function town() {
  const events = new EventHub();
  const published: CaseEventData[] = [];
  events.subscribe((name, data) => {
    if (name === 'case') published.push(data as CaseEventData);
  });
  const t = await approvalApp({ events });
  cleanup.push(async () => {
    await t.app.close();
    removeTempDir(t.dataDir);
  });
  // Sessions time out while the clock jumps days ahead: a fresh sign-in for each request.
  const as = (login: string): Promise<Client> => signIn(t.app, login);
  const reminders = () => published.filter((e) => e.notify.some((n) => n.kind === 'reminder'));
  return { ...t, as, events, published, reminders };
}

const inbox = async (c: Client | Promise<Client>) => bodyOf(api.inbox, await (await c).inject({ method: 'GET', url: '/api/inbox' })).items;
const box = async (c: Client | Promise<Client>, which: 'mine' | 'department' | 'all') => bodyOf(api.listCases, await (await c).inject({ method: 'GET', url: `/api/cases?box=${which}` })).items;

describe('期限超過 and reminders', () => {
  it('reads and sets the working days, admins only, 1..30', async () => {
    const t = await town();
    const clerk = await t.as('clerk');
    const admin = await t.as('admin');
    expect(bodyOf(api.approvalSettings, await clerk.inject({ method: 'GET', url: '/api/approvals/settings' }))).toEqual({ reminderWorkingDays: 3 });
    refused(await clerk.inject({ method: 'PUT', url: '/api/approvals/settings', payload: { reminderWorkingDays: 5 } }), 403, 'forbidden');
    refused(await admin.inject({ method: 'PUT', url: '/api/approvals/settings', payload: { reminderWorkingDays: 31 } }), 400, 'validation');
    refused(await admin.inject({ method: 'PUT', url: '/api/approvals/settings', payload: { reminderWorkingDays: 0 } }), 400, 'validation');
    expect(bodyOf(api.setApprovalSettings, await admin.inject({ method: 'PUT', url: '/api/approvals/settings', payload: { reminderWorkingDays: 5 } }))).toEqual({ reminderWorkingDays: 5 });
    expect(bodyOf(api.approvalSettings, await clerk.inject({ method: 'GET', url: '/api/approvals/settings' }))).toEqual({ reminderWorkingDays: 5 });
  });

  it('counts working days in the inbox, flags overdue cases to the drafter and the department head, and reminds once per pending period', async () => {
    const t = await town();
    const { users } = t.town;
    // 係長's standing proxy: 同僚 八子, all April.
    const proxy = await (await t.as('kakaricho')).inject({ method: 'POST', url: '/api/proxies', payload: { proxyId: users.clerk2.id, fromDate: '2026-04-01', toDate: '2026-04-30' } });
    expect(proxy.statusCode).toBe(200);

    // Wednesday 2026-04-01 09:00 (the test clock): submitted, waiting for the 係長.
    const c = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '照会への回答' });
    const mine = () => inbox(t.as('kakaricho')).then((items) => items.find((i) => i.caseId === c.id));
    expect(await mine()).toMatchObject({ waitingWorkingDays: 0, overdue: false });
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);

    // Monday 4/6: Thu, Fri, Mon = 3 working days — at the limit, not over it.
    t.clock.advance(5 * DAY + HOUR);
    expect(await mine()).toMatchObject({ waitingWorkingDays: 3, overdue: false });
    expect((await box(await t.as('clerk'), 'mine')).find((s) => s.id === c.id)?.overdue).toBe(false);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    expect(t.reminders()).toEqual([]);

    // Tuesday 4/7: 4 working days.
    t.clock.advance(DAY);
    expect(await mine()).toMatchObject({ waitingWorkingDays: 4, overdue: true });
    expect((await inbox(await t.as('clerk2'))).find((i) => i.caseId === c.id)).toMatchObject({ overdue: true, asProxyFor: { id: users.kakaricho.id } });
    expect((await box(await t.as('clerk'), 'mine')).find((s) => s.id === c.id)?.overdue).toBe(true);
    // 課長 of 総務課 manages 人事係: the department list shows it too.
    expect((await box(await t.as('kacho'), 'department')).find((s) => s.id === c.id)?.overdue).toBe(true);

    expect(t.app.approvalReminders.check(t.clock.now())).toBe(1);
    expect(t.reminders()).toHaveLength(1);
    const sent = t.reminders()[0];
    expect(sent?.caseId).toBe(c.id);
    expect(sent?.notify).toEqual([
      { userId: users.kakaricho.id, kind: 'reminder', asProxyFor: null, waitingWorkingDays: 4 },
      { userId: users.clerk2.id, kind: 'reminder', asProxyFor: users.kakaricho.id, waitingWorkingDays: 4 },
    ]);
    expect(sent?.audience).toEqual(expect.arrayContaining([users.clerk.id, users.kakaricho.id, users.clerk2.id]));

    // Never again in this pending period, however often the timer runs.
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    t.clock.advance(15 * 60_000);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    t.clock.advance(DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    expect(t.reminders()).toHaveLength(1);

    // The 係長 approves (Wed 4/8): the 課長's step starts a new period, and the case is on time again.
    const approved = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    expect((await box(await t.as('clerk'), 'mine')).find((s) => s.id === c.id)?.overdue).toBe(false);
    expect((await inbox(await t.as('kacho'))).find((i) => i.caseId === c.id)).toMatchObject({ waitingWorkingDays: 0, overdue: false });

    // Wed 4/8 → Mon 4/13 is 3 working days; Tue 4/14 is 4: the 課長 is reminded, once, alone (no proxy).
    t.clock.advance(5 * DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    t.clock.advance(DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(1);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    expect(t.reminders()[1]?.notify).toEqual([{ userId: users.kacho.id, kind: 'reminder', asProxyFor: null, waitingWorkingDays: 4 }]);

    // Decided: nothing overdue, nothing to remind.
    await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: approved.version });
    expect((await box(await t.as('clerk'), 'mine')).find((s) => s.id === c.id)?.overdue).toBe(false);
    t.clock.advance(10 * DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);

    // A restart (a new reminder check over the same database) does not remind again: what was reminded is stored.
    const d = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '二件目' });
    t.clock.advance(10 * DAY);
    const publishedBefore = t.reminders().length;
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(1);
    const restarted = createReminders({
      db: t.db,
      cases: createCasesRepo(t.db),
      settings: createSettingsRepo(t.db),
      proxiesOf: () => [],
      publish: (data) => t.events.publish('case', data),
    });
    expect(restarted.check(t.clock.now())).toBe(0);
    t.clock.advance(DAY);
    expect(restarted.check(t.clock.now())).toBe(0);
    expect(t.reminders().slice(publishedBefore).map((e) => e.caseId)).toEqual([d.id]);
  });

  it('goes by the setting and skips Golden Week', async () => {
    const t = await town();
    await (await t.as('admin')).inject({ method: 'PUT', url: '/api/approvals/settings', payload: { reminderWorkingDays: 1 } });
    // To Tuesday 4/28 10:00; then 4/29 is 昭和の日 and 5/4–5/6 are holidays.
    t.clock.advance(27 * DAY + HOUR);
    const c = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '連休をまたぐ' });
    t.clock.advance(DAY); // 4/29 (holiday)
    expect((await inbox(await t.as('kakaricho'))).find((i) => i.caseId === c.id)).toMatchObject({ waitingWorkingDays: 0, overdue: false });
    t.clock.advance(DAY); // 4/30 (Thu)
    expect((await inbox(await t.as('kakaricho'))).find((i) => i.caseId === c.id)).toMatchObject({ waitingWorkingDays: 1, overdue: false });
    t.clock.advance(7 * DAY); // 5/7 (Thu): 4/30, 5/1, 5/7
    expect((await inbox(await t.as('kakaricho'))).find((i) => i.caseId === c.id)).toMatchObject({ waitingWorkingDays: 3, overdue: true });
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(1);
  });
});
