import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, loginSchema, passwordSchema, setupBodySchema } from '../../../shared/api/index.js';
import { request } from '../../api/client.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { HOME_PATH } from '../../auth/redirect.js';
import { useSessionActions } from '../../auth/session.js';
import { AuthFrame } from '../../components/AuthFrame.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { schemaRule, sameAs } from '../../forms/rules.js';
import { placeServerError } from '../../forms/serverErrors.js';
import { useDescribeError } from '../../i18n/errors.js';
import { uiLanguage } from '../../i18n/language.js';

interface SetupValues {
  townName: string;
  login: string;
  name: string;
  password: string;
  confirm: string;
}

/** First run: name the town and create the first administrator, who is then signed in. */
export function SetupPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { signedIn } = useSessionActions();
  const [formError, setFormError] = useState<unknown>(null);

  const form = useForm<SetupValues>({
    initialValues: { townName: '北広島町', login: 'admin', name: '', password: '', confirm: '' },
    validate: {
      townName: schemaRule(setupBodySchema.shape.townName, t('validation.required')),
      login: schemaRule(loginSchema, t('validation.login')),
      name: schemaRule(setupBodySchema.shape.admin.shape.name, t('validation.required')),
      password: schemaRule(passwordSchema, t('validation.passwordLength')),
      confirm: sameAs<SetupValues>((v) => v.password, t('validation.passwordMismatch')),
    },
  });

  const setup = useApiMutation(api.setup, {
    onSuccess: async (created) => {
      // Whoever set up in English keeps English: it becomes the administrator's preference.
      const language = uiLanguage();
      const session =
        created.user.language === language
          ? created
          : await request(api.setPreferences, { body: { language } }).catch(() => created);
      signedIn(session);
      await queryClient.invalidateQueries({ queryKey: queryKeys.health });
      void navigate(HOME_PATH, { replace: true });
    },
  });

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.intro')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          setup.mutate(
            {
              body: {
                townName: values.townName.trim(),
                admin: { login: values.login.trim(), name: values.name.trim(), password: values.password },
              },
            },
            { onError: (error) => placeServerError(form, error, describe) || setFormError(error) },
          );
        })}
      >
        <Stack>
          {formError ? <ErrorAlert error={formError} /> : null}
          {/* Every field here is required, so no asterisks: they would only add noise. */}
          <TextInput
            label={t('setup.townName')}
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps('townName')}
          />
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <TextInput
            label={t('setup.login')}
            description={t('setup.loginHint')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
            {...form.getInputProps('login')}
          />
          <TextInput
            label={t('setup.name')}
            autoComplete="name"
            required
            withAsterisk={false}
            {...form.getInputProps('name')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('validation.passwordLength')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('setup.confirm')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('confirm')}
          />
          <Text size="xs" c="dimmed">
            {t('setup.afterwards')}
          </Text>
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
