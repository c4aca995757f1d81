import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { newPage, type Hub } from '../harness.js';
import { LoginPage } from './login.page.js';

/** A toast as the person saw it: its title (a notice's kind) and its message (the case, or what was done). */
export interface SeenToast {
  title: string;
  message: string;
}

/** The hub's event stream (electron/app/server/plugins/events.plugin.ts). */
const isEventStream = (r: Response) => new URL(r.url()).pathname === '/api/events';

/**
 * One person at their own browser for a whole scenario: signed in once, with
 * every toast they are shown recorded as it appears (Mantine closes them after
 * a few seconds; the record does not forget). The hub pushes notices over
 * server-sent events and does not replay them, so every full page load goes
 * through `goto`, which returns only once the new page's event stream is open.
 */
export class Actor {
  readonly toasts: SeenToast[] = [];

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly hub: Hub,
  ) {}

  static async signIn(browser: Browser, hub: Hub, who: { name: string; login: string; password: string }, viewport?: { width: number; height: number }): Promise<Actor> {
    const { context, page } = await newPage(browser, viewport);
    const actor = new Actor(who.name, context, page, hub);
    await context.exposeBinding('__e2eToast', (_source, toast: SeenToast) => {
      actor.toasts.push(toast);
    });
    await context.addInitScript(() => {
      const recorded = new WeakSet<Element>();
      const scan = () => {
        for (const el of Array.from(document.querySelectorAll('.mantine-Notification-root'))) {
          if (recorded.has(el)) continue;
          recorded.add(el);
          const text = (selector: string) => el.querySelector(selector)?.textContent?.trim() ?? '';
          (window as unknown as { __e2eToast: (t: SeenToast) => void }).__e2eToast({
            title: text('.mantine-Notification-title'),
            message: text('.mantine-Notification-description'),
          });
        }
      };
      new MutationObserver(scan).observe(document, { childList: true, subtree: true });
    });
    const login = new LoginPage(page, hub.url);
    await login.open();
    const stream = page.waitForResponse(isEventStream);
    await login.signIn(who.login, who.password);
    await stream;
    return actor;
  }

  /** A full page load of `path` on the hub; resolves once the page listens to the hub's events again. */
  async goto(path: string): Promise<void> {
    const stream = this.page.waitForResponse(isEventStream);
    await this.page.goto(`${this.hub.url}${path}`);
    await stream;
  }

  /** Titles of the notices (the hub's pushes) shown about the case whose toast message contains `about`. */
  noticesAbout(about: string, titles: readonly string[]): string[] {
    return this.toasts.filter((t) => titles.includes(t.title) && t.message.includes(about)).map((t) => t.title);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
