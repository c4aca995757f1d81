import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/api/index.js';

/** The UI language as React state: components re-render when it changes. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'ja';
}
