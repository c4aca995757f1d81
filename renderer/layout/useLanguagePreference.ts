import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { api, type Language } from '../../shared/api/index.js';
import { useApiMutation } from '../api/hooks.js';
import { useSessionActions } from '../auth/session.js';
import { describeApiError } from '../i18n/errors.js';
import { applyLanguage } from '../i18n/language.js';

/**
 * Switches the language of a signed-in user: at once on screen, and on the
 * server so every device they sign in from speaks it.
 */
export function useLanguagePreference() {
  const { signedIn } = useSessionActions();
  const save = useApiMutation(api.setPreferences, { onSuccess: signedIn });
  const { mutate } = save;

  const change = useCallback(
    (language: Language) => {
      void applyLanguage(language);
      mutate(
        { body: { language } },
        { onError: (error) => notifications.show({ color: 'red', message: describeApiError(error) }) },
      );
    },
    [mutate],
  );

  return { change, saving: save.isPending };
}
