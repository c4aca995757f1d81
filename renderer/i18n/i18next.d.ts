import 'i18next';
import type { ja } from './ja.js';

// Types t() from the Japanese catalogue: a key that does not exist is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
    keySeparator: false;
    nsSeparator: false;
  }
}
