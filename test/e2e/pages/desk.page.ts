import type { Locator, Page } from 'playwright-core';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** The approval desk: 受信箱 (/inbox) and the case page (/cases/:id). */
export class DeskPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openInbox(tab?: 'mine' | 'department' | 'review'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/inbox${tab ? `?tab=${tab}` : ''}`);
    await this.page.getByRole('heading', { name: '受信箱', level: 2 }).waitFor();
  }

  async openCase(id: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/cases/${id}`);
  }

  filter(): Locator {
    return this.page.getByRole('searchbox', { name: /絞り込み/ });
  }

  /** The inbox table (desktop) or card list (tablet, phone). */
  list(): Locator {
    return this.page.getByRole('table', { name: '受信箱の案件' }).or(this.page.getByRole('list', { name: '受信箱の案件' }));
  }

  /** A row (or card) of the inbox table by a piece of its text. */
  row(text: string): Locator {
    return this.page.locator('[data-inbox-row]').filter({ hasText: text });
  }

  cursorRow(): Locator {
    return this.page.locator('[data-inbox-row][data-cursor="true"]');
  }

  async rowTexts(): Promise<string[]> {
    return this.page.locator('[data-inbox-row]').allTextContents();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  actions(): Locator {
    return this.page.getByRole('region', { name: 'あなたができる操作' });
  }

  route(): Locator {
    return this.page.getByRole('region', { name: '回議の経路' });
  }

  history(): Locator {
    return this.page.getByRole('region', { name: '全履歴' });
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('.mantine-Notification-root').filter({ hasText: text });
  }
}

/** A signed-in API session (Node's fetch with its own cookie and CSRF token), to build the test's cases. */
export interface ApiSession {
  userId: number;
  send<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload(path: string, name: string, bytes: Uint8Array): Promise<void>;
}

export async function apiSession(hubUrl: string, login: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${hubUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hubUrl },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await res.json()) as { csrfToken: string; user: { id: number } };
  const headers = { cookie, 'x-csrf-token': session.csrfToken, origin: hubUrl };
  return {
    userId: session.user.id,
    async send<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${hubUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async upload(path: string, name: string, bytes: Uint8Array): Promise<void> {
      const form = new FormData();
      form.append('file', new Blob([Uint8Array.from(bytes)], { type: 'application/pdf' }), name);
      const r = await fetch(`${hubUrl}${path}`, { method: 'POST', headers, body: form });
      if (!r.ok) throw new Error(`POST ${path} answered ${r.status}: ${await r.text()}`);
    },
  };
}

/** A small A4 PDF with a heading per page (ASCII: the standard fonts have no kana). */
export async function estimatePdf(pages: number, heading: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${heading} - page ${i + 1} of ${pages}`, { x: 56, y: 770, size: 18, font, color: rgb(0.1, 0.1, 0.3) });
    for (let line = 0; line < 20; line++) {
      page.drawText(`Item ${line + 1}: winter tyres for the town car, quantity 4, unit price 40,000 yen`, { x: 56, y: 720 - line * 24, size: 11, font });
    }
  }
  return doc.save();
}
