import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/hooks.js';
import { onSessionExpired } from '../api/sessionEvents.js';
import { applyLanguage } from '../i18n/language.js';
import { useSessionActions } from './session.js';

/**
 * Side effects of the session that every screen needs: speak the user's
 * language once signed in, and drop to /login (RequireSession redirects once
 * the session is null) when the server ends the session.
 */
export function SessionEffects() {
  const { t } = useTranslation();
  const session = useSession();
  const { signedOut } = useSessionActions();
  const language = session.data?.user.language;

  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  useEffect(
    () =>
      onSessionExpired(() => {
        signedOut();
        notifications.show({ id: 'session-expired', color: 'orange', message: t('session.expired') });
      }),
    [signedOut, t],
  );

  return null;
}
