import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  allRoles,
  api,
  loginSchema,
  passwordSchema,
  roleSchema,
  userInputSchema,
  type Role,
  type UserRow,
} from '../../../../shared/api/index.js';
import { useApiMutation } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { schemaRule } from '../../../forms/rules.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { DepartmentSelect } from '../departments/DepartmentSelect.js';
import { roleLabel } from '../labels.js';
import { useOrgOptions } from './useOrgOptions.js';

interface UserValues {
  login: string;
  name: string;
  kana: string;
  email: string;
  departmentId: string | null;
  positionId: string | null;
  roles: string[];
  password: string;
}

function toRoles(values: readonly string[]): Role[] {
  return values.flatMap((v) => {
    const parsed = roleSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Create a user (with an initial password) or edit one (login fixed: it appears in the audit trail). */
export function UserForm({ user, onDone }: { user: UserRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const options = useOrgOptions({ departmentId: user?.departmentId ?? null, positionId: user?.positionId ?? null });
  const shape = userInputSchema.shape;

  const form = useForm<UserValues>({
    initialValues: {
      login: user?.login ?? '',
      name: user?.name ?? '',
      kana: user?.kana ?? '',
      email: user?.email ?? '',
      departmentId: user?.departmentId ? String(user.departmentId) : null,
      positionId: user?.positionId ? String(user.positionId) : null,
      roles: user?.roles ?? ['clerk'],
      password: '',
    },
    validate: {
      login: user ? undefined : schemaRule(loginSchema, t('validation.login')),
      name: schemaRule(shape.name, t('validation.required')),
      kana: schemaRule(shape.kana, t('validation.tooLong')),
      email: schemaRule(shape.email, t('validation.email')),
      roles: (v) => (v.length > 0 ? null : t('validation.roles')),
      password: user ? undefined : schemaRule(passwordSchema, t('validation.passwordLength')),
    },
  });

  const invalidate = [queryKeys.users];
  const create = useApiMutation(api.createUser, { invalidate });
  const update = useApiMutation(api.updateUser, { invalidate });

  const { formError, clearFormError, onSuccess, onError } = useSaveFeedback<UserRow>(form, onDone);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        clearFormError();
        const common = {
          name: values.name.trim(),
          kana: values.kana.trim(),
          email: values.email.trim(),
          departmentId: values.departmentId ? Number(values.departmentId) : null,
          positionId: values.positionId ? Number(values.positionId) : null,
          roles: toRoles(values.roles),
        };
        if (user) {
          update.mutate({ params: { id: user.id }, body: common }, { onSuccess, onError });
        } else {
          create.mutate(
            { body: { ...common, login: values.login.trim(), password: values.password } },
            { onSuccess, onError },
          );
        }
      })}
    >
      <Stack>
        {formError ? <ErrorAlert error={formError} /> : null}
        {options.error ? <ErrorAlert error={options.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.users.login')}
            description={user ? t('admin.users.loginFixed') : t('setup.loginHint')}
            required={!user}
            disabled={user !== null}
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            data-autofocus={user ? undefined : true}
            {...form.getInputProps('login')}
          />
          <TextInput
            label={t('admin.users.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('admin.users.name')}
            required
            data-autofocus={user ? true : undefined}
            {...form.getInputProps('name')}
          />
          <TextInput label={t('admin.users.kana')} {...form.getInputProps('kana')} />
          <DepartmentSelect
            label={t('admin.users.department')}
            placeholder={t('admin.users.noDepartment')}
            nodes={options.departmentNodes}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('departmentId')}
          />
          <Select
            label={t('admin.users.position')}
            placeholder={t('admin.users.noPosition')}
            data={options.positionOptions}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('positionId')}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('admin.users.roles')} required {...form.getInputProps('roles')}>
          <Group mt={6} gap="lg">
            {allRoles.map((role) => (
              <Checkbox key={role} value={role} label={roleLabel(role, t)} />
            ))}
          </Group>
        </Checkbox.Group>
        {user ? null : (
          <PasswordInput
            label={t('admin.users.initialPassword')}
            description={t('admin.users.initialPasswordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {user ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
