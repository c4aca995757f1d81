import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpReceiver, type Receiver } from '../helpers/smtp-receiver.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { apiSession } from './pages/desk.page.js';
import { NotificationsPage } from './pages/notifications.page.js';

/**
 * 管理 › 通知設定 in real Chromium against a hub and a real SMTP server on
 * this machine: the settings saved through the form, a test send that
 * arrives and one that cannot, a case notice delivered by the hub's
 * background sender, the outbox showing a failure, and the user's own switch.
 */
const password = 'e2e-demo-password';
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

let browser: Browser;
let hub: Hub;
let smtp: Receiver;
let drafter: { login: string; id: number };

async function submitCase(title: string): Promise<void> {
  const s = await apiSession(hub.url, drafter.login, password);
  const types = await s.send<{ items: { id: number; active: boolean }[] }>('GET', '/api/document-types');
  const type = types.items.find((ty) => ty.active);
  if (!type) throw new Error('the demo town has no document type');
  const draft = await s.send<{ id: number; version: number }>('POST', '/api/cases', { typeId: type.id, title, amount: 120_000 });
  await s.send('POST', `/api/cases/${draft.id}/submit`, { version: draft.version });
}

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
  smtp = await smtpReceiver();
  // Everyone gets an address, so a case notice has somebody to reach.
  const admin = await apiSession(hub.url, 'admin', password);
  const users = await admin.send<{ items: { id: number; login: string; departmentName: string | null; positionName: string | null }[] }>('GET', '/api/users?pageSize=200');
  for (const u of users.items) await admin.send('PATCH', `/api/users/${u.id}`, { email: `${u.login}@town.example` });
  const clerk = users.items.find((u) => u.departmentName === '人事係' && u.positionName === '主事');
  if (!clerk) throw new Error('the demo town has no 人事係 主事');
  drafter = { login: clerk.login, id: clerk.id };
});
afterAll(async () => {
  await smtp?.close();
  await hub?.stop();
  await browser?.close();
});

describe('通知設定 (admin)', () => {
  it('saves the SMTP settings, sends a test mail that arrives, and delivers case notices', async () => {
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const n = new NotificationsPage(page, hub.url);
      await n.open();
      await page.getByRole('link', { name: '通知設定' }).waitFor();
      await screenshot(page, 'notifications-desktop-top');
      await n.configure({ host: '127.0.0.1', port: smtp.port, security: 'なし（庁内ネットワークのみ）', fromAddress: 'kamiless@town.example', appUrl: hub.url, enabled: true });
      await n.save();
      await n.sendTest('somu@town.example');
      await page.getByText('送信できました').waitFor();
      await page.getByText(/サーバーの応答: 250/).scrollIntoViewIfNeeded();
      const [test] = await smtp.waitFor(1);
      expect(test?.subject).toBe('【Kamiless】テストメール');
      await screenshot(page, 'notifications-desktop-test-sent');

      await submitCase('E2E通知 公用車の車検');
      const mails = await smtp.waitFor(2, 15_000);
      const notice = mails[1];
      expect(notice?.subject).toMatch(/^【決裁依頼】.+ E2E通知 公用車の車検$/);
      expect(notice?.text).toContain(`${hub.url}/cases/`);
      const admin = await apiSession(hub.url, 'admin', password);
      expect((await admin.send<{ sent: number; queued: number }>('GET', '/api/admin/mail/outbox')).sent).toBeGreaterThanOrEqual(1);
    }, desktop);
  });

  it('says why a test send fails, and shows the mail waiting for the server in the outbox', async () => {
    await smtp.close();
    await submitCase('E2E通知 サーバー停止中の起案');
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const n = new NotificationsPage(page, hub.url);
      await n.open();
      await n.sendTest('somu@town.example');
      await page.getByText('送信できませんでした').waitFor();
      await page.getByText(/^次の再送 /).first().waitFor();
      await page.getByText('SMTPサーバーに接続できません。サーバー名とポートを確認してください。').scrollIntoViewIfNeeded();
      await page.getByText(/^詳細: .*ECONNREFUSED/).waitFor();
      await screenshot(page, 'notifications-desktop-test-failed');
      await page.getByRole('heading', { name: '送信状況' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'notifications-desktop-outbox');
    }, desktop);
  });

  it('works on a phone: the form, the test result and the outbox stack in one column', async () => {
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const n = new NotificationsPage(page, hub.url);
      await n.open();
      await screenshot(page, 'notifications-phone-top');
      await n.sendTest('somu@town.example');
      await page.getByText('送信できませんでした').waitFor();
      await page.getByRole('button', { name: 'テスト送信' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'notifications-phone-test-failed');
      await page.getByRole('button', { name: '催促の設定を保存' }).scrollIntoViewIfNeeded();
      await page.getByLabel('催促までの営業日数').fill('5');
      await page.getByRole('button', { name: '催促の設定を保存' }).click();
      await page.getByText('催促の設定を保存しました').waitFor();
      await screenshot(page, 'notifications-phone-reminder');
      const admin = await apiSession(hub.url, 'admin', password);
      expect(await admin.send('GET', '/api/approvals/settings')).toEqual({ reminderWorkingDays: 5 });
      await page.getByRole('heading', { name: '送信状況' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'notifications-phone-outbox');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(phone.width);
    }, phone);
  });

  it('lets a user turn their own mail notices off on the settings page', async () => {
    await withSignedIn(browser, hub, { login: drafter.login, password }, async (page) => {
      await page.goto(`${hub.url}/settings`);
      const toggle = page.getByRole('switch', { name: 'メールで受け取る' });
      await toggle.waitFor({ state: 'attached' });
      expect(await toggle.isChecked()).toBe(true);
      await page.getByText(`送信先: ${drafter.login}@town.example`).waitFor();
      await toggle.click({ force: true });
      await page.getByText('メールでのお知らせをオフにしました').waitFor();
      expect(await toggle.isChecked()).toBe(false);
      await page.getByRole('heading', { name: 'メールでのお知らせ' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'notifications-phone-settings-off');
    }, phone);
    const me = await apiSession(hub.url, drafter.login, password);
    expect(await me.send<{ enabled: boolean }>('GET', '/api/me/mail')).toMatchObject({ enabled: false });
  });

  it('sends the mails that could not be sent again at once, when the administrator asks once the server is back', async () => {
    const admin = await apiSession(hub.url, 'admin', password);
    type Outbox = { lastFailures: { subject: string }[] };
    // The notice of the case submitted while the server was down (above) still waits, with its error.
    await expect.poll(async () => (await admin.send<Outbox>('GET', '/api/admin/mail/outbox')).lastFailures.map((f) => f.subject).join()).toContain('サーバー停止中の起案');
    smtp = await smtpReceiver({ port: smtp.port });
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const n = new NotificationsPage(page, hub.url);
      await n.open();
      const retry = page.getByRole('button', { name: '今すぐ再送' });
      await retry.scrollIntoViewIfNeeded();
      await screenshot(page, 'notifications-desktop-retry');
      await retry.click();
      await page.getByText(/^\d+通のメールを送り直します$/).waitFor();
      const mails = await smtp.waitFor(1, 15_000);
      expect(mails.map((m) => m.subject).join()).toContain('サーバー停止中の起案');
      await page.getByRole('button', { name: '最新の状況に更新' }).click();
      await page.getByText('送信エラーはありません').waitFor();
      expect(await retry.count()).toBe(0);
    }, desktop);
  });
});
