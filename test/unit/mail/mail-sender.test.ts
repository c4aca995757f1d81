import { describe, expect, it } from 'vitest';
import type { MailTestResult } from '../../../shared/api/mail.js';
import { createMailSender } from '../../../electron/app/mail/mail-sender.js';
import { defaultSmtpSettings, writeSmtpSettings } from '../../../electron/app/mail/mail-settings.js';
import { createOutboxRepo } from '../../../electron/app/mail/outbox.repo.js';
import { createSettingsRepo } from '../../../electron/app/org/settings.repo.js';
import { testClock, testDb } from '../../helpers/test-app.js';

function setup(answers: MailTestResult[]) {
  const db = testDb();
  const clock = testClock();
  const settings = createSettingsRepo(db);
  const { password: _unused, ...rest } = defaultSmtpSettings;
  writeSmtpSettings(settings, { ...rest, enabled: true, host: 'smtp.example', fromAddress: 'k@town.example', appUrl: 'https://hub.example' });
  const outbox = createOutboxRepo(db);
  const sent: string[] = [];
  const sender = createMailSender({
    clock,
    settings,
    outbox,
    maxAttempts: 3,
    random: () => 0.5,
    send: async (_s, mail) => {
      sent.push(mail.messageId ?? '');
      return answers.shift() ?? { ok: true, response: '250 OK' };
    },
  });
  outbox.add({ noticeKey: 'k1', userId: null, to: 'a@town.example', subject: 's', body: 'b' }, clock.now(), new Date(clock.now()).toISOString());
  return { db, clock, settings, outbox, sender, sent };
}

const down: MailTestResult = { ok: false, reason: 'connection', message: 'ECONNREFUSED' };

describe('mail sender', () => {
  it('waits longer after each failure, then gives the mail up and keeps its error', async () => {
    const s = setup([down, down, down]);
    expect(await s.sender.flush()).toBe(0);
    const first = s.outbox.status().lastFailures[0];
    expect(first).toMatchObject({ status: 'queued', attempts: 1, lastError: 'connection: ECONNREFUSED' });
    expect(Date.parse(first?.nextAttemptAt ?? '') - s.clock.now()).toBe(30_000);
    await s.sender.flush();
    expect(s.sent).toHaveLength(1);
    s.clock.advance(30_000);
    await s.sender.flush();
    const second = s.outbox.status().lastFailures[0];
    expect(Date.parse(second?.nextAttemptAt ?? '') - s.clock.now()).toBe(60_000);
    s.clock.advance(60_000);
    await s.sender.flush();
    expect(s.outbox.status()).toMatchObject({ queued: 0, sent: 0, failed: 1, lastFailures: [{ status: 'failed', attempts: 3, nextAttemptAt: null }] });
    s.clock.advance(10 * 3_600_000);
    await s.sender.flush();
    expect(s.sent).toHaveLength(3);
    // The same Message-ID every time: a mail sent again is recognisably the same mail.
    expect(new Set(s.sent).size).toBe(1);
  });

  it('holds the queue while mail is off', async () => {
    const s = setup([]);
    const { password: _unused, ...rest } = defaultSmtpSettings;
    writeSmtpSettings(s.settings, { ...rest, enabled: false });
    expect(await s.sender.flush()).toBe(0);
    expect(s.sent).toEqual([]);
    expect(s.outbox.status()).toMatchObject({ queued: 1, lastFailures: [] });
  });

  it('sends a queued notice once, however often it is handed over', async () => {
    const s = setup([]);
    expect(s.outbox.add({ noticeKey: 'k1', userId: null, to: 'a@town.example', subject: 's', body: 'b' }, s.clock.now(), 'x')).toBe(false);
    expect(await Promise.all([s.sender.flush(), s.sender.flush()])).toEqual([1, 1]);
    expect(await s.sender.flush()).toBe(0);
    expect(s.outbox.status()).toMatchObject({ queued: 0, sent: 1 });
  });
});
