import { ActionIcon, Badge, Code, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type NameMap } from '../../../shared/api/index.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ruleKindLabel, subjectLabel } from './paperText.js';

interface RulesTableProps {
  rules: readonly NameMap[];
  /** Department and site names by id, for the "placed in" column. */
  departmentName: (id: number) => string;
  siteName: (id: number) => string;
}

/** The mapping rules, oldest first, each removable (its names become 未割当 unless another rule or a login places them). */
export function RulesTable({ rules, departmentName, siteName }: RulesTableProps) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<NameMap | null>(null);
  const remove = useApiMutation(api.removeNameMap, {
    invalidate: [queryKeys.kpi],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('paper.rules.removed', { pattern: removing?.pattern ?? '' }) });
      setRemoving(null);
    },
  });
  if (rules.length === 0) return <EmptyNotice message={t('paper.rules.empty')} />;
  return (
    <>
      <Table.ScrollContainer type="native" minWidth={560}>
        <Table striped aria-label={t('paper.rules.title')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('paper.rule.subject')}</Table.Th>
              <Table.Th w={110}>{t('paper.rule.kind')}</Table.Th>
              <Table.Th>{t('paper.rule.pattern')}</Table.Th>
              <Table.Th>{t('paper.mapping.placed')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Badge variant="light" color={r.subject === 'user' ? 'indigo' : 'grape'} tt="none">
                    {subjectLabel(r.subject, t)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ruleKindLabel(r.kind, t)}</Text>
                </Table.Td>
                <Table.Td>
                  <Code style={{ overflowWrap: 'anywhere' }}>{r.pattern}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.departmentId === null ? '' : departmentName(r.departmentId)}</Text>
                  {r.siteId === null ? null : (
                    <Text size="xs" c="dimmed">
                      {siteName(r.siteId)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('paper.rules.remove')} withArrow>
                    <ActionIcon variant="subtle" color="red" aria-label={t('paper.rules.removeOne', { pattern: r.pattern })} onClick={() => setRemoving(r)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={removing !== null}
        title={t('paper.rules.removeTitle')}
        message={t('paper.rules.removeConfirm', { pattern: removing?.pattern ?? '' })}
        confirmLabel={t('paper.rules.remove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (removing) remove.mutate({ params: { id: removing.id } });
        }}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </>
  );
}
