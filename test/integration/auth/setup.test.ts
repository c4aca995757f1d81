import { buildApp } from '../../../electron/app/server/app.js';
import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, dbSnapshot, errorOf, testClock, testDb } from '../../helpers/test-app.js';

const setupBody = { townName: '紙田町', admin: { login: 'somu.admin', name: '総務 管理者', password: 'first-admin-passphrase' } };

async function freshApp() {
  const db = testDb();
  const app = await buildApp({ db, mode: 'hub', clock: testClock() });
  return { app, db };
}

describe('first-run set-up', () => {
  it('on a town without users: names the town, creates an admin with every role and signs them in', async () => {
    const { app } = await freshApp();
    expect(bodyOf(api.health, await app.inject({ method: 'GET', url: '/api/health' })).setupRequired).toBe(true);

    const res = await app.inject({ method: 'POST', url: '/api/setup', payload: setupBody });
    const session = bodyOf(api.setup, res);
    expect(session.user).toMatchObject({ login: 'somu.admin', name: '総務 管理者', roles: ['admin', 'dx', 'clerk'], active: true });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = bodyOf(api.me, await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }));
    expect(me.user.id).toBe(session.user.id);
    expect(me.csrfToken).toBe(session.csrfToken);

    // The admin can use admin routes with the session set-up gave them.
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(bodyOf(api.listUsers, users).total).toBe(1);

    const health = bodyOf(api.health, await app.inject({ method: 'GET', url: '/api/health' }));
    expect(health).toMatchObject({ setupRequired: false, townName: '紙田町' });
    // And the password set there signs in.
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'somu.admin', password: 'first-admin-passphrase' } });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a second set-up: 409 setup_already_done, nothing changed', async () => {
    const { app, db } = await freshApp();
    expect((await app.inject({ method: 'POST', url: '/api/setup', payload: setupBody })).statusCode).toBe(200);
    const before = dbSnapshot(db);
    const again = await app.inject({
      method: 'POST', url: '/api/setup',
      payload: { townName: '乗っ取り町', admin: { login: 'intruder', name: '侵入者', password: 'intruder-passphrase' } },
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('setup_already_done');
    expect(again.cookies).toEqual([]);
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('refuses a password equal to the login, creating nothing', async () => {
    const { app, db } = await freshApp();
    const before = dbSnapshot(db);
    const res = await app.inject({
      method: 'POST', url: '/api/setup',
      payload: { ...setupBody, admin: { ...setupBody.admin, password: 'SOMU.ADMIN' } },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'password_too_weak', field: 'body.admin.password' });
    expect(dbSnapshot(db)).toEqual(before);
    expect(bodyOf(api.health, await app.inject({ method: 'GET', url: '/api/health' })).setupRequired).toBe(true);
  });
});
