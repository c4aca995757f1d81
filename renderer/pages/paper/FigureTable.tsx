import { Badge, Button, Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from '../../../shared/api/index.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { isUnassigned, shareOf } from './paperData.js';

interface FigureTableProps {
  rows: readonly BreakdownRow[];
  /** The whole the shares are of (the level's sheets). */
  total: number;
  nameHeader: string;
  /** A label for the table, read by screen readers and the tests. */
  label: string;
  /** Makes the names buttons that drill down. */
  onSelect?: ((row: BreakdownRow) => void) | undefined;
  /** Rows shown before "show all": long lists (users, printers) would push the rest of the page away. */
  initialRows?: number;
  emptyMessage: string;
}

/** 未割当 rows have no id; what the API names them is a fixed Japanese word, the badge says it in the UI language. */
function RowName({ row }: { row: BreakdownRow }) {
  const { t } = useTranslation();
  if (isUnassigned(row)) {
    return (
      <Badge color="orange" variant="light" tt="none" style={{ minWidth: 'max-content' }}>
        {t('paper.unassigned')}
      </Badge>
    );
  }
  return <>{row.name}</>;
}

/**
 * A breakdown (site, department, printer, user, document): sheets with their
 * share of the level, then pages and jobs. Scrolls sideways on a narrow screen
 * rather than squeezing the figures.
 */
export function FigureTable({ rows, total, nameHeader, label, onSelect, initialRows = 10, emptyMessage }: FigureTableProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [all, setAll] = useState(false);
  const n = (v: number) => formatCount(v, lang);
  if (rows.length === 0) return <EmptyNotice message={emptyMessage} />;
  const shown = all ? rows : rows.slice(0, initialRows);
  return (
    <>
      <Table.ScrollContainer type="native" minWidth={520}>
        <Table striped highlightOnHover={onSelect !== undefined} aria-label={label} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{nameHeader}</Table.Th>
              <Table.Th ta="right" w={100}>
                {t('paper.col.sheets')}
              </Table.Th>
              <Table.Th w={104}>{t('paper.col.share')}</Table.Th>
              <Table.Th ta="right" w={90}>
                {t('paper.col.pages')}
              </Table.Th>
              <Table.Th ta="right" w={80}>
                {t('paper.col.jobs')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => {
              const share = shareOf(row.sheets, total);
              const key = `${row.id ?? 'none'}-${row.name}`;
              return (
                <Table.Tr key={key} onClick={onSelect ? () => onSelect(row) : undefined} style={onSelect ? { cursor: 'pointer' } : undefined}>
                  <Table.Td>
                    {onSelect ? (
                      <UnstyledButton
                        fz="sm"
                        fw={600}
                        c="var(--mantine-primary-color-filled)"
                        onClick={(e) => {
                          e.stopPropagation();
                          onSelect(row);
                        }}
                        aria-label={t('paper.breakdown.show', { name: isUnassigned(row) ? t('paper.unassigned') : row.name })}
                      >
                        <Group gap={4} wrap="nowrap">
                          <RowName row={row} />
                          <IconChevronRight size={14} aria-hidden />
                        </Group>
                      </UnstyledButton>
                    ) : (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <RowName row={row} />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600}>
                    {n(row.sheets)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Progress value={share ?? 0} w={44} size="sm" color={isUnassigned(row) ? 'orange' : 'blue'} aria-hidden />
                      <Text size="xs" c="dimmed" ff="monospace">
                        {share === null ? '—' : `${share}%`}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {n(row.pages)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {n(row.jobs)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > initialRows ? (
        <Group justify="center" py={6}>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)}>
            {all ? t('paper.table.showFewer') : t('paper.table.showAll', { n: n(rows.length) })}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
