import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { demoCast, type Person } from './demo-cast.js';
import { apiSession, DeskPage, estimatePdf } from './pages/desk.page.js';

/**
 * 版と変更点 on the case page: a case sent back by the 係長 comes back with
 * its 見積書 replaced, a 写真 added, a 地図 taken off and a new title, amount
 * and body. The 係長 sees what changed at a glance, reads the body's changes,
 * and opens the old 見積書 and the new one in the viewer.
 */
const password = 'e2e-demo-password';
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

let browser: Browser;
let hub: Hub;

interface Made {
  id: number;
  oldEstimate: number;
  newEstimate: number;
}
let kakaricho: Person;
let made: Made;

async function setUp(): Promise<void> {
  const { admin, holder, positionId } = await demoCast(hub.url, password);
  const drafterPerson = holder('人事係', '主事');
  kakaricho = holder('人事係', '係長');
  const type = await admin.send<{ id: number }>('POST', '/api/document-types', {
    code: 'E2E-REV',
    name: '物品購入（E2E 版）',
    retention: '5',
    sortOrder: 99,
    template: {
      stages: [
        { key: 'kakaricho', mode: 'all', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: positionId('係長') }, optional: true }] },
        { key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'final', assignee: { kind: 'chain', positionId: positionId('課長') }, optional: false }] },
      ],
      bands: [],
      amountRequired: false,
      allowAddedConsult: false,
      addedConsultPositionId: null,
      resubmit: 'restart',
    },
  });

  const drafter = await apiSession(hub.url, drafterPerson.login, password);
  const boss = await apiSession(hub.url, kakaricho.login, password);
  type View = { id: number; version: number; attachments: { id: number; name: string }[] };
  const draft = await drafter.send<View>('POST', '/api/cases', {
    typeId: type.id,
    title: '公用車タイヤの購入',
    amount: 180_000,
    body: '公用車のタイヤを購入したい。\n見積は1社から取得した。',
  });
  for (const [name, pages] of [['estimate.pdf', 1], ['spec.pdf', 2], ['map.pdf', 1]] as const) {
    await drafter.upload(`/api/cases/${draft.id}/attachments`, name, await estimatePdf(pages, name.replace(/\.pdf$/, '')));
  }
  let view = await drafter.send<View>('GET', `/api/cases/${draft.id}`);
  view = await drafter.send<View>('POST', `/api/cases/${draft.id}/submit`, { version: view.version });
  view = await boss.send<View>('POST', `/api/cases/${draft.id}/actions`, { action: 'send_back', version: view.version, comment: '見積を2社から取り直してください。地図は不要です。' });

  const idOf = (name: string) => view.attachments.find((a) => a.name === name)?.id ?? 0;
  const oldEstimate = idOf('estimate.pdf');
  await drafter.send('DELETE', `/api/cases/${draft.id}/attachments/${oldEstimate}`);
  await drafter.send('DELETE', `/api/cases/${draft.id}/attachments/${idOf('map.pdf')}`);
  await drafter.upload(`/api/cases/${draft.id}/attachments`, 'estimate.pdf', await estimatePdf(3, 'estimate two quotes'));
  await drafter.upload(`/api/cases/${draft.id}/attachments`, 'photo.pdf', await estimatePdf(1, 'photo of the worn tyres'));
  view = await drafter.send<View>('GET', `/api/cases/${draft.id}`);
  view = await drafter.send<View>('PATCH', `/api/cases/${draft.id}`, {
    version: view.version,
    title: '公用車タイヤの購入（2社見積）',
    amount: 164_000,
    body: '公用車のタイヤを購入したい。\n見積は2社から取得し、安価な方とした。',
  });
  view = await drafter.send<View>('POST', `/api/cases/${draft.id}/actions`, { action: 'resubmit', version: view.version });
  const newEstimate = view.attachments.filter((a) => a.name === 'estimate.pdf').at(-1)?.id ?? 0;
  made = { id: draft.id, oldEstimate, newEstimate };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
  await setUp();
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

const panel = (page: Page) => page.getByTestId('case-revisions');
const fileRow = (page: Page, name: string) => panel(page).locator(`[data-revision="2"] [data-file="${name}"]`);

/** The viewer shows the attachment `id` with `pages` pages. */
async function viewerShows(page: Page, id: number, pages: number): Promise<void> {
  await page.waitForURL((url) => url.searchParams.get('file') === String(id));
  await expect.poll(async () => page.locator('.kl-pdf').getAttribute('data-pages'), { timeout: 30_000 }).toBe(String(pages));
  await page.locator('.kl-pdf[data-first-page-shown]').waitFor({ timeout: 30_000 });
}

describe('revisions and what changed (版と変更点)', () => {
  it('shows the approver what the drafter changed after a send-back, and opens the old and the new file', async () => {
    await withSignedIn(browser, hub, { login: kakaricho.login, password }, async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openCase(made.id);
      await panel(page).getByRole('heading', { name: '版と変更点' }).waitFor();
      const latest = panel(page).locator('[data-revision="2"]');
      await latest.getByText('最新').waitFor();
      await latest.getByText('第1版からの変更').waitFor();
      expect(await latest.getByTestId('revision-title').innerText()).toMatch(/件名\s*公用車タイヤの購入\s*→\s*公用車タイヤの購入（2社見積）/);
      expect(await latest.getByTestId('revision-amount').innerText()).toMatch(/金額\s*¥180,000\s*→\s*¥164,000/);
      expect(await fileRow(page, 'estimate.pdf').getAttribute('data-change')).toBe('replaced');
      expect(await fileRow(page, 'estimate.pdf').innerText()).toMatch(/差替[\s\S]*1ページ・\d+ KB → 3ページ・\d+ KB/);
      expect(await fileRow(page, 'photo.pdf').getAttribute('data-change')).toBe('added');
      expect(await fileRow(page, 'map.pdf').getAttribute('data-change')).toBe('removed');
      expect(await fileRow(page, 'spec.pdf').getAttribute('data-change')).toBe('unchanged');

      // At a glance in the file list too: the new 見積書 is marked 差替, the photo 追加.
      const chips = page.locator('#case-document [role="listitem"]');
      await chips.filter({ hasText: 'photo.pdf' }).getByText('追加').waitFor();
      await chips.filter({ hasText: 'estimate.pdf' }).filter({ hasText: '差替' }).waitFor();

      await latest.getByRole('button', { name: '変更箇所を表示' }).click();
      const diff = latest.getByTestId('revision-body-diff');
      await diff.waitFor();
      expect(await diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('2')]));
      expect(await diff.locator('del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('1')]));
      await panel(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'revisions-01-changes-desktop');

      await fileRow(page, 'estimate.pdf').getByRole('button', { name: '旧版を表示' }).click();
      await viewerShows(page, made.oldEstimate, 1);
      await fileRow(page, 'estimate.pdf').getByRole('button', { name: '表示中' }).waitFor();
      await screenshot(page, 'revisions-02-old-file-desktop');
      await fileRow(page, 'estimate.pdf').getByRole('button', { name: '新版を表示' }).click();
      await viewerShows(page, made.newEstimate, 3);

      // The older revision keeps its own list of files.
      const first = panel(page).locator('[data-revision="1"]');
      await first.getByRole('button', { name: /第1版/ }).click();
      for (const name of ['estimate.pdf', 'spec.pdf', 'map.pdf']) await first.locator(`[data-file="${name}"]`).waitFor();
    }, desktop);
  });

  it('reads on a phone: the changes stack, buttons stay touch-sized, and opening a file brings the viewer up', async () => {
    await withSignedIn(browser, hub, { login: kakaricho.login, password }, async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openCase(made.id);
      const latest = panel(page).locator('[data-revision="2"]');
      await latest.getByText('第1版からの変更').waitFor();
      await panel(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'revisions-03-changes-phone');
      const open = fileRow(page, 'estimate.pdf').getByRole('button', { name: '旧版を表示' });
      const box = await open.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
      await open.click();
      await viewerShows(page, made.oldEstimate, 1);
      await expect.poll(async () => page.evaluate(() => document.getElementById('case-document')?.getBoundingClientRect().top ?? 9999)).toBeLessThan(phone.height / 2);
      await screenshot(page, 'revisions-04-old-file-phone');
    }, phone);
  });
});
