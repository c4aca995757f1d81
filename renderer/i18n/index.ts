import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ja } from './ja.js';
import { storedLanguage } from './language.js';

/** Starts i18next in the remembered language; the signed-in user's choice replaces it once known. */
export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng,
    fallbackLng: 'ja',
    supportedLngs: ['ja', 'en'],
    // Keys are flat strings like 'nav.inbox' so a test can find them in the source.
    keySeparator: false,
    nsSeparator: false,
    // React escapes already.
    interpolation: { escapeValue: false },
  });
}
