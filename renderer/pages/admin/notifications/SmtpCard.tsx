import { Button, Checkbox, Grid, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/endpoints.js';
import type { MailSecurity, MailSettings, MailSettingsInput } from '../../../../shared/api/mail.js';
import { useApiMutation } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { mailKeys } from './mailQueries.js';
import { SectionCard } from './SectionCard.js';

interface Values {
  enabled: boolean;
  host: string;
  port: number | string;
  security: MailSecurity;
  user: string;
  password: string;
  removePassword: boolean;
  fromAddress: string;
  fromName: string;
  appUrl: string;
}

/** The body to store: an empty password field keeps the stored password, the box removes it. */
function toInput(v: Values): MailSettingsInput {
  const { removePassword, password, port, ...rest } = v;
  return {
    ...rest,
    host: rest.host.trim(),
    port: Number(port),
    fromAddress: rest.fromAddress.trim(),
    appUrl: rest.appUrl.trim(),
    ...(removePassword ? { password: null } : password !== '' ? { password } : {}),
  };
}

/** The SMTP server and sender; the server checks every field and names the one it refuses. */
export function SmtpCard({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ initialValues: { ...settings, password: '', removePassword: false } });
  // Errors only: each card says its own success.
  const feedback = useSaveFeedback(form, () => undefined);
  const save = useApiMutation(api.setMailSettings, { invalidate: [mailKeys.settings, mailKeys.mine] });
  const securityOptions: { value: MailSecurity; label: string }[] = [
    { value: 'starttls', label: t('mail.smtp.security.starttls') },
    { value: 'tls', label: t('mail.smtp.security.tls') },
    { value: 'none', label: t('mail.smtp.security.none') },
  ];
  return (
    <SectionCard title={t('mail.smtp.title')} help={t('mail.smtp.help')}>
      <form
        noValidate
        aria-label={t('mail.smtp.title')}
        onSubmit={form.onSubmit((values) => {
          feedback.clearFormError();
          save.mutate(
            { body: toInput(values) },
            {
              // The card is keyed by the stored settings: the refetch after saving resets the form (password emptied).
              onSuccess: () => notifications.show({ color: 'teal', message: t('mail.smtp.saved') }),
              onError: feedback.onError,
            },
          );
        })}
      >
        <Stack gap="sm">
          {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
          <Switch size="md" label={t('mail.smtp.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput size="md" label={t('mail.smtp.host')} placeholder="smtp.town.example" autoComplete="off" {...form.getInputProps('host')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput size="md" label={t('mail.smtp.port')} min={1} max={65535} allowDecimal={false} {...form.getInputProps('port')} />
            </Grid.Col>
          </Grid>
          <Select size="md" label={t('mail.smtp.security')} data={securityOptions} allowDeselect={false} {...form.getInputProps('security')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput size="md" label={t('mail.smtp.user')} description={t('mail.smtp.userHint')} autoComplete="off" {...form.getInputProps('user')} />
            <PasswordInput
              size="md"
              label={t('mail.smtp.password')}
              description={settings.passwordSet ? t('mail.smtp.passwordSet') : t('mail.smtp.passwordUnset')}
              autoComplete="new-password"
              disabled={form.values.removePassword}
              {...form.getInputProps('password')}
            />
          </SimpleGrid>
          {settings.passwordSet ? <Checkbox size="md" label={t('mail.smtp.removePassword')} {...form.getInputProps('removePassword', { type: 'checkbox' })} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput size="md" type="email" label={t('mail.smtp.fromAddress')} placeholder="kamiless@town.example" {...form.getInputProps('fromAddress')} />
            <TextInput size="md" label={t('mail.smtp.fromName')} {...form.getInputProps('fromName')} />
          </SimpleGrid>
          <TextInput size="md" type="url" label={t('mail.smtp.appUrl')} description={t('mail.smtp.appUrlHint')} placeholder="https://kamiless.town.example" {...form.getInputProps('appUrl')} />
          <Group justify="flex-end">
            <Button size="md" type="submit" loading={save.isPending}>
              {t('mail.smtp.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
