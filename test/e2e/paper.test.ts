import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalEffect } from '../../shared/api/kpi-approval-effect.js';
import type { KpiReport } from '../../shared/api/kpi.js';
import { fiscalYearLabel } from '../../shared/domain/wareki.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { LogsPage } from './pages/logs.page.js';
import { PaperPage } from './pages/paper.page.js';
import { ShellPage } from './pages/shell.page.js';

const password = 'e2e-demo-password';
const root = new URL('../../', import.meta.url).pathname;
const HOUR = 3_600_000;

/** The Tokyo wall clock of an instant, as the logs write it: 2026-11-26 00:00:30. */
const tokyo = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
const todayTokyo = tokyo(Date.now()).slice(0, 10);
const [yearNow, monthNow] = todayTokyo.split('-').map(Number) as [number, number];
/** The fiscal year of today in Tokyo: this one is in progress, the one before is the baseline. */
const fy = monthNow >= 4 ? yearNow : yearNow - 1;
const baselineFy = fy - 1;
const n = (v: number) => v.toLocaleString('ja-JP');

/** The months of a fiscal year, 'YYYY-MM', April first. */
const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => {
  const m = ((i + 3) % 12) + 1;
  return `${m >= 4 ? year : year + 1}-${String(m).padStart(2, '0')}`;
});

interface Job {
  time: string;
  user: string;
  printer: string;
  pages: number;
  document: string;
}

function printLoggerCsv(jobs: readonly Job[]): string {
  const head = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';
  return head + jobs.map((j) => `${j.time},${j.user},${j.pages},1,${j.printer},"${j.document}",PC-E2E,A4,PCL6,,,NOT DUPLEX,GRAYSCALE,10kb,\r\n`).join('');
}

/**
 * A print server's log over the baseline year and this year so far: the DX
 * officer (a login, so placed by it) on the DX office's printer, and a lobby
 * kiosk whose log name is no login, on a printer nothing maps yet (未割当).
 * This year's jobs fall on the 10th of each past month and just after
 * midnight today, so the current month has jobs whatever the date.
 */
const LOBBY_PRINTER = 'E2E-LOBBY-PRN01';
const LOBBY_PAGES = 4;
function plannedJobs(): { jobs: Job[]; lobbySheetsThisYear: number } {
  const jobs: Job[] = [];
  for (const month of monthsOf(baselineFy)) {
    jobs.push({ time: `${month}-10 09:00:00`, user: 'dx', printer: 'E2E-DX-PRN01', pages: 30, document: '基準年度 会議資料.pdf' });
    jobs.push({ time: `${month}-10 10:00:00`, user: 'e2e-kiosk', printer: LOBBY_PRINTER, pages: LOBBY_PAGES, document: '窓口 案内.pdf' });
  }
  let lobby = 0;
  for (const month of monthsOf(fy)) {
    const day = month === todayTokyo.slice(0, 7) ? `${todayTokyo} 00:00:30` : month < todayTokyo.slice(0, 7) ? `${month}-10 09:00:00` : null;
    if (day === null) continue;
    jobs.push({ time: day, user: 'dx', printer: 'E2E-DX-PRN01', pages: 12, document: '今年度 会議資料.pdf' });
    jobs.push({ time: day.replace(/:30$/, ':35').replace('09:00:00', '10:00:00'), user: 'e2e-kiosk', printer: LOBBY_PRINTER, pages: LOBBY_PAGES, document: '窓口 案内.pdf' });
    lobby += LOBBY_PAGES;
  }
  return { jobs, lobbySheetsThisYear: lobby };
}

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/kamiless.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kamiless ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

let browser: Browser;
let hub: Hub;
const planned = plannedJobs();

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  // The demo town with its years of logs (better screenshots), then our own log on top: the assertions
  // compare with what the API says, so they hold whatever the demo holds.
  await demoTown(dataDir, password, { logs: true });
  const log = join(dirname(dataDir), 'papercut-print-log-e2e.csv');
  writeFileSync(log, printLoggerCsv(planned.jobs));
  await runCli(['import', log, '--data', dataDir]);
  hub = await startHub(dataDir);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

/** Brings a section to the top of the window, below the fixed header, for a screenshot of it. */
async function scrollToTop(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('region', { name }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -72));
}

async function apiReport(page: Page): Promise<KpiReport> {
  const res = await page.request.get(`${hub.url}/api/kpi/report?fy=${fy}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as KpiReport;
}

/** A signed-in API session of the hub (Node's fetch, its own cookie and CSRF token), for setting up data. */
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
  async function upload(path: string, name: string, bytes: Uint8Array): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const r = await fetch(`${hub.url}${path}`, { method: 'POST', headers, body: form });
    if (!r.ok) throw new Error(`POST ${path} answered ${r.status}: ${await r.text()}`);
  }
  return { userId: session.user.id, send, upload };
}

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`E2E ${i + 1}`, { x: 50, y: 780, size: 12 });
  return doc.save();
}

const APPROVAL_TYPE = 'E2E 通知文書';
/**
 * A case approved electronically today, through the API as people would: a document type whose one step is
 * the administrator's 決裁 (the demo town may or may not hold cases of its own), drafted by the DX officer
 * with a 3-page PDF, submitted and approved.
 */
async function approvedCase(): Promise<void> {
  const admin = await apiSession('admin');
  const dx = await apiSession('dx');
  const type = await admin.send<{ id: number }>('POST', '/api/document-types', {
    code: 'E2E-TSUCHI', name: APPROVAL_TYPE, retention: '1', sortOrder: 900,
    template: { stages: [{ key: 'kessai', mode: 'all', steps: [{ key: 'kessai', kind: 'final', assignee: { kind: 'user', userId: admin.userId }, optional: false }] }] },
  });
  const drafted = await dx.send<{ id: number }>('POST', '/api/cases', { typeId: type.id, title: 'E2E 電子決裁の効果の確認' });
  await dx.upload(`/api/cases/${drafted.id}/attachments`, 'E2E 資料.pdf', await pdfOf(3));
  const draft = await dx.send<{ version: number }>('GET', `/api/cases/${drafted.id}`);
  const sent = await dx.send<{ version: number }>('POST', `/api/cases/${drafted.id}/submit`, { version: draft.version });
  const done = await admin.send<{ state: string }>('POST', `/api/cases/${drafted.id}/actions`, { action: 'final_approve', version: sent.version });
  expect(done.state).toBe('approved');
}

async function apiApprovalEffect(page: Page): Promise<ApprovalEffect> {
  const res = await page.request.get(`${hub.url}/api/kpi/approval-effect?fy=${fy}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as ApprovalEffect;
}

async function signedInAsDx(fn: (page: Page, paper: PaperPage) => Promise<void>, viewport?: { width: number; height: number }) {
  await withSignedIn(browser, hub, { login: 'dx', password }, async (page) => {
    await page.waitForURL(/\/inbox$/);
    const paper = new PaperPage(page, hub.url);
    if (viewport) await paper.open();
    else await new ShellPage(page).navLink('紙削減').click();
    await paper.heading().waitFor();
    await fn(page, paper);
  }, viewport);
}

describe('紙削減', () => {
  it('sets the baseline and target, and shows the reduction the API computes with how it was counted', async () => {
    await signedInAsDx(async (page, paper) => {
      await paper.headline().waitFor();
      await paper.openSettings();
      // A target of −5 is refused under its field and nothing is saved.
      await paper.fillTarget('-5');
      await paper.saveSettings();
      await paper.settings().getByText('0以上の整数（枚）で入力するか、空欄にしてください').waitFor();
      await paper.fillTarget('50000');
      await paper.chooseBaselineYear(fiscalYearLabel(baselineFy, 'ja'));
      await paper.saveSettings();
      await page.getByText(`「${fiscalYearLabel(fy, 'ja')}」を保存しました`).waitFor();
      await paper.settings().waitFor({ state: 'hidden' });

      const report = await apiReport(page);
      expect(report.baseline.fiscalYear).toBe(baselineFy);
      expect(report.target).toBe(50000);
      expect(report.complete).toBe(false);
      await expect.poll(() => paper.reduction().textContent()).toBe(n(report.reduction));
      expect(await paper.achievement().textContent()).toBe(report.achievementPercent === null ? '—' : `${report.achievementPercent}%`);
      const headline = paper.headline();
      await headline.getByText('削減枚数（年度途中の累計）').waitFor();
      await headline.getByText(`目標 ${n(50000)}枚`).waitFor();
      await headline.getByText(`${fiscalYearLabel(baselineFy, 'ja')}の実績 ${n(report.baseline.sheets)}枚`).waitFor();
      // The way it was counted, in Japanese, from the numbers (not the API's English sentence).
      const method = (await page.getByTestId('paper-ytd-method').textContent()) ?? '';
      expect(method).toContain('年度の途中のため');
      expect(method).toContain(`基準の同期間 ${n(report.ytd.baselineSheets)}枚 − 今年度 ${n(report.ytd.sheets)}枚 = ${n(report.ytd.reduction)}枚`);
      expect(method).not.toContain('baseline');
      const projected = (await page.getByTestId('paper-projection-method').textContent()) ?? '';
      expect(projected).toContain(`${n(report.projection?.sheets ?? -1)}枚 と見込んでいます`);
      expect(await page.getByTestId('paper-projected-reduction').textContent()).toBe(`${n(report.projection?.reduction ?? -1)}枚`);
      await screenshot(page, '40-paper-headline');

      // The saved toast would cover the charts.
      await page.locator('.mantine-Notification-root').getByRole('button').click();
      await scrollToTop(page, '削減枚数の累計と目標');
      await page.getByRole('region', { name: '削減枚数の累計と目標' }).getByText(`目標 ${n(50000)}枚`).waitFor();
      await screenshot(page, '41-paper-charts');
    });
  });

  it('drills down from the sites to a department and its users and printers, and back', async () => {
    await signedInAsDx(async (page, paper) => {
      const report = await apiReport(page);
      const breakdown = paper.breakdown();
      await breakdown.getByRole('table', { name: '庁舎別' }).waitFor();
      await paper.breakdownTotal().filter({ hasText: `${n(report.sheets)}枚・${n(report.jobs)}件` }).waitFor();
      await paper.drillInto('本庁（千代田）');
      await breakdown.getByRole('table', { name: '本庁（千代田）の課別' }).waitFor();
      await paper.crumbs().getByText('本庁（千代田）').waitFor();
      await paper.drillInto('DX推進係');
      const users = breakdown.getByRole('table', { name: 'DX推進係の職員別' });
      await users.getByRole('cell', { name: 'dx', exact: true }).waitFor();
      await breakdown.getByRole('table', { name: 'DX推進係のプリンター別' }).getByRole('cell', { name: 'E2E-DX-PRN01' }).waitFor();
      const drilled = await page.request.get(`${hub.url}/api/kpi/breakdown?fy=${fy}&siteId=${report.bySite.find((s) => s.name === '本庁（千代田）')?.id ?? -1}&departmentId=${report.byDepartment.find((d) => d.name === 'DX推進係')?.id ?? -1}`);
      const level = (await drilled.json()) as { sheets: number; jobs: number };
      await paper.breakdownTotal().filter({ hasText: `${n(level.sheets)}枚・${n(level.jobs)}件` }).waitFor();
      await scrollToTop(page, /庁舎・課別の内訳/);
      await screenshot(page, '42-paper-drilldown');
      // Back to the whole office through the breadcrumb.
      await paper.crumbs().getByRole('button', { name: '全庁' }).click();
      await breakdown.getByRole('table', { name: '庁舎別' }).waitFor();
    });
  });

  it('places an unassigned printer with a rule made from its name, and 未割当 shrinks at once', async () => {
    await signedInAsDx(async (page, paper) => {
      const before = await apiReport(page);
      expect(before.unmapped.sheets).toBeGreaterThanOrEqual(planned.lobbySheetsThisYear);
      await paper.unassignedHint().getByText(`未割当 ${n(before.unmapped.sheets)}枚（${n(before.unmapped.jobs)}件）`, { exact: false }).waitFor();
      await paper.unassignedHint().getByRole('button', { name: '割り当てを設定する' }).click();
      await paper.showNames('プリンター名');
      await paper.searchNames('e2e-lobby');
      const row = paper.nameRow(LOBBY_PRINTER);
      await row.getByText('未割当').waitFor();
      await paper.addRuleFor(LOBBY_PRINTER);
      // The exact rule is prefilled; a regex that could hang is refused by the server under the pattern.
      expect(await paper.ruleDialog().getByRole('textbox', { name: /^パターン/ }).inputValue()).toBe(LOBBY_PRINTER);
      await paper.chooseRuleKind('正規表現');
      await paper.fillPattern('(E2E+)+$');
      await paper.chooseRuleDepartment('総務課');
      await paper.saveRule();
      await paper.ruleDialog().getByText(/^処理に時間がかかるおそれのある正規表現のため使えません/).waitFor();
      await screenshot(page, '43-paper-rule-refused');
      await paper.chooseRuleKind('完全一致');
      await paper.fillPattern(LOBBY_PRINTER);
      await paper.saveRule();
      await paper.ruleDialog().waitFor({ state: 'hidden' });

      const after = await apiReport(page);
      expect(after.unmapped.sheets).toBe(before.unmapped.sheets - planned.lobbySheetsThisYear);
      if (after.unmapped.jobs > 0) {
        await paper.unassignedHint().getByText(`未割当 ${n(after.unmapped.sheets)}枚（${n(after.unmapped.jobs)}件）`, { exact: false }).waitFor();
      } else {
        await paper.unassignedHint().waitFor({ state: 'hidden' });
      }
      await paper.nameRow(LOBBY_PRINTER).getByText('総務課').waitFor();
      await paper.nameRow(LOBBY_PRINTER).getByText('ルール', { exact: true }).waitFor();
      await paper.rules().getByRole('cell', { name: LOBBY_PRINTER, exact: true }).waitFor();
      await scrollToTop(page, /^割り当て（/);
      await screenshot(page, '44-paper-mapping');
    });
  });

  it('follows a log imported elsewhere within a second or two, without a reload', async () => {
    await signedInAsDx(async (page, paper) => {
      const before = await apiReport(page);
      await paper.breakdownTotal().filter({ hasText: `${n(before.sheets)}枚・${n(before.jobs)}件` }).waitFor();
      const file = join(dirname(hub.dataDir), 'papercut-print-log-e2e-live.csv');
      writeFileSync(file, printLoggerCsv([{ time: `${todayTokyo} 00:00:50`, user: 'dx', printer: 'E2E-DX-PRN01', pages: 25, document: '追加の印刷.pdf' }]));
      // Someone else's upload, in another tab: the paper page hears of it through the server events.
      const other = await page.context().newPage();
      const logs = new LogsPage(other, hub.url);
      await logs.open();
      await logs.upload(file);
      await logs.result('「papercut-print-log-e2e-live.csv」を取り込みました').waitFor({ timeout: 30_000 });
      const stored = Date.now();
      await paper.breakdownTotal().filter({ hasText: `${n(before.sheets + 25)}枚・${n(before.jobs + 1)}件` }).waitFor({ timeout: 5_000 });
      const lag = Date.now() - stored;
      console.log(`紙削減 updated ${lag} ms after the import finished`);
      expect(lag).toBeLessThan(3_000);
      await other.close();
    });
  });

  it('fits a tablet: the charts follow the width and the tables scroll inside their cards', async () => {
    await signedInAsDx(async (page, paper) => {
      await paper.headline().waitFor();
      await paper.reduction().waitFor();
      await screenshot(page, '45-paper-tablet');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      const chart = page.getByRole('region', { name: '月別の用紙枚数' });
      await scrollToTop(page, '月別の用紙枚数');
      const svgWidth = await chart.locator('svg.recharts-surface').first().evaluate((el) => el.getBoundingClientRect().width);
      expect(svgWidth).toBeGreaterThan(500);
      expect(svgWidth).toBeLessThan(768);
      await screenshot(page, '46-paper-tablet-charts');
      await scrollToTop(page, /^割り当て（/);
      await screenshot(page, '47-paper-tablet-mapping');
    }, { width: 768, height: 1024 });
  });

  it('types in a KPI with its target and actual, downloads the table as CSV, and enters a paper purchase', async () => {
    await signedInAsDx(async (page, paper) => {
      const label = 'E2E オンライン申請の件数';
      await paper.evaluation().waitFor();
      await paper.addEvaluationRow();
      // A negative actual is refused under its field, before anything is sent.
      await paper.fillEvaluationRow({ label, unit: '件', target: '200', actual: '-3', comment: '窓口の案内を増やした' });
      await paper.saveEvaluationRow();
      await paper.evaluationDialog().getByText('0以上の数値で入力するか、空欄にしてください').waitFor();
      await paper.fillEvaluationRow({ actual: '150' });
      await paper.saveEvaluationRow();
      await page.getByText(`「${label}」を保存しました`).waitFor();
      await paper.evaluationDialog().waitFor({ state: 'hidden' });
      // 150 ÷ 200, as the API computes it.
      const res = await page.request.get(`${hub.url}/api/kpi/evaluation?fy=${fy}`);
      expect(res.ok()).toBe(true);
      const saved = ((await res.json()) as { rows: { label: { ja: string }; achievementPercent: number | null }[] }).rows.find((r) => r.label.ja === label);
      expect(saved?.achievementPercent).toBe(75);
      await expect.poll(() => paper.evaluationRow(label).getByTestId('paper-evaluation-achievement').textContent()).toBe('75%');

      // The CSV link, fetched with the page's session: UTF-8 with a BOM for Excel, the row in it.
      const href = await paper.downloadHref('CSV（UTF-8）');
      expect(href).toBe(`/api/kpi/evaluation.csv?fy=${fy}&encoding=utf-8`);
      const csv = await page.request.get(`${hub.url}${href}`);
      expect(csv.ok()).toBe(true);
      const bytes = await csv.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain(label);
      expect(await paper.downloadHref('PDF')).toBe(`/api/kpi/evaluation.pdf?fy=${fy}`);

      // April's purchase: the sheets follow the reams as they are typed, the year's total once saved.
      const april = `${fy}-04`;
      await paper.fillPurchase(`${fy}年4月`, '37', 'E2E 購入');
      await expect.poll(() => paper.purchaseSheets(april).textContent()).toBe(n(37 * 500));
      await paper.savePurchase(`${fy}年4月`);
      await page.getByText(`「${fy}年4月」を保存しました`).waitFor();
      const list = await page.request.get(`${hub.url}/api/kpi/purchases?fy=${fy}`);
      const purchases = (await list.json()) as { reams: number; sheets: number; items: { month: string; sheets: number }[] };
      expect(purchases.items.find((p) => p.month === april)?.sheets).toBe(18_500);
      await expect.poll(() => paper.purchasesTotal().textContent()).toBe(`年度合計 ${n(purchases.reams)}連・${n(purchases.sheets)}枚`);

      // The saved toasts would cover the tables.
      for (const close of await page.locator('.mantine-Notification-root').getByRole('button').all()) await close.click();
      await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
      await scrollToTop(page, /の評価$/);
      await screenshot(page, '49-paper-evaluation');
      await scrollToTop(page, /の用紙購入$/);
      await screenshot(page, '49-paper-purchases');
    });
  });

  it('imports paper purchases from a clerk\'s Shift_JIS CSV: a bad line is named and nothing stored, then a month\'s lines add up and replace it', async () => {
    await signedInAsDx(async (page, paper) => {
      const purchasesOf = async (year: number) => {
        const res = await page.request.get(`${hub.url}/api/kpi/purchases?fy=${year}`);
        return (await res.json()) as { reams: number; sheets: number; items: { month: string; reams: number; note: string }[] };
      };
      const dir = dirname(hub.dataDir);
      const reiwa = fy - 2018;
      await paper.purchases().waitFor();
      const before = await purchasesOf(fy);

      // Excel「CSV（コンマ区切り）」 on Japanese Windows writes Shift_JIS; the screen names the bad line in Japanese.
      const bad = join(dir, '用紙購入_誤り.csv');
      writeFileSync(bad, iconv.encode(`購入日,品名,冊数,備考\r\n${fy}/4/8,コピー用紙A4,abc,\r\n${fy}/13/1,コピー用紙A4,5,\r\n`, 'cp932'));
      await paper.choosePurchasesCsv(bad);
      const errors = paper.purchasesImportErrors();
      await errors.getByText('「用紙購入_誤り.csv」は取り込めません').waitFor();
      await errors.getByText('行 2: 連数「abc」は数値ではありません').waitFor();
      await errors.getByText(`行 3: 年月「${fy}/13/1」は年月として読めません`, { exact: false }).waitFor();
      expect(await purchasesOf(fy)).toEqual(before);
      await scrollToTop(page, /の用紙購入$/);
      await screenshot(page, '50-paper-purchases-import-errors');

      // The corrected file: April bought twice (added up, replacing what was typed in), May in 和暦, and a purchase of
      // 平成30年度, a year with no print logs, which the year picker then offers.
      const good = join(dir, '用紙購入_令和.csv');
      writeFileSync(good, iconv.encode([
        '用紙購入実績,,,',
        '購入日,品名,冊数,備考',
        `${fy}/4/8,コピー用紙A4,40,庁舎一括`,
        `R${reiwa}.5.12,コピー用紙A4,"1,200",年度初めの一括購入`,
        `${fy}/4/22,コピー用紙A3,12,芸北支所`,
        '2018/4/10,コピー用紙A4,30,旧記録',
        '合計,,"1,282",',
      ].join('\r\n'), 'cp932'));
      await paper.choosePurchasesCsv(good);
      const preview = paper.purchasesImportPreview();
      await preview.getByText(`3か月分（4行）、合計 ${n(1282)}連・${n(1282 * 500)}枚です。`, { exact: false }).waitFor();
      await preview.getByText(`うち1か月は${fiscalYearLabel(fy, 'ja')}以外の月です`, { exact: false }).waitFor();
      // Nothing is stored until 取り込む.
      expect(await purchasesOf(fy)).toEqual(before);
      await screenshot(page, '51-paper-purchases-import-preview');
      await paper.confirmPurchasesImport();
      await paper.purchasesImportDone().getByText(`「用紙購入_令和.csv」から3か月分（2018年4月〜${fy}年5月）を取り込みました。`, { exact: false }).waitFor();

      const after = await purchasesOf(fy);
      expect(after.items.find((p) => p.month === `${fy}-04`)).toMatchObject({ reams: 52, note: '庁舎一括 / 芸北支所' });
      expect(after.items.find((p) => p.month === `${fy}-05`)).toMatchObject({ reams: 1200, note: '年度初めの一括購入' });
      await expect.poll(() => paper.purchaseSheets(`${fy}-04`).textContent()).toBe(n(52 * 500));
      await expect.poll(() => paper.purchaseSheets(`${fy}-05`).textContent()).toBe(n(1200 * 500));
      await expect.poll(() => paper.purchasesTotal().textContent()).toBe(`年度合計 ${n(after.reams)}連・${n(after.sheets)}枚`);
      expect((await purchasesOf(2018)).items).toEqual([{ month: '2018-04', reams: 30, sheets: 15_000, note: '旧記録' }]);

      await scrollToTop(page, /の用紙購入$/);
      await screenshot(page, '52-paper-purchases-import');

      // The picker offers every year from 平成30年度 (data: a purchase) to this one, those without data said so.
      await expect.poll(() => paper.yearOptions()).toContain('平成30年度');
      await page.getByRole('combobox', { name: '年度' }).click();
      await screenshot(page, '53-paper-year-picker');
      await page.keyboard.press('Escape');
      const options = await paper.yearOptions();
      expect(options[0]).toBe(`${fiscalYearLabel(fy, 'ja')}（今年度）`);
      expect(options.at(-1)).toBe('平成30年度');
      expect(options).toContain(fiscalYearLabel(baselineFy, 'ja'));
      expect(options).toContain(`${fiscalYearLabel(2019, 'ja')}（データなし）`);
      expect(options).toHaveLength(fy - 2018 + 1);
    });
  });

  it('shows the e-approval effect apart from the headline, as an estimate left out of the reduction, with its settings in place', async () => {
    await approvedCase();
    await signedInAsDx(async (page, paper) => {
      const before = await apiReport(page);
      const effect = await apiApprovalEffect(page);
      expect(effect).toMatchObject({ paperCopies: 2, duplex: false });
      expect(effect.cases).toBeGreaterThanOrEqual(1);
      // Ours: 1 page for the 起案用紙 + 3 attached, × 2 copies one-sided.
      expect(effect.byType.find((t) => t.name === APPROVAL_TYPE)).toMatchObject({ cases: 1, pages: 4, sheets: 8 });
      expect(before.approvalEffect).toEqual({ cases: effect.cases, pages: effect.pages, paperCopies: 2, duplex: false, sheets: effect.sheets });

      const panel = paper.approvalEffect();
      await panel.waitFor();
      await expect.poll(() => paper.approvalEffectSheets().textContent()).toBe(`約 ${n(effect.sheets)}枚`);
      await panel.getByText('推計・実績には含めない').waitFor();
      await panel.getByText('上の削減枚数・達成率には足していません', { exact: false }).waitFor();
      await panel.getByText(`${n(effect.cases)}件`, { exact: true }).waitFor();
      await panel.getByText(`${n(effect.pages)}ページ`, { exact: true }).waitFor();
      await panel.getByText('2部・片面', { exact: true }).waitFor();
      await paper.approvalEffectByType().getByRole('row').filter({ hasText: APPROVAL_TYPE }).waitFor();
      // Below the headline and its charts, never inside them.
      const headlineBottom = await paper.headline().evaluate((el) => el.getBoundingClientRect().bottom);
      const chartsBottom = await page.getByRole('region', { name: '削減枚数の累計と目標' }).evaluate((el) => el.getBoundingClientRect().bottom);
      const panelTop = await panel.evaluate((el) => el.getBoundingClientRect().top);
      expect(panelTop).toBeGreaterThan(Math.max(headlineBottom, chartsBottom));
      await scrollToTop(page, '電子決裁による削減効果（推計）');
      await screenshot(page, '54-paper-approval-effect');

      // 21 copies is refused under the field, nothing is sent.
      await paper.fillPaperCopies('21');
      await paper.saveApprovalEffectSettings();
      await paper.approvalEffectSettings().getByText('0〜20の整数（部）で入力してください').waitFor();
      expect((await apiApprovalEffect(page)).paperCopies).toBe(2);
      // 3 copies, duplex: the estimate follows at once; the measured figures do not move.
      await paper.fillPaperCopies('3');
      await paper.setDuplex(true);
      await paper.saveApprovalEffectSettings();
      await page.getByText('「電子決裁の推計の前提」を保存しました').waitFor();
      const after = await apiApprovalEffect(page);
      expect(after).toMatchObject({ paperCopies: 3, duplex: true, cases: effect.cases, pages: effect.pages });
      expect(after.byType.find((t) => t.name === APPROVAL_TYPE)?.sheets).toBe(2 * 3);
      await expect.poll(() => paper.approvalEffectSheets().textContent()).toBe(`約 ${n(after.sheets)}枚`);
      await panel.getByText('3部・両面', { exact: true }).waitFor();
      const report = await apiReport(page);
      expect({ sheets: report.sheets, reduction: report.reduction }).toEqual({ sheets: before.sheets, reduction: before.reduction });
      expect(await paper.reduction().textContent()).toBe(n(report.reduction));

      // Back to the defaults for the tablet's picture.
      await paper.fillPaperCopies('2');
      await paper.setDuplex(false);
      await paper.saveApprovalEffectSettings();
      await expect.poll(() => paper.approvalEffectSheets().textContent()).toBe(`約 ${n(effect.sheets)}枚`);
    });

    await signedInAsDx(async (page, paper) => {
      await paper.approvalEffect().waitFor();
      await expect.poll(() => paper.approvalEffectSheets().textContent()).toBe(`約 ${n((await apiApprovalEffect(page)).sheets)}枚`);
      await scrollToTop(page, '電子決裁による削減効果（推計）');
      await screenshot(page, '55-paper-tablet-approval-effect');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    }, { width: 768, height: 1024 });
  });

  it('speaks English when asked, a past year included', async () => {
    await signedInAsDx(async (page, paper) => {
      await new ShellPage(page).switchLanguage('English');
      await paper.heading().waitFor();
      await paper.open(baselineFy);
      await page.getByText('How it is counted:', { exact: false }).first().waitFor();
      await page.getByText('Final', { exact: true }).waitFor();
      await screenshot(page, '48-paper-english-past-year');
      await new ShellPage(page).switchLanguage('日本語');
    });
  });
});
