import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenPdf,
  caseWithAttachments,
  COPY_WORD,
  encryptPdf,
  FIND_WORD,
  JAPANESE_WORD,
  scanJpegs,
  scanPdf,
  textPdf,
  type StoredAttachment,
} from '../helpers/pdf-fixtures.js';
import { demoTown, freshDataDir, launchBrowser, screenshot, startHub, withSignedIn, type Hub } from './harness.js';

const password = 'e2e-demo-password';
const PAGES = 300;
const PDF_PASSWORD = 'kessai-2026';
let browser: Browser;
let hub: Hub;
let scan: StoredAttachment;
let lockedBytes: Uint8Array;

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launchBrowser();
  const dataDir = freshDataDir();
  await demoTown(dataDir, password);
  hub = await startHub(dataDir);
  const maker = await browser.newPage();
  const jpegs = await scanJpegs(maker, PAGES);
  await maker.close();
  const scanBytes = await scanPdf(jpegs);
  lockedBytes = await encryptPdf(await textPdf(3, 'Protected minutes'), PDF_PASSWORD);
  [scan] = (await caseWithAttachments(hub.url, { login: 'dx', password }, [{ name: '300ページのスキャン.pdf', bytes: scanBytes }])) as [StoredAttachment];
}, 240_000);
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
});

function asDx(fn: (page: Page) => Promise<void>, viewport = DESKTOP, touch = false) {
  if (!touch) return withSignedIn(browser, hub, { login: 'dx', password }, fn, viewport);
  return (async () => {
    // Tablets and phones: touch screen, no hover, a coarse pointer.
    const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${hub.url}/login`);
      await page.getByRole('textbox', { name: 'ログインID' }).fill('dx');
      await page.getByRole('textbox', { name: 'パスワード' }).fill(password);
      await page.getByRole('button', { name: 'サインイン' }).tap();
      await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      await fn(page);
    } finally {
      await context.close();
    }
  })();
}

const viewerRoot = (page: Page) => page.locator('.kl-pdf');

async function openViewer(page: Page, att: StoredAttachment): Promise<void> {
  await page.goto(`${hub.url}${att.viewPath}`);
  await viewerRoot(page).and(page.locator('[data-first-page-shown]')).waitFor({ timeout: 30_000 });
}

/** Pages whose canvas pdf.js has drawn (it drops far-away ones again). */
function renderedPages(page: Page): Promise<number[]> {
  return page.$$eval('.pdfViewer .page', (els) =>
    els.filter((el) => el.querySelector('canvas') && el.getAttribute('data-loaded') === 'true').map((el) => Number(el.getAttribute('data-page-number'))),
  );
}

async function pageBox(page: Page, n: number): Promise<{ width: number; height: number }> {
  const box = await page.locator(`.pdfViewer .page[data-page-number="${n}"]`).boundingBox();
  if (!box) throw new Error(`page ${n} has no box`);
  return { width: box.width, height: box.height };
}

const waitForPage = (page: Page, n: number) => page.locator(`.kl-pdf[data-page="${n}"]`).waitFor();

describe('PDF viewer (pdfjs-dist/web/pdf_viewer)', () => {
  it('shows the first page of a 300-page scan, renders later pages only as they come into view, and jumps to a page', async () => {
    await asDx(async (page) => {
      const assets: string[] = [];
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (path.startsWith('/pdfjs/') || path.includes('pdf.worker')) assets.push(`${res.status()} ${path}`);
      });
      await openViewer(page, scan);
      await expect.poll(() => viewerRoot(page).getAttribute('data-pages')).toBe(String(PAGES));
      await page.getByRole('textbox', { name: /ページ番号/ }).and(page.locator('[value="1"]')).waitFor();
      await page.getByText(`/ ${PAGES}`).waitFor();
      // The header names the file and the case.
      await page.getByText('300ページのスキャン.pdf').first().waitFor();
      const first = await renderedPages(page);
      expect(first).toContain(1);
      expect(first.length).toBeLessThan(6);
      await screenshot(page, 'pdf-01-desktop-first-page');

      // Scrolling draws the pages that come into view, and only those.
      await page.locator('.kl-pdf-container').evaluate((el) => el.scrollBy(0, el.clientHeight * 3.5));
      await expect.poll(async () => Math.max(...(await renderedPages(page))), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
      expect((await renderedPages(page)).length).toBeLessThan(12);

      // Page jump: type a page number (full-width digits too, as a Japanese IME leaves them).
      const pageInput = page.getByRole('textbox', { name: /ページ番号/ });
      await pageInput.fill('２００');
      await pageInput.press('Enter');
      await waitForPage(page, 200);
      await expect.poll(() => renderedPages(page), { timeout: 10_000 }).toContain(200);
      // The 190 pages jumped over were never drawn; pdf.js keeps a few recent ones.
      const around200 = await renderedPages(page);
      expect(around200.filter((n) => n > 10 && n < 190)).toEqual([]);
      expect(around200.length).toBeLessThan(16);
      await page.getByRole('button', { name: '次のページ' }).click();
      await waitForPage(page, 201);
      await page.getByRole('button', { name: '前のページ' }).click();
      await waitForPage(page, 200);
      await screenshot(page, 'pdf-02-desktop-page-200');

      // The worker came from the build, not from a CDN.
      expect(assets.some((a) => /^200 \/assets\/pdf\.worker\.min-.*\.mjs$/.test(a))).toBe(true);
    });
  });

  it('finds a word in the whole document with highlights and a match count, and finds Japanese text (embedded and CMap fonts)', async () => {
    await asDx(async (page) => {
      const cmaps: string[] = [];
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (path.startsWith('/pdfjs/cmaps/')) cmaps.push(`${res.status()} ${path}`);
      });
      await openViewer(page, scan);
      const find = page.getByRole('textbox', { name: '文書内を検索' });
      await find.fill(FIND_WORD);
      await page.getByText('1 / 30 件').waitFor({ timeout: 30_000 });
      await waitForPage(page, 10);
      await page.locator('.pdfViewer .page[data-page-number="10"] .textLayer .highlight').first().waitFor();
      await screenshot(page, 'pdf-03-desktop-find');
      await find.press('Enter');
      await page.getByText('2 / 30 件').waitFor();
      await waitForPage(page, 20);
      await page.getByRole('button', { name: '前の一致' }).click();
      await page.getByText('1 / 30 件').waitFor();

      await find.fill('no-such-word-anywhere');
      await page.getByText('見つかりません').waitFor({ timeout: 30_000 });

      await find.fill(JAPANESE_WORD);
      await page.getByText('1 / 2 件').waitFor({ timeout: 30_000 });
      // Page 2's font is not embedded: its text is read through the UniJIS-UCS2-H CMap, served by the build.
      expect(cmaps).toContain('200 /pdfjs/cmaps/UniJIS-UCS2-H.bcmap');
      await find.press('Escape');
      await expect.poll(() => page.locator('.textLayer .highlight').count()).toBe(0);
    });
  });

  it('zooms, fits width and page, rotates, and answers the keyboard', async () => {
    await asDx(async (page) => {
      await openViewer(page, scan);
      const zoom = page.getByRole('combobox', { name: '表示倍率' });
      expect(await zoom.inputValue()).toBe('page-width');
      const container = page.locator('.kl-pdf-container');
      const containerBox = await container.boundingBox();
      if (!containerBox) throw new Error('no container');
      const fitWidth = await pageBox(page, 1);
      // Fit width: the page spans the container but for pdf.js's margins and the scrollbar.
      expect(fitWidth.width).toBeGreaterThan(containerBox.width - 60);
      expect(fitWidth.width).toBeLessThanOrEqual(containerBox.width);

      await page.getByRole('button', { name: '拡大' }).click();
      await expect.poll(async () => (await pageBox(page, 1)).width).toBeGreaterThan(fitWidth.width * 1.05);
      await page.getByRole('button', { name: '縮小' }).click();
      await page.getByRole('button', { name: '縮小' }).click();
      await expect.poll(async () => (await pageBox(page, 1)).width).toBeLessThan(fitWidth.width);

      await zoom.selectOption('page-fit');
      await expect.poll(async () => (await pageBox(page, 1)).height).toBeLessThanOrEqual(containerBox.height);
      // 100 %: an A4 page is 595.28 pt = 794 CSS px wide (plus its border).
      await zoom.selectOption('1');
      await expect.poll(async () => Math.abs((await pageBox(page, 1)).width - 595.28 * (96 / 72))).toBeLessThan(24);

      await page.getByRole('button', { name: '右に90度回転' }).click();
      await expect.poll(() => viewerRoot(page).getAttribute('data-rotation')).toBe('90');
      const rotated = await pageBox(page, 1);
      expect(rotated.width).toBeGreaterThan(rotated.height);
      await screenshot(page, 'pdf-04-desktop-rotated');
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '右に90度回転' }).click();
      await expect.poll(() => viewerRoot(page).getAttribute('data-rotation')).toBe('0');

      // Keyboard: + and - zoom, PageDown/PageUp turn pages in page-fit, ctrl+F goes to the find box.
      await container.focus();
      const before = (await pageBox(page, 1)).width;
      await page.keyboard.press('+');
      await expect.poll(async () => (await pageBox(page, 1)).width).toBeGreaterThan(before * 1.05);
      await page.keyboard.press('-');
      await expect.poll(async () => Math.round((await pageBox(page, 1)).width)).toBe(Math.round(before));
      await zoom.selectOption('page-fit');
      await container.focus();
      await page.keyboard.press('PageDown');
      await waitForPage(page, 2);
      await page.keyboard.press('PageDown');
      await waitForPage(page, 3);
      await page.keyboard.press('PageUp');
      await waitForPage(page, 2);
      await page.keyboard.press('Control+End');
      await waitForPage(page, PAGES);
      await page.keyboard.press('Control+Home');
      await waitForPage(page, 1);
      await page.keyboard.press('Control+f');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('文書内を検索');
    });
  });

  it('selects and copies text from the text layer', async () => {
    await asDx(async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
      await openViewer(page, scan);
      const span = page.locator('.pdfViewer .page[data-page-number="1"] .textLayer span', { hasText: COPY_WORD }).first();
      await span.waitFor();
      const spanBox = await span.boundingBox();
      if (!spanBox) throw new Error('no text box');
      await span.dblclick({ position: { x: 12, y: spanBox.height / 2 } });
      expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe(COPY_WORD);
      await page.keyboard.press('Control+c');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(COPY_WORD);
      // A whole line, by dragging across it.
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      const box = spanBox;
      await page.mouse.move(box.x + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      await page.keyboard.press('Control+c');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`${COPY_WORD} test scan, page 1 of ${PAGES}`);
      await screenshot(page, 'pdf-05-desktop-selection');
    });
  });

  it('shows thumbnails lazily and goes to a page from one', async () => {
    await asDx(async (page) => {
      await openViewer(page, scan);
      const thumbs = page.getByRole('navigation', { name: 'ページ一覧（サムネイル）' });
      // Open by default on a wide screen.
      await thumbs.waitFor();
      await expect.poll(() => thumbs.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(2);
      const drawn = await thumbs.locator('canvas').count();
      expect(drawn).toBeLessThan(30);
      await thumbs.getByRole('button', { name: '5ページ', exact: true }).click();
      await waitForPage(page, 5);
      expect(await thumbs.getByRole('button', { name: '5ページ', exact: true }).getAttribute('aria-current')).toBe('page');
      await thumbs.evaluate((el) => el.scrollBy(0, el.scrollHeight / 2));
      // Half-way down the strip the thumbnails there are drawn, and none of those scrolled past.
      const drawnPages = () => thumbs.evaluate((el) => Array.from(el.querySelectorAll('[data-thumb-page]')).filter((t) => t.querySelector('canvas')).map((t) => Number(t.getAttribute('data-thumb-page'))));
      await expect.poll(async () => (await drawnPages()).filter((n) => n > 140 && n < 170).length, { timeout: 15_000 }).toBeGreaterThan(2);
      expect((await drawnPages()).filter((n) => n > 20 && n < 130)).toEqual([]);
      await screenshot(page, 'pdf-10-desktop-thumbnails-middle');
      await page.getByRole('button', { name: 'ページ一覧（サムネイル）' }).click();
      await thumbs.waitFor({ state: 'detached' });
    });
  });

  it('draws the first page of a PDF opened at its own address before the rest of the page has loaded, then the viewer takes that same view over', async () => {
    await asDx(async (page) => {
      // Hold back the page's own code: what shows meanwhile is pdf.js alone (pdfShell.ts).
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/assets/viewerMain-*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${hub.url}${scan.viewPath}`);
      await page.locator('.kl-pdf-shell .pdfViewer .page[data-page-number="1"] canvas').waitFor({ timeout: 30_000 });
      expect(await page.locator('.kl-pdf-toolbar button').count()).toBe(0);
      const firstPage = () =>
        page.evaluate(() => {
          const r = document.querySelector('.pdfViewer .page[data-page-number="1"]')?.getBoundingClientRect();
          return r ? [r.left, r.top, r.width, r.height].map(Math.round) : null;
        });
      const before = await firstPage();
      await page.evaluate(() => document.querySelector<HTMLElement>('.kl-pdf-container')?.setAttribute('data-probe', 'shell'));
      await screenshot(page, 'pdf-00-desktop-first-page-alone');

      release();
      await viewerRoot(page).and(page.locator('[data-first-page-shown]')).waitFor({ timeout: 30_000 });
      // The same pdf.js container, now inside the viewer, with the page where it was; the shell is gone.
      expect(await page.locator('.kl-pdf-shell').count()).toBe(0);
      expect(await page.locator('.kl-pdf-container').count()).toBe(1);
      expect(await page.locator('.kl-pdf .kl-pdf-stage > .kl-pdf-container[data-probe="shell"]').count()).toBe(1);
      expect(await firstPage()).toEqual(before);
      expect(await viewerRoot(page).getAttribute('data-pages')).toBe(String(PAGES));
      expect(await page.locator('.kl-pdf-container').getAttribute('aria-label')).toBe('PDFのページ');
      // The controls drive the view taken over.
      await page.getByRole('button', { name: '次のページ' }).click();
      await expect.poll(() => viewerRoot(page).getAttribute('data-page')).toBe('2');
      await page.getByRole('combobox', { name: '表示倍率' }).selectOption('2');
      await expect.poll(async () => (await firstPage())?.[2]).toBeGreaterThan((before?.[2] ?? 0) + 100);
    });
  });

  it('asks a tab that is not signed in to sign in first, then shows the PDF it was opened at', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${hub.url}${scan.viewPath}`);
      await page.waitForURL((url) => url.pathname.endsWith('/login'));
      expect(await page.locator('.kl-pdf-shell').count()).toBe(0);
      await page.getByRole('textbox', { name: 'ログインID' }).fill('dx');
      await page.getByRole('textbox', { name: 'パスワード' }).fill(password);
      await page.getByRole('button', { name: 'サインイン' }).click();
      await page.waitForURL((url) => url.pathname === scan.viewPath);
      await viewerRoot(page).and(page.locator('[data-first-page-shown]')).waitFor({ timeout: 30_000 });
      expect(await viewerRoot(page).getAttribute('data-pages')).toBe(String(PAGES));
    } finally {
      await context.close();
    }
  });

  it('says a broken PDF cannot be shown, and the page stays usable', async () => {
    await asDx(async (page) => {
      await page.route(`**${scan.apiPath}`, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: Buffer.from(brokenPdf()) }));
      await page.goto(`${hub.url}${scan.viewPath}`);
      const alert = page.getByRole('alert').filter({ hasText: 'PDFを表示できません' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('壊れているか');
      await alert.getByRole('link', { name: 'ダウンロード' }).waitFor();
      await screenshot(page, 'pdf-06-desktop-broken');
      // The rest of the page still works: the back button leaves the viewer.
      await page.getByRole('button', { name: '戻る' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/view'));
    });
  });

  it('says when an attachment does not exist', async () => {
    await asDx(async (page) => {
      await page.goto(`${hub.url}/cases/${scan.caseId}/attachments/999999/view`);
      await page.getByRole('alert').filter({ hasText: 'ファイルが見つかりません' }).waitFor({ timeout: 30_000 });
    });
  });

  it('asks for the password of an encrypted PDF, says when it is wrong, and opens it with the right one', async () => {
    await asDx(async (page) => {
      // The hub refuses encrypted uploads now; one stored before that rule (or by another way) must still read well.
      await page.route(`**${scan.apiPath}`, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: Buffer.from(lockedBytes) }));
      await page.goto(`${hub.url}${scan.viewPath}`);
      const alert = page.getByRole('alert').filter({ hasText: 'パスワードで保護されたPDF' });
      await alert.waitFor({ timeout: 30_000 });
      await screenshot(page, 'pdf-07-desktop-password');
      await alert.getByRole('textbox', { name: 'パスワード', exact: true }).fill('wrong');
      await alert.getByRole('button', { name: '開く' }).click();
      await page.getByRole('alert').filter({ hasText: 'パスワードが違います' }).waitFor();
      await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(PDF_PASSWORD);
      await page.getByRole('button', { name: '開く' }).click();
      await viewerRoot(page).and(page.locator('[data-first-page-shown]')).waitFor();
      expect(await viewerRoot(page).getAttribute('data-pages')).toBe('3');
      await page.locator('.pdfViewer .textLayer span', { hasText: 'Protected minutes, page 1 of 3' }).waitFor();
    });
  });

  for (const [name, viewport] of [['tablet', TABLET], ['phone', PHONE]] as const) {
    it(`works on a ${name} (${viewport.width}×${viewport.height}): touch-sized controls, pinch zoom, thumbnails over the pages`, async () => {
      await asDx(async (page) => {
        await openViewer(page, scan);
        const tag = name === 'tablet' ? 'pdf-08-tablet' : 'pdf-09-phone';
        await screenshot(page, `${tag}-first-page`);
        // Every control is at least 44 px high and fits on the screen.
        const controls = await page.$$eval('.kl-pdf-toolbar button, .kl-pdf-toolbar input, .kl-pdf-toolbar select', (els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return { label: el.getAttribute('aria-label') ?? el.tagName, height: r.height, right: r.right };
          }),
        );
        expect(controls.filter((c) => c.height < 44)).toEqual([]);
        expect(controls.filter((c) => c.right > viewport.width)).toEqual([]);
        // The page fills the width.
        const first = await pageBox(page, 1);
        expect(first.width).toBeGreaterThan(viewport.width - 60);

        // Pinch out with two fingers: the pages grow.
        await pinch(page, 1.8);
        await expect.poll(async () => (await pageBox(page, 1)).width, { timeout: 10_000 }).toBeGreaterThan(first.width * 1.3);
        await expect.poll(() => page.getByRole('combobox', { name: '表示倍率' }).inputValue()).toBe('custom');
        await screenshot(page, `${tag}-pinched`);
        await page.getByRole('combobox', { name: '表示倍率' }).selectOption('page-width');

        // Thumbnails by tap, lying over the pages; choosing one closes them.
        await page.getByRole('button', { name: 'ページ一覧（サムネイル）' }).tap();
        const thumbs = page.getByRole('navigation', { name: 'ページ一覧（サムネイル）' });
        await expect.poll(() => thumbs.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(1);
        await screenshot(page, `${tag}-thumbnails`);
        await thumbs.getByRole('button', { name: '3ページ', exact: true }).tap();
        await waitForPage(page, 3);
        if (name === 'phone') await thumbs.waitFor({ state: 'detached' });

        // Find: on a phone the box hides behind a button until wanted.
        if (name === 'phone') {
          expect(await page.getByRole('textbox', { name: '文書内を検索' }).count()).toBe(0);
          await page.getByRole('button', { name: '文書内を検索' }).tap();
        }
        await page.getByRole('textbox', { name: '文書内を検索' }).fill(FIND_WORD);
        await page.getByText('1 / 30 件').waitFor({ timeout: 30_000 });
        await screenshot(page, `${tag}-find`);
      }, viewport, true);
    });
  }
});

/** Two fingers moving apart around the middle of the pages (CDP touch events: Playwright has no multi-touch). */
async function pinch(page: Page, factor: number): Promise<void> {
  const box = await page.locator('.kl-pdf-container').boundingBox();
  if (!box) throw new Error('no container');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const start = 60;
  const points = (d: number) => [
    { x: cx - d, y: cy, id: 0 },
    { x: cx + d, y: cy, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(start) });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(start * (1 + ((factor - 1) * i) / steps)) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
