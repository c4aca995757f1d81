import { describe, expect, it } from 'vitest';
import { defaultThrottlePolicy } from '../../../electron/app/org/login-throttle.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, errorOf, testApp, testPassword } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof testApp>>['app'];
const { perLogin, perAddress, lockMs } = defaultThrottlePolicy;

const attempt = (app: App, login: string, password: string, remoteAddress = '192.0.2.10') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress });

async function fail(app: App, login: string, times: number, remoteAddress?: string) {
  for (let i = 0; i < times; i++) {
    const res = await attempt(app, login, `wrong-password-${i}`, remoteAddress);
    expect(res.statusCode, `failure ${i + 1} of ${login}`).toBe(401);
  }
}

describe('per-account lock-out', () => {
  it(`locks an account after ${perLogin} wrong passwords, even against the right one: 429 with Retry-After`, async () => {
    const { app } = await testApp();
    await fail(app, 'admin', perLogin);
    const res = await attempt(app, 'admin', testPassword);
    expect(res.statusCode).toBe(429);
    const error = errorOf(res);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(lockMs / 1000);
    expect(res.headers['retry-after']).toBe(String(lockMs / 1000));
    expect(res.cookies).toEqual([]);
  });

  it(`does not lock after ${perLogin - 1} failures`, async () => {
    const { app } = await testApp();
    await fail(app, 'admin', perLogin - 1);
    expect((await attempt(app, 'admin', testPassword)).statusCode).toBe(200);
  });

  it('counts the login case-insensitively', async () => {
    const { app } = await testApp();
    await fail(app, 'Admin', 2);
    await fail(app, 'ADMIN', perLogin - 2);
    expect((await attempt(app, 'admin', testPassword)).statusCode).toBe(429);
  });

  it('lifts the lock when lockMs has passed; refused attempts do not extend it', async () => {
    const { app, clock } = await testApp();
    await fail(app, 'admin', perLogin);
    clock.advance(lockMs / 3);
    const during = await attempt(app, 'admin', 'wrong-again');
    expect(during.statusCode).toBe(429);
    expect(errorOf(during).retryAfterSeconds).toBe(Math.ceil((lockMs - lockMs / 3) / 1000));
    clock.advance(lockMs - lockMs / 3 - 1000);
    expect((await attempt(app, 'admin', testPassword)).statusCode).toBe(429);
    clock.advance(1000);
    const after = await attempt(app, 'admin', testPassword);
    expect(after.statusCode, after.body).toBe(200);
    expect(bodyOf(api.login, after).user.login).toBe('admin');
  });

  it('locks only the attacked account', async () => {
    const { app } = await testApp();
    await fail(app, 'admin', perLogin);
    expect((await attempt(app, 'clerk', testPassword)).statusCode).toBe(200);
  });

  it('lets a success clear the count of earlier failures', async () => {
    const { app } = await testApp();
    await fail(app, 'admin', perLogin - 1);
    expect((await attempt(app, 'admin', testPassword)).statusCode).toBe(200);
    await fail(app, 'admin', perLogin - 1);
    expect((await attempt(app, 'admin', testPassword)).statusCode).toBe(200);
  });

  it('survives a restart: a new app on the same database keeps the lock', async () => {
    const { app, db, clock } = await testApp();
    await fail(app, 'admin', perLogin);
    await app.close();
    const restarted = await buildApp({ db, mode: 'hub', clock });
    const res = await attempt(restarted, 'admin', testPassword);
    expect(res.statusCode).toBe(429);
    expect(errorOf(res).code).toBe('rate_limited');
  });
});

describe('per-address lock-out', () => {
  it(`blocks an address after ${perAddress} failures across different logins, not other addresses`, async () => {
    const { app } = await testApp();
    const sprayer = '198.51.100.7';
    for (let i = 0; i < perAddress; i++) await fail(app, `guess-${i}`, 1, sprayer);
    const blocked = await attempt(app, 'admin', testPassword, sprayer);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).retryAfterSeconds).toBe(lockMs / 1000);
    expect(blocked.headers['retry-after']).toBe(String(lockMs / 1000));
    // Another desk is not affected, and no single account was locked.
    expect((await attempt(app, 'admin', testPassword, '198.51.100.8')).statusCode).toBe(200);
  });

  it(`does not block an address after ${perAddress - 1} failures`, async () => {
    const { app } = await testApp();
    const desk = '198.51.100.9';
    for (let i = 0; i < perAddress - 1; i++) await fail(app, `guess-${i}`, 1, desk);
    expect((await attempt(app, 'admin', testPassword, desk)).statusCode).toBe(200);
  });
});
