import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../shared/api/index.js';
import { ApiError } from '../../../renderer/api/ApiError.js';
import { call } from '../../../renderer/api/client.js';
import { csrfToken, setCsrfToken } from '../../../renderer/api/csrf.js';
import { onSessionExpired } from '../../../renderer/api/sessionEvents.js';
import { buildQuery, fillPath } from '../../../renderer/api/url.js';

interface Sent {
  url: string;
  init: RequestInit;
}

const user = {
  id: 1,
  login: 'admin',
  name: '山田 太郎',
  kana: 'やまだ たろう',
  email: '',
  departmentId: null,
  positionId: null,
  roles: ['admin'],
  active: true,
  language: 'ja',
};

let sent: Sent[] = [];

function respond(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

function header(name: string): string | undefined {
  const headers = sent[0]?.init.headers as Record<string, string> | undefined;
  return headers?.[name];
}

beforeEach(() => {
  sent = [];
  setCsrfToken(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('url helpers', () => {
  it('fills path parameters and refuses missing ones', () => {
    expect(fillPath('/api/users/:id/password', { id: 7 })).toBe('/api/users/7/password');
    expect(() => fillPath('/api/users/:id', {})).toThrow(/id/);
  });

  it('serialises a query without empty entries', () => {
    expect(buildQuery({ q: '山田', page: 2, includeInactive: true, skipped: undefined })).toBe(
      '?q=%E5%B1%B1%E7%94%B0&page=2&includeInactive=true',
    );
    expect(buildQuery({})).toBe('');
  });
});

describe('call', () => {
  it('keeps the CSRF token handed out at sign-in and sends it on state changes only', async () => {
    respond(200, { user, csrfToken: 'tok-1' });
    const session = await call(api.login, { body: { login: 'admin', password: 'correct horse' } });
    expect(session.user.name).toBe('山田 太郎');
    expect(csrfToken()).toBe('tok-1');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(header('content-type')).toBe('application/json');
    expect(header('accept-language')).toBe('ja');

    sent = [];
    respond(200, { items: [], total: 0, page: 1, pageSize: 25 });
    await call(api.listUsers, { query: { page: 1, pageSize: 25, includeInactive: false } });
    expect(sent[0]?.url).toBe('/api/users?page=1&pageSize=25&includeInactive=false');
    expect(header('x-csrf-token')).toBeUndefined();

    sent = [];
    respond(200, { ok: true });
    await call(api.logout);
    expect(header('x-csrf-token')).toBe('tok-1');
    // No body, so no JSON content type (Fastify refuses an empty JSON body).
    expect(header('content-type')).toBeUndefined();
    expect(sent[0]?.init.body).toBeUndefined();
  });

  it('throws ApiError with code, field and status', async () => {
    respond(409, { error: { code: 'duplicate', message: '同じ値がすでに登録されています', field: 'body.login' } });
    const error = await call(api.createSite, {
      body: { code: 'A', name: 'A', kind: 'honcho', address: '', sortOrder: 0 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('duplicate');
    expect(apiError.knownCode).toBe('duplicate');
    expect(apiError.status).toBe(409);
    expect(apiError.field).toBe('body.login');
    expect(apiError.fieldName).toBe('login');
  });

  it('passes on how long a locked-out login must wait', async () => {
    respond(429, { error: { code: 'rate_limited', message: 'locked', retryAfterSeconds: 900 } });
    const error = (await call(api.login, { body: { login: 'a', password: 'b' } }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(900);
  });

  it('announces an ended session on other calls, not on the auth calls', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    try {
      respond(401, { error: { code: 'unauthenticated', message: 'Please sign in' } });
      await expect(call(api.me)).rejects.toBeInstanceOf(ApiError);
      expect(expired).not.toHaveBeenCalled();

      respond(401, { error: { code: 'invalid_credentials', message: 'wrong' } });
      await expect(call(api.login, { body: { login: 'a', password: 'b' } })).rejects.toBeInstanceOf(ApiError);
      expect(expired).not.toHaveBeenCalled();

      setCsrfToken('tok-2');
      respond(401, { error: { code: 'unauthenticated', message: 'Please sign in' } });
      await expect(call(api.listSites)).rejects.toBeInstanceOf(ApiError);
      expect(expired).toHaveBeenCalledTimes(1);
      expect(csrfToken()).toBeNull();
    } finally {
      stop();
    }
  });

  it('refuses a response that does not match the contract', async () => {
    respond(200, { name: 'something else' });
    await expect(call(api.health)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports an error without our error body as internal', async () => {
    respond(502, undefined);
    await expect(call(api.health)).rejects.toMatchObject({ code: 'internal', status: 502 });
  });

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(call(api.health)).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
