import { describe, expect, it } from 'vitest';
import { errorOf, signIn, testApp } from '../../helpers/test-app.js';

describe('error messages', () => {
  it('come in Japanese by default and in English for accept-language: en', async () => {
    const { app } = await testApp();
    const payload = { login: 'admin', password: 'not-the-password' };
    const ja = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(errorOf(ja).message).toBe('ログインIDまたはパスワードが正しくありません');
    const en = await app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'accept-language': 'en' } });
    expect(errorOf(en).message).toBe('The login or password is incorrect');
    const enUs = await app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'accept-language': 'en-US,en;q=0.9,ja;q=0.8' } });
    expect(errorOf(enUs).message).toBe(errorOf(en).message);
    const jaFirst = await app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'accept-language': 'ja-JP,en;q=0.5' } });
    expect(errorOf(jaFirst).message).toBe(errorOf(ja).message);
    // The code is the same whatever the language.
    expect(errorOf(en).code).toBe(errorOf(ja).code);
  });

  it('name the field in the caller’s language', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const payload = { login: 'ADMIN', name: '重複', password: 'long-enough-password' };
    const ja = await admin.inject({ method: 'POST', url: '/api/users', payload });
    expect(errorOf(ja)).toMatchObject({ code: 'duplicate', field: 'body.login', message: 'ログインID: 同じ値がすでに登録されています' });
    const en = await admin.inject({ method: 'POST', url: '/api/users', payload, headers: { 'accept-language': 'en' } });
    expect(errorOf(en).message).toBe('Login: This value is already in use');
  });

  it('cover errors raised before any route runs', async () => {
    const { app } = await testApp();
    const ja = await app.inject({ method: 'GET', url: '/api/me' });
    expect(errorOf(ja).message).toBe('サインインしてください');
    const en = await app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en' } });
    expect(errorOf(en).message).toBe('Please sign in');
    const notFound = await app.inject({ method: 'POST', url: '/api/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(notFound.statusCode).toBe(404);
    expect(errorOf(notFound)).toMatchObject({ code: 'not_found', message: 'Not found' });
  });
});
