import { Badge, Box, Button, Code, Group, Paper, SegmentedControl, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameMap } from '../../../shared/api/index.js';
import { useDepartments, useSites } from '../../api/hooks.js';
import { AppModal } from '../../components/AppModal.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { matchesSearch, unplacedFirst, type KpiNameRow } from './paperData.js';
import { ruleValuesFor, type RuleValues } from './paperForms.js';
import { ruleKindLabel } from './paperText.js';
import { RuleForm } from './RuleForm.js';
import { RulesTable } from './RulesTable.js';
import { useKpiNames, useNameMaps } from './usePaperQueries.js';

const SHOWN = 15;

export const MAPPING_SECTION_ID = 'paper-mapping';

interface Editing {
  values: RuleValues;
  subjectFixed: boolean;
}

/** A badge's label is cut with an ellipsis when the cell is narrow: keep the short word whole instead. */
const whole = { minWidth: 'max-content' } as const;

/** Why a name sits where it does: its login, a rule (which one), or nothing. */
function Via({ row, rule }: { row: KpiNameRow; rule: NameMap | undefined }) {
  const { t } = useTranslation();
  if (row.via === 'login') {
    return (
      <Badge color="teal" variant="light" tt="none" style={whole}>
        {t('paper.mapping.via.login')}
      </Badge>
    );
  }
  if (row.via === 'rule') {
    return (
      <Group gap={6} wrap="nowrap">
        <Badge color="blue" variant="light" tt="none" style={whole}>
          {t('paper.mapping.via.rule')}
        </Badge>
        {rule ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {ruleKindLabel(rule.kind, t)} <Code>{rule.pattern}</Code>
          </Text>
        ) : null}
      </Group>
    );
  }
  return (
    <Badge color="orange" variant="light" tt="none" style={whole}>
      {t('paper.unassigned')}
    </Badge>
  );
}

/**
 * The names the year's logs use, 未割当 first, with where each is placed and
 * why; a rule for a name is one click away (an exact rule, prefilled), and
 * the rules themselves are listed below to remove. The section's id
 * (MAPPING_SECTION_ID) is where the dashboard's "割り当てを設定する" links go.
 */
export function MappingPanel({ fy }: { fy: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const [subject, setSubject] = useState<'user' | 'printer'>('user');
  const [all, setAll] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const names = useKpiNames(fy, subject);
  const rules = useNameMaps();
  const departments = useDepartments();
  const sites = useSites();
  const departmentName = (id: number) => departments.data?.find((d) => d.id === id)?.name ?? `#${id}`;
  const siteName = (id: number) => sites.data?.find((s) => s.id === id)?.name ?? `#${id}`;
  const ruleById = new Map((rules.data?.items ?? []).map((r) => [r.id, r]));
  const everyName = unplacedFirst(names.data?.items ?? []);
  const unplaced = everyName.filter((r) => r.via === null);
  const unplacedSheets = unplaced.reduce((a, r) => a + r.sheets, 0);
  const rows = everyName.filter((r) => matchesSearch(r.name, search));
  const shown = all ? rows : rows.slice(0, SHOWN);

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="paper-mapping-title" id={MAPPING_SECTION_ID}>
      <Box px="md" pt="md" pb="xs">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Title order={3} fz="h4" id="paper-mapping-title">
              {t('paper.mapping.title')}
            </Title>
            <Text size="xs" c="dimmed" maw={760}>
              {t('paper.mapping.help')}
            </Text>
          </div>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ values: ruleValuesFor(subject, ''), subjectFixed: false })}>
            {t('paper.rules.add')}
          </Button>
        </Group>
        <Group justify="space-between" mt="sm" gap="xs">
          <Group gap="xs">
            <SegmentedControl
              value={subject}
              onChange={(v) => {
                setSubject(v === 'printer' ? 'printer' : 'user');
                setAll(false);
              }}
              data={[
                { value: 'user', label: t('paper.mapping.users') },
                { value: 'printer', label: t('paper.mapping.printers') },
              ]}
              aria-label={t('paper.mapping.subject')}
            />
            <TextInput
              aria-label={t('paper.mapping.search')}
              placeholder={t('paper.mapping.search')}
              leftSection={<IconSearch size={14} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={220}
            />
          </Group>
          {names.data ? (
            <Text size="sm" c={unplaced.length > 0 ? 'orange.8' : 'dimmed'} aria-live="polite" data-testid="paper-mapping-unplaced">
              {t('paper.mapping.unplacedCount', { n: n(unplaced.length), sheets: n(unplacedSheets), total: n(everyName.length) })}
            </Text>
          ) : null}
        </Group>
      </Box>

      {names.isError ? <ErrorAlert error={names.error} onRetry={() => void names.refetch()} /> : null}
      {names.isPending ? <TableSkeleton rows={6} /> : null}
      {names.data && rows.length === 0 ? <EmptyNotice message={everyName.length === 0 ? t('paper.mapping.empty') : t('common.nothingFound')} /> : null}
      {rows.length > 0 ? (
        <div style={{ opacity: names.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer type="native" minWidth={700}>
            <Table striped verticalSpacing={6} aria-label={subject === 'user' ? t('paper.mapping.users') : t('paper.mapping.printers')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('paper.mapping.name')}</Table.Th>
                  <Table.Th ta="right" w={100}>
                    {t('paper.col.sheets')}
                  </Table.Th>
                  <Table.Th ta="right" w={76}>
                    {t('paper.col.jobs')}
                  </Table.Th>
                  <Table.Th>{t('paper.mapping.placed')}</Table.Th>
                  <Table.Th>{t('paper.mapping.why')}</Table.Th>
                  <Table.Th w={136}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => (
                  <Table.Tr key={row.name}>
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {row.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {n(row.sheets)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {n(row.jobs)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.departmentId === null ? '—' : departmentName(row.departmentId)}</Text>
                      {row.siteId === null ? null : (
                        <Text size="xs" c="dimmed">
                          {siteName(row.siteId)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Via row={row} rule={row.ruleId === null ? undefined : ruleById.get(row.ruleId)} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant={row.via === null ? 'filled' : 'subtle'}
                        leftSection={<IconPlus size={14} aria-hidden />}
                        aria-label={t('paper.mapping.addRuleFor', { name: row.name })}
                        onClick={() => setEditing({ values: ruleValuesFor(subject, row.name), subjectFixed: true })}
                      >
                        {t('paper.mapping.addRule')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > SHOWN ? (
            <Group justify="center" py={6}>
              <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)}>
                {all ? t('paper.table.showFewer') : t('paper.table.showAll', { n: n(rows.length) })}
              </Button>
            </Group>
          ) : null}
        </div>
      ) : null}

      <Box px="md" pt="md" pb="md">
        <Text fw={600} size="sm" mb={4}>
          {t('paper.rules.title')}
        </Text>
        {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
        {rules.data ? <RulesTable rules={rules.data.items} departmentName={departmentName} siteName={siteName} /> : null}
      </Box>

      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.subjectFixed ? t('paper.mapping.addRuleFor', { name: editing.values.pattern }) : t('paper.rules.add')}
        size="lg"
      >
        {editing ? <RuleForm initial={editing.values} subjectFixed={editing.subjectFixed} onDone={() => setEditing(null)} /> : null}
      </AppModal>
    </Paper>
  );
}
