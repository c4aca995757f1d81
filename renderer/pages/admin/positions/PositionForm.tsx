import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, positionInputSchema, type Position } from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { schemaRule } from '../../../forms/rules.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';

interface PositionValues {
  name: string;
  rank: number | string;
}

export function PositionForm({ position, onDone }: { position: Position | null; onDone: () => void }) {
  const { t } = useTranslation();

  const form = useForm<PositionValues>({
    initialValues: { name: position?.name ?? '', rank: position?.rank ?? '' },
    validate: {
      name: schemaRule(positionInputSchema.shape.name, t('validation.required')),
      rank: (v) => (v === '' ? t('validation.required') : schemaRule(positionInputSchema.shape.rank, t('validation.rank'))(v)),
    },
  });

  // Users show their position name; refresh them too.
  const invalidate = [queryKeys.positions, queryKeys.users];
  const create = useApiMutation(api.createPosition, { invalidate });
  const update = useApiMutation(api.updatePosition, { invalidate });

  const { formError, clearFormError, onSuccess, onError } = useSaveFeedback<Position>(form, onDone);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        clearFormError();
        const body = { name: values.name.trim(), rank: Number(values.rank) };
        if (position) update.mutate({ params: { id: position.id }, body }, { onSuccess, onError });
        else create.mutate({ body }, { onSuccess, onError });
      })}
    >
      <Stack>
        {formError ? <ErrorAlert error={formError} /> : null}
        <TextInput label={t('admin.positions.name')} required data-autofocus {...form.getInputProps('name')} />
        <NumberInput
          label={t('admin.positions.rank')}
          description={t('admin.positions.rankHint')}
          required
          min={0}
          max={1000}
          allowDecimal={false}
          w={220}
          {...form.getInputProps('rank')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {position ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
