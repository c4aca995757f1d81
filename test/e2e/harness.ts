import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LoginPage } from './pages/login.page.js';

const root = new URL('../../', import.meta.url).pathname;
export const resultsDir = join(root, 'test-results');

export interface Hub {
  url: string;
  dataDir: string;
  /** The hub's process (benchmarks wait for its background work to finish before timing). */
  pid: number | undefined;
  stop(): Promise<void>;
}

function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/kamiless.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kamiless ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/**
 * `kamiless demo` into a fresh data folder; every user gets `password`. Without
 * `logs`, the town only (`--no-logs`): most tests start from an empty ログ取込.
 */
export async function demoTown(dataDir: string, password: string, opts: { logs?: boolean } = {}): Promise<void> {
  const pwFile = join(dataDir, '..', `pw-${Date.now()}.txt`);
  writeFileSync(pwFile, `${password}\n`);
  await runCli(['demo', '--data', dataDir, '--password-file', pwFile, '--json', ...(opts.logs ? [] : ['--no-logs'])]);
}

export function freshDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'kamiless-e2e-')), 'data');
}

/** Starts the real hub (`bin/kamiless.js hub`) on a free port, exactly as a user would. */
export async function startHub(dataDir: string): Promise<Hub> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/kamiless.js'), 'hub', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${log}`)), 20_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /Kamiless hub: (http:\/\/[^\s]+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`hub exited ${code}:\n${log}`)));
  });
  return {
    url,
    dataDir,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium; playwright-core gives each launch a fresh throwaway profile (its own --user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['KAMILESS_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: false });
}

/**
 * Runs `fn` in a fresh browser context signed in as `login` (past the sign-in
 * page), and closes the context however `fn` ends.
 */
export async function withSignedIn(
  browser: Browser,
  hub: Hub,
  who: { login: string; password: string },
  fn: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const { context, page } = await newPage(browser, viewport);
  try {
    const login = new LoginPage(page, hub.url);
    await login.open();
    await login.signIn(who.login, who.password);
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await fn(page);
  } finally {
    await context.close();
  }
}
