import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RetentionItem } from '../../../shared/api/related.js';
import { fiscalYearLabel, formatWarekiDate } from '../../../shared/domain/wareki.js';
import { useDepartments } from '../../api/hooks.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { stateColor, stateLabel } from '../case/caseText.js';
import { DisposeDialog } from './DisposeDialog.js';
import { disposalStatus, retentionLabel, statusColor, statusLabel } from './retentionText.js';
import { retentionKeys, useRetentionList } from './useRetention.js';

/** A calendar day (YYYY-MM-DD) at noon in Tokyo, for the 和暦 formatter. */
const day = (d: string) => `${d}T12:00:00+09:00`;

/**
 * /archive — 保存・廃棄: decided cases by the fiscal year their retention
 * ends, filtered by department; an administrator selects those whose period
 * is over and marks them disposed with one confirmation and a reason.
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const queryClient = useQueryClient();
  const [fy, setFy] = useState<number | null>(null);
  const [department, setDepartment] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState<readonly number[] | null>(null);
  const list = useRetentionList(fy, department);
  const departments = useDepartments();

  const data = list.data;
  const items = data?.items ?? [];
  const due = items.filter((i) => i.due);
  const chosen = due.filter((i) => selected.has(i.caseId)).map((i) => i.caseId);
  const canDispose = data?.canDispose ?? false;
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t('retention.title')} description={t('retention.description')} />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('retention.fy')}
            data={(data?.fiscalYears ?? []).map((y) => ({ value: String(y), label: fiscalYearLabel(y, lang) }))}
            value={String(fy ?? data?.fiscalYear ?? '')}
            onChange={(v) => {
              setFy(v === null ? null : Number(v));
              setSelected(new Set());
            }}
            allowDeselect={false}
            size="md"
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('retention.department')}
            data={[{ value: '', label: t('retention.allDepartments') }, ...(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))]}
            value={department === null ? '' : String(department)}
            onChange={(v) => {
              setDepartment(v ? Number(v) : null);
              setSelected(new Set());
            }}
            allowDeselect={false}
            searchable
            size="md"
            w={260}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {data ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            <Text size="sm">{t('retention.rules', { date: formatWarekiDate(day(data.today), lang) })}</Text>
            {!canDispose ? (
              <Text size="sm" mt={4}>
                {t('retention.adminOnly')}
              </Text>
            ) : null}
          </Alert>
        ) : null}
        {canDispose && due.length > 0 ? (
          <Paper withBorder radius="md" p="sm">
            <Group gap="sm" wrap="wrap" justify="space-between">
              <Checkbox
                size="md"
                label={t('retention.selectAllDue')}
                checked={chosen.length === due.length}
                indeterminate={chosen.length > 0 && chosen.length < due.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(due.map((i) => i.caseId)) : new Set())}
              />
              <Button color="red" size="md" leftSection={<IconArchive size={18} aria-hidden />} disabled={chosen.length === 0} onClick={() => setConfirming(chosen)}>
                {t('retention.disposeSelected', { count: chosen.length })}
              </Button>
            </Group>
          </Paper>
        ) : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? <TableSkeleton rows={6} /> : null}
        {data && items.length === 0 ? <EmptyNotice message={t('retention.empty')} /> : null}
        {items.length > 0 ? (
          <>
            <Text size="sm" c="dimmed">
              {t('retention.count', { count: items.length })}
            </Text>
            <Stack gap="xs" hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="retention-cards">
              {items.map((item) => (
                <RetentionCard key={item.caseId} item={item} selectable={canDispose} selected={selected.has(item.caseId)} onSelect={(on) => toggle(item.caseId, on)} />
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={940} type="native" visibleFrom="sm">
              <Table verticalSpacing="sm" data-testid="retention-table">
                <Table.Thead>
                  <Table.Tr>
                    {canDispose ? <Table.Th w={48}>{t('retention.col.select')}</Table.Th> : null}
                    <Table.Th w={120}>{t('retention.col.number')}</Table.Th>
                    <Table.Th miw={220}>
                      {t('retention.col.title')}・{t('retention.col.department')}
                    </Table.Th>
                    <Table.Th w={80}>{t('retention.col.retention')}</Table.Th>
                    <Table.Th w={130}>{t('retention.col.approved')}</Table.Th>
                    <Table.Th w={130}>{t('retention.col.disposalOn')}</Table.Th>
                    <Table.Th w={90}>{t('retention.col.state')}</Table.Th>
                    <Table.Th w={140}>{t('retention.col.disposal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <RetentionRow key={item.caseId} item={item} selectable={canDispose} selected={selected.has(item.caseId)} onSelect={(on) => toggle(item.caseId, on)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
      <DisposeDialog
        caseIds={confirming}
        onDone={() => {
          setSelected(new Set());
          void queryClient.invalidateQueries({ queryKey: retentionKeys.all });
        }}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}

function SelectBox({ item, selected, onSelect }: { item: RetentionItem; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t } = useTranslation();
  return <Checkbox size="md" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={t('retention.selectCase', { number: item.number ?? item.title })} />;
}

function DisposalBadge({ item }: { item: RetentionItem }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const status = disposalStatus(item);
  return (
    <>
      <Badge size="sm" variant={status === 'disposed' ? 'filled' : 'light'} color={statusColor(status)} tt="none">
        {statusLabel(status, t)}
      </Badge>
      {item.disposedAt ? (
        <Text size="xs" c="dimmed" mt={2}>
          {formatWarekiDate(item.disposedAt, lang)} {item.disposedBy?.name ?? ''}
        </Text>
      ) : null}
    </>
  );
}

/** A phone's row: the same facts stacked, the checkbox a thumb's width from the edge. */
function RetentionCard({ item, selectable, selected, onSelect }: { item: RetentionItem; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {selectable && item.due ? <SelectBox item={item} selected={selected} onSelect={onSelect} /> : null}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {item.number}
            </Text>
            <DisposalBadge item={item} />
          </Group>
          <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
            {item.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {item.type.name}・{item.department.name}・{t('retention.col.retention')} {retentionLabel(item.retention, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('retention.col.disposalOn')} {formatWarekiDate(day(item.disposalOn), lang)}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function RetentionRow({ item, selectable, selected, onSelect }: { item: RetentionItem; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <Table.Tr>
      {selectable ? (
        <Table.Td>
          {item.due ? <SelectBox item={item} selected={selected} onSelect={onSelect} /> : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" fw={600}>
          {item.number}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
          {item.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.type.name}・{item.department.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{retentionLabel(item.retention, t)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.approvedAt ? formatWarekiDate(item.approvedAt, lang) : ''}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatWarekiDate(day(item.disposalOn), lang)}</Text>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={stateColor(item.state)} tt="none">
          {stateLabel(item.state, t)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <DisposalBadge item={item} />
      </Table.Td>
    </Table.Tr>
  );
}
