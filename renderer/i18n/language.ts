import i18next from 'i18next';
import { languageSchema, type Language } from '../../shared/api/org.js';

/** Remembers the last language so the sign-in page speaks it before anyone signs in. */
const STORAGE_KEY = 'kamiless.language';

export const DEFAULT_LANGUAGE: Language = 'ja';

export function storedLanguage(): Language {
  try {
    const parsed = languageSchema.safeParse(globalThis.localStorage?.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, strict policies); Japanese is the default.
    return DEFAULT_LANGUAGE;
  }
}

/** The language the UI speaks now; also sent as Accept-Language. */
export function uiLanguage(): Language {
  const parsed = languageSchema.safeParse(i18next.resolvedLanguage ?? i18next.language);
  return parsed.success ? parsed.data : storedLanguage();
}

function remember(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering is harmless: the server keeps the signed-in user's choice.
  }
}

/** Switches the UI, `<html lang>` (screen readers, CJK font choice) and the remembered choice. */
export async function applyLanguage(lang: Language): Promise<void> {
  remember(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}
