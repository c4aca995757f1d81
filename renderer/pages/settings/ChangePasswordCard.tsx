import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, passwordSchema } from '../../../shared/api/index.js';
import { useApiMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { sameAs, schemaRule } from '../../forms/rules.js';
import { placeServerError } from '../../forms/serverErrors.js';
import { useDescribeError } from '../../i18n/errors.js';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<unknown>(null);

  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: schemaRule(passwordSchema, t('validation.passwordLength')),
      confirm: sameAs<PasswordValues>((v) => v.newPassword, t('validation.passwordMismatch')),
    },
  });

  const change = useApiMutation(api.changePassword, {
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.password.done') });
    },
  });

  const onError = (error: unknown) => {
    if (placeServerError(form, error, describe)) return;
    setFormError(error);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} fz="h4" mb={4}>
        {t('settings.password.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.password.help')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          change.mutate(
            { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
            { onError },
          );
        })}
      >
        <Stack maw={420}>
          {formError ? <ErrorAlert error={formError} /> : null}
          <PasswordInput
            label={t('settings.password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('settings.password.new')}
            description={t('validation.passwordLength')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('settings.password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('settings.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
