import { Badge, Button, Paper, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Site } from '../../../../shared/api/index.js';
import { request } from '../../../api/client.js';
import { useSites } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ActiveBadge } from '../../../components/ActiveBadge.js';
import { AppModal } from '../../../components/AppModal.js';
import { EmptyNotice } from '../../../components/EmptyNotice.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { TableSkeleton } from '../../../components/TableSkeleton.js';
import { siteKindLabel } from '../labels.js';
import { RowActions } from '../RowActions.js';
import { useActiveToggle } from '../useActiveToggle.js';
import { useEditor } from '../useEditor.js';
import { SiteForm } from './SiteForm.js';
import { TownCard } from './TownCard.js';

const kindColor = { honcho: 'indigo', shisho: 'cyan', outpost: 'gray' } as const;

/** 本庁・支所・出先: where departments sit; approvals cross sites, so each case shows where it is. */
export function SitesPage() {
  const { t } = useTranslation();
  const sites = useSites();
  const queryClient = useQueryClient();
  const editor = useEditor<Site>();
  const activeToggle = useActiveToggle<Site>({
    nameOf: (site) => site.name,
    save: async (site, active) => {
      await request(api.updateSite, { params: { id: site.id }, body: { active } });
      await queryClient.invalidateQueries({ queryKey: queryKeys.sites });
    },
  });

  const rows = [...(sites.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));

  return (
    <>
      <PageHeader
        title={t('admin.sites.title')}
        description={t('admin.sites.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.openNew}>
            {t('common.add')}
          </Button>
        }
      />
      <TownCard />
      <Paper withBorder radius="md" p={sites.data && rows.length > 0 ? 0 : 'md'}>
        {sites.isPending ? <TableSkeleton /> : null}
        {sites.isError ? <ErrorAlert error={sites.error} onRetry={() => void sites.refetch()} /> : null}
        {sites.data && rows.length === 0 ? <EmptyNotice message={t('admin.sites.empty')} /> : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer type="native" minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('admin.sites.code')}</Table.Th>
                  <Table.Th>{t('admin.sites.name')}</Table.Th>
                  <Table.Th w={90}>{t('admin.sites.kind')}</Table.Th>
                  <Table.Th>{t('admin.sites.address')}</Table.Th>
                  <Table.Th w={80}>{t('common.status')}</Table.Th>
                  <Table.Th w={90}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((site) => (
                  <Table.Tr key={site.id} c={site.active ? undefined : 'dimmed'}>
                    <Table.Td ff="monospace">{site.code}</Table.Td>
                    <Table.Td fw={500}>{site.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={kindColor[site.kind]} size="sm">
                        {siteKindLabel(site.kind, t)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{site.address}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={site.active} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={site.name}
                        active={site.active}
                        onEdit={() => editor.openEdit(site)}
                        onToggleActive={() => activeToggle.toggle(site)}
                      />
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
        title={editor.target ? t('admin.sites.editTitle') : t('admin.sites.newTitle')}
      >
        <SiteForm key={editor.round} site={editor.target} onDone={editor.close} />
      </AppModal>
      {activeToggle.modal}
    </>
  );
}
