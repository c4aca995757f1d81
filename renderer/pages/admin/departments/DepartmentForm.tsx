import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  api,
  departmentInputSchema,
  departmentKindSchema,
  type Department,
  type DepartmentKind,
  type Site,
} from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { schemaRule } from '../../../forms/rules.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { departmentKindLabel } from '../labels.js';
import { DepartmentSelect } from './DepartmentSelect.js';
import { mayBeTopLevel, parentCandidates } from './departmentTree.js';

interface DepartmentValues {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  siteId: string | null;
  sortOrder: number | string;
  docPrefix: string;
}

export interface DepartmentDraft {
  /** The department being edited; null for a new one. */
  department: Department | null;
  /** Preselected parent of a new department ("下位組織を追加"). */
  parent: Department | null;
}

interface DepartmentFormProps {
  draft: DepartmentDraft | null;
  departments: readonly Department[];
  sites: readonly Site[];
  onDone: () => void;
}

/** The kind one level below a parent: 部 → 課 → 係. */
function childKind(parent: Department | null): DepartmentKind {
  if (!parent) return 'bu';
  return parent.kind === 'bu' ? 'ka' : 'kakari';
}

export function DepartmentForm({ draft, departments, sites, onDone }: DepartmentFormProps) {
  const { t } = useTranslation();
  const editing = draft?.department ?? null;
  const parent = draft?.parent ?? null;
  const shape = departmentInputSchema.shape;

  const form = useForm<DepartmentValues>({
    initialValues: {
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      kind: editing?.kind ?? childKind(parent),
      parentId: String(editing?.parentId ?? parent?.id ?? '') || null,
      siteId: String(editing?.siteId ?? parent?.siteId ?? sites.find((s) => s.active)?.id ?? '') || null,
      sortOrder: editing?.sortOrder ?? 0,
      docPrefix: editing?.docPrefix ?? '',
    },
    validate: {
      code: schemaRule(shape.code, t('validation.code')),
      name: schemaRule(shape.name, t('validation.required')),
      parentId: (v, values) => (v || mayBeTopLevel(values.kind) ? null : t('validation.required')),
      siteId: (v) => (v ? null : t('validation.required')),
      sortOrder: schemaRule(shape.sortOrder, t('validation.sortOrder')),
      docPrefix: schemaRule(shape.docPrefix, t('admin.departments.docPrefixHint')),
    },
  });

  const candidates = parentCandidates(departments, form.values.kind, editing?.id ?? null);
  const siteOptions = sites
    .filter((s) => s.active || s.id === editing?.siteId)
    .map((s) => ({ value: String(s.id), label: s.name }));

  const invalidate = [queryKeys.departments, queryKeys.users];
  const create = useApiMutation(api.createDepartment, { invalidate });
  const update = useApiMutation(api.updateDepartment, { invalidate });

  const { formError, clearFormError, onSuccess, onError } = useSaveFeedback<Department>(form, onDone);

  const onKindChange = (value: string | null) => {
    const kind = departmentKindSchema.safeParse(value);
    if (!kind.success) return;
    form.setFieldValue('kind', kind.data);
    // A parent that is no longer a higher level would be refused.
    const stillValid = parentCandidates(departments, kind.data, editing?.id ?? null).some(
      (node) => String(node.department.id) === form.values.parentId,
    );
    if (!stillValid) form.setFieldValue('parentId', null);
  };

  const onParentChange = (value: string | null) => {
    form.setFieldValue('parentId', value);
    // A 課 usually sits where its 部 sits; suggest that site.
    const chosen = departments.find((d) => String(d.id) === value);
    if (chosen && !form.isDirty('siteId')) form.setFieldValue('siteId', String(chosen.siteId));
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        clearFormError();
        const body = {
          code: values.code.trim(),
          name: values.name.trim(),
          kind: values.kind,
          parentId: values.parentId ? Number(values.parentId) : null,
          siteId: Number(values.siteId),
          sortOrder: Number(values.sortOrder),
          docPrefix: values.docPrefix.trim(),
        };
        if (editing) update.mutate({ params: { id: editing.id }, body }, { onSuccess, onError });
        else create.mutate({ body }, { onSuccess, onError });
      })}
    >
      <Stack>
        {formError ? <ErrorAlert error={formError} /> : null}
        <Group grow align="flex-start">
          <Select
            label={t('admin.departments.kind')}
            required
            allowDeselect={false}
            data={departmentKindSchema.options.map((kind) => ({ value: kind, label: departmentKindLabel(kind, t) }))}
            {...form.getInputProps('kind')}
            onChange={onKindChange}
          />
          <TextInput
            label={t('admin.departments.code')}
            description={t('admin.codeHint')}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('admin.departments.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('admin.departments.docPrefix')}
            description={t('admin.departments.docPrefixHint')}
            maxLength={20}
            {...form.getInputProps('docPrefix')}
          />
        </Group>
        <DepartmentSelect
          nodes={candidates}
          label={t('admin.departments.parent')}
          description={form.values.kind === 'bu' ? t('admin.departments.parentNoneForBu') : undefined}
          placeholder={mayBeTopLevel(form.values.kind) ? t('admin.departments.parentNone') : undefined}
          required={!mayBeTopLevel(form.values.kind)}
          clearable={mayBeTopLevel(form.values.kind)}
          searchable
          disabled={form.values.kind === 'bu'}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('parentId')}
          onChange={onParentChange}
        />
        <Group grow align="flex-start">
          <Select
            label={t('admin.departments.site')}
            required
            allowDeselect={false}
            data={siteOptions}
            {...form.getInputProps('siteId')}
          />
          <NumberInput
            label={t('admin.sortOrder')}
            min={0}
            max={9999}
            allowDecimal={false}
            {...form.getInputProps('sortOrder')}
          />
        </Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
