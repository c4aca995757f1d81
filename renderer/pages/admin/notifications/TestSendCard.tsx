import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconSend, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/endpoints.js';
import { mailTestBodySchema } from '../../../../shared/api/mail.js';
import { useApiMutation } from '../../../api/hooks.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { mailFailureText } from './mailFailureText.js';
import { SectionCard } from './SectionCard.js';

/** One test mail with the saved settings, and what the SMTP server said. */
export function TestSendCard({ defaultTo }: { defaultTo: string }) {
  const { t } = useTranslation();
  const [to, setTo] = useState(defaultTo);
  const send = useApiMutation(api.sendTestMail);
  const valid = mailTestBodySchema.safeParse({ to: to.trim() }).success;
  const result = send.data;
  return (
    <SectionCard title={t('mail.test.title')} help={t('mail.test.help')}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput size="md" type="email" label={t('mail.test.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
          <Button
            size="md"
            leftSection={<IconSend size={18} aria-hidden />}
            disabled={!valid}
            loading={send.isPending}
            onClick={() => send.mutate({ body: { to: to.trim() } })}
          >
            {t('mail.test.send')}
          </Button>
        </Group>
        {send.isError ? <ErrorAlert error={send.error} /> : null}
        {result?.ok === true ? (
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('mail.test.ok')} role="status">
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {t('mail.test.serverSaid', { message: result.response })}
            </Text>
          </Alert>
        ) : null}
        {result?.ok === false ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('mail.test.failed')} role="alert">
            <Text size="sm">{mailFailureText(result.reason, t)}</Text>
            <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-word' }}>
              {t('mail.test.detail', { message: result.message })}
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
