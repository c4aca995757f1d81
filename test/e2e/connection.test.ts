import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDataDir, launchBrowser, newPage, screenshot, startHub, type Hub } from './harness.js';

let browser: Browser;
let hub: Hub;

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startHub(freshDataDir());
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

describe('the connection-error page in the desktop app', () => {
  it('offers to use this computer only when the office hub does not answer, and asks the app to switch', async () => {
    const { context, page } = await newPage(browser);
    try {
      // The desktop app's preload bridge, connected to a hub: what the page asks, it records.
      await page.addInitScript(() => {
        const calls: unknown[] = [];
        Object.assign(window, {
          kamilessCalls: calls,
          kamiless: {
            isDesktop: true,
            version: '0.0.0-test',
            setBadgeCount: () => undefined,
            notify: () => undefined,
            getConnection: () => Promise.resolve({ mode: 'connected', hubUrl: 'https://hub.town.local:4317' }),
            testHub: () => Promise.resolve({ ok: false, reason: 'unreachable' }),
            setHubUrl: (url: string | null) => {
              calls.push(url);
              return new Promise(() => undefined);
            },
          },
        });
      });
      // The hub is down: every API call fails at the network.
      await page.route('**/api/**', (route) => route.abort('connectionrefused'));
      await page.goto(hub.url);
      await page.getByRole('heading', { name: 'サーバーに接続できません' }).waitFor();
      await page.getByText('https://hub.town.local:4317').waitFor();
      await screenshot(page, '08-connection-error-desktop');
      await page.getByRole('button', { name: 'このパソコンだけで使う' }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { kamilessCalls: unknown[] }).kamilessCalls)).toEqual([null]);
    } finally {
      await context.close();
    }
  });

  it('does not offer it in a browser, which has no app to switch', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.route('**/api/**', (route) => route.abort('connectionrefused'));
      await page.goto(hub.url);
      await page.getByRole('heading', { name: 'サーバーに接続できません' }).waitFor();
      expect(await page.getByRole('button', { name: 'このパソコンだけで使う' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
