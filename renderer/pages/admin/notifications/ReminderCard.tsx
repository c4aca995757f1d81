import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/endpoints.js';
import type { ApprovalSettings } from '../../../../shared/api/approvals.js';
import { useApiMutation } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { mailKeys } from './mailQueries.js';
import { SectionCard } from './SectionCard.js';

/** After how many working days a waiting case is reminded and shown as overdue (催促・期限超過). */
export function ReminderCard({ settings }: { settings: ApprovalSettings }) {
  const { t } = useTranslation();
  const form = useForm<{ reminderWorkingDays: number | string }>({ initialValues: settings });
  // Errors only: each card says its own success.
  const feedback = useSaveFeedback(form, () => undefined);
  const save = useApiMutation(api.setApprovalSettings, { invalidate: [mailKeys.reminder] });
  return (
    <SectionCard
      title={t('mail.reminder.title')}
      help={
        <>
          <p style={{ margin: 0 }}>{t('mail.reminder.help')}</p>
          <p style={{ margin: 0 }}>{t('mail.reminder.workingDays')}</p>
        </>
      }
    >
      <form
        noValidate
        aria-label={t('mail.reminder.title')}
        onSubmit={form.onSubmit((values) => {
          feedback.clearFormError();
          save.mutate(
            { body: { reminderWorkingDays: Number(values.reminderWorkingDays) } },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: t('mail.reminder.saved') }),
              onError: feedback.onError,
            },
          );
        })}
      >
        <Stack gap="sm">
          {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
          <NumberInput
            size="md"
            label={t('mail.reminder.days')}
            description={t('mail.reminder.daysHint')}
            min={1}
            max={30}
            allowDecimal={false}
            maw={260}
            {...form.getInputProps('reminderWorkingDays')}
          />
          <Group justify="flex-end">
            <Button size="md" type="submit" loading={save.isPending}>
              {t('mail.reminder.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
