import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconArrowDown, IconUserQuestion } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, KpiReport } from '../../../shared/api/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from '../logs/logText.js';
import { FigureTable } from './FigureTable.js';
import { filterId, isUnassigned } from './paperData.js';
import { useKpiBreakdown } from './usePaperQueries.js';

interface Place {
  id: number | null;
  name: string;
}

interface BreakdownPanelProps {
  fy: number;
  /** The year's report of print-server jobs: only jobs say who printed where. */
  report: KpiReport;
  /** Said above the tables when the KPI itself uses another measure. */
  note: string | null;
  onShowMapping: () => void;
}

function Subtable({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box miw={0}>
      <Text fw={600} size="sm" px="md" pt="sm" pb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

/**
 * Where the paper goes: the sites, then a site's departments, then a
 * department's log users and printers, with a breadcrumb back up. The
 * department level keeps the site filter, so its figures add up to the row
 * that was clicked. 未割当 is a row like the others (the API filters it as 0).
 */
export function BreakdownPanel({ fy, report, note, onShowMapping }: BreakdownPanelProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (v: number) => formatCount(v, lang);
  const [site, setSite] = useState<Place | null>(null);
  const [department, setDepartment] = useState<Place | null>(null);
  const siteId = site ? filterId(site.id) : undefined;
  const siteLevel = useKpiBreakdown({ fy, siteId }, site !== null && department === null);
  const departmentLevel = useKpiBreakdown({ fy, siteId, departmentId: department ? filterId(department.id) : undefined }, department !== null);
  const place = (row: BreakdownRow): Place => ({ id: row.id, name: isUnassigned(row) ? t('paper.unassigned') : row.name });
  const current = department ? departmentLevel : site ? siteLevel : null;

  const crumbs = [
    { label: t('paper.breakdown.all'), go: site ? () => { setSite(null); setDepartment(null); } : null },
    ...(site ? [{ label: site.name, go: department ? () => setDepartment(null) : null }] : []),
    ...(department ? [{ label: department.name, go: null }] : []),
  ];
  const levelSheets = current ? current.data?.sheets : report.sheets;
  const levelJobs = current ? current.data?.jobs : report.jobs;

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="paper-breakdown-title">
      <Box px="md" pt="md" pb="xs">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Title order={3} fz="h4" id="paper-breakdown-title">
              {t('paper.breakdown.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('paper.breakdown.help')}
            </Text>
          </div>
          {levelSheets !== undefined && levelJobs !== undefined ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('paper.breakdown.total', { sheets: n(levelSheets), jobs: n(levelJobs) })}
            </Text>
          ) : null}
        </Group>
        <Box component="nav" mt="sm" aria-label={t('paper.breakdown.crumbs')}>
          <Breadcrumbs separatorMargin={6}>
            {crumbs.map((c) =>
              c.go ? (
                <Anchor key={c.label} component="button" type="button" size="sm" onClick={c.go}>
                  {c.label}
                </Anchor>
              ) : (
                <Text key={c.label} size="sm" fw={600} aria-current="location">
                  {c.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </Box>
        {note ? (
          <Text size="xs" c="dimmed" mt={6}>
            {note}
          </Text>
        ) : null}
      </Box>

      {site === null && report.unmapped.jobs > 0 ? (
        <Alert color="orange" variant="light" mx="md" mb="sm" icon={<IconUserQuestion size={18} aria-hidden />} data-testid="paper-unassigned">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {t('paper.breakdown.unassignedHint', { sheets: n(report.unmapped.sheets), jobs: n(report.unmapped.jobs) })}
            </Text>
            <Button size="compact-sm" variant="light" color="orange" rightSection={<IconArrowDown size={14} aria-hidden />} onClick={onShowMapping}>
              {t('paper.breakdown.toMapping')}
            </Button>
          </Group>
        </Alert>
      ) : null}

      {current?.isError ? (
        <Box px="md" pb="md">
          <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
        </Box>
      ) : null}

      {site === null ? (
        <FigureTable
          rows={report.bySite}
          total={report.sheets}
          nameHeader={t('paper.breakdown.site')}
          label={t('paper.breakdown.bySite')}
          onSelect={(row) => setSite(place(row))}
          emptyMessage={t('paper.breakdown.empty')}
        />
      ) : current?.data === undefined ? (
        <TableSkeleton rows={5} />
      ) : department === null ? (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing={0} style={{ opacity: current.isPlaceholderData ? 0.6 : 1 }}>
          <Subtable title={t('paper.breakdown.byDepartmentOf', { site: site.name })}>
            <FigureTable
              rows={current.data.byDepartment}
              total={current.data.sheets}
              nameHeader={t('paper.breakdown.department')}
              label={t('paper.breakdown.byDepartmentOf', { site: site.name })}
              onSelect={(row) => setDepartment(place(row))}
              emptyMessage={t('paper.breakdown.empty')}
            />
          </Subtable>
          <Subtable title={t('paper.breakdown.byPrinterOf', { name: site.name })}>
            <FigureTable
              rows={current.data.byPrinter}
              total={current.data.sheets}
              nameHeader={t('paper.breakdown.printer')}
              label={t('paper.breakdown.byPrinterOf', { name: site.name })}
              emptyMessage={t('paper.breakdown.empty')}
            />
          </Subtable>
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing={0} style={{ opacity: current.isPlaceholderData ? 0.6 : 1 }}>
          <Subtable title={t('paper.breakdown.byUserOf', { name: department.name })}>
            <FigureTable
              rows={current.data.byUser}
              total={current.data.sheets}
              nameHeader={t('paper.breakdown.user')}
              label={t('paper.breakdown.byUserOf', { name: department.name })}
              emptyMessage={t('paper.breakdown.empty')}
            />
          </Subtable>
          <Subtable title={t('paper.breakdown.byPrinterOf', { name: department.name })}>
            <FigureTable
              rows={current.data.byPrinter}
              total={current.data.sheets}
              nameHeader={t('paper.breakdown.printer')}
              label={t('paper.breakdown.byPrinterOf', { name: department.name })}
              emptyMessage={t('paper.breakdown.empty')}
            />
          </Subtable>
        </SimpleGrid>
      )}
    </Paper>
  );
}
