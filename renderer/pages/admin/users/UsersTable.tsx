import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role, UserRow } from '../../../../shared/api/index.js';
import { ActiveBadge } from '../../../components/ActiveBadge.js';
import { roleLabel } from '../labels.js';
import { RowActions } from '../RowActions.js';

const roleColor: Record<Role, string> = { admin: 'grape', dx: 'teal', clerk: 'gray' };

interface UsersTableProps {
  users: readonly UserRow[];
  currentUserId: number;
  onEdit: (user: UserRow) => void;
  onResetPassword: (user: UserRow) => void;
  onToggleActive: (user: UserRow) => void;
}

export function UsersTable({ users, currentUserId, onEdit, onResetPassword, onToggleActive }: UsersTableProps) {
  const { t } = useTranslation();
  const dash = <Text span c="dimmed">—</Text>;
  return (
    <Table.ScrollContainer type="native" minWidth={1040}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('admin.users.login')}</Table.Th>
            <Table.Th>{t('admin.users.name')}</Table.Th>
            <Table.Th>{t('admin.users.kana')}</Table.Th>
            <Table.Th>{t('admin.users.department')}</Table.Th>
            <Table.Th>{t('admin.users.site')}</Table.Th>
            <Table.Th>{t('admin.users.position')}</Table.Th>
            <Table.Th>{t('admin.users.roles')}</Table.Th>
            <Table.Th w={70}>{t('common.status')}</Table.Th>
            <Table.Th w={110}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} c={u.active ? undefined : 'dimmed'}>
              <Table.Td ff="monospace">{u.login}</Table.Td>
              <Table.Td fw={500}>{u.name}</Table.Td>
              <Table.Td>{u.kana || dash}</Table.Td>
              <Table.Td>{u.departmentName ?? dash}</Table.Td>
              <Table.Td>{u.siteName ?? dash}</Table.Td>
              <Table.Td>{u.positionName ?? dash}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {u.roles.map((role) => (
                    <Badge key={role} size="sm" variant="light" color={roleColor[role]}>
                      {roleLabel(role, t)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={u.active} />
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={u.name}
                  active={u.active}
                  onEdit={() => onEdit(u)}
                  // Deactivating yourself would lock you out mid-task.
                  onToggleActive={u.id === currentUserId ? undefined : () => onToggleActive(u)}
                >
                  <Tooltip label={t('admin.users.resetPassword')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`${t('admin.users.resetPassword')}: ${u.name}`}
                      onClick={() => onResetPassword(u)}
                    >
                      <IconKey size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </RowActions>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
