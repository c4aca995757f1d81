import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, siteInputSchema, siteKindSchema, type Site, type SiteKind } from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { schemaRule } from '../../../forms/rules.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { siteKindLabel } from '../labels.js';

interface SiteValues {
  code: string;
  name: string;
  kind: SiteKind;
  address: string;
  sortOrder: number | string;
}

interface SiteFormProps {
  /** null: a new site. */
  site: Site | null;
  onDone: () => void;
}

export function SiteForm({ site, onDone }: SiteFormProps) {
  const { t } = useTranslation();
  const shape = siteInputSchema.shape;

  const form = useForm<SiteValues>({
    initialValues: {
      code: site?.code ?? '',
      name: site?.name ?? '',
      kind: site?.kind ?? 'shisho',
      address: site?.address ?? '',
      sortOrder: site?.sortOrder ?? 0,
    },
    validate: {
      code: schemaRule(shape.code, t('validation.code')),
      name: schemaRule(shape.name, t('validation.required')),
      address: schemaRule(shape.address, t('validation.tooLong')),
      sortOrder: schemaRule(shape.sortOrder, t('validation.sortOrder')),
    },
  });

  const invalidate = [queryKeys.sites];
  const create = useApiMutation(api.createSite, { invalidate });
  const update = useApiMutation(api.updateSite, { invalidate });

  const { formError, clearFormError, onSuccess, onError } = useSaveFeedback<Site>(form, onDone);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        clearFormError();
        const body = {
          code: values.code.trim(),
          name: values.name.trim(),
          kind: values.kind,
          address: values.address.trim(),
          sortOrder: Number(values.sortOrder),
        };
        if (site) update.mutate({ params: { id: site.id }, body }, { onSuccess, onError });
        else create.mutate({ body }, { onSuccess, onError });
      })}
    >
      <Stack>
        {formError ? <ErrorAlert error={formError} /> : null}
        <Group grow align="flex-start">
          <TextInput
            label={t('admin.sites.code')}
            description={t('admin.codeHint')}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Select
            label={t('admin.sites.kind')}
            required
            allowDeselect={false}
            data={siteKindSchema.options.map((kind) => ({ value: kind, label: siteKindLabel(kind, t) }))}
            {...form.getInputProps('kind')}
          />
        </Group>
        <TextInput label={t('admin.sites.name')} required {...form.getInputProps('name')} />
        <Textarea label={t('admin.sites.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <NumberInput
          label={t('admin.sortOrder')}
          description={t('admin.sortOrderHint')}
          min={0}
          max={9999}
          allowDecimal={false}
          w={200}
          {...form.getInputProps('sortOrder')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {site ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
