import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/printlog-fixtures.js';
import { writePrintLoggerFile } from '../helpers/printlog-generate.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';
import { LogsPage } from './pages/logs.page.js';
import { ShellPage } from './pages/shell.page.js';

const password = 'e2e-demo-password';
const badLines = join(fixturesDir(), 'papercut-logger/bad-lines-utf8.csv');
let browser: Browser;
let hub: Hub;

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

async function signedInAsDx(fn: (page: Page, logs: LogsPage) => Promise<void>, viewport?: { width: number; height: number }) {
  await withSignedIn(browser, hub, { login: 'dx', password }, async (page) => {
    await page.waitForURL(/\/inbox$/);
    const logs = new LogsPage(page, hub.url);
    // On a tablet the menu is folded away: go by address there.
    if (viewport) await logs.open();
    else await new ShellPage(page).navLink('ログ取込').click();
    await logs.heading().waitFor();
    await fn(page, logs);
  }, viewport);
}

describe('ログ取込', () => {
  it('imports a log file chosen by the DX officer and shows the jobs, the rejected lines and why', async () => {
    await signedInAsDx(async (page, logs) => {
      await logs.files().getByText('まだ取り込んだファイルはありません', { exact: false }).waitFor();
      await screenshot(page, '20-logs-empty');

      await logs.upload(badLines);
      const result = logs.result('「bad-lines-utf8.csv」を取り込みました');
      await result.waitFor({ timeout: 30_000 });
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('PaperCut Print Logger');
      expect(text).toContain('UTF-8');
      expect(text).toContain('10件');
      expect(text).toContain('198ページ・158枚');
      expect(text).toContain('6行');
      expect(text).toContain("Time: '2024-05-01 25:61:00' is not a valid date and time");
      await result.getByRole('cell', { name: '18', exact: true }).waitFor();

      // The header figures follow the import.
      await logs.card('保存済みジョブ').getByText('10', { exact: true }).waitFor();
      await logs.card('用紙枚数').getByText('158', { exact: true }).waitFor();
      await logs.card('最新のジョブ').getByText('令和6年5月2日', { exact: true }).waitFor();
      await screenshot(page, '21-logs-imported');

      // The file just imported is chosen: its rejected lines, with the raw text, are below the list.
      const rejected = logs.rejected();
      await rejected.getByRole('heading', { name: '「bad-lines-utf8.csv」のエラー行' }).waitFor();
      await expect.poll(() => rejected.getByRole('row').count()).toBe(7);
      await rejected.getByRole('cell', { name: '\\x00\\x01\\x02garbage\\x7F' }).waitFor();
      await rejected.getByText('2024-05-01 25:61:00,tanaka-h,1,1,P,"d",C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,').waitFor();
      await rejected.scrollIntoViewIfNeeded();
      await screenshot(page, '22-logs-rejected-lines');

      const row = logs.files().getByRole('row', { name: /bad-lines-utf8\.csv/ });
      expect(await row.textContent()).toContain('手動（dx）');
    });
  });

  it('counts a second import of the same file as duplicates, on a tablet', async () => {
    await signedInAsDx(async (page, logs) => {
      await logs.upload(badLines);
      const result = logs.result('「bad-lines-utf8.csv」を取り込みました');
      await result.waitFor({ timeout: 30_000 });
      const figures = result.locator('.mantine-Paper-root');
      await figures.filter({ hasText: '新しく保存' }).getByText('0件').waitFor();
      await figures.filter({ hasText: '保存済み（重複）' }).getByText('10件').waitFor();
      await logs.card('保存済みジョブ').getByText('10', { exact: true }).waitFor();
      await screenshot(page, '26-logs-tablet-duplicates');
    }, { width: 768, height: 1024 });
  });

  it('says why a file that is not a print log cannot be imported', async () => {
    const notes = join(dirname(hub.dataDir), 'memo.txt');
    writeFileSync(notes, '2Fのプリンターのトナーが切れています。\n総務課\n');
    await signedInAsDx(async (page, logs) => {
      await logs.upload(notes);
      const failure = logs.result('「memo.txt」を取り込めませんでした');
      await failure.waitFor({ timeout: 30_000 });
      expect(await failure.textContent()).toContain('no known log format matches the first lines');
      await screenshot(page, '23-logs-not-a-log');
    });
  });

  it('shows the bytes sent while uploading, and cancels cleanly', async () => {
    const big = join(dirname(hub.dataDir), 'papercut-print-log-all-time.csv');
    await writePrintLoggerFile(big, 30_000, 9);
    await signedInAsDx(async (page, logs) => {
      // A slow branch line: 256 KB/s up, so the progress can be seen (and cancelled).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
      await logs.upload(big);
      const progress = page.getByRole('progressbar', { name: /を送信中/ });
      await progress.waitFor();
      await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(5);
      await page.getByText(/\d+(\.\d)? (KB|MB) \/ \d+(\.\d)? MB/).waitFor();
      await screenshot(page, '25-logs-uploading');
      await page.getByRole('button', { name: 'キャンセル' }).click();
      await page.getByText('送信中に中止したため、何も取り込まれていません。').waitFor();
      await logs.card('保存済みジョブ').getByText('10', { exact: true }).waitFor();
    });
  });

  it('speaks English when asked', async () => {
    await signedInAsDx(async (page, logs) => {
      await new ShellPage(page).switchLanguage('English');
      await logs.heading().waitFor();
      await page.getByText('Stored jobs', { exact: true }).waitFor();
      await logs.showRejectedOf('bad-lines-utf8.csv');
      await page.getByRole('heading', { name: 'Rejected lines of “bad-lines-utf8.csv”' }).waitFor();
      await screenshot(page, '24-logs-english');
      await new ShellPage(page).switchLanguage('日本語');
    });
  });
});
