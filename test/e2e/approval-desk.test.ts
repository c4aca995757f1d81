import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { apiSession, DeskPage, estimatePdf } from './pages/desk.page.js';

/**
 * The approval desk (電子決裁): 受信箱 and the case page in real Chromium
 * against a hub. The demo town gives the people; this file builds its own
 * document type and cases through the API so it does not depend on whatever
 * demo cases exist (their titles carry MARK, and every list is filtered by it).
 */
const password = 'e2e-demo-password';
const MARK = 'E2E決裁';
const desktop = { width: 1280, height: 800 };
const tablet = { width: 768, height: 1024 };
const phone = { width: 390, height: 844 };

let browser: Browser;
let hub: Hub;

interface Person {
  id: number;
  login: string;
  name: string;
}
interface Cast {
  drafter: Person;
  kakaricho: Person;
  kacho: Person;
  zaisei: Person;
  kikaku: Person;
  outsider: Person;
}
interface Made {
  id: number;
  number: string;
  title: string;
}
let cast: Cast;
let caseA: Made;
let caseB: Made;
let caseC: Made;

const who = (p: Person) => ({ login: p.login, password });

async function setUp(): Promise<void> {
  const admin = await apiSession(hub.url, 'admin', password);
  const users = await admin.send<{ items: { id: number; login: string; name: string; departmentName: string | null; positionName: string | null }[] }>('GET', '/api/users?pageSize=200');
  const holder = (department: string, position: string): Person => {
    const u = users.items.find((x) => x.departmentName === department && x.positionName === position);
    if (!u) throw new Error(`the demo town has no ${department}${position}`);
    return { id: u.id, login: u.login, name: u.name };
  };
  const dx = users.items.find((u) => u.login === 'dx');
  if (!dx) throw new Error('no dx user');
  cast = {
    drafter: holder('人事係', '主事'),
    kakaricho: holder('人事係', '係長'),
    kacho: holder('総務課', '課長'),
    zaisei: holder('財政課', '課長'),
    kikaku: holder('企画課', '課長'),
    outsider: { id: dx.id, login: dx.login, name: dx.name },
  };

  const departments = await admin.send<{ id: number; code: string }[]>('GET', '/api/org/departments');
  const positions = await admin.send<{ id: number; name: string }[]>('GET', '/api/org/positions');
  const dept = (code: string) => departments.find((d) => d.code === code)?.id ?? 0;
  const pos = (name: string) => positions.find((p) => p.name === name)?.id ?? 0;
  const type = await admin.send<{ id: number }>('POST', '/api/document-types', {
    code: 'E2E-DESK',
    name: '支出負担行為（E2E）',
    retention: '5',
    sortOrder: 99,
    template: {
      stages: [
        { key: 'kakaricho', mode: 'all', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: pos('係長') }, optional: true }] },
        { key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'approve', assignee: { kind: 'chain', positionId: pos('課長') }, optional: false }] },
        {
          key: 'aigi',
          mode: 'all',
          steps: [
            { key: 'zaisei', kind: 'consult', assignee: { kind: 'department', departmentId: dept('ZAISEI'), positionId: pos('課長') }, optional: false },
            { key: 'kikaku', kind: 'consult', assignee: { kind: 'department', departmentId: dept('KIKAKU'), positionId: pos('課長') }, optional: false },
          ],
        },
        { key: 'bucho', mode: 'all', steps: [{ key: 'bucho', kind: 'final', assignee: { kind: 'chain', positionId: pos('部長') }, optional: false }] },
      ],
      bands: [
        { below: 500_000, finalStepKey: 'kacho', label: '課長専決' },
        { below: null, finalStepKey: 'bucho', label: '部長専決' },
      ],
      amountRequired: true,
      allowAddedConsult: false,
      addedConsultPositionId: null,
      resubmit: 'restart',
    },
  });

  const drafter = await apiSession(hub.url, cast.drafter.login, password);
  const make = async (title: string, amount: number, files: { name: string; pages: number }[] = []): Promise<Made> => {
    const draft = await drafter.send<{ id: number; version: number }>('POST', '/api/cases', {
      typeId: type.id,
      title,
      amount,
      body: '標記の件について、下記のとおり支出負担行為を行ってよろしいか伺います。\n\n1 品名 スタッドレスタイヤ 4本\n2 金額 見積書のとおり',
    });
    for (const f of files) await drafter.upload(`/api/cases/${draft.id}/attachments`, f.name, await estimatePdf(f.pages, f.name.replace(/\.pdf$/, '')));
    const fresh = await drafter.send<{ version: number }>('GET', `/api/cases/${draft.id}`);
    const sent = await drafter.send<{ id: number; number: string | null; title: string }>('POST', `/api/cases/${draft.id}/submit`, { version: fresh.version });
    return { id: sent.id, number: sent.number ?? '', title: sent.title };
  };
  caseA = await make(`${MARK} 公用車スタッドレスタイヤの購入`, 3_200_000, [
    { name: 'estimate.pdf', pages: 2 },
    { name: 'spec.pdf', pages: 1 },
  ]);
  caseB = await make(`${MARK} 庁舎清掃業務委託の変更`, 1_850_000);
  caseC = await make(`${MARK} 防災訓練用資材の購入`, 420_000);
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

/** Focus out of the filter box so that list keys (j/k/Enter/a) go to the list. */
async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function filtered(desk: DeskPage, count: number): Promise<void> {
  await desk.filter().fill(MARK);
  await expect.poll(async () => (await desk.rowTexts()).length).toBe(count);
}

/** Moves the inbox cursor onto the row with `title` with j/k. */
async function cursorTo(page: Page, desk: DeskPage, title: string): Promise<void> {
  await leaveField(page);
  const texts = await desk.rowTexts();
  const target = texts.findIndex((t) => t.includes(title));
  expect(target).toBeGreaterThanOrEqual(0);
  // The cursor starts on the first row: k first proves it stops there.
  await page.keyboard.press('k');
  for (let i = 0; i < target; i++) await page.keyboard.press('j');
  await expect.poll(async () => (await desk.cursorRow().textContent()) ?? '').toContain(title);
}

/** The selected attachment drawn by the PDF viewer (its first page on a canvas). */
async function pdfShown(page: Page): Promise<void> {
  await page.locator('.kl-pdf .page canvas').first().waitFor({ timeout: 30_000 });
}

describe('approval desk (受信箱 and the case page)', () => {
  it('lets the 係長 find a case in the inbox, open it with Enter, read the PDF and approve it with a confirmation', async () => {
    await withSignedIn(browser, hub, who(cast.kakaricho), async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openInbox();
      await filtered(desk, 3);
      const rowA = desk.row(caseA.title);
      const text = (await rowA.textContent()) ?? '';
      expect(text).toContain(caseA.number);
      expect(text).toContain(cast.drafter.name);
      expect(text).toContain('人事係');
      expect(text).toContain('本庁（千代田）');
      expect(text).toMatch(/令和\d+年\d+月\d+日/);
      expect(text).toContain('承認');
      expect(text).toContain('¥3,200,000');
      expect(text).toMatch(/\d+分/);
      await screenshot(page, 'desk-01-inbox-desktop');

      await cursorTo(page, desk, caseA.title);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/cases/${caseA.id}$`));
      await page.getByRole('heading', { name: caseA.title }).waitFor();
      await expect.poll(async () => page.getByTestId('case-state').textContent()).toBe('回議中');
      await page.getByText('¥3,200,000 → 部長専決').waitFor();
      await page.getByText(caseA.number, { exact: true }).waitFor();
      const route = desk.route();
      await route.getByText('並行して回議（全員の処理で次へ）').waitFor();
      await route.locator('[aria-current="step"]').filter({ hasText: cast.kakaricho.name }).getByText('あなたの番です', { exact: false }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'estimate.pdf' }).getByText('第1版').waitFor();
      await pdfShown(page);
      await screenshot(page, 'desk-02-case-desktop');

      await desk.actions().getByRole('button', { name: '承認', exact: true }).click();
      const dialog = desk.dialog();
      await dialog.getByText('内容を認め、次の人へ回します。').waitFor();
      await screenshot(page, 'desk-03-approve-confirm');
      await dialog.getByRole('button', { name: '承認する' }).click();
      await desk.toast('承認しました。').waitFor();
      // Opened from the inbox: on to the next case that waits, not back to the list.
      await page.waitForURL((url) => /\/cases\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/cases/${caseA.id}`));

      // The keyboard's "a": approve B from the list, again with a confirmation.
      await desk.openInbox();
      await filtered(desk, 2);
      await cursorTo(page, desk, caseB.title);
      await page.keyboard.press('a');
      await desk.dialog().getByText(caseB.title, { exact: false }).waitFor();
      await desk.dialog().getByRole('button', { name: '承認する' }).click();
      await desk.toast('承認しました。').waitFor();
      await expect.poll(async () => (await desk.rowTexts()).length).toBe(1);
      expect((await desk.rowTexts())[0]).toContain(caseC.title);
    }, desktop);
  });

  it('lets the 課長 bulk-approve two cases with one confirmation and per-case results, and the next approver gets a toast and the count in the tab title', async () => {
    await withSignedIn(browser, hub, who(cast.zaisei), async (next) => {
      const nextDesk = new DeskPage(next, hub.url);
      await nextDesk.openInbox();
      await withSignedIn(browser, hub, who(cast.kacho), async (page) => {
        const desk = new DeskPage(page, hub.url);
        await desk.openInbox();
        await filtered(desk, 2);
        await desk.row(caseA.title).getByRole('checkbox').check();
        await desk.row(caseB.title).getByRole('checkbox').check();
        await page.getByRole('button', { name: '選択した案件を一括承認（2件）' }).click();
        const dialog = desk.dialog();
        await dialog.getByText(caseA.title, { exact: false }).waitFor();
        await dialog.getByText(caseB.title, { exact: false }).waitFor();
        await screenshot(page, 'desk-04-bulk-confirm');
        await dialog.getByRole('button', { name: '2件を承認する' }).click();
        await dialog.getByText('2件すべて承認しました。').waitFor();
        const results = dialog.getByTestId('bulk-results');
        await expect.poll(async () => results.getByText('承認しました', { exact: true }).count()).toBe(2);
        await screenshot(page, 'desk-05-bulk-results');
        await dialog.getByRole('button', { name: '閉じる' }).last().click();
        await expect.poll(async () => (await desk.rowTexts()).length).toBe(0);
      }, desktop);

      // Pushed by the hub (server-sent events) to the 財政課長, who is next on both.
      await nextDesk.toast('受信箱に案件が届きました').filter({ hasText: caseA.title }).waitFor({ timeout: 15_000 });
      await expect.poll(() => next.title()).toMatch(/^\(\d+\) 受信箱/);
      await filtered(nextDesk, 2);
      await screenshot(next, 'desk-06-toast-next-approver');
      const count = Number(/^\((\d+)\)/.exec(await next.title())?.[1]);
      expect(count).toBeGreaterThanOrEqual(2);
    }, desktop);
  });

  it('lets the 財政課長 send a case back with a reason on a tablet, and the drafter sees it and why in 自分の起案 on a phone', async () => {
    const reason = '見積書が1社分のみです。2社以上の見積書を添付してください。';
    await withSignedIn(browser, hub, who(cast.zaisei), async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openInbox();
      await filtered(desk, 2);
      await desk.row(caseA.title).getByRole('button').first().click();
      await page.waitForURL(new RegExp(`/cases/${caseA.id}$`));
      await pdfShown(page);
      await screenshot(page, 'desk-07-case-tablet');

      await desk.actions().getByText('否決ではありません', { exact: false }).waitFor();
      await desk.actions().getByRole('button', { name: '差戻し', exact: true }).click();
      const dialog = desk.dialog();
      await dialog.getByRole('radio', { name: `起案者（${cast.drafter.name}）` }).waitFor();
      expect(await dialog.getByRole('radio', { name: `起案者（${cast.drafter.name}）` }).isChecked()).toBe(true);
      // The reason is required: sending without it is stopped here.
      await dialog.getByRole('button', { name: '差戻しする' }).click();
      await dialog.getByText('理由を入力してください').waitFor();
      await dialog.getByRole('textbox', { name: /差戻しの理由/ }).fill(reason);
      await screenshot(page, 'desk-08-send-back-tablet');
      await dialog.getByRole('button', { name: '差戻しする' }).click();
      await desk.toast('差し戻しました。').waitFor();
    }, tablet);

    await withSignedIn(browser, hub, who(cast.drafter), async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openInbox('mine');
      const card = page.getByRole('listitem').filter({ hasText: caseA.title });
      await card.getByText('差戻し', { exact: true }).waitFor();
      await card.getByText(reason, { exact: false }).waitFor();
      await screenshot(page, 'desk-09-mine-phone');

      await card.getByRole('button').click();
      await page.waitForURL(new RegExp(`/cases/${caseA.id}$`));
      await page.getByRole('alert').filter({ hasText: `${cast.zaisei.name}さんから差し戻されました` }).getByText(reason).waitFor();
      await expect.poll(async () => page.getByTestId('case-state').textContent()).toBe('差戻し');
      await desk.actions().getByText('自分の起案を取り下げます', { exact: false }).waitFor();
      await screenshot(page, 'desk-10-case-phone');
      await desk.history().scrollIntoViewIfNeeded();
      await desk.history().getByText(reason).waitFor();
      await screenshot(page, 'desk-11-history-phone');
    }, phone);
  });

  it('offers 代決 to someone on the case who is not the pending approver, and shows the hub\'s refusal when they may not', async () => {
    await withSignedIn(browser, hub, who(cast.kacho), async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openCase(caseB.id);
      await page.getByRole('heading', { name: caseB.title }).waitFor();
      await desk.actions().getByText('承認者が不在のとき（代決）').click();
      await desk.actions().getByRole('button', { name: '代決する' }).click();
      const dialog = desk.dialog();
      await dialog.getByText('不在の承認者に代わって', { exact: false }).waitFor();
      await dialog.getByLabel(/代わりに処理する承認者/).first().click();
      await page.getByRole('option', { name: `財政課 課長 ${cast.zaisei.name}（合議）` }).click();
      await dialog.getByRole('textbox', { name: /代決の理由/ }).fill('出張のため不在');
      await dialog.getByRole('button', { name: /代決で合議に同意する/ }).click();
      await dialog.getByRole('alert').getByText('この操作を行う立場にありません').waitFor();
      await screenshot(page, 'desk-15-deputy-refused');
    }, desktop);
  });

  it('shows the inbox as cards with touch-sized targets on a tablet and a phone', async () => {
    for (const [viewport, name] of [
      [tablet, 'desk-12-inbox-tablet'],
      [phone, 'desk-13-inbox-phone'],
    ] as const) {
      await withSignedIn(browser, hub, who(cast.kakaricho), async (page) => {
        const desk = new DeskPage(page, hub.url);
        await desk.openInbox();
        await filtered(desk, 1);
        const card = desk.row(caseC.title);
        const box = await card.getByRole('button').first().boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
        const check = await card.locator('label').first().boundingBox();
        expect(check?.height ?? 0).toBeGreaterThanOrEqual(44);
        expect(check?.width ?? 0).toBeGreaterThanOrEqual(44);
        await screenshot(page, name);
      }, viewport);
    }
  });

  it('tells someone outside the route that the case is not found', async () => {
    await withSignedIn(browser, hub, who(cast.outsider), async (page) => {
      const desk = new DeskPage(page, hub.url);
      await desk.openCase(caseA.id);
      await page.getByRole('heading', { name: '案件が見つかりません' }).waitFor();
      expect(await page.getByText(caseA.title).count()).toBe(0);
      await screenshot(page, 'desk-14-not-found');
    }, desktop);
  });
});
