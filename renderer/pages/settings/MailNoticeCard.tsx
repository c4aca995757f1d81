import { Alert, Skeleton, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/endpoints.js';
import { useApiMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { mailKeys, useMyMail } from '../admin/notifications/mailQueries.js';
import { SectionCard } from '../admin/notifications/SectionCard.js';

/** My own e-mail notices: on or off, where they go, and why none may come (no address, mail off on the hub). */
export function MailNoticeCard() {
  const { t } = useTranslation();
  const mine = useMyMail();
  const save = useApiMutation(api.setMyMail, { invalidate: [mailKeys.mine] });
  const data = mine.data;
  return (
    <SectionCard title={t('mail.me.title')} help={t('mail.me.help')}>
      {mine.isPending ? <Skeleton h={44} /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {data ? (
        <>
          <Switch
            size="lg"
            label={t('mail.me.switch')}
            checked={data.enabled}
            disabled={save.isPending || data.address === ''}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              save.mutate({ body: { enabled } }, { onSuccess: () => notifications.show({ color: 'teal', message: enabled ? t('mail.me.on') : t('mail.me.off') }) });
            }}
          />
          {data.address === '' ? (
            <Text size="sm" mt="sm">
              {t('mail.me.noAddress')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" mt="sm" style={{ wordBreak: 'break-all' }}>
              {t('mail.me.address', { address: data.address })}
            </Text>
          )}
          {data.hubSendsMail ? null : (
            <Alert color="gray" mt="sm">
              {t('mail.me.hubOff')}
            </Alert>
          )}
        </>
      ) : null}
    </SectionCard>
  );
}
