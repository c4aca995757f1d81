import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/app/data-folder.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, type Hub } from './harness.js';
import { Actor } from './pages/actor.page.js';
import { demoCast, type Person } from './demo-cast.js';
import { apiSession, DeskPage } from './pages/desk.page.js';

/**
 * Two people act on the same case at once (409 stale_version): the 総務課長
 * and the 課長補佐 who is their proxy (代理) both have the case open. The one
 * who sends second is told plainly what happened, by whom and when; the case
 * is shown afresh; what they typed stays in the dialog; and the database holds
 * exactly the first person's action.
 */
const password = 'e2e-demo-password';
const desktop = { width: 1280, height: 800 };

let browser: Browser;
let hub: Hub;

let drafter: Person;
let principal: Person;
let proxy: Person;
let typeId: number;

const tokyoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

async function setUp(): Promise<void> {
  const { admin, holder, positionId } = await demoCast(hub.url, password);
  drafter = holder('人事係', '主事');
  principal = holder('総務課', '課長');
  proxy = holder('総務課', '課長補佐');
  typeId = (
    await admin.send<{ id: number }>('POST', '/api/document-types', {
      code: 'E2E-STALE',
      name: '回答（E2E 同時操作）',
      retention: '1',
      sortOrder: 99,
      template: {
        stages: [{ key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'final', assignee: { kind: 'chain', positionId: positionId('課長') }, optional: false }] }],
        bands: [],
        amountRequired: false,
        allowAddedConsult: false,
        addedConsultPositionId: null,
        resubmit: 'restart',
      },
    })
  ).id;
  const boss = await apiSession(hub.url, principal.login, password);
  await boss.send('POST', '/api/proxies', { proxyId: proxy.id, fromDate: tokyoDay(-1), toDate: tokyoDay(7), reason: '出張のため' });
}

async function submittedCase(title: string): Promise<number> {
  const s = await apiSession(hub.url, drafter.login, password);
  const draft = await s.send<{ id: number; version: number }>('POST', '/api/cases', { typeId, title, body: '照会への回答案です。' });
  await s.send('POST', `/api/cases/${draft.id}/submit`, { version: draft.version });
  return draft.id;
}

/** Signed in at their own browser (a context of its own), like a second person at another desk. */
const signedIn = (who: Person) => Actor.signIn(browser, hub, { name: who.name, login: who.login, password }, desktop);

/** Rows of the hub's database, read beside the running hub (WAL allows a reader). */
function dbRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(databaseFile(hub.dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
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

describe('two people act on the same case at once (409 stale_version)', () => {
  it('the second is told who acted first, sees the case afresh, keeps what they typed, and only the first action is stored', async () => {
    const caseId = await submittedCase('E2E同時 照会への回答（先に決裁される）');
    const first = await signedIn(principal);
    const second = await signedIn(proxy);
    try {
      const mine = new DeskPage(second.page, hub.url);
      await mine.openCase(caseId);
      await mine.actions().getByRole('button', { name: '決裁', exact: true }).click();
      const comment = '予算科目は確認済みです。念のため課長にも共有します。';
      await mine.dialog().getByRole('textbox').fill(comment);

      // Meanwhile the principal decides it in another browser.
      const theirs = new DeskPage(first.page, hub.url);
      await theirs.openCase(caseId);
      await theirs.actions().getByRole('button', { name: '決裁', exact: true }).click();
      await theirs.dialog().getByRole('button', { name: '決裁する' }).click();
      await theirs.toast(/決裁しました/).waitFor();

      await mine.dialog().getByRole('button', { name: '決裁する' }).click();
      const notice = mine.dialog().getByTestId('stale-notice');
      await notice.getByText(`${principal.name}さんが先に処理しました`).waitFor();
      await notice.getByText(/「決裁」が行われ、この案件は更新されました/).waitFor();
      await notice.getByText('この操作は今はできません', { exact: false }).waitFor();
      expect(await mine.dialog().getByRole('textbox').inputValue()).toBe(comment);
      expect(await mine.dialog().getByRole('button', { name: '決裁する' }).isDisabled()).toBe(true);
      await screenshot(second.page, 'stale-01-second-told');

      await mine.dialog().getByRole('button', { name: 'キャンセル' }).click();
      await mine.dialog().waitFor({ state: 'hidden' });
      // The page behind shows the case as it is now: decided, nothing left for me, the principal's decision in the history.
      await expect.poll(async () => second.page.getByTestId('case-state').textContent()).toBe('決裁済');
      expect(await mine.actions().getByRole('button', { name: '決裁', exact: true }).count()).toBe(0);
      await mine.history().getByText(principal.name).first().waitFor();
      await screenshot(second.page, 'stale-02-case-afresh');

      const acted = dbRows<{ type: string; actor_id: number }>("SELECT type, actor_id FROM case_events WHERE case_id = ? AND type = 'acted'", caseId);
      expect(acted).toEqual([{ type: 'acted', actor_id: principal.id }]);
      const steps = dbRows<{ status: string; acted_by: number }>('SELECT status, acted_by FROM case_steps WHERE case_id = ?', caseId);
      expect(steps).toEqual([{ status: 'final_approved', acted_by: principal.id }]);
      expect(dbRows('SELECT 1 FROM case_events WHERE case_id = ? AND data LIKE ?', caseId, `%${comment}%`)).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('when the action is still open (someone only commented), the second sends again with the same text and it is stored once', async () => {
    const caseId = await submittedCase('E2E同時 照会への回答（途中でコメント）');
    const actor = await signedIn(proxy);
    const { page } = actor;
    try {
      const desk = new DeskPage(page, hub.url);
      await desk.openCase(caseId);
      await desk.actions().getByRole('button', { name: '決裁', exact: true }).click();
      const comment = '確認しました。';
      await desk.dialog().getByRole('textbox').fill(comment);

      const s = await apiSession(hub.url, drafter.login, password);
      const now = await s.send<{ version: number }>('GET', `/api/cases/${caseId}`);
      await s.send('POST', `/api/cases/${caseId}/actions`, { action: 'comment', version: now.version, comment: '添付を一部差し替える予定です' });

      await desk.dialog().getByRole('button', { name: '決裁する' }).click();
      const notice = desk.dialog().getByTestId('stale-notice');
      await notice.getByText(`${drafter.name}さんが先に処理しました`).waitFor();
      await notice.getByText('入力した内容はそのまま残っています。', { exact: false }).waitFor();
      expect(await desk.dialog().getByRole('textbox').inputValue()).toBe(comment);
      await screenshot(page, 'stale-03-still-open');

      const send = desk.dialog().getByRole('button', { name: '決裁する' });
      await expect.poll(() => send.isEnabled()).toBe(true);
      await send.click();
      await desk.toast(/決裁しました/).waitFor();
      await expect.poll(async () => page.getByTestId('case-state').textContent()).toBe('決裁済');

      const events = dbRows<{ type: string; actor_id: number; data: string }>('SELECT type, actor_id, data FROM case_events WHERE case_id = ? AND type IN (?, ?) ORDER BY version', caseId, 'acted', 'commented');
      expect(events.map((e) => [e.type, e.actor_id])).toEqual([
        ['commented', drafter.id],
        ['acted', proxy.id],
      ]);
      expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({ comment, via: 'proxy', onBehalfOf: principal.id });
    } finally {
      await actor.close();
    }
  });
});
