import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, errorOf, signIn, testApp, testPassword } from '../../helpers/test-app.js';

const login = (app: Awaited<ReturnType<typeof testApp>>['app'], body: { login: string; password: string }, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });

function setCookieHeader(res: LightMyRequestResponse): string {
  const h = res.headers['set-cookie'];
  const all = Array.isArray(h) ? h : h === undefined ? [] : [String(h)];
  const session = all.filter((c) => c.startsWith('kamiless_session='));
  expect(session).toHaveLength(1);
  return session[0] ?? '';
}

const attributes = (cookie: string) => cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());

describe('sign-in', () => {
  it('returns the user and a CSRF token and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const { app, town } = await testApp();
    const res = await login(app, { login: 'admin', password: testPassword });
    const session = bodyOf(api.login, res);
    expect(session.user).toEqual({
      id: town.admin.id, login: 'admin', name: '管理 太郎', kana: '', email: '',
      departmentId: town.ka.id, positionId: town.kacho.id, roles: ['admin', 'clerk'], active: true, language: 'ja',
    });
    expect(session.csrfToken.length).toBeGreaterThanOrEqual(24);
    expect(res.body).not.toContain('scrypt');

    const cookie = setCookieHeader(res);
    const attrs = attributes(cookie);
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    // No TLS: no Secure (the browser would refuse to send it over http).
    expect(attrs).not.toContain('secure');
    // A browser-session cookie: it ends when the browser closes.
    expect(attrs.some((a) => a.startsWith('max-age') || a.startsWith('expires'))).toBe(false);
    // The cookie value is not the CSRF token.
    expect(cookie).not.toContain(session.csrfToken);
  });

  it('gives every sign-in its own session and CSRF token', async () => {
    const { app } = await testApp();
    const a = await signIn(app, 'admin');
    const b = await signIn(app, 'admin');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrf).not.toBe(b.csrf);
  });

  it('accepts the login in any letter case', async () => {
    const { app, town } = await testApp();
    const res = await login(app, { login: ' ADMIN ', password: testPassword });
    expect(bodyOf(api.login, res).user.id).toBe(town.admin.id);
  });

  it('answers a wrong password, an unknown login and an inactive user alike: 401 invalid_credentials', async () => {
    const { app, town } = await testApp();
    const admin = await signIn(app, 'admin');
    const off = await admin.inject({ method: 'PATCH', url: `/api/users/${town.clerk.id}`, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);

    const wrong = await login(app, { login: 'dx', password: 'not-the-password' });
    const unknown = await login(app, { login: 'nobody', password: testPassword });
    const inactive = await login(app, { login: 'clerk', password: testPassword });
    for (const res of [wrong, unknown, inactive]) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toEqual([]);
    }
    expect(errorOf(wrong)).toMatchObject({ code: 'invalid_credentials', field: 'body.password' });
    expect(unknown.body).toBe(wrong.body);
    expect(inactive.body).toBe(wrong.body);
  });

  it('GET /api/me answers with the cookie alone and refuses without it', async () => {
    const { app, town } = await testApp();
    const dx = await signIn(app, 'dx');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: dx.cookie } });
    const body = bodyOf(api.me, me);
    expect(body.user.id).toBe(town.dx.id);
    expect(body.csrfToken).toBe(dx.csrf);
    const anonymous = await app.inject({ method: 'GET', url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
  });
});

describe('sign-out', () => {
  it('revokes the session: the old cookie no longer works, and the cookie is cleared', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const out = await admin.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(bodyOf(api.logout, out)).toEqual({ ok: true });
    const cleared = setCookieHeader(out);
    expect(cleared).toMatch(/^kamiless_session=;/);
    expect(attributes(cleared).some((a) => a.startsWith('expires=thu, 01 jan 1970') || a === 'max-age=0')).toBe(true);

    const after = await admin.inject({ method: 'GET', url: '/api/me' });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('unauthenticated');
  });

  it('signs out only this session; others of the same user go on', async () => {
    const { app } = await testApp();
    const first = await signIn(app, 'admin');
    const second = await signIn(app, 'admin');
    await first.inject({ method: 'POST', url: '/api/auth/logout' });
    expect((await first.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await second.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('everywhere: revokes every session of the user and none of other users', async () => {
    const { app } = await testApp();
    const a = await signIn(app, 'admin');
    const b = await signIn(app, 'admin');
    const c = await signIn(app, 'admin');
    const clerk = await signIn(app, 'clerk');
    const res = await b.inject({ method: 'POST', url: '/api/auth/logout-everywhere' });
    expect(bodyOf(api.logoutEverywhere, res)).toEqual({ ok: true });
    for (const s of [a, b, c]) expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await clerk.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    // Signing in again works.
    await signIn(app, 'admin');
  });
});

describe('preferences', () => {
  it('remembers the language of the signed-in user', async () => {
    const { app } = await testApp();
    const dx = await signIn(app, 'dx');
    const res = await dx.inject({ method: 'PUT', url: '/api/me/preferences', payload: { language: 'en' } });
    expect(bodyOf(api.setPreferences, res).user.language).toBe('en');
    const again = await signIn(app, 'dx');
    expect(bodyOf(api.me, await again.inject({ method: 'GET', url: '/api/me' })).user.language).toBe('en');
    const admin = await signIn(app, 'admin');
    expect(bodyOf(api.me, await admin.inject({ method: 'GET', url: '/api/me' })).user.language).toBe('ja');
  });
});
