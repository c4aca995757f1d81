import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, passwordSchema, type UserRow } from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { sameAs, schemaRule } from '../../../forms/rules.js';
import { placeServerError } from '../../../forms/serverErrors.js';
import { useDescribeError } from '../../../i18n/errors.js';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

/** For a user who forgot their password: sets a new one and signs them out everywhere. */
export function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<unknown>(null);

  const form = useForm<ResetValues>({
    initialValues: { newPassword: '', confirm: '' },
    validate: {
      newPassword: schemaRule(passwordSchema, t('validation.passwordLength')),
      confirm: sameAs<ResetValues>((v) => v.newPassword, t('validation.passwordMismatch')),
    },
  });

  const reset = useApiMutation(api.resetPassword);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        reset.mutate(
          { params: { id: user.id }, body: { newPassword: values.newPassword } },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('admin.users.resetDone', { name: user.name }) });
              onDone();
            },
            onError: (error) => {
              if (!placeServerError(form, error, describe)) setFormError(error);
            },
          },
        );
      })}
    >
      <Stack>
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('admin.users.resetHelp', { name: user.name, login: user.login })}
        </Alert>
        {formError ? <ErrorAlert error={formError} /> : null}
        <PasswordInput
          label={t('settings.password.new')}
          description={t('validation.passwordLength')}
          required
          data-autofocus
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('settings.password.confirm')}
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('admin.users.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
