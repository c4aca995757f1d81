import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, DocumentType } from '../../shared/api/approvals.js';
import type { Department, Position } from '../../shared/api/org.js';
import { demoUsers } from '../../electron/app/demo/demo-town.js';
import { pngBytes } from '../helpers/scan-images.js';
import { demoTown, freshDataDir, launchBrowser, resultsDir, startHub, withSignedIn, type Hub } from './harness.js';
import { DraftPage } from './pages/draft.page.js';

// 起案 in real Chromium against a hub: a clerk drafts a 支出負担行為, watches the route follow the amount
// (課長専決 → 部長専決), adds 合議, attaches a PDF by the file picker and a PNG scan by drag and drop, is
// told in Japanese why a text file renamed .pdf is refused while the attachments stay, saves, submits and
// lands on the case; the 係長 sends it back through the API; the clerk reads why, revises and resubmits.

const password = 'e2e-demo-password';
const SIZES = { desktop: { width: 1280, height: 800 }, tablet: { width: 768, height: 1024 }, phone: { width: 390, height: 844 } } as const;
const TYPE_NAME = 'E2E 支出負担行為';

let browser: Browser;
let hub: Hub;

/** The login of the first holder of a post in the demo town (demo-town.ts). */
function loginOf(department: string, position: string): string {
  const u = demoUsers.find((x) => x.department === department && x.position === position);
  if (!u) throw new Error(`no ${department}/${position} in the demo town`);
  return u.login;
}
const clerk = loginOf('SOMU-JINJI', '主事');
const kakaricho = loginOf('SOMU-JINJI', '係長');

/** A signed-in API session of the hub (Node's fetch, its own cookie and CSRF token), for setting up and checking. */
async function apiSession(login: string) {
  const res = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status, `sign-in of ${login}`).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await res.json()) as { csrfToken: string; user: { id: number } };
  const headers = { cookie, 'x-csrf-token': session.csrfToken };
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(`${hub.url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return { userId: session.user.id, send };
}

/** A document type of our own, so the test does not depend on the demo's: 係長 → 課長 → 部長 → 副町長 with 専決 bands. */
async function createType(): Promise<DocumentType> {
  const admin = await apiSession('admin');
  const positions = await admin.send<Position[]>('GET', '/api/org/positions');
  const pos = (name: string) => {
    const p = positions.find((x) => x.name === name);
    if (!p) throw new Error(`no position ${name}`);
    return p.id;
  };
  const step = (key: string, assignee: Record<string, unknown>, optional = true) => ({ key, mode: 'all', steps: [{ key, kind: 'approve', assignee, optional }] });
  return admin.send<DocumentType>('POST', '/api/document-types', {
    code: 'E2E-DRAFT-SPEND',
    name: TYPE_NAME,
    retention: '5',
    sortOrder: 0,
    template: {
      stages: [
        step('kakaricho', { kind: 'chain', positionId: pos('係長') }),
        step('kacho', { kind: 'chain', positionId: pos('課長') }),
        step('bucho', { kind: 'chain', positionId: pos('部長') }),
        step('fuku', { kind: 'office', positionId: pos('副町長') }, false),
      ],
      bands: [
        { below: 500_000, finalStepKey: 'kacho', label: '課長専決' },
        { below: 5_000_000, finalStepKey: 'bucho', label: '部長専決' },
        { below: null, finalStepKey: 'fuku', label: '副町長決裁' },
      ],
      amountRequired: true,
      allowAddedConsult: true,
      addedConsultPositionId: pos('課長'),
      resubmit: 'restart',
    },
  });
}

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Estimate ${i + 1}`, { x: 50, y: 780, size: 18 });
  return doc.save();
}

/** The screen as the clerk sees it from the top and, for the longer forms, the whole page too (`-full`). */
async function shot(page: Page, name: string, full = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(resultsDir, `${name}.png`) });
  if (full) await page.screenshot({ path: join(resultsDir, `${name}-full.png`), fullPage: true });
}

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

describe('起案', () => {
  let caseId = 0;

  it('drafts with the route following the amount, attaches a PDF and a scan, refuses a fake PDF in Japanese, saves and submits', async () => {
    const type = await createType();
    const me = await apiSession(clerk);
    const departments = await me.send<Department[]>('GET', '/api/org/departments');
    expect(departments.some((d) => d.name === '財政課')).toBe(true);

    await withSignedIn(browser, hub, { login: clerk, password }, async (page) => {
      const draft = new DraftPage(page, hub.url);
      await draft.open();
      await draft.finalRule().waitFor({ state: 'detached' });
      await draft.chooseType(TYPE_NAME);
      await page.getByText('金額を入力すると、決裁する人（専決）が決まり、ルートが出ます。').waitFor();

      // The route appears with the amount and follows it.
      await draft.setAmount('300000');
      await draft.finalRule().getByText('¥300,000 → 課長専決').waitFor();
      await expect.poll(() => draft.routeSteps().count()).toBe(2);
      await draft.setAmount('3,200,000');
      await draft.finalRule().getByText('¥3,200,000 → 部長専決').waitFor();
      await expect.poll(() => draft.routeSteps().count()).toBe(3);
      await draft.amount().blur();
      expect(await draft.amount().inputValue()).toBe('3,200,000');

      // 合議 with 財政課 and 企画課 at 本庁: one parallel stage before the 部長.
      await draft.addConsult('財政課');
      await draft.addConsult('企画課');
      await page.getByText('合議（同時に回ります・全員）').waitFor();
      await expect.poll(() => draft.routeSteps().count()).toBe(5);

      await draft.fillTitle('芸北地区集会所 屋根改修工事の支出負担行為について');
      await draft.fillBody('このことについて、下記のとおり支出負担行為をしてよろしいか伺います。\n\n1 工事名 芸北地区集会所屋根改修工事\n2 金額 3,200,000円（税込）');

      // A PDF by the file picker: the first file saves the draft, which gets its URL.
      await draft.attachByPicker('見積書.pdf', 'application/pdf', await pdfOf(3));
      await page.waitForURL(/\/draft\/\d+$/);
      caseId = Number(/\/draft\/(\d+)$/.exec(page.url())?.[1]);
      await expect.poll(() => draft.attachments().count()).toBe(1);
      await draft.attachments().getByText('3ページ', { exact: false }).waitFor();

      // A PNG scan by drag and drop: stored as a one-page PDF.
      await draft.attachByDrop('現場写真.png', 'image/png', pngBytes(800, 600, 96));
      await expect.poll(() => draft.attachments().count()).toBe(2);
      await draft.attachments().getByText('現場写真.pdf').waitFor();

      // A text file renamed .pdf: refused on its own row, in Japanese; the two attachments stay.
      await draft.attachByPicker('議事録.pdf', 'application/pdf', Buffer.from('これはテキストファイルです。\n', 'utf8'));
      await draft.uploadRows().getByText('「議事録.pdf」はPDFではありません', { exact: false }).waitFor();
      expect(await draft.attachments().count()).toBe(2);
      await shot(page, 'drafting-1-desktop');

      await draft.save();
      await page.getByText('下書きを保存しました').waitFor();
      const saved = await me.send<CaseView>('GET', `/api/cases/${caseId}`);
      expect(saved).toMatchObject({ state: 'draft', amount: 3_200_000, title: '芸北地区集会所 屋根改修工事の支出負担行為について', type: { id: type.id } });
      expect(saved.consultDepartments.map((d) => d.name).sort()).toEqual(['企画課', '財政課']);
      expect(saved.attachments.map((a) => [a.name, a.pages, a.removedAt])).toEqual([
        ['見積書.pdf', 3, null],
        ['現場写真.pdf', 1, null],
      ]);

      // The saved draft, reopened on a tablet and a phone (one sign-in, the window resized).
      for (const size of ['tablet', 'phone'] as const) {
        await page.setViewportSize(SIZES[size]);
        await draft.open(caseId);
        await draft.finalRule().getByText('¥3,200,000 → 部長専決').waitFor();
        await expect.poll(() => draft.attachments().count()).toBe(2);
        await shot(page, `drafting-1-${size}`);
        await draft.openSubmit();
        await shot(page, `drafting-2-confirm-${size}`, false);
        await draft.confirmDialog().getByRole('button', { name: 'キャンセル' }).click();
        await draft.confirmDialog().waitFor({ state: 'detached' });
      }

      await page.setViewportSize(SIZES.desktop);
      await draft.open(caseId);
      await draft.finalRule().getByText('¥3,200,000 → 部長専決').waitFor();
      await draft.openSubmit();
      await draft.confirmDialog().getByText('提出すると文書番号が付き', { exact: false }).waitFor();
      await shot(page, 'drafting-2-confirm-desktop', false);
      await draft.confirmSubmit();
      await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    }, SIZES.desktop);

    const sent = await me.send<CaseView>('GET', `/api/cases/${caseId}`);
    expect(sent.state).toBe('in_progress');
    expect(sent.number).not.toBeNull();
    expect(sent.route.finalRule).toMatchObject({ label: '部長専決', stepKey: 'bucho', escalatedFrom: null });
    expect(sent.route.stages.map((s) => s.steps.map((x) => x.position))).toEqual([['係長'], ['課長'], ['財政課 課長', '企画課 課長'], ['部長']]);
  });

  it('after a send-back shows who sent it back and why, and the clerk revises and resubmits', async () => {
    expect(caseId).toBeGreaterThan(0);
    const approver = await apiSession(kakaricho);
    const before = await approver.send<CaseView>('GET', `/api/cases/${caseId}`);
    const comment = '見積書の金額（税抜）と起案の金額（税込）が合っていません。税込の見積書に差し替えてください。';
    await approver.send<CaseView>('POST', `/api/cases/${caseId}/actions`, { action: 'send_back', version: before.version, comment });

    await withSignedIn(browser, hub, { login: clerk, password }, async (page) => {
      const draft = new DraftPage(page, hub.url);
      for (const size of ['phone', 'tablet'] as const) {
        await page.setViewportSize(SIZES[size]);
        await draft.open(caseId);
        await draft.sentBack().getByText(comment).waitFor();
        await shot(page, `drafting-3-sent-back-${size}`);
      }

      await page.setViewportSize(SIZES.desktop);
      await draft.open(caseId);
      await draft.heading().getByText('差し戻された文書の修正').waitFor();
      await draft.sentBack().getByText(comment).waitFor();
      await draft.sentBack().getByText('さんが差し戻しました', { exact: false }).waitFor();
      await shot(page, 'drafting-3-sent-back-desktop');

      // Replace the estimate: the old one off, a corrected one on; and a clearer title.
      await draft.attachments().filter({ hasText: '見積書.pdf' }).getByRole('button', { name: '見積書.pdf を外す' }).click();
      await page.getByRole('dialog', { name: '添付を外しますか' }).getByRole('button', { name: '外す' }).click();
      await expect.poll(() => draft.attachments().count()).toBe(1);
      await draft.attachByPicker('見積書（税込）.pdf', 'application/pdf', await pdfOf(2));
      await expect.poll(() => draft.attachments().count()).toBe(2);
      await draft.fillTitle('芸北地区集会所 屋根改修工事の支出負担行為について（税込見積に差替）');

      await draft.openSubmit('再提出する');
      await draft.confirmDialog().getByText('これまでの承認はやり直しになり', { exact: false }).waitFor();
      await draft.confirmSubmit('再提出する');
      await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    }, SIZES.desktop);

    const after = await approver.send<CaseView>('GET', `/api/cases/${caseId}`);
    expect(after).toMatchObject({ state: 'in_progress', revision: 2, title: '芸北地区集会所 屋根改修工事の支出負担行為について（税込見積に差替）' });
    expect(after.attachments.filter((a) => a.removedAt === null).map((a) => a.name).sort()).toEqual(['現場写真.pdf', '見積書（税込）.pdf'].sort());
    expect(after.timeline.map((e) => e.action)).toContain('resubmit');
  });
});
