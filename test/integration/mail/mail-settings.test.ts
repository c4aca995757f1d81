// SMTP settings over HTTP: admins only, checked field by field, the password never returned, and the
// test send against a real local SMTP server — delivered, server down, login refused, TLS not possible.
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { approvalApp } from '../../helpers/approval-town.js';
import { bodyOf, removeTempDir } from '../../helpers/test-app.js';
import { refused, unchanged } from '../approvals/harness.js';
import { mailOn } from './mail-town.js';
import { smtpReceiver, type Receiver } from '../../helpers/smtp-receiver.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function town() {
  const t = await approvalApp();
  cleanup.push(async () => {
    await t.app.close();
    removeTempDir(t.dataDir);
  });
  return t;
}

async function receiver(opts: Parameters<typeof smtpReceiver>[0] = {}): Promise<Receiver> {
  const r = await smtpReceiver(opts);
  cleanup.push(() => r.close());
  return r;
}

describe('SMTP settings', () => {
  it('are for admins only and start switched off', async () => {
    const t = await town();
    refused(await (await t.as('clerk')).inject({ method: 'GET', url: '/api/admin/mail' }), 403, 'forbidden');
    refused(await (await t.as('clerk')).inject({ method: 'PUT', url: '/api/admin/mail', payload: mailOn(25) }), 403, 'forbidden');
    refused(await (await t.as('clerk')).inject({ method: 'POST', url: '/api/admin/mail/test', payload: { to: 'a@b.example' } }), 403, 'forbidden');
    const got = bodyOf(api.mailSettings, await (await t.as('admin')).inject({ method: 'GET', url: '/api/admin/mail' }));
    expect(got).toMatchObject({ enabled: false, host: '', passwordSet: false });
  });

  it('refuses bad input naming the field, and keeps what was stored', async () => {
    const t = await town();
    const admin = await t.as('admin');
    const good = { ...mailOn(2525), user: 'kamiless', password: 'secret-1' };
    expect((await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: good })).statusCode).toBe(200);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, host: '' }, 'body.host'],
      [{ ...good, fromAddress: '' }, 'body.fromAddress'],
      [{ ...good, appUrl: '' }, 'body.appUrl'],
      [{ ...good, fromAddress: 'not an address' }, 'body.fromAddress'],
      [{ ...good, appUrl: 'ftp://hub.example' }, 'body.appUrl'],
      [{ ...good, port: 0 }, 'body.port'],
      [{ ...good, port: 70_000 }, 'body.port'],
      [{ ...good, security: 'ssl' }, 'body.security'],
    ];
    for (const [payload, field] of bad) {
      const err = await unchanged(t.db, async () => refused(await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload }), 400, 'validation'));
      expect(err.field, JSON.stringify(payload)).toBe(field);
    }
    // Switched off, an empty server is fine (the rest is kept for later).
    expect((await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...good, enabled: false, host: '' } })).statusCode).toBe(200);
  });

  it('never returns the password: a set one is kept until replaced or removed', async () => {
    const t = await town();
    const admin = await t.as('admin');
    const secret = 'pa55-ぱすわーど';
    const put = await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(2525), user: 'kamiless', password: secret } });
    expect(put.body).not.toContain(secret);
    expect(bodyOf(api.setMailSettings, put)).toMatchObject({ user: 'kamiless', passwordSet: true });
    expect(put.json()).not.toHaveProperty('password');
    const got = await admin.inject({ method: 'GET', url: '/api/admin/mail' });
    expect(got.body).not.toContain(secret);
    expect(bodyOf(api.mailSettings, got).passwordSet).toBe(true);
    // Nor does the admin log.
    const log = t.db.prepare("SELECT detail FROM admin_log WHERE action = 'mail.settings.set'").all() as { detail: string }[];
    expect(log.length).toBe(1);
    expect(log[0]?.detail).not.toContain(secret);

    const kept = await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(2526), user: 'kamiless' } });
    expect(bodyOf(api.setMailSettings, kept)).toMatchObject({ port: 2526, passwordSet: true });
    const removed = await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(2526), user: 'kamiless', password: null } });
    expect(bodyOf(api.setMailSettings, removed).passwordSet).toBe(false);
  });
});

describe('test send', () => {
  it("delivers a Japanese test mail and answers the server's reply", async () => {
    const t = await town();
    const r = await receiver();
    const admin = await t.as('admin');
    // Off: a test still goes out, so the settings can be tried before switching on.
    await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(r.port), enabled: false } });
    const res = bodyOf(api.sendTestMail, await admin.inject({ method: 'POST', url: '/api/admin/mail/test', payload: { to: 'somu@town.example' } }));
    expect(res).toMatchObject({ ok: true, response: expect.stringMatching(/^250/) });
    const [mail] = await r.waitFor(1);
    expect(mail?.subject).toBe('【Kamiless】テストメール');
    expect(mail?.text).toContain('通知メールの送信設定は正しく動作しています');
    expect(mail?.from?.value[0]).toEqual({ name: 'テスト町 Kamiless', address: 'kamiless@town.example' });
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('says why it failed: nothing set, server down, login refused, TLS not possible', async () => {
    const t = await town();
    const admin = await t.as('admin');
    const test = async () => bodyOf(api.sendTestMail, await admin.inject({ method: 'POST', url: '/api/admin/mail/test', payload: { to: 'somu@town.example' } }));
    expect(await test()).toMatchObject({ ok: false, reason: 'not_configured' });

    const gone = await smtpReceiver();
    await gone.close();
    await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: mailOn(gone.port) });
    expect(await test()).toMatchObject({ ok: false, reason: 'connection', message: expect.stringContaining('ECONNREFUSED') });

    const guarded = await receiver({ auth: { user: 'kamiless', pass: 'right' } });
    await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(guarded.port), user: 'kamiless', password: 'wrong' } });
    expect(await test()).toMatchObject({ ok: false, reason: 'auth', message: expect.stringContaining('535') });
    await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(guarded.port), user: 'kamiless', password: 'right' } });
    expect(await test()).toMatchObject({ ok: true });

    // STARTTLS against a server whose certificate nobody vouches for (smtp-server's own, self-signed).
    await admin.inject({ method: 'PUT', url: '/api/admin/mail', payload: { ...mailOn(guarded.port), security: 'starttls' } });
    expect(await test()).toMatchObject({ ok: false, reason: 'tls' });
    expect(guarded.received).toHaveLength(1);
  });

  it('checks the address', async () => {
    const t = await town();
    const err = refused(await (await t.as('admin')).inject({ method: 'POST', url: '/api/admin/mail/test', payload: { to: 'nobody' } }), 400, 'validation');
    expect(err.field).toBe('body.to');
  });
});
