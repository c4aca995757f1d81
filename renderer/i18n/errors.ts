import i18next from 'i18next';
import { useCallback } from 'react';
import type { Language } from '../../shared/api/index.js';
import { describeError } from '../../shared/i18n/errors.js';
import { isApiError } from '../api/ApiError.js';
import { uiLanguage } from './language.js';
import { useUiLanguage } from './useUiLanguage.js';

/**
 * Words for any failure. Known codes use the shared table (the same text the
 * server would send); an unknown code from a newer server shows the server's
 * own message.
 */
export function describeApiError(error: unknown, lang: Language = uiLanguage(), field?: string): string {
  if (!isApiError(error)) return i18next.t('error.unexpected', { lng: lang });
  if (error.code === 'network') return i18next.t('error.network', { lng: lang });
  if (error.code === 'invalid_response') return i18next.t('error.invalidResponse', { lng: lang });
  const code = error.knownCode;
  if (!code) return error.message || i18next.t('error.unexpected', { lng: lang });
  const text = describeError(code, lang, field ?? error.field);
  if (code === 'rate_limited' && error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return text + i18next.t('error.retryAfter', { minutes, lng: lang });
  }
  return text;
}

/** describeApiError in the current UI language; re-renders when the language changes. */
export function useDescribeError(): (error: unknown, field?: string) => string {
  const lang = useUiLanguage();
  return useCallback((error: unknown, field?: string) => describeApiError(error, lang, field), [lang]);
}
