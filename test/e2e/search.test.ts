import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../shared/api/search.js';
import { japanesePdf } from '../integration/search/search-harness.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { apiSession, type ApiSession } from './pages/desk.page.js';

/**
 * 案件検索 in real Chromium against a hub: a phrase inside an attached PDF
 * finds the case, the hit is shown marked, the filters narrow it, and the
 * page works on a desktop and a phone. Cases are made through the API with
 * a word of their own (MARK), so the demo's cases never interfere.
 */
const password = 'e2e-demo-password';
const MARK = '検索試験';
const PHRASE = '特記仕様書第七条';
const desktop = { width: 1280, height: 800 };
const tablet = { width: 768, height: 1024 };
const phone = { width: 390, height: 844 };

let browser: Browser;
let hub: Hub;
let drafterLogin: string;
let found: { id: number; title: string };

/** The search page as a user drives it: type words, press 検索, read the result cards. */
class SearchScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${hub.url}/search`);
    await this.page.getByRole('searchbox', { name: '検索語' }).waitFor();
  }

  /** Searches and waits until the URL and the shown result are this search's. */
  async search(words: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '検索語' }).fill(words);
    await this.page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(words);
    await this.page.locator('[data-total]').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  total = async (): Promise<number> => Number(await this.page.locator('[data-total]').getAttribute('data-total'));
  card = (caseId: number) => this.page.locator(`li[data-case-id="${caseId}"]`);
}

beforeAll(async () => {
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
  browser = await launchBrowser();

  const admin = await apiSession(hub.url, 'admin', password);
  const users = await admin.send<{ items: { login: string; departmentName: string | null; positionName: string | null }[] }>('GET', '/api/users?pageSize=200');
  const drafter = users.items.find((u) => u.departmentName === '人事係' && u.positionName === '主事');
  if (!drafter) throw new Error('the demo town has no 人事係 主事');
  drafterLogin = drafter.login;
  const session: ApiSession = await apiSession(hub.url, drafterLogin, password);
  const types = await session.send<{ items: { id: number; active: boolean }[] }>('GET', '/api/document-types');
  const typeId = types.items.find((t) => t.active)?.id ?? 0;
  const made = await session.send<{ id: number; title: string }>('POST', '/api/cases', {
    typeId,
    title: `${MARK} 町道芸北線の道路補修工事`,
    amount: 300_000,
    body: '町道芸北線の舗装補修について、見積書のとおり委託契約を締結してよろしいか伺います。',
  });
  await session.upload(`/api/cases/${made.id}/attachments`, '仕様書.pdf', await japanesePdf([`${PHRASE}（施工範囲）`, '舗装の打換えは延長120メートルとする。']));
  for (let i = 1; i <= 3; i++) await session.send('POST', '/api/cases', { typeId, title: `${MARK} 定例報告 第${i}回`, amount: 1000, body: '定例の報告です。' });
  found = made;
  // The PDF is read in the background: wait until its text is searchable.
  await vi.waitFor(
    async () => {
      const r = await session.send<SearchResult>('GET', `/api/search?q=${encodeURIComponent(PHRASE)}`);
      expect(r.items.map((x) => x.caseId)).toContain(made.id);
    },
    { timeout: 60_000, interval: 500 },
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('search page', () => {
  it('finds a case by a phrase in its PDF and shows the hit marked (desktop)', async () => {
    await withSignedIn(browser, hub, { login: drafterLogin, password }, async (page) => {
      const screen = new SearchScreen(page);
      await screen.open();
      await screenshot(page, 'search-empty-desktop');
      await screen.search(PHRASE);
      expect(await screen.total()).toBe(1);
      const card = screen.card(found.id);
      await expect.poll(() => card.locator('mark').first().textContent()).toBe(PHRASE);
      expect(await card.locator('[data-matched-in]').getAttribute('data-matched-in')).toBe('pdf');
      await screenshot(page, 'search-results-desktop');

      await screen.search(`${MARK} 定例報告`);
      await expect.poll(() => screen.total()).toBe(3);
      await screen.search(`${MARK} 存在しない語句`);
      await expect.poll(() => screen.total()).toBe(0);
      await page.getByText('該当する案件はありません').waitFor();

      await screen.search('芸北');
      await screen.card(found.id).waitFor();
      await page.getByRole('link', { name: found.title }).click();
      await page.waitForURL(`**/cases/${found.id}`);
    }, desktop);
  });

  it('filters narrow the result and travel in the URL; the CSV link carries them', async () => {
    await withSignedIn(browser, hub, { login: drafterLogin, password }, async (page) => {
      const screen = new SearchScreen(page);
      await screen.open();
      await screen.search(MARK);
      expect(await screen.total()).toBe(4);
      await page.getByText('自分が起案した案件だけ').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('drafter')).not.toBeNull();
      await expect.poll(() => page.getByRole('checkbox', { name: '自分が起案した案件だけ' }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: '起案日（から）' }).fill('2000-01-01');
      await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2000-01-01');
      await expect.poll(() => screen.total()).toBe(4);
      const csv = page.getByRole('link', { name: 'CSV（Excel用 Shift_JIS）' });
      await expect.poll(() => csv.getAttribute('href')).toContain('from=2000-01-01');
      expect(await csv.getAttribute('href')).toContain('encoding=sjis');
      await screenshot(page, 'search-filters-tablet');
    }, tablet);
  });

  it('works on a phone: filters folded away, cards full width', async () => {
    await withSignedIn(browser, hub, { login: drafterLogin, password }, async (page) => {
      const screen = new SearchScreen(page);
      await screen.open();
      expect(await page.getByRole('button', { name: '絞り込み' }).getAttribute('aria-expanded')).toBe('false');
      await screen.search(PHRASE);
      await screenshot(page, 'search-results-phone');
      await screen.card(found.id).locator('mark').first().waitFor();
      const box = await screen.card(found.id).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      await screenshot(page, 'search-results-phone');
    }, phone);
  });
});
