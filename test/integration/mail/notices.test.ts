// Notice mails through a real local SMTP server: who receives what (arrived, sent back, decided, rejected,
// reminded), in decoded Japanese with the link to the case; nobody when mail is off, opted out or
// address-less; the action never fails for the mail; retries after the server was down; restarts
// neither lose nor repeat a mail, nor a reminder.
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf } from '../../helpers/test-app.js';
import { acted, submitted } from '../approvals/harness.js';
import { EventHub, type ServerEventName, type ServerEvents } from '../../../electron/app/server/event-hub.js';
import { hubUrl, mailOn, mailTown, summary } from './mail-town.js';

const DAY = 86_400_000;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function town() {
  const t = await mailTown();
  cleanup.push(() => t.close());
  return t;
}
type Town = Awaited<ReturnType<typeof town>>;

const notice = async (t: Town, title = '照会への回答') => submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title });
const outbox = async (t: Town) => bodyOf(api.mailOutbox, await (await t.as('admin')).inject({ method: 'GET', url: '/api/admin/mail/outbox' }));

describe('notice mails', () => {
  it('tell the assignee (and their proxy) a case arrived, with number, title, drafter and link', async () => {
    const t = await town();
    const { users } = t.town;
    await (await t.as('kakaricho')).inject({ method: 'POST', url: '/api/proxies', payload: { proxyId: users.clerk2.id, fromDate: '2026-04-01', toDate: '2026-04-30' } });
    const c = await notice(t);
    const mails = await t.delivered();
    expect(mails.map(summary)).toEqual([
      { to: 'kakaricho@town.example', subject: `【決裁依頼】${c.number} 照会への回答` },
      { to: 'clerk2@town.example', subject: `【決裁依頼】${c.number} 照会への回答` },
    ]);
    const [own, proxy] = mails;
    expect(own?.text).toContain('係長 六子 様');
    expect(own?.text).toContain('あなたの受信箱に案件が届きました');
    expect(own?.text).toContain(`文書番号: ${c.number}`);
    expect(own?.text).toContain('起案者: 起案 七子（人事係）');
    expect(own?.text).toContain(`案件を開く: ${hubUrl}/cases/${c.id}`);
    expect(proxy?.text).toContain('係長 六子 さん（あなたが代理）の受信箱');
    // UTF-8 declared and the subject encoded, not raw bytes in a header.
    expect(own?.headerLines.find((h) => h.key === 'subject')?.line).toMatch(/=\?UTF-8\?/i);
    expect((await outbox(t))).toMatchObject({ queued: 0, sent: 2, failed: 0, lastFailures: [] });
  });

  it('are queued in the action\'s own transaction: a crash between the commit and the server events loses none', async () => {
    // The process "dies" right after each commit: nothing it would publish about cases gets out.
    class LostAfterCommit extends EventHub {
      override publish<K extends ServerEventName>(name: K, data: ServerEvents[K]): void {
        if (name !== 'case') super.publish(name, data);
      }
    }
    const t = await mailTown(new LostAfterCommit());
    cleanup.push(() => t.close());
    const c = await notice(t);
    expect((await t.delivered()).map(summary)).toEqual([{ to: 'kakaricho@town.example', subject: `【決裁依頼】${c.number} 照会への回答` }]);
  });

  it('tell the drafter when a case is sent back, decided or rejected — once each', async () => {
    const t = await town();
    let c = await notice(t, '一件目');
    c = await acted(await t.as('kakaricho'), c.id, { action: 'send_back', version: c.version, comment: '根拠を追記' });
    let mails = await t.delivered();
    expect(mails.slice(1).map(summary)).toEqual([{ to: 'clerk@town.example', subject: `【差戻し】${c.number} 一件目` }]);
    expect(mails[1]?.text).toContain('処理者: 係長 六子');
    expect(mails[1]?.text).toContain('修正して再提出してください');

    c = await acted(await t.as('clerk'), c.id, { action: 'resubmit', version: c.version });
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
    mails = await t.delivered();
    expect(mails.slice(2).map(summary)).toEqual([
      { to: 'kakaricho@town.example', subject: `【決裁依頼】${c.number} 一件目` },
      { to: 'kacho@town.example', subject: `【決裁依頼】${c.number} 一件目` },
      { to: 'clerk@town.example', subject: `【決裁完了】${c.number} 一件目` },
    ]);

    let d = await notice(t, '二件目');
    d = await acted(await t.as('kakaricho'), d.id, { action: 'approve', version: d.version });
    await acted(await t.as('kacho'), d.id, { action: 'reject', version: d.version, comment: '不要' });
    mails = await t.delivered();
    expect(mails.slice(5).map(summary)).toEqual([
      { to: 'kakaricho@town.example', subject: `【決裁依頼】${d.number} 二件目` },
      { to: 'kacho@town.example', subject: `【決裁依頼】${d.number} 二件目` },
      { to: 'clerk@town.example', subject: `【否決】${d.number} 二件目` },
    ]);
    expect(mails[7]?.text).toContain('処理者: 課長 四郎');
  });

  it('go to nobody while mail is off, to nobody who turned them off, and to nobody without an address', async () => {
    const t = await town();
    await t.configure({ ...mailOn(t.receiver.port), enabled: false });
    await notice(t, '止めている間');
    expect(await t.delivered()).toEqual([]);
    expect((await outbox(t)).queued).toBe(0);

    await t.configure();
    const kakaricho = await t.as('kakaricho');
    expect(bodyOf(api.myMail, await kakaricho.inject({ method: 'GET', url: '/api/me/mail' }))).toEqual({ enabled: true, address: 'kakaricho@town.example', hubSendsMail: true });
    expect(bodyOf(api.setMyMail, await kakaricho.inject({ method: 'PUT', url: '/api/me/mail', payload: { enabled: false } })).enabled).toBe(false);
    const c = await notice(t, '本人が停止');
    expect(await t.delivered()).toEqual([]);
    await kakaricho.inject({ method: 'PUT', url: '/api/me/mail', payload: { enabled: true } });

    // Without an address nothing is sent to them, and the action is unaffected.
    t.db.prepare("UPDATE users SET email = '' WHERE login = 'kakaricho'").run();
    const approved = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    expect(approved.state).toBe('in_progress');
    expect((await t.delivered()).map(summary)).toEqual([{ to: 'kacho@town.example', subject: `【決裁依頼】${c.number} 本人が停止` }]);
  });

  it('never fail the action: with the server down the mail waits, is retried with backoff, and is sent once it is back', async () => {
    const t = await town();
    await t.smtpDown();
    const c = await notice(t);
    expect(c.state).toBe('in_progress');
    await t.app.mail.flush();
    let box = await outbox(t);
    expect(box).toMatchObject({ queued: 1, sent: 0, failed: 0 });
    expect(box.lastFailures[0]).toMatchObject({ to: 'kakaricho@town.example', attempts: 1, status: 'queued', lastError: expect.stringMatching(/^connection: .*ECONNREFUSED/) });
    const next = Date.parse(box.lastFailures[0]?.nextAttemptAt ?? '');
    expect(next - t.clock.now()).toBeGreaterThanOrEqual(24_000);

    // Not before its time, even with the server back.
    await t.smtpUp();
    expect(await t.delivered()).toEqual([]);
    t.clock.advance(next - t.clock.now());
    expect((await t.delivered()).map(summary)).toEqual([{ to: 'kakaricho@town.example', subject: `【決裁依頼】${c.number} 照会への回答` }]);
    box = await outbox(t);
    expect(box).toMatchObject({ queued: 0, sent: 1, failed: 0, lastFailures: [] });
  });

  it('send again at once what was given up on when an administrator asks (the settings fixed), and only then', async () => {
    const t = await town();
    await t.smtpDown();
    const c = await notice(t, '打ち切った通知');
    await t.app.mail.flush();
    // Given up, as the sender does after its last try.
    t.db.prepare("UPDATE mail_outbox SET status = 'failed', attempts = 12").run();
    expect(await outbox(t)).toMatchObject({ queued: 0, sent: 0, failed: 1 });
    await t.smtpUp();
    t.clock.advance(DAY);
    expect(await t.delivered()).toEqual([]);

    const retry = async (login: string) => (await t.as(login)).inject({ method: 'POST', url: '/api/admin/mail/outbox/retry' });
    expect((await retry('kacho')).statusCode).toBe(403);
    const done = bodyOf(api.retryMails, await retry('admin'));
    expect(done.retried).toBe(1);
    expect(done.outbox).toMatchObject({ queued: 1, failed: 0 });
    expect(done.outbox.lastFailures[0]).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await t.delivered()).map(summary)).toEqual([{ to: 'kakaricho@town.example', subject: `【決裁依頼】${c.number} 打ち切った通知` }]);
    expect(await outbox(t)).toMatchObject({ queued: 0, sent: 1, failed: 0, lastFailures: [] });
    expect(t.db.prepare("SELECT detail FROM admin_log WHERE action = 'mail.retry'").pluck().all()).toEqual([JSON.stringify({ retried: 1 })]);
    // Nothing left to send again: a sent mail stays sent.
    expect(bodyOf(api.retryMails, await retry('admin')).retried).toBe(0);
    expect(await t.delivered()).toHaveLength(1);
  });

  it('survive a restart: what was queued is sent after it, what was sent is not sent again', async () => {
    const t = await town();
    await notice(t, '送信済み');
    expect(await t.delivered()).toHaveLength(1);
    await t.smtpDown();
    await notice(t, '再起動をまたぐ');
    await t.app.mail.flush();
    await t.restart();
    await t.smtpUp();
    t.clock.advance(DAY);
    const after = await t.delivered();
    expect(after.map((m) => m.subject)).toEqual([expect.stringMatching(/再起動をまたぐ$/)]);
    await t.restart();
    t.clock.advance(DAY);
    expect(await t.delivered()).toHaveLength(1);
    expect(await outbox(t)).toMatchObject({ queued: 0, sent: 2, failed: 0 });
  });

  it('remind once per waiting period, and not again after a restart', async () => {
    const t = await town();
    const c = await notice(t, '急ぎの照会');
    await t.delivered();
    // Wednesday 4/1 → Tuesday 4/7: four working days, over the default three.
    t.clock.advance(6 * DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(1);
    const mails = await t.delivered();
    expect(mails.slice(1).map(summary)).toEqual([{ to: 'kakaricho@town.example', subject: `【催促】${c.number} 急ぎの照会` }]);
    expect(mails[1]?.text).toContain('経過: 4 営業日');

    await t.restart();
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    t.clock.advance(DAY);
    expect(t.app.approvalReminders.check(t.clock.now())).toBe(0);
    expect(await t.delivered()).toHaveLength(2);

    // Once the step has acted its period is over, and what was remembered of it is forgotten.
    const remembered = () => (t.db.prepare('SELECT COUNT(*) AS n FROM step_reminders').get() as { n: number }).n;
    expect(remembered()).toBe(1);
    await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    t.app.approvalReminders.check(t.clock.now());
    expect(remembered()).toBe(0);
  });
});
