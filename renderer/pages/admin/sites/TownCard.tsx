import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, townSchema } from '../../../../shared/api/index.js';
import { useApiMutation, useHealth } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { AppModal } from '../../../components/AppModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { schemaRule } from '../../../forms/rules.js';
import { placeServerError } from '../../../forms/serverErrors.js';
import { useDescribeError } from '../../../i18n/errors.js';

/** The municipality's name: set at first run, shown in the header and later on approval records. */
export function TownCard() {
  const { t } = useTranslation();
  const health = useHealth();
  const [opened, setOpened] = useState(false);
  const townName = health.data?.townName ?? '';
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed">
            {t('admin.town.label')}
          </Text>
          <Text fw={600} size="lg">
            {townName}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setOpened(true)}>
          {t('admin.town.rename')}
        </Button>
      </Group>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('admin.town.rename')}>
        <TownForm key={String(opened)} townName={townName} onDone={() => setOpened(false)} />
      </AppModal>
    </Paper>
  );
}

function TownForm({ townName, onDone }: { townName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { townName },
    validate: { townName: schemaRule(townSchema.shape.townName, t('validation.required')) },
  });
  const save = useApiMutation(api.updateTown, { invalidate: [queryKeys.health] });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(
          { body: { townName: values.townName.trim() } },
          {
            onSuccess: (saved) => {
              notifications.show({ color: 'teal', message: t('admin.saved', { name: saved.townName }) });
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
        {formError ? <ErrorAlert error={formError} /> : null}
        <TextInput label={t('admin.town.label')} required data-autofocus {...form.getInputProps('townName')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
