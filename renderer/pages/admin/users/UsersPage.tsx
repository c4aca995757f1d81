import { Button, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { PagePicker } from '../../../components/PagePicker.js';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type UserRow } from '../../../../shared/api/index.js';
import { request } from '../../../api/client.js';
import { useUserList } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { useCurrentSession } from '../../../auth/session.js';
import { AppModal } from '../../../components/AppModal.js';
import { EmptyNotice } from '../../../components/EmptyNotice.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { TableSkeleton } from '../../../components/TableSkeleton.js';
import { useActiveToggle } from '../useActiveToggle.js';
import { useEditor } from '../useEditor.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';
import { UserForm } from './UserForm.js';
import { UsersTable } from './UsersTable.js';

const PAGE_SIZE = 25;
/** Long enough to finish typing a name in kana, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useCurrentSession();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [pageState, setPageState] = useState({ page: 1, key: '' });
  // Back to page 1 whenever the filter changes, without an extra render pass.
  const filterKey = `${debounced}\u0000${String(includeInactive)}`;
  const page = pageState.key === filterKey ? pageState.page : 1;

  const list = useUserList({
    q: debounced || undefined,
    page,
    pageSize: PAGE_SIZE,
    includeInactive,
  });
  const editor = useEditor<UserRow>();
  const resetting = useEditor<UserRow>();
  const activeToggle = useActiveToggle<UserRow>({
    nameOf: (u) => u.name,
    consequence: t('admin.users.deactivateConsequence'),
    save: async (u, active) => {
      await request(api.updateUser, { params: { id: u.id }, body: { active } });
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = list.data?.items ?? [];
  const filtered = debounced !== '' || includeInactive;

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.openNew}>
            {t('common.add')}
          </Button>
        }
      />
      <Group mb="sm" gap="md" align="center" wrap="wrap">
        <TextInput
          aria-label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 320 }}
          type="search"
        />
        <Switch
          label={t('admin.users.includeInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
        />
        {list.data ? (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {t('admin.users.count', { total })}
          </Text>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p={items.length > 0 ? 0 : 'md'} opacity={list.isPlaceholderData ? 0.7 : 1}>
        {list.isPending ? <TableSkeleton rows={8} /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && items.length === 0 ? (
          <EmptyNotice message={filtered ? t('admin.users.noMatch') : t('admin.users.empty')} />
        ) : null}
        {items.length > 0 ? (
          <UsersTable
            users={items}
            currentUserId={me.id}
            onEdit={editor.openEdit}
            onResetPassword={resetting.openEdit}
            onToggleActive={activeToggle.toggle}
          />
        ) : null}
      </Paper>
      <PagePicker
        mt="md"
        pages={pages}
        page={page}
        onChange={(next) => {
          setPageState({ page: next, key: filterKey });
          window.scrollTo({ top: 0 });
        }}
      />
      <AppModal
        opened={editor.opened}
        onClose={editor.close}
        size="xl"
        title={editor.target ? t('admin.users.editTitle') : t('admin.users.newTitle')}
      >
        <UserForm key={editor.round} user={editor.target} onDone={editor.close} />
      </AppModal>
      <AppModal opened={resetting.opened} onClose={resetting.close} size="md" title={t('admin.users.resetPassword')}>
        {resetting.target ? (
          <ResetPasswordForm key={resetting.round} user={resetting.target} onDone={resetting.close} />
        ) : null}
      </AppModal>
      {activeToggle.modal}
    </>
  );
}
