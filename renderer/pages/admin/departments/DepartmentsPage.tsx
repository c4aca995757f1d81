import { ActionIcon, Badge, Box, Button, Group, Paper, Table, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconSubtask } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Department } from '../../../../shared/api/index.js';
import { request } from '../../../api/client.js';
import { useDepartments, useSites } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ActiveBadge } from '../../../components/ActiveBadge.js';
import { AppModal } from '../../../components/AppModal.js';
import { EmptyNotice } from '../../../components/EmptyNotice.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { TableSkeleton } from '../../../components/TableSkeleton.js';
import { departmentKindLabel } from '../labels.js';
import { RowActions } from '../RowActions.js';
import { useActiveToggle } from '../useActiveToggle.js';
import { useEditor } from '../useEditor.js';
import { DepartmentForm, type DepartmentDraft } from './DepartmentForm.js';
import { buildDepartmentTree } from './departmentTree.js';

const kindColor = { bu: 'indigo', ka: 'blue', kakari: 'gray' } as const;
const INDENT = 22;

/** 部 → 課 → 係 as an indented table: the shape approvers know from the organisation chart. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const sites = useSites();
  const queryClient = useQueryClient();
  const editor = useEditor<DepartmentDraft>();
  const activeToggle = useActiveToggle<Department>({
    nameOf: (d) => d.name,
    save: async (d, active) => {
      await request(api.updateDepartment, { params: { id: d.id }, body: { active } });
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
  });

  const siteName = new Map((sites.data ?? []).map((s) => [s.id, s.name]));
  const tree = buildDepartmentTree(departments.data ?? []);
  const noSites = sites.data !== undefined && !sites.data.some((s) => s.active);
  const loading = departments.isPending || sites.isPending;
  const error = departments.error ?? sites.error;

  return (
    <>
      <PageHeader
        title={t('admin.departments.title')}
        description={t('admin.departments.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => editor.openEdit({ department: null, parent: null })}
            disabled={noSites}
          >
            {t('common.add')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p={tree.length > 0 ? 0 : 'md'}>
        {loading && !error ? <TableSkeleton /> : null}
        {error ? (
          <ErrorAlert
            error={error}
            onRetry={() => {
              void departments.refetch();
              void sites.refetch();
            }}
          />
        ) : null}
        {!loading && !error && noSites ? (
          <EmptyNotice
            message={t('admin.departments.needSite')}
            action={
              <Button component={Link} to="/admin/sites" variant="light">
                {t('admin.sites.title')}
              </Button>
            }
          />
        ) : null}
        {!loading && !error && !noSites && tree.length === 0 ? (
          <EmptyNotice message={t('admin.departments.empty')} />
        ) : null}
        {tree.length > 0 ? (
          <Table.ScrollContainer type="native" minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.departments.name')}</Table.Th>
                  <Table.Th w={110}>{t('admin.departments.code')}</Table.Th>
                  <Table.Th w={160}>{t('admin.departments.site')}</Table.Th>
                  <Table.Th w={80}>{t('common.status')}</Table.Th>
                  <Table.Th w={120}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tree.map(({ department: d, depth }) => (
                  <Table.Tr key={d.id} c={d.active ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" pl={depth * INDENT}>
                        {depth > 0 ? (
                          <Box component="span" c="gray.5" aria-hidden>
                            └
                          </Box>
                        ) : null}
                        <Badge variant="light" color={kindColor[d.kind]} size="sm" miw={36}>
                          {departmentKindLabel(d.kind, t)}
                        </Badge>
                        <Box component="span" fw={depth === 0 ? 600 : 500}>
                          {d.name}
                        </Box>
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace">{d.code}</Table.Td>
                    <Table.Td>{siteName.get(d.siteId) ?? '—'}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={d.active} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={d.name}
                        active={d.active}
                        onEdit={() => editor.openEdit({ department: d, parent: null })}
                        onToggleActive={() => activeToggle.toggle(d)}
                      >
                        {d.kind !== 'kakari' && d.active ? (
                          <Tooltip label={t('admin.departments.addChild')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('admin.departments.addChild')}: ${d.name}`}
                              onClick={() => editor.openEdit({ department: null, parent: d })}
                            >
                              <IconSubtask size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        ) : null}
                      </RowActions>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      <AppModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.target?.department ? t('admin.departments.editTitle') : t('admin.departments.newTitle')}
      >
        <DepartmentForm
          key={editor.round}
          draft={editor.target}
          departments={departments.data ?? []}
          sites={sites.data ?? []}
          onDone={editor.close}
        />
      </AppModal>
      {activeToggle.modal}
    </>
  );
}
