import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useMailSettings, useOutbox, useReminderSetting } from './mailQueries.js';
import { OutboxCard } from './OutboxCard.js';
import { ReminderCard } from './ReminderCard.js';
import { SmtpCard } from './SmtpCard.js';
import { TestSendCard } from './TestSendCard.js';

/** 通知設定: how notices reach people by e-mail, when waiting cases are reminded, and how delivery is going. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mail = useMailSettings();
  const reminder = useReminderSetting();
  const outbox = useOutbox();
  return (
    <>
      <PageHeader title={t('admin.notifications.title')} description={t('admin.notifications.description')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          {mail.isPending ? <Skeleton h={480} radius="md" /> : null}
          {mail.isError ? <ErrorAlert error={mail.error} onRetry={() => void mail.refetch()} /> : null}
          {mail.data ? <SmtpCard key={JSON.stringify(mail.data)} settings={mail.data} /> : null}
          <TestSendCard defaultTo={session.data?.user.email ?? ''} />
        </Stack>
        <Stack gap="md">
          {reminder.isError ? <ErrorAlert error={reminder.error} onRetry={() => void reminder.refetch()} /> : null}
          {reminder.data ? <ReminderCard key={reminder.data.reminderWorkingDays} settings={reminder.data} /> : null}
          {outbox.isError ? <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
          {outbox.data ? <OutboxCard status={outbox.data} onRefresh={() => void outbox.refetch()} refreshing={outbox.isFetching} /> : null}
        </Stack>
      </SimpleGrid>
    </>
  );
}
