import { Button, Paper, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Position } from '../../../../shared/api/index.js';
import { request } from '../../../api/client.js';
import { usePositions } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ActiveBadge } from '../../../components/ActiveBadge.js';
import { AppModal } from '../../../components/AppModal.js';
import { EmptyNotice } from '../../../components/EmptyNotice.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { TableSkeleton } from '../../../components/TableSkeleton.js';
import { RowActions } from '../RowActions.js';
import { useActiveToggle } from '../useActiveToggle.js';
import { useEditor } from '../useEditor.js';
import { PositionForm } from './PositionForm.js';

/** 職位 with their rank: routes are built from ranks (係長 → 課長 → … → 町長), highest first. */
export function PositionsPage() {
  const { t } = useTranslation();
  const positions = usePositions();
  const queryClient = useQueryClient();
  const editor = useEditor<Position>();
  const activeToggle = useActiveToggle<Position>({
    nameOf: (p) => p.name,
    save: async (p, active) => {
      await request(api.updatePosition, { params: { id: p.id }, body: { active } });
      await queryClient.invalidateQueries({ queryKey: queryKeys.positions });
    },
  });

  const rows = [...(positions.data ?? [])].sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name, 'ja'));

  return (
    <>
      <PageHeader
        title={t('admin.positions.title')}
        description={t('admin.positions.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.openNew}>
            {t('common.add')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p={rows.length > 0 ? 0 : 'md'} maw={760}>
        {positions.isPending ? <TableSkeleton /> : null}
        {positions.isError ? <ErrorAlert error={positions.error} onRetry={() => void positions.refetch()} /> : null}
        {positions.data && rows.length === 0 ? <EmptyNotice message={t('admin.positions.empty')} /> : null}
        {rows.length > 0 ? (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.positions.name')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('admin.positions.rank')}
                </Table.Th>
                <Table.Th w={90}>{t('common.status')}</Table.Th>
                <Table.Th w={90}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {p.rank}
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge active={p.active} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={p.name}
                      active={p.active}
                      onEdit={() => editor.openEdit(p)}
                      onToggleActive={() => activeToggle.toggle(p)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      <AppModal
        opened={editor.opened}
        onClose={editor.close}
        size="md"
        title={editor.target ? t('admin.positions.editTitle') : t('admin.positions.newTitle')}
      >
        <PositionForm key={editor.round} position={editor.target} onDone={editor.close} />
      </AppModal>
      {activeToggle.modal}
    </>
  );
}
