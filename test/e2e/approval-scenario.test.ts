import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, DocumentType } from '../../shared/api/approvals.js';
import type { Department, Position, Site, User, UserRow } from '../../shared/api/org.js';
import { pngBytes } from '../helpers/scan-images.js';
import { demoTown, freshDataDir, launchBrowser, resultsDir, startHub, type Hub } from './harness.js';
import { Actor } from './pages/actor.page.js';
import { apiSession, DeskPage, estimatePdf, type ApiSession } from './pages/desk.page.js';
import { DraftPage } from './pages/draft.page.js';

/**
 * The e-approval scenario of issue 7, end to end in real Chromium against a hub,
 * one browser per person, a screenshot at each step (test-results/scenario-NN-*.png):
 *
 * A clerk of 芸北支所 drafts a 支出負担行為 for ¥3,200,000 with a PDF and a PNG scan; route 係長 → 課長 →
 * 合議 (財政課 and 総務課, in parallel) → 部長 (部長専決 by the band). The 財政課長 sends it back to the
 * drafter with a comment; the clerk revises and resubmits; the 係長 approves on a tablet; the 課長 uses
 * bulk approve; both 合議 agree; the 部長 is absent, so the 総務課長 decides for them (代決) with a
 * reason, and the 部長 later records 後閲. At the end: the timeline, the document number, the
 * notices each person was shown, and that someone outside the route cannot open the case.
 *
 * The demo town's 芸北支所 地域づくり課 is a 課 on its own with a 支所長 and a 主事, so the test first
 * sets up the organisation the way an administrator would (管理 API, signed in as admin): the 課 goes
 * under 総務部, gets a 係 with a new 係長 and the 主事 in it, and the 支所長 is posted as the 課's 課長
 * (were the 支所長, rank 72, left in place under 総務部, they and not a 課長 would be next in rank
 * below the 部長, and only they could decide for the 部長: org-view.ts mayDeputize).
 */

const password = 'e2e-demo-password';
const MARK = 'E2Eシナリオ';
const TITLE = `${MARK} 芸北地区集会所 屋根改修工事の支出負担行為について`;
const TYPE_NAME = '支出負担行為（支所）';
const AMOUNT = 3_200_000;
const SEND_BACK = '見積書の内訳に諸経費が入っていません。本文に工事の内訳（本体工事・諸経費）を書き足してください。';
const REVISED_BODY =
  'このことについて、下記のとおり支出負担行為をしてよろしいか伺います。\n\n1 工事名 芸北地区集会所屋根改修工事\n2 金額 3,200,000円（税込）\n3 内訳 本体工事 2,900,000円、諸経費 300,000円';
const DEPUTY_REASON = '県との協議のため出張中（本日終日不在）';

const desktop = { width: 1280, height: 800 };
const tablet = { width: 768, height: 1024 };

/** The notices the hub pushes (renderer/i18n/ja.ts desk.notice.*), as toast titles. */
const NOTICE = {
  arrived: '受信箱に案件が届きました',
  sentBack: '案件が差し戻されました',
  completed: '案件が決裁されました',
  review: '後閲の依頼が届きました',
} as const;
const NOTICE_TITLES = Object.values(NOTICE) as string[];

let browser: Browser;
let hub: Hub;

interface Person {
  id: number;
  login: string;
  name: string;
}
interface Cast {
  clerk: Person;
  kakaricho: Person;
  kacho: Person;
  zaisei: Person;
  somu: Person;
  bucho: Person;
  outsider: Person;
}
let cast: Cast;
let admin: ApiSession;

/** The 管理 set-up of the 芸北 branch's route, and the document type; who is who. */
async function setUp(): Promise<void> {
  admin = await apiSession(hub.url, 'admin', password);
  const departments = await admin.send<Department[]>('GET', '/api/org/departments');
  const positions = await admin.send<Position[]>('GET', '/api/org/positions');
  const sites = await admin.send<Site[]>('GET', '/api/org/sites');
  const dept = (code: string): Department => {
    const d = departments.find((x) => x.code === code);
    if (!d) throw new Error(`the demo town has no department ${code}`);
    return d;
  };
  const pos = (name: string): number => {
    const p = positions.find((x) => x.name === name);
    if (!p) throw new Error(`the demo town has no position ${name}`);
    return p.id;
  };
  const users = async () => (await admin.send<{ items: UserRow[] }>('GET', '/api/users?pageSize=200')).items;
  const holder = (list: UserRow[], department: string, position: string): UserRow => {
    const u = list.find((x) => x.departmentId === dept(department).id && x.positionName === position);
    if (!u) throw new Error(`the demo town has no ${department} ${position}`);
    return u;
  };

  const geihoku = dept('GEIHOKU-SS');
  expect(sites.find((s) => s.id === geihoku.siteId)?.name).toBe('芸北支所');
  expect(geihoku.docPrefix).toBe('北広芸支');
  // 地域づくり課 under 総務部, with a 係 of its own.
  await admin.send<Department>('PATCH', `/api/org/departments/${geihoku.id}`, { parentId: dept('SOMU-BU').id });
  const kakari = await admin.send<Department>('POST', '/api/org/departments', {
    code: 'GEIHOKU-SS-SHINKO',
    name: '地域振興係',
    kind: 'kakari',
    parentId: geihoku.id,
    siteId: geihoku.siteId,
  });
  const before = await users();
  const shishocho = holder(before, 'GEIHOKU-SS', '支所長');
  const shuji = holder(before, 'GEIHOKU-SS', '主事');
  await admin.send<User>('PATCH', `/api/users/${shishocho.id}`, { positionId: pos('課長') });
  await admin.send<User>('PATCH', `/api/users/${shuji.id}`, { departmentId: kakari.id });
  const kakaricho = await admin.send<User>('POST', '/api/users', {
    login: 'geihoku.kakaricho',
    name: '芸北 真一',
    kana: 'げいほく しんいち',
    departmentId: kakari.id,
    positionId: pos('係長'),
    roles: ['clerk'],
    password,
  });

  await admin.send<DocumentType>('POST', '/api/document-types', {
    code: 'E2E-SHISHO-SPEND',
    name: TYPE_NAME,
    retention: '5',
    sortOrder: 0,
    template: {
      stages: [
        { key: 'kakaricho', mode: 'all', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: pos('係長') }, optional: true }] },
        { key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'approve', assignee: { kind: 'chain', positionId: pos('課長') }, optional: false }] },
        {
          key: 'aigi',
          mode: 'all',
          steps: [
            { key: 'zaisei', kind: 'consult', assignee: { kind: 'department', departmentId: dept('ZAISEI').id, positionId: pos('課長') }, optional: false },
            { key: 'somu', kind: 'consult', assignee: { kind: 'department', departmentId: dept('SOMU').id, positionId: pos('課長') }, optional: false },
          ],
        },
        { key: 'bucho', mode: 'all', steps: [{ key: 'bucho', kind: 'approve', assignee: { kind: 'chain', positionId: pos('部長') }, optional: false }] },
        { key: 'fukucho', mode: 'all', steps: [{ key: 'fukucho', kind: 'approve', assignee: { kind: 'office', positionId: pos('副町長') }, optional: false }] },
        { key: 'chocho', mode: 'all', steps: [{ key: 'chocho', kind: 'final', assignee: { kind: 'office', positionId: pos('町長') }, optional: false }] },
      ],
      bands: [
        { below: 500_000, finalStepKey: 'kacho', label: '課長専決' },
        { below: 5_000_000, finalStepKey: 'bucho', label: '部長専決' },
        { below: 10_000_000, finalStepKey: 'fukucho', label: '副町長決裁' },
        { below: null, finalStepKey: 'chocho', label: '町長決裁' },
      ],
      amountRequired: true,
      allowAddedConsult: false,
      addedConsultPositionId: null,
      resubmit: 'restart',
    },
  });

  const after = await users();
  const person = (u: { id: number; login: string; name: string }): Person => ({ id: u.id, login: u.login, name: u.name });
  cast = {
    clerk: person(shuji),
    kakaricho: person(kakaricho),
    kacho: person(shishocho),
    zaisei: person(holder(after, 'ZAISEI', '課長')),
    somu: person(holder(after, 'SOMU', '課長')),
    bucho: person(holder(after, 'SOMU-BU', '部長')),
    outsider: person(holder(after, 'ZEIMU', '主任')),
  };
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

describe('e-approval scenario: a 芸北支所 支出負担行為 from draft to 決裁 and 後閲', () => {
  it('runs the whole route with a send-back, a tablet approval, bulk approve, 代決 and 後閲, and tells each person what they need to know', async () => {
    const started = Date.now();
    // Everyone at their own browser from the start, so that each sees the hub's pushes as they come.
    const open = async (p: Person, viewport = desktop) => Actor.signIn(browser, hub, { name: p.name, login: p.login, password }, viewport);
    const clerk = await open(cast.clerk);
    const kakaricho = await open(cast.kakaricho);
    const kacho = await open(cast.kacho);
    const zaisei = await open(cast.zaisei);
    const somu = await open(cast.somu);
    const bucho = await open(cast.bucho);
    const actors = [clerk, kakaricho, kacho, zaisei, somu, bucho];
    let shot = 0;
    /** A screenshot of what `actor` sees, with Mantine's transitions (dialogs closing, toasts sliding in) run to their end. */
    const snap = async (actor: Actor, name: string) =>
      actor.page.screenshot({ path: join(resultsDir, `scenario-${String(++shot).padStart(2, '0')}-${name}.png`), animations: 'disabled' });
    const desk = (a: Actor) => new DeskPage(a.page, hub.url);
    /** Waits until `actor` has been shown the hub's notice `title` about the case. */
    const noticed = async (actor: Actor, title: string, times = 1) =>
      expect.poll(() => actor.noticesAbout(TITLE, [title]).length, { timeout: 20_000, message: `${actor.name}: ${title}` }).toBeGreaterThanOrEqual(times);
    /** Waits until `actor`'s own action is confirmed with a toast (its message). */
    const done = async (actor: Actor, message: string) => {
      await expect.poll(() => actor.toasts.some((t) => t.message.startsWith(message)), { timeout: 20_000, message: `${actor.name}: ${message}` }).toBe(true);
      await desk(actor).dialog().waitFor({ state: 'detached' });
    };
    const caseView = async (id: number) => admin.send<CaseView>('GET', `/api/cases/${id}`);

    try {
      for (const a of actors) await a.goto('/inbox');

      // ── 1. The clerk drafts: the type, the amount (→ 部長専決), a PDF and a PNG scan by the file picker, submit.
      const draft = new DraftPage(clerk.page, hub.url);
      await clerk.goto('/draft');
      await draft.heading().waitFor();
      await draft.chooseType(TYPE_NAME);
      await draft.setAmount('3,200,000');
      await draft.finalRule().getByText('¥3,200,000 → 部長専決').waitFor();
      // 係長 → 課長 → 財政課長 ∥ 総務課長 → 部長: five steps, the 副町長 and 町長 left out by the band.
      await expect.poll(() => draft.routeSteps().count()).toBe(5);
      const routeText = (await draft.routeSteps().allTextContents()).join(' / ');
      for (const p of [cast.kakaricho, cast.kacho, cast.zaisei, cast.somu, cast.bucho]) expect(routeText).toContain(p.name);
      await clerk.page.getByText('合議（同時に回ります・全員）').waitFor();
      await draft.fillTitle(TITLE);
      await draft.fillBody('このことについて、下記のとおり支出負担行為をしてよろしいか伺います。\n\n1 工事名 芸北地区集会所屋根改修工事\n2 金額 3,200,000円（税込）');
      await draft.attachByPicker('見積書.pdf', 'application/pdf', await estimatePdf(2, 'Estimate - Geihoku community hall roof'));
      await clerk.page.waitForURL(/\/draft\/\d+$/);
      const caseId = Number(/\/draft\/(\d+)$/.exec(clerk.page.url())?.[1]);
      expect(caseId).toBeGreaterThan(0);
      await expect.poll(() => draft.attachments().count()).toBe(1);
      await draft.attachByPicker('現場写真.png', 'image/png', pngBytes(1240, 1754, 150));
      await expect.poll(() => draft.attachments().count()).toBe(2);
      await draft.attachments().getByText('現場写真.pdf').waitFor();
      await snap(clerk, 'clerk-draft');
      await draft.openSubmit();
      await draft.confirmDialog().getByText('提出すると文書番号が付き', { exact: false }).waitFor();
      await snap(clerk, 'clerk-submit-confirm');
      await draft.confirmSubmit();
      await clerk.page.waitForURL(new RegExp(`/cases/${caseId}$`));
      const submitted = await caseView(caseId);
      const number = submitted.number ?? '';
      expect(number).toMatch(/^北広芸支第\d+号$/);
      await done(clerk, `提出しました（${number}）`);
      await clerk.page.getByText(number, { exact: true }).waitFor();
      expect(submitted.attachments.map((a) => [a.name, a.pages])).toEqual([
        ['見積書.pdf', 2],
        ['現場写真.pdf', 1],
      ]);
      await snap(clerk, 'clerk-case-submitted');

      // ── 2. First round: the 係長 and the 課長 approve on the case page.
      const approveOnCasePage = async (actor: Actor) => {
        await actor.goto(`/cases/${caseId}`);
        await actor.page.getByRole('heading', { name: TITLE }).waitFor();
        await desk(actor).actions().getByRole('button', { name: '承認', exact: true }).click();
        await desk(actor).dialog().getByRole('button', { name: '承認する' }).click();
        await done(actor, '承認しました。');
      };
      await noticed(kakaricho, NOTICE.arrived);
      await approveOnCasePage(kakaricho);
      await snap(kakaricho, 'kakaricho-approved');
      await noticed(kacho, NOTICE.arrived);
      await approveOnCasePage(kacho);
      await snap(kacho, 'kacho-approved');

      // ── 3. At the 合議, the 財政課長 sends it back to the drafter with a comment.
      await noticed(zaisei, NOTICE.arrived);
      await noticed(somu, NOTICE.arrived);
      await zaisei.goto(`/cases/${caseId}`);
      await zaisei.page.getByRole('heading', { name: TITLE }).waitFor();
      await desk(zaisei).actions().getByRole('button', { name: '差戻し', exact: true }).click();
      const sendBack = desk(zaisei).dialog();
      expect(await sendBack.getByRole('radio', { name: `起案者（${cast.clerk.name}）` }).isChecked()).toBe(true);
      await sendBack.getByRole('textbox', { name: /差戻しの理由/ }).fill(SEND_BACK);
      await snap(zaisei, 'zaisei-send-back');
      await sendBack.getByRole('button', { name: '差戻しする' }).click();
      await done(zaisei, '差し戻しました。');

      // ── 4. The clerk is told, reads why, revises the body and resubmits from /draft/:id.
      await noticed(clerk, NOTICE.sentBack);
      await snap(clerk, 'clerk-sent-back-toast');
      await clerk.goto(`/draft/${caseId}`);
      await draft.heading().getByText('差し戻された文書の修正').waitFor();
      await draft.sentBack().getByText(SEND_BACK).waitFor();
      await draft.sentBack().getByText(`財政課 課長 ${cast.zaisei.name} さんが差し戻しました`, { exact: false }).waitFor();
      await draft.fillBody(REVISED_BODY);
      await snap(clerk, 'clerk-revise');
      await draft.openSubmit('再提出する');
      await draft.confirmSubmit('再提出する');
      await clerk.page.waitForURL(new RegExp(`/cases/${caseId}$`));
      await expect.poll(async () => (await caseView(caseId)).revision).toBe(2);

      // ── 5. The 係長 approves on a tablet, from the inbox.
      await noticed(kakaricho, NOTICE.arrived, 2);
      await kakaricho.page.setViewportSize(tablet);
      await kakaricho.goto('/inbox');
      await desk(kakaricho).filter().fill(MARK);
      await expect.poll(async () => (await desk(kakaricho).rowTexts()).length).toBe(1);
      await snap(kakaricho, 'kakaricho-inbox-tablet');
      await desk(kakaricho).row(TITLE).getByRole('button').first().click();
      await kakaricho.page.waitForURL(new RegExp(`/cases/${caseId}$`));
      await kakaricho.page.getByRole('heading', { name: TITLE }).waitFor();
      await kakaricho.page.getByText('第2版（再提出）').first().waitFor();
      await kakaricho.page.locator('.kl-pdf .page canvas').first().waitFor({ timeout: 30_000 });
      await snap(kakaricho, 'kakaricho-case-tablet');
      await desk(kakaricho).actions().getByRole('button', { name: '承認', exact: true }).click();
      await desk(kakaricho).dialog().getByRole('button', { name: '承認する' }).click();
      // Opened from the inbox: with nothing else waiting, back to the (now empty) inbox.
      await done(kakaricho, '承認しました。 受信箱の案件はすべて処理しました。');
      await kakaricho.page.waitForURL(/\/inbox$/);
      await snap(kakaricho, 'kakaricho-approved-tablet');

      // ── 6. The 課長 bulk-approves: select in the inbox, one confirmation, a result per case.
      await noticed(kacho, NOTICE.arrived, 2);
      await kacho.goto('/inbox');
      await desk(kacho).filter().fill(MARK);
      await expect.poll(async () => (await desk(kacho).rowTexts()).length).toBe(1);
      await desk(kacho).row(TITLE).getByRole('checkbox').check();
      await kacho.page.getByRole('button', { name: '選択した案件を一括承認（1件）' }).click();
      const bulk = desk(kacho).dialog();
      await bulk.getByText(TITLE, { exact: false }).waitFor();
      await snap(kacho, 'kacho-bulk-confirm');
      await bulk.getByRole('button', { name: '1件を承認する' }).click();
      await bulk.getByText('1件すべて承認しました。').waitFor();
      await bulk.getByTestId('bulk-results').getByText('承認しました', { exact: true }).waitFor();
      await snap(kacho, 'kacho-bulk-result');
      await bulk.getByRole('button', { name: '閉じる' }).last().click();
      await expect.poll(async () => (await desk(kacho).rowTexts()).length).toBe(0);

      // ── 7. Both 合議 agree: the 財政課長, then the 総務課長.
      const agree = async (actor: Actor) => {
        await actor.goto(`/cases/${caseId}`);
        await actor.page.getByRole('heading', { name: TITLE }).waitFor();
        await desk(actor).actions().getByRole('button', { name: '合議に同意', exact: true }).click();
        await desk(actor).dialog().getByRole('button', { name: '合議に同意する' }).click();
        await done(actor, '合議に同意しました。');
      };
      await noticed(zaisei, NOTICE.arrived, 2);
      await noticed(somu, NOTICE.arrived, 2);
      await agree(zaisei);
      await snap(zaisei, 'zaisei-agreed');
      await agree(somu);

      // ── 8. The 部長 is away: the 総務課長 decides for them (代決) with a reason, on the case page.
      await noticed(bucho, NOTICE.arrived);
      const actions = desk(somu).actions();
      await actions.getByText('承認者が不在のとき（代決）').click();
      await actions.getByRole('button', { name: '代決する' }).click();
      const deputy = desk(somu).dialog();
      await deputy.getByText('不在の承認者に代わって', { exact: false }).waitFor();
      // One pending approver (the 部長), so the choice is made.
      await expect.poll(async () => deputy.getByLabel(/代わりに処理する承認者/).first().inputValue()).toBe(`部長 ${cast.bucho.name}（決裁）`);
      await deputy.getByRole('textbox', { name: /代決の理由/ }).fill(DEPUTY_REASON);
      await snap(somu, 'somu-deputy');
      await deputy.getByRole('button', { name: '代決で決裁する' }).click();
      await done(somu, '決裁しました。');
      await expect.poll(async () => somu.page.getByTestId('case-state').textContent()).toBe('決裁済');
      await snap(somu, 'somu-decided');

      // ── 9. Back at their desk, the 部長 finds it under 後閲 and records having read it.
      await noticed(bucho, NOTICE.review);
      await noticed(clerk, NOTICE.completed);
      await bucho.goto('/inbox?tab=review');
      await bucho.page.getByRole('heading', { name: '受信箱', level: 2 }).waitFor();
      await bucho.page.getByText('あなたの不在中に代決された案件です。', { exact: false }).waitFor();
      await bucho.page.getByRole('button', { name: TITLE }).click();
      await bucho.page.waitForURL(new RegExp(`/cases/${caseId}$`));
      await desk(bucho).route().getByText('後閲待ち').waitFor();
      await snap(bucho, 'bucho-review-case');
      await desk(bucho).actions().getByRole('button', { name: '後閲', exact: true }).click();
      await desk(bucho).dialog().getByRole('button', { name: '後閲する' }).click();
      await done(bucho, '後閲を記録しました。');
      await desk(bucho).route().getByText('後閲済').waitFor();
      await snap(bucho, 'bucho-reviewed');

      // ── 10. The end: 決裁済, the number, the timeline in order, 代決 and 後閲 recorded.
      const end = await caseView(caseId);
      expect(end).toMatchObject({ state: 'approved', number, revision: 2, amount: AMOUNT, title: TITLE, body: REVISED_BODY });
      expect(end.route.finalRule).toMatchObject({ label: '部長専決', stepKey: 'bucho' });
      expect(end.timeline.map((e) => [e.action, e.actor.name])).toEqual([
        ['create', cast.clerk.name],
        ['submit', cast.clerk.name],
        ['approve', cast.kakaricho.name],
        ['approve', cast.kacho.name],
        ['send_back', cast.zaisei.name],
        // The revised body, saved as the clerk resubmits.
        ['edit', cast.clerk.name],
        ['resubmit', cast.clerk.name],
        ['approve', cast.kakaricho.name],
        ['approve', cast.kacho.name],
        ['agree', cast.zaisei.name],
        ['agree', cast.somu.name],
        ['final_approve', cast.somu.name],
        ['review', cast.bucho.name],
      ]);
      expect(end.timeline.map((e) => e.revision)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
      const sentBackEntry = end.timeline.find((e) => e.action === 'send_back');
      expect(sentBackEntry).toMatchObject({ comment: SEND_BACK, toStepId: null });
      const decided = end.timeline.find((e) => e.action === 'final_approve');
      expect(decided).toMatchObject({ via: 'deputy', onBehalfOf: { id: cast.bucho.id }, reason: DEPUTY_REASON });
      expect(end.reviews).toHaveLength(1);
      expect(end.reviews[0]).toMatchObject({ user: { id: cast.bucho.id }, deputy: { id: cast.somu.id } });
      expect(end.reviews[0]?.doneAt).not.toBeNull();
      const buchoStep = end.route.stages.flatMap((s) => s.steps).find((s) => s.key === 'bucho');
      expect(buchoStep).toMatchObject({ status: 'final_approved', actedVia: 'deputy', actedBy: { id: cast.somu.id } });

      // The same, as the clerk sees it on the case page.
      await clerk.goto(`/cases/${caseId}`);
      await expect.poll(async () => clerk.page.getByTestId('case-state').textContent()).toBe('決裁済');
      await clerk.page.getByText(number, { exact: true }).waitFor();
      const history = desk(clerk).history();
      await history.getByText(`${cast.bucho.name}さんの代決`).waitFor();
      await history.getByText(`理由: ${DEPUTY_REASON}`).waitFor();
      await history.getByText(SEND_BACK).waitFor();
      await desk(clerk).route().getByText('後閲済').waitFor();
      await snap(clerk, 'clerk-case-decided');
      await history.scrollIntoViewIfNeeded();
      await snap(clerk, 'clerk-history');

      // ── 11. Who was told what (the toasts each person was shown about this case, in order).
      const seen = Object.fromEntries(actors.map((a) => [a.name, a.noticesAbout(TITLE, NOTICE_TITLES)]));
      expect(seen).toEqual({
        [cast.clerk.name]: [NOTICE.sentBack, NOTICE.completed],
        [cast.kakaricho.name]: [NOTICE.arrived, NOTICE.arrived],
        [cast.kacho.name]: [NOTICE.arrived, NOTICE.arrived],
        [cast.zaisei.name]: [NOTICE.arrived, NOTICE.arrived],
        [cast.somu.name]: [NOTICE.arrived, NOTICE.arrived],
        [cast.bucho.name]: [NOTICE.arrived, NOTICE.review],
      });
      // Every notice names the case by its number.
      for (const a of actors) for (const t of a.toasts.filter((x) => NOTICE_TITLES.includes(x.title) && x.message.includes(TITLE))) expect(t.message).toBe(`${number} ${TITLE}`);

      // ── 12. Someone outside the route (a 税務課 主任) cannot open the case.
      const outsider = await open(cast.outsider);
      actors.push(outsider);
      await outsider.goto(`/cases/${caseId}`);
      await outsider.page.getByRole('heading', { name: '案件が見つかりません' }).waitFor();
      expect(await outsider.page.getByText(TITLE).count()).toBe(0);
      await snap(outsider, 'outsider-not-found');
      expect(outsider.noticesAbout(TITLE, NOTICE_TITLES)).toEqual([]);
      const outsiderApi = await apiSession(hub.url, cast.outsider.login, password);
      await expect(outsiderApi.send('GET', `/api/cases/${caseId}`)).rejects.toThrow(/answered 404/);

      // ── 13. The archive PDF (決裁記録), downloaded from the case page as the drafter: pdftotext finds the number, the
      // title, every approver's name and the 代決/後閲 marks; page 1 (the 決裁欄 on the first attachment) and the record
      // page are rendered to PNG.
      const { execFileSync } = await import('node:child_process');
      await clerk.goto(`/cases/${caseId}`);
      const archiveSection = clerk.page.getByRole('region', { name: '決裁記録' });
      await archiveSection.getByTestId('archive-made').waitFor();
      await archiveSection.scrollIntoViewIfNeeded();
      await snap(clerk, 'clerk-archive');
      const [download] = await Promise.all([clerk.page.waitForEvent('download'), archiveSection.getByRole('link', { name: '決裁記録PDF' }).click()]);
      expect(download.suggestedFilename()).toBe(`${number}.pdf`);
      const archiveFile = join(resultsDir, 'scenario-archive.pdf');
      await download.saveAs(archiveFile);
      const archiveText = execFileSync('pdftotext', ['-layout', archiveFile, '-'], { encoding: 'utf8' });
      for (const expected of [number, TITLE, cast.clerk.name, cast.kakaricho.name, cast.kacho.name, cast.zaisei.name, cast.somu.name, cast.bucho.name, '代決', '後閲済', DEPUTY_REASON]) {
        expect(archiveText, expected).toContain(expected);
      }
      const archivePages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [archiveFile], { encoding: 'utf8' }))?.[1]);
      const recordPage = end.attachments.filter((a) => a.removedAt === null).reduce((n, a) => n + a.pages, 0) + 1;
      expect(archivePages).toBeGreaterThanOrEqual(recordPage);
      expect(execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', archiveFile, '-'], { encoding: 'utf8' })).toContain('決裁欄');
      expect(execFileSync('pdftotext', ['-layout', '-f', String(recordPage), '-l', String(recordPage), archiveFile, '-'], { encoding: 'utf8' })).toContain('決裁記録');
      for (const [page, name] of [[1, 'scenario-archive-page1'], [recordPage, 'scenario-archive-record']] as const) {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', archiveFile, join(resultsDir, name)]);
      }
      await clerk.page.setViewportSize({ width: 390, height: 844 });
      await archiveSection.scrollIntoViewIfNeeded();
      await snap(clerk, 'clerk-archive-phone');

      // ── 14. Search finds the case by a phrase inside its PDF (only there: the title is Japanese), once the hub has
      // read the attachment's text; the outsider finds nothing, not even a count.
      const phrase = 'community hall roof';
      const clerkApi = await apiSession(hub.url, cast.clerk.login, password);
      type Found = { items: { caseId: number; number: string | null; matchedIn: string[] }[]; total: number };
      await expect.poll(async () => (await clerkApi.send<Found>('GET', `/api/search?q=${encodeURIComponent(phrase)}`)).items.map((i) => i.caseId), { timeout: 30_000 }).toContain(caseId);
      const hit = (await clerkApi.send<Found>('GET', `/api/search?q=${encodeURIComponent(phrase)}`)).items.find((i) => i.caseId === caseId);
      expect(hit).toMatchObject({ number, matchedIn: ['pdf'] });
      await clerk.page.setViewportSize({ width: 1280, height: 800 });
      await clerk.goto(`/search?q=${encodeURIComponent(phrase)}`);
      await clerk.page.getByRole('link', { name: TITLE }).waitFor();
      // Each word of the query is highlighted where it stands in the PDF's text.
      await clerk.page.locator('mark', { hasText: /community/i }).first().waitFor();
      await snap(clerk, 'clerk-search-pdf-phrase');
      expect(await outsiderApi.send<Found>('GET', `/api/search?q=${encodeURIComponent(phrase)}`)).toMatchObject({ items: [], total: 0 });

      console.log(`approval scenario: ${((Date.now() - started) / 1000).toFixed(1)} s in the browsers, ${shot} screenshots`);
    } finally {
      for (const a of actors) await a.close();
    }
  }, 300_000);
});
