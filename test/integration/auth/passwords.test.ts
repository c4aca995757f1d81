import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, createUser, dbSnapshot, errorOf, signIn, testApp, testPassword } from '../../helpers/test-app.js';

const newPassword = 'a-much-better-passphrase';

describe('changing my password', () => {
  it('refuses a wrong current password: 400 naming body.currentPassword, nothing changed', async () => {
    const { app, db } = await testApp();
    const dx = await signIn(app, 'dx');
    const before = dbSnapshot(db);
    const res = await dx.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: 'not-my-password', newPassword } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'wrong_current_password', field: 'body.currentPassword' });
    // Only the failed attempt is recorded (it counts towards the lock-out); the password is unchanged.
    const { login_attempts: attemptsAfter, ...after } = dbSnapshot(db);
    const { login_attempts: attemptsBefore, ...rest } = before;
    expect(after).toEqual(rest);
    expect(attemptsAfter?.length).toBe((attemptsBefore?.length ?? 0) + 1);
    // A wrong current password does not sign the caller out.
    expect((await dx.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('locks password changes after repeated wrong current passwords, like sign-in', async () => {
    const { app } = await testApp();
    const dx = await signIn(app, 'dx');
    for (let i = 0; i < 5; i++) {
      const res = await dx.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: `guess-number-${i}`, newPassword } });
      expect(res.statusCode).toBe(400);
    }
    const locked = await dx.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: testPassword, newPassword } });
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a new password shorter than 10 characters: 400', async () => {
    const { app, db } = await testApp();
    const dx = await signIn(app, 'dx');
    const before = dbSnapshot(db);
    const res = await dx.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: testPassword, newPassword: 'short-pw1' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation', field: 'body.newPassword' });
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('refuses a new password equal to the login (in any case) or of too few distinct characters: 400 password_too_weak', async () => {
    const { app, db } = await testApp();
    const admin = await signIn(app, 'admin');
    await createUser(admin, { login: 'yamada.taro', name: '山田 太郎', password: testPassword });
    const yamada = await signIn(app, 'yamada.taro');
    const before = dbSnapshot(db);
    for (const weak of ['yamada.taro', 'YAMADA.TARO', 'abababababab', 'ｙａｍａｄａ．ｔａｒｏ']) {
      const res = await yamada.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: testPassword, newPassword: weak } });
      expect(res.statusCode, weak).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'password_too_weak', field: 'body.newPassword' });
    }
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('on success signs out my other sessions and keeps this one; the new password is the one that works', async () => {
    const { app } = await testApp();
    const here = await signIn(app, 'dx');
    const elsewhere = await signIn(app, 'dx');
    const colleague = await signIn(app, 'clerk');
    const res = await here.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: testPassword, newPassword } });
    expect(bodyOf(api.changePassword, res)).toEqual({ ok: true });

    expect((await here.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await elsewhere.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await colleague.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);

    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'dx', password: testPassword } });
    expect(old.statusCode).toBe(401);
    await signIn(app, 'dx', newPassword);
  });
});

describe('an administrator resetting a password', () => {
  it("signs the user out everywhere; the new password works and the old one does not", async () => {
    const { app, town } = await testApp();
    const admin = await signIn(app, 'admin');
    const clerk = await signIn(app, 'clerk');
    const clerk2 = await signIn(app, 'clerk');
    const res = await admin.inject({ method: 'POST', url: `/api/users/${town.clerk.id}/password`, payload: { newPassword } });
    expect(bodyOf(api.resetPassword, res)).toEqual({ ok: true });

    for (const s of [clerk, clerk2]) expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await admin.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'clerk', password: testPassword } });
    expect(old.statusCode).toBe(401);
    await signIn(app, 'clerk', newPassword);
  });

  it('refuses a weak password and an unknown user, changing nothing', async () => {
    const { app, db, town } = await testApp();
    const admin = await signIn(app, 'admin');
    const clerk = await signIn(app, 'clerk');
    const before = dbSnapshot(db);
    const weak = await admin.inject({ method: 'POST', url: `/api/users/${town.clerk.id}/password`, payload: { newPassword: 'zzzzzzzzzzzz' } });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak)).toMatchObject({ code: 'password_too_weak', field: 'body.newPassword' });
    const missing = await admin.inject({ method: 'POST', url: '/api/users/9999/password', payload: { newPassword } });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');
    expect(dbSnapshot(db)).toEqual(before);
    expect((await clerk.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });
});
