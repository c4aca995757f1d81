import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../i18n/errors.js';
import { placeServerError } from './serverErrors.js';

type ErrorTarget = Parameters<typeof placeServerError>[0];

/**
 * What every admin form does around a save: a server error goes under the
 * input it names, or above the form; a success shows a toast and closes.
 */
export function useSaveFeedback<T extends { name: string }>(form: ErrorTarget, onDone: () => void) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<unknown>(null);
  return {
    formError,
    clearFormError: () => setFormError(null),
    onSuccess: (saved: T) => {
      notifications.show({ color: 'teal', message: t('admin.saved', { name: saved.name }) });
      onDone();
    },
    onError: (error: unknown) => {
      if (!placeServerError(form, error, describe)) setFormError(error);
    },
  };
}
