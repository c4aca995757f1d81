import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../electron/app/demo/demo-town.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { DraftPage } from './pages/draft.page.js';
import { RelatedPanel, RetentionPage } from './pages/retention.page.js';

// 関連文書 and 保存・廃棄 in real Chromium against a hub made by `kamiless demo`: a clerk links a related
// case while drafting; the case page lists links both ways and opens them; the administrator marks last
// year's expired records disposed in one batch with a reason, and a disposed case says so on its page.

const password = 'e2e-demo-password';
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const clerk = demoUsers.find((u) => u.department === 'SOMU-JINJI' && u.position === '主事')?.login ?? '';

let browser: Browser;
let hub: Hub;

beforeAll(async () => {
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('関連文書', () => {
  it('links a related case while drafting, saved with the draft', async () => {
    await withSignedIn(browser, hub, { login: clerk, password }, async (page) => {
      const draft = new DraftPage(page, hub.url);
      await draft.open();
      await draft.chooseType('通知・照会への回答');
      await draft.fillTitle('職員の休暇取得状況に関する照会への回答について');
      const related = new RelatedPanel(page);
      await related.link('年次有給休暇', '年次有給休暇の取得について', '前回の届');
      await expect.poll(() => related.items().count()).toBe(1);
      await expect.poll(() => page.url()).toMatch(/\/draft\/\d+$/);
      await page.getByText('前回の届').scrollIntoViewIfNeeded();
      await screenshot(page, 'related-draft-desktop');
      // Saved with the draft: it is there when the draft is opened again.
      await page.reload();
      await expect.poll(() => related.items().count()).toBe(1);
    }, SIZES.desktop);
  }, 60_000);

  it('lists the links of a case from both sides and opens the other case', async () => {
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const res = await page.request.get(`${hub.url}/api/cases/lookup?q=${encodeURIComponent('町道川井線舗装補修工事の請負契約')}`);
      const found = (await res.json()) as { items: { caseId: number }[] };
      const id = found.items[0]?.caseId;
      expect(id).toBeDefined();
      await page.goto(`${hub.url}/cases/${id}`);
      const related = new RelatedPanel(page);
      await expect.poll(() => related.items().count()).toBe(1);
      await related.items().first().scrollIntoViewIfNeeded();
      await screenshot(page, 'related-case-desktop');
      await related.items().first().getByRole('link').click();
      await page.getByRole('heading', { name: /設計業務/ }).waitFor();
      await expect.poll(() => related.items().first().textContent()).toContain('町道川井線舗装補修工事の請負契約について');
    }, SIZES.desktop);
  }, 60_000);
});

describe('保存・廃棄', () => {
  it('shows last year’s expired records and disposes of a batch with a reason, a result per case', async () => {
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      await page.getByRole('link', { name: '保存・廃棄' }).first().click();
      const archive = new RetentionPage(page, hub.url);
      await archive.rows().first().waitFor();
      await expect.poll(() => archive.rows().count()).toBe(4);
      await screenshot(page, 'retention-desktop');
      await archive.selectAllDue();
      await archive.dispose('保存期間満了（文書管理規程による）');
      await expect.poll(() => archive.resultItems().count()).toBe(4);
      expect(await archive.resultItems().allTextContents()).toEqual(Array.from({ length: 4 }, () => expect.stringContaining('廃棄済みにしました')));
      await screenshot(page, 'retention-dispose-result-desktop');
      await page.getByRole('button', { name: '閉じる' }).last().click();
      await expect.poll(() => archive.rows().filter({ hasText: '廃棄済み' }).count()).toBe(4);
      await screenshot(page, 'retention-disposed-desktop');
    }, SIZES.desktop);
  }, 60_000);

  it('is in the menu of a manager (read only) and not of a clerk', async () => {
    const manager = demoUsers.find((u) => u.department === 'SOMU' && u.position === '課長')?.login ?? '';
    await withSignedIn(browser, hub, { login: manager, password }, async (page) => {
      await page.getByRole('link', { name: '保存・廃棄' }).first().click();
      const archive = new RetentionPage(page, hub.url);
      await archive.rows().first().waitFor();
      expect(await page.getByRole('checkbox').count()).toBe(0);
      expect(await page.getByText('廃棄済みにする操作は管理者だけが行えます。').count()).toBe(1);
    }, SIZES.desktop);
    await withSignedIn(browser, hub, { login: clerk, password }, async (page) => {
      await page.getByRole('link', { name: '起案' }).first().waitFor();
      expect(await page.getByRole('link', { name: '保存・廃棄' }).count()).toBe(0);
    }, SIZES.desktop);
  }, 60_000);

  it('works on a phone, and a disposed case says 廃棄済み with date, who and why', async () => {
    await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
      const archive = new RetentionPage(page, hub.url);
      await archive.open();
      await screenshot(page, 'retention-phone');
      await archive.rows().first().getByRole('link').click();
      const notice = page.getByTestId('disposed-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('保存期間満了（文書管理規程による）');
      expect(await notice.textContent()).toContain('情報 管理者');
      await screenshot(page, 'retention-disposed-case-phone');
      // Its related documents are listed on the phone too (the 訓令 the survey led to).
      const related = new RelatedPanel(page);
      await expect.poll(() => related.items().count()).toBe(1);
      await related.items().first().scrollIntoViewIfNeeded();
      await screenshot(page, 'related-case-phone');
    }, SIZES.phone);
  }, 60_000);
});
