import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/ApiError.js';
import { formFieldOf } from '../../../renderer/forms/serverErrors.js';
import { en } from '../../../renderer/i18n/en.js';
import { describeApiError } from '../../../renderer/i18n/errors.js';
import { ja } from '../../../renderer/i18n/ja.js';

beforeAll(async () => {
  await i18next.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
});

const apiError = (code: string, extra: Partial<{ field: string; retryAfterSeconds: number; message: string }> = {}) =>
  new ApiError({ code, message: extra.message ?? 'server text', status: 400, ...extra });

describe('describeApiError', () => {
  it('names the field the server pointed at', () => {
    expect(describeApiError(apiError('duplicate', { field: 'body.login' }), 'ja')).toBe(
      'ログインID: 同じ値がすでに登録されています',
    );
    expect(describeApiError(apiError('duplicate', { field: 'body.login' }), 'en')).toBe('Login: This value is already in use');
  });

  it('uses the shared text for a known code without a field', () => {
    expect(describeApiError(apiError('invalid_credentials'), 'ja')).toBe('ログインIDまたはパスワードが正しくありません');
  });

  it('says how many minutes a locked-out user must wait', () => {
    const text = describeApiError(apiError('rate_limited', { retryAfterSeconds: 840 }), 'ja');
    expect(text).toContain('一時的にロックされています');
    expect(text).toContain('あと約14分');
    expect(describeApiError(apiError('rate_limited', { retryAfterSeconds: 30 }), 'en')).toContain('about 1 min');
  });

  it("falls back to the server's message for an unknown code", () => {
    expect(describeApiError(apiError('brand_new_code', { message: '新しいエラー' }), 'ja')).toBe('新しいエラー');
  });

  it('explains client-side failures', () => {
    expect(describeApiError(new ApiError({ code: 'network', message: 'x', status: 0 }), 'en')).toBe(
      'Cannot reach the server. Check the network',
    );
    expect(describeApiError(new Error('boom'), 'ja')).toBe('予期しないエラーが発生しました');
  });
});

describe('formFieldOf', () => {
  it('finds the nearest path segment that is an input of the form', () => {
    expect(formFieldOf(apiError('duplicate', { field: 'body.login' }), ['login', 'name'])).toBe('login');
    expect(formFieldOf(apiError('validation', { field: 'body.admin.password' }), ['password'])).toBe('password');
    expect(formFieldOf(apiError('validation', { field: 'body.roles.0' }), ['roles'])).toBe('roles');
  });

  it('returns null when the error belongs to no input', () => {
    expect(formFieldOf(apiError('conflict'), ['login'])).toBeNull();
    expect(formFieldOf(apiError('validation', { field: 'body.other' }), ['login'])).toBeNull();
    expect(formFieldOf(new Error('x'), ['login'])).toBeNull();
  });
});
