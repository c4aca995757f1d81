import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { describeApiError } from '../../i18n/errors.js';

interface Toggleable {
  id: number;
  active: boolean;
}

interface ActiveToggleOptions<T extends Toggleable> {
  save: (item: T, active: boolean) => Promise<unknown>;
  nameOf: (item: T) => string;
  /** What else happens on deactivation, e.g. "the user is signed out everywhere". */
  consequence?: string;
}

/**
 * Deactivate (after a confirmation, since others lose access) or reactivate
 * (at once) a record. Records are never deleted: old cases still name them.
 */
export function useActiveToggle<T extends Toggleable>({ save, nameOf, consequence }: ActiveToggleOptions<T>) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (item: T, active: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await save(item, active);
      const name = nameOf(item);
      notifications.show({
        color: 'teal',
        message: active ? t('admin.reactivated', { name }) : t('admin.deactivated', { name }),
      });
      setConfirming(null);
    } catch (failure) {
      if (active) notifications.show({ color: 'red', message: describeApiError(failure) });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (item: T) => {
    if (item.active) {
      setError(null);
      setConfirming(item);
    } else {
      void run(item, true);
    }
  };

  const name = confirming ? nameOf(confirming) : '';
  const modal: ReactNode = (
    <ConfirmModal
      opened={confirming !== null}
      onClose={() => setConfirming(null)}
      title={t('admin.deactivateTitle')}
      message={
        <>
          {t('admin.deactivateConfirm', { name })}
          {consequence ? (
            <>
              <br />
              {consequence}
            </>
          ) : null}
        </>
      }
      confirmLabel={t('common.deactivate')}
      loading={busy}
      error={error}
      onConfirm={() => {
        if (confirming) void run(confirming, false);
      }}
    />
  );

  return { toggle, modal, busy };
}
