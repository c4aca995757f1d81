import { copyFileSync, mkdirSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/printlog-fixtures.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { LogsPage } from './pages/logs.page.js';
import { SourcesPage } from './pages/sources.page.js';

const password = 'e2e-demo-password';
const dailyLog = join(fixturesDir(), 'papercut-logger/daily/papercut-print-log-2024-04-02.csv');
const badLines = join(fixturesDir(), 'papercut-logger/bad-lines-utf8.csv');
const cp932JobLog = join(fixturesDir(), 'csv/joblog-honcho-2024-10.csv');
let browser: Browser;
let hub: Hub;
/** The print server's log folder the hub watches: a copy of the fixtures, so the watcher may read them freely. */
let logDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  logDir = join(dirname(dataDir), 'printsv01-logs');
  mkdirSync(logDir, { recursive: true });
  // A file with rejected lines, under a daily file's name so the pattern takes it, and an older clean day.
  copyFileSync(badLines, join(logDir, 'papercut-print-log-2024-05-01.csv'));
  copyFileSync(dailyLog, join(logDir, 'papercut-print-log-2024-04-02.csv'));
  // The preview reads the newest file: make it the clean day, whose rows the test knows.
  const old = new Date('2024-05-01T00:00:00Z');
  utimesSync(join(logDir, 'papercut-print-log-2024-05-01.csv'), old, old);
  hub = await startHub(dataDir);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

/** Mantine's modals fade and slide in: a screenshot waits for them to stand still. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, name);
}

async function signedInAsAdmin(fn: (page: Page, sources: SourcesPage) => Promise<void>, viewport?: { width: number; height: number }) {
  await withSignedIn(browser, hub, { login: 'admin', password }, async (page) => {
    await new LogsPage(page, hub.url).open();
    const sources = new SourcesPage(page);
    await sources.section().waitFor();
    await fn(page, sources);
  }, viewport);
}

describe('ログ取込 → 取込元', () => {
  it('adds a watched folder after previewing its first file, then shows it importing', async () => {
    await signedInAsAdmin(async (page, sources) => {
      await sources.section().getByText('取込元はまだありません', { exact: false }).waitFor();
      await screenshot(page, '30-sources-empty');

      await sources.openAdd();
      const form = sources.form();
      await sources.fill('名前', '本庁プリントサーバー');
      await sources.select(form, '庁舎', '本庁（千代田）');
      // A folder the hub cannot see: the hub's reason shows under the folder input.
      await sources.fill('フォルダー', '/no/such/folder');
      await sources.fill('ファイル名のパターン', 'papercut-print-log-*.csv');
      await page.keyboard.press('Escape'); // closes the pattern's suggestions, not the dialog
      await sources.save();
      await form.getByText('入力内容に誤りがあります: no such folder on this machine: /no/such/folder').waitFor();
      await sources.fill('フォルダー', logDir);

      // The live preview: the folder's newest file, read as the hub would, before anything is saved.
      const preview = sources.preview();
      await preview.getByText('papercut-print-log-2024-04-02.csv').waitFor();
      await preview.getByText('PaperCut Print Logger', { exact: true }).waitFor();
      await preview.getByRole('cell', { name: 'kato-n' }).waitFor();
      await preview.getByRole('cell', { name: '令和6年4月2日 0:54:58' }).waitFor();
      await preview.scrollIntoViewIfNeeded();
      await shot(page, '31-sources-add-preview');

      // A pattern that matches nothing says so, under the same preview.
      await sources.fill('ファイル名のパターン', 'page_log*');
      await preview.getByText(/no file in .* matches page_log\*/).waitFor();
      await sources.fill('ファイル名のパターン', 'papercut-print-log-*.csv');
      await page.keyboard.press('Escape');
      await preview.getByRole('cell', { name: 'kato-n' }).waitFor();

      await sources.save();
      await form.waitFor({ state: 'detached' });

      // The hub's watcher reads both files within a few seconds; the table follows by itself.
      const row = sources.row('本庁プリントサーバー');
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000, interval: 500 }).toContain('令和6年5月');
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('フォルダー監視');
      expect(text).toContain('本庁（千代田）');
      expect(text).toContain('OK');
      expect(text).toContain('遅れなし');
      // The header cards follow what the watcher imported, without reloading the page.
      await new LogsPage(page, hub.url).card('保存済みジョブ').getByText('12', { exact: true }).waitFor({ timeout: 10_000 });

      // Editing keeps its files; a network share is polled instead.
      await row.getByRole('button', { name: '編集: 本庁プリントサーバー' }).click();
      await page.getByRole('dialog', { name: '取込元「本庁プリントサーバー」を編集' }).waitFor();
      await expect.poll(() => form.getByRole('textbox', { name: 'フォルダー', exact: true }).inputValue()).toBe(logDir);
      await form.getByRole('switch', { name: /^一定間隔で確認する/ }).check();
      await form.getByRole('textbox', { name: '確認間隔', exact: true }).waitFor();
      await sources.save('保存');
      await form.waitFor({ state: 'detached' });
      await row.getByText('2秒ごとに確認').waitFor();
      expect(await row.textContent()).toContain('12');

      // Its rejected lines, with the file each comes from.
      await row.getByRole('button', { name: /本庁プリントサーバー のエラー行 6 行を表示/ }).click();
      const rejected = sources.rejected();
      await rejected.getByRole('heading', { name: '取込元「本庁プリントサーバー」のエラー行' }).waitFor();
      await expect.poll(() => rejected.getByRole('row').count()).toBe(7);
      await rejected.getByRole('cell', { name: 'papercut-print-log-2024-05-01.csv' }).first().waitFor();
      await sources.section().scrollIntoViewIfNeeded();
      await shot(page, '32-sources-status-rejected');
    });
  });

  it('builds a CSV mapping from the CP932 sample, adds a branch agent with it, and shows its token once', async () => {
    await signedInAsAdmin(async (page, sources) => {
      await sources.openAdd();
      const form = sources.form();
      await sources.chooseKind('支所エージェント');
      await sources.fill('名前', '豊平支所 複合機');
      await sources.fill('支所のフォルダー（任意）', 'D:\\MFP Logs\\joblog');
      await sources.fill('ファイル名のパターン', 'joblog-*.csv');
      await page.keyboard.press('Escape');
      await sources.select(form, '形式', 'CSV（マッピング）');
      await sources.preview().getByText('この形式はマッピングを作成するとプレビューできます。').waitFor();
      await form.getByRole('button', { name: 'マッピングを作成' }).click();

      const editor = sources.mappingEditor();
      await editor.waitFor();
      await sources.pickSample(editor, cp932JobLog);
      await sources.select(editor, '文字コード', 'Shift_JIS (CP932)');
      // The sample's lines, decoded, and its header's columns as the choices.
      await editor.getByText('印刷日時,ユーザー名,プリンター名', { exact: false }).waitFor();
      await editor.getByText('columns.time: required').waitFor();
      await sources.select(editor, '日時', /^印刷日時（例: 2024\/10\/01 08:26:10）$/);
      await sources.select(editor, 'ページ数', /^ページ数（例: 12）$/);
      await editor.getByText('サンプル「2024/10/01 08:26:10」→ 令和6年10月1日 8:26:10').waitFor();
      await editor.getByText('マッピングは正しい形式です').waitFor();

      const editorPreview = sources.preview(editor);
      await editorPreview.getByRole('cell', { name: '道路台帳 抜粋.pdf' }).waitFor();
      await editorPreview.getByRole('cell', { name: '令和6年10月1日 8:26:10' }).waitFor();

      // The other columns from their headers, then the words of the 両面 column from the sample.
      await editor.getByRole('button', { name: '見出しから自動で割り当て' }).click();
      await expect.poll(() => editor.getByRole('combobox', { name: '両面', exact: true }).inputValue()).toMatch(/^両面（例: /);
      await editor.getByRole('button', { name: 'サンプルの語を追加（2）' }).first().click();
      await editor.getByRole('textbox', { name: '両面の列の語 2' }).waitFor();
      // 10 pages × 5 copies, two-sided 2in1: ceil(10 ÷ 4) × 5 = 15 sheets (docs/mapping-files.md).
      const row = editorPreview.getByRole('row').filter({ hasText: '令和6年10月1日 11:48:22' });
      await expect.poll(async () => (await row.textContent()) ?? '').toContain('両面2in1');
      await row.getByRole('cell', { name: '50', exact: true }).waitFor();
      await row.getByRole('cell', { name: '15', exact: true }).waitFor();
      await editor.getByRole('heading', { name: 'ファイルの読み方' }).scrollIntoViewIfNeeded();
      await shot(page, '33-sources-mapping-columns');
      await editorPreview.scrollIntoViewIfNeeded();
      await shot(page, '34-sources-mapping-preview');

      await editor.getByRole('button', { name: 'このマッピングを使う' }).click();
      await editor.waitFor({ state: 'hidden' });
      await form.getByText('設定済み', { exact: true }).waitFor();
      // The sample chosen in the editor previews in the form too.
      await sources.preview().getByRole('cell', { name: '道路台帳 抜粋.pdf' }).waitFor();

      await sources.save();
      const token = sources.tokenDialog();
      await token.waitFor();
      await token.getByText('この画面でしか表示されません').waitFor();
      const command = (await token.locator('#agent-command').textContent()) ?? '';
      const tokenText = (await token.locator('#agent-token').textContent()) ?? '';
      expect(tokenText.length).toBeGreaterThan(16);
      // The Windows folder and the glob are quoted for cmd.exe and PowerShell alike.
      expect(command).toBe(`npx kamiless agent --hub ${hub.url} --token ${tokenText} --path "D:\\MFP Logs\\joblog" --glob "joblog-*.csv" --format csv`);
      await token.getByText('このサーバー自身を指すアドレス', { exact: false }).waitFor();
      await shot(page, '35-sources-agent-token');
      await token.getByRole('button', { name: 'コピーしたので閉じる' }).click();
      await token.waitFor({ state: 'detached' });

      const agentRow = sources.row('豊平支所 複合機');
      await agentRow.getByText('エージェント未接続').waitFor();
      expect(await agentRow.textContent()).toContain('一度も接続していません');
      await sources.section().scrollIntoViewIfNeeded();
      await shot(page, '36-sources-agent-offline');

      // A new token replaces the old one at once, after a confirmation.
      await agentRow.getByRole('button', { name: 'トークンを再発行: 豊平支所 複合機' }).click();
      const confirm = page.getByRole('dialog', { name: 'トークンを再発行しますか' });
      await confirm.getByText('すぐに使えなくなります', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'トークンを再発行' }).click();
      await token.waitFor();
      const renewed = (await token.locator('#agent-token').textContent()) ?? '';
      expect(renewed).not.toBe(tokenText);
      await token.getByRole('button', { name: 'コピーしたので閉じる' }).click();

      // Stopping keeps its files and jobs, and says so first.
      await agentRow.getByRole('button', { name: '停止: 豊平支所 複合機' }).click();
      const stop = page.getByRole('dialog', { name: '取込元を停止しますか' });
      await stop.getByText('そのまま残ります', { exact: false }).waitFor();
      await stop.getByRole('button', { name: '停止', exact: true }).click();
      await sources.row('豊平支所 複合機').getByText('停止', { exact: true }).waitFor();
      await sources.section().scrollIntoViewIfNeeded();
      await shot(page, '39-sources-stopped');
    });
  });

  it('fits a tablet: the table scrolls sideways and the dialog takes the screen', async () => {
    await signedInAsAdmin(async (page, sources) => {
      await sources.row('本庁プリントサーバー').waitFor();
      await sources.section().scrollIntoViewIfNeeded();
      await screenshot(page, '37-sources-tablet');
      await sources.openAdd();
      await sources.fill('名前', '大朝支所');
      await shot(page, '38-sources-tablet-form');
    }, { width: 768, height: 1024 });
  });
});
