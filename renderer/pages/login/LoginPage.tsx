import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../../shared/api/index.js';
import { useApiMutation, useHealth, useSession } from '../../api/hooks.js';
import { safeTarget } from '../../auth/redirect.js';
import { useSessionActions } from '../../auth/session.js';
import { AuthFrame } from '../../components/AuthFrame.js';
import { useDescribeError } from '../../i18n/errors.js';

export function LoginPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const health = useHealth();
  const session = useSession();
  const { signedIn } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const target = safeTarget(location.state);
  const [failure, setFailure] = useState<unknown>(null);

  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: {
      login: (v: string) => (v.trim() ? null : t('validation.required')),
      password: (v: string) => (v ? null : t('validation.required')),
    },
  });

  const login = useApiMutation(api.login, {
    onSuccess: (result) => {
      signedIn(result);
      void navigate(target, { replace: true });
    },
  });

  if (session.data) return <Navigate to={target} replace />;

  return (
    <AuthFrame title={t('login.title')} subtitle={health.data?.townName}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          login.mutate(
            { body: { login: values.login.trim(), password: values.password } },
            {
              onError: (error) => {
                setFailure(error);
                form.setFieldValue('password', '');
              },
            },
          );
        })}
      >
        <Stack>
          {failure ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
              {describe(failure)}
            </Alert>
          ) : null}
          {/* Both fields are required; asterisks would only add noise. */}
          <TextInput
            label={t('login.login')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps('login')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
