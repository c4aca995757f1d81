import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTown, freshDataDir, launchBrowser, newPage, screenshot, startHub, type Hub } from './harness.js';
import { AdminPage } from './pages/admin.page.js';
import { LoginPage } from './pages/login.page.js';
import { SetupPage } from './pages/setup.page.js';
import { ShellPage } from './pages/shell.page.js';

const password = 'e2e-demo-password';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(fn: (page: Page) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
  const { context, page } = await newPage(browser, viewport);
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}

describe('first run', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub(freshDataDir());
  });
  afterAll(async () => hub?.stop());

  it('sends a new town to set-up, creates the administrator and signs them in', async () => {
    await withPage(async (page) => {
      await page.goto(`${hub.url}/`);
      const setup = new SetupPage(page);
      await setup.heading().waitFor();
      await screenshot(page, '01-first-run-setup');
      await setup.complete({ town: '北広島町', login: 'soumu.admin', name: '総務 花子', password: 'first-admin-password' });
      const shell = new ShellPage(page);
      await shell.navLink('管理').waitFor();
      expect(await page.getByRole('banner').textContent()).toContain('北広島町');
      await screenshot(page, '02-first-run-shell');
    });
    const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { setupRequired: boolean };
    expect(health.setupRequired).toBe(false);
  });
});

describe('demo town', () => {
  let hub: Hub;
  beforeAll(async () => {
    const dataDir = freshDataDir();
    await demoTown(dataDir, password);
    hub = await startHub(dataDir);
  });
  afterAll(async () => hub?.stop());

  it('shows a clear message for a wrong password, then signs in', async () => {
    await withPage(async (page) => {
      const login = new LoginPage(page, hub.url);
      await login.open();
      await screenshot(page, '03-sign-in');
      await login.signIn('admin', 'not-the-password');
      await login.alert().getByText('ログインIDまたはパスワードが正しくありません').waitFor();
      await screenshot(page, '04-sign-in-wrong-password');
      await login.signIn('admin', password);
      await new ShellPage(page).navLink('受信箱').waitFor();
      await screenshot(page, '05-shell-admin');
    });
  });

  it('can be used with the keyboard alone: Tab to the fields, Enter to sign in', async () => {
    await withPage(async (page) => {
      await new LoginPage(page, hub.url).open();
      const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.id ?? '');
      const loginBox = page.getByRole('textbox', { name: 'ログインID' });
      for (let i = 0; i < 8 && !(await loginBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await loginBox.evaluate((el) => el === document.activeElement), `focus is on ${await focusedName()}`).toBe(true);
      await page.keyboard.type('dx');
      await page.keyboard.press('Tab');
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
      await new ShellPage(page).navLink('紙削減').waitFor();
    });
  });

  it('locks an account after repeated failures and says how long to wait', async () => {
    await withPage(async (page) => {
      const login = new LoginPage(page, hub.url);
      await login.open();
      for (let i = 0; i < 5; i++) {
        await login.signIn('sasaki.megumi', `wrong-password-${i}`);
        await login.alert().getByText('ログインIDまたはパスワードが正しくありません').waitFor();
        await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('');
      }
      await login.signIn('sasaki.megumi', password);
      await login.alert().getByText(/一時的にロックされています/).waitFor();
      expect(await login.alert().textContent()).toMatch(/あと約\d+分/);
      await screenshot(page, '06-lock-out');
    });
  });

  it('lets an admin create a department and a user; that user sees only what a clerk may', async () => {
    await withPage(async (page) => {
      await new LoginPage(page, hub.url).open();
      await new LoginPage(page, hub.url).signIn('admin', password);
      const shell = new ShellPage(page);
      await shell.navLink('受信箱').waitFor();

      const admin = new AdminPage(page, hub.url);
      await admin.open('departments');
      await admin.createDepartment({ kind: '係', code: 'KIKAKU-KOHO', name: '広報係', parent: '企画課', site: '本庁（千代田）' });
      await page.getByText('「広報係」を保存しました').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await screenshot(page, '07-departments');

      await admin.open('users');
      await admin.openNewUser();
      await admin.fillUser({ login: 'mori.koji', name: '重複 太郎', kana: 'ちょうふく たろう', department: '広報係', position: '主事', password: 'clerk-password-1' });
      await admin.submitDialog();
      // A duplicate login is refused with the message under the login field, and the form stays open.
      await admin.dialog().getByText('ログインID: 同じ値がすでに登録されています').waitFor();
      await screenshot(page, '08-user-duplicate-login');
      await admin.dialog().getByLabel('ログインID').fill('koho.hanako');
      await admin.dialog().getByLabel('氏名').fill('広報 花子');
      await admin.submitDialog();
      await page.getByText('「広報 花子」を保存しました').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByRole('searchbox').or(page.getByPlaceholder('ログインID・氏名・ふりがな・メール')).first().fill('広報');
      await page.getByText('全1件').waitFor();
      await page.getByRole('cell', { name: 'koho.hanako' }).waitFor();
      await screenshot(page, '09-users');
    });

    await withPage(async (page) => {
      const login = new LoginPage(page, hub.url);
      await login.open();
      await login.signIn('koho.hanako', 'clerk-password-1');
      const shell = new ShellPage(page);
      await shell.navLink('受信箱').waitFor();
      expect(await shell.navLink('管理').count()).toBe(0);
      expect(await shell.navLink('紙削減').count()).toBe(0);
      await screenshot(page, '10-shell-clerk');
      await page.goto(`${hub.url}/admin/users`);
      await page.getByRole('heading', { name: '権限がありません' }).waitFor();
      await screenshot(page, '11-clerk-forbidden');
    });
  });

  it('switches to English, and remembers the choice for that user at the next sign-in', async () => {
    await withPage(async (page) => {
      const login = new LoginPage(page, hub.url);
      await login.open();
      await login.signIn('dx', password);
      const shell = new ShellPage(page);
      await shell.navLink('紙削減').waitFor();
      await shell.switchLanguage('English');
      await shell.navLink('Paper').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, '12-english');
      await shell.signOut('竹本 沙織');
      await page.getByRole('button', { name: /Sign in|サインイン/ }).waitFor();
    });
    await withPage(async (page) => {
      const login = new LoginPage(page, hub.url);
      await login.open();
      await login.signIn('dx', password);
      await new ShellPage(page).navLink('Paper').waitFor();
    });
  });

  it('fits a 768-px tablet: the navigation folds behind a menu button', async () => {
    await withPage(
      async (page) => {
        const login = new LoginPage(page, hub.url);
        await login.open();
        await login.signIn('admin', password);
        await page.getByRole('button', { name: 'メニューの開閉' }).waitFor();
        await screenshot(page, '13-tablet');
        await page.getByRole('button', { name: 'メニューの開閉' }).click();
        await new ShellPage(page).navLink('受信箱').waitFor();
        await screenshot(page, '14-tablet-menu');
      },
      { width: 768, height: 1024 },
    );
  });
});
