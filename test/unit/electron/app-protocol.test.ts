import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchLike, IncomingRequest, StreamingRequestInit } from '../../../electron/main/api-forward.js';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy.js';

// Every path the static file code touches, to prove nothing outside the renderer root is read.
const touched = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    readFile: (path: string, ...rest: []) => {
      touched.push(String(path));
      return actual.readFile(path, ...rest);
    },
    stat: (path: string) => {
      touched.push(String(path));
      return actual.stat(path);
    },
    realpath: (path: string) => {
      touched.push(String(path));
      return actual.realpath(path);
    },
  };
});

const SECRET_TEXT = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
const top = mkdtempSync(join(tmpdir(), 'kamiless-protocol-'));
const rendererRoot = join(top, 'renderer');

beforeAll(() => {
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>紙レス</title>');
  writeFileSync(join(rendererRoot, 'assets', 'x.js'), 'export const x = 1;');
  writeFileSync(join(rendererRoot, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(top, 'package.json'), `{"name":"${SECRET_TEXT}"}`);
  writeFileSync(join(top, 'secret.txt'), SECRET_TEXT);
  mkdirSync(join(top, 'etc'));
  writeFileSync(join(top, 'etc', 'passwd'), SECRET_TEXT);
});

afterAll(() => rmSync(top, { recursive: true, force: true }));

beforeEach(() => {
  touched.length = 0;
});

const CORE = { kind: 'core', baseUrl: 'http://127.0.0.1:5555', secret: 'a'.repeat(64) } as const;
const HUB = { kind: 'hub', baseUrl: 'https://hub.town.example.jp/kamiless' } as const;

interface FetchCall {
  readonly url: string;
  readonly init: StreamingRequestInit;
}

function recordingFetch(answer: () => Response = () => Response.json({ ok: true }, { status: 201 })): {
  fetch: FetchLike;
  calls: FetchCall[];
} {
  const calls: FetchCall[] = [];
  return {
    calls,
    fetch: (url, init) => {
      calls.push({ url, init });
      return Promise.resolve(answer());
    },
  };
}

function handlerFor(api: typeof CORE | typeof HUB = CORE, fetch: FetchLike = recordingFetch().fetch) {
  return createAppProtocolHandler({ rendererRoot, api, fetch });
}

/** A request whose URL is kept exactly as written (a real Request would normalise "..") */
function rawRequest(url: string, method = 'GET'): IncomingRequest {
  return { url, method, headers: new Headers(), body: null };
}

describe('app:// protocol — API forwarding', () => {
  it('sends /api/* to the core with the secret, keeping method, query, headers and body', async () => {
    const { fetch, calls } = recordingFetch();
    const request = new Request('app://kamiless/api/users?q=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'token-1' },
      body: JSON.stringify({ name: '佐藤' }),
    });
    const response = await handlerFor(CORE, fetch)(request);

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('http://127.0.0.1:5555/api/users?q=1');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.duplex).toBe('half');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('x-kamiless-secret')).toBe(CORE.secret);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-csrf-token')).toBe('token-1');
    expect(await new Response(call?.init.body).text()).toBe('{"name":"佐藤"}');
  });

  it('replaces a secret header sent by the page and drops its cookies (the session jar holds them)', async () => {
    const { fetch, calls } = recordingFetch();
    const request = new Request('app://kamiless/api/session', {
      headers: { 'x-kamiless-secret': 'forged', cookie: 'sid=renderer', accept: 'application/json' },
    });
    await handlerFor(CORE, fetch)(request);
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('x-kamiless-secret')).toBe(CORE.secret);
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('accept')).toBe('application/json');
    expect(calls[0]?.init.credentials).toBe('include');
    expect(calls[0]?.init.cache).toBe('no-store');
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('drops the page-request headers that would make net.fetch do CORS checks', async () => {
    const { fetch, calls } = recordingFetch();
    const request = new Request('app://kamiless/api/cases', {
      method: 'POST',
      body: '{}',
      headers: { origin: 'app://kamiless', referer: 'app://kamiless/inbox', 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin', 'content-length': '2' },
    });
    await handlerFor(CORE, fetch)(request);
    const headers = new Headers(calls[0]?.init.headers);
    for (const name of ['origin', 'referer', 'sec-fetch-mode', 'sec-fetch-site', 'content-length']) {
      expect(headers.has(name)).toBe(false);
    }
  });

  it('in connected mode sends /api/* to the hub URL and never the secret', async () => {
    const { fetch, calls } = recordingFetch();
    const request = new Request('app://kamiless/api/users?q=1', {
      method: 'PUT',
      headers: { 'x-kamiless-secret': 'leak-me' },
      body: 'x',
    });
    await handlerFor(HUB, fetch)(request);
    expect(calls[0]?.url).toBe('https://hub.town.example.jp/kamiless/api/users?q=1');
    expect(calls[0]?.init.method).toBe('PUT');
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.has('x-kamiless-secret')).toBe(false);
  });

  it('streams the answer as it arrives (server-sent events)', async () => {
    let push: (text: string) => void = () => undefined;
    const upstream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const { fetch } = recordingFetch(
      () => new Response(upstream, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const response = await handlerFor(CORE, fetch)(new Request('app://kamiless/api/events'));
    expect(response.headers.get('content-type')).toBe('text/event-stream');

    const reader = response.body?.getReader();
    push('data: 1\n\n');
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('data: 1\n\n');
    push('data: 2\n\n');
    const second = await reader?.read();
    expect(new TextDecoder().decode(second?.value)).toBe('data: 2\n\n');
    await reader?.cancel();
  });

  it('passes status and headers through but drops encoding, length and Set-Cookie', async () => {
    const { fetch } = recordingFetch(
      () =>
        new Response('{"error":{"code":"forbidden","message":"x"}}', {
          status: 403,
          headers: {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'set-cookie': 'sid=1; HttpOnly',
            'x-request-id': 'r1',
          },
        }),
    );
    const response = await handlerFor(CORE, fetch)(new Request('app://kamiless/api/admin'));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 502 with the API error shape when the core or hub cannot be reached', async () => {
    const fetch: FetchLike = () => Promise.reject(new Error('ECONNREFUSED'));
    const response = await handlerFor(HUB, fetch)(new Request('app://kamiless/api/health'));
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; detail: string } };
    expect(body.error.code).toBe('server_unreachable');
    expect(body.error.detail).toBe('ECONNREFUSED');
  });
});

describe('app:// protocol — renderer files', () => {
  it.each(['app://kamiless/', 'app://kamiless/index.html', 'app://kamiless/admin/users', 'app://kamiless/cases/12?tab=1'])(
    'serves index.html with the CSP for %s',
    async (url) => {
      const response = await handlerFor()(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>紙レス</title>');
    },
  );

  it('has a CSP without inline or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('serves assets with their content type and no CSP', async () => {
    const js = await handlerFor()(new Request('app://kamiless/assets/x.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(await js.text()).toBe('export const x = 1;');

    const css = await handlerFor()(new Request('app://kamiless/assets/style.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file that has an extension (no SPA fallback for assets)', async () => {
    const response = await handlerFor()(new Request('app://kamiless/assets/missing.js'));
    expect(response.status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods on files', async () => {
    const head = await handlerFor()(new Request('app://kamiless/assets/x.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const post = await handlerFor()(new Request('app://kamiless/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it.each(['app://evil/index.html', 'app://kamiless.evil/', 'app://127.0.0.1/api/users'])(
    'answers 404 for another host: %s',
    async (url) => {
      const { fetch, calls } = recordingFetch();
      const response = await handlerFor(CORE, fetch)(new Request(url));
      expect(response.status).toBe(404);
      expect(calls).toHaveLength(0);
    },
  );
});

describe('app:// protocol — path traversal', () => {
  const attempts = [
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fpackage.json',
    '/..%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\package.json',
    '/..%5cpackage.json',
    '/assets/..%5C..%5Csecret.txt',
    '/%5c..%5csecret.txt',
    `/${encodeURIComponent(join(top, 'secret.txt'))}`,
    '/C:%5cWindows%5cwin.ini',
    '/assets/x.js%00.html',
    '/%E0%A4%A',
  ];

  it.each(attempts)('refuses %s without reading outside the renderer root', async (path) => {
    const response = await handlerFor()(rawRequest(`app://kamiless${path}`));
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET_TEXT);
    for (const file of touched) expect(resolve(file).startsWith(rendererRoot)).toBe(true);
  });

  it.each(['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json', '/..\\secret.txt'])(
    'never shows the secret for %s as a normalised Request either',
    async (path) => {
      const response = await handlerFor()(new Request(`app://kamiless${path}`));
      expect(await response.text()).not.toContain(SECRET_TEXT);
      for (const file of touched) expect(resolve(file).startsWith(rendererRoot)).toBe(true);
    },
  );

  it('does not let an /api prefix smuggle a traversal past the file checks', async () => {
    const { fetch, calls } = recordingFetch();
    const response = await handlerFor(CORE, fetch)(rawRequest('app://kamiless/assets/../api/users'));
    expect(response.status).toBe(403);
    expect(calls).toHaveLength(0);
  });
});
