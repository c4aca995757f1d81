import { Badge, Paper, Skeleton, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../shared/api/index.js';
import { fiscalYearLabel, fiscalYearOf, formatWarekiDate } from '../../../shared/domain/wareki.js';
import { useHealth } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { assertNever } from '../../lib/assertNever.js';

/** What support asks first: which version, and standalone or connected to a hub. */
export function AboutCard() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const health = useHealth();

  const modeLabel = (mode: Mode): string => {
    switch (mode) {
      case 'hub':
        return t('settings.about.modeHub');
      case 'standalone':
        return t('settings.about.modeStandalone');
      default:
        return assertNever(mode);
    }
  };

  const now = new Date();
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} fz="h4" mb="sm">
        {t('settings.about.title')}
      </Title>
      {health.isPending ? <Skeleton height={120} /> : null}
      {health.isError ? <ErrorAlert error={health.error} onRetry={() => void health.refetch()} /> : null}
      {health.data ? (
        <Table variant="vertical" layout="fixed" withTableBorder maw={520}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('settings.about.town')}</Table.Th>
              <Table.Td>{health.data.townName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.version')}</Table.Th>
              <Table.Td>{health.data.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.mode')}</Table.Th>
              <Table.Td>{modeLabel(health.data.mode)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.schema')}</Table.Th>
              <Table.Td>{health.data.schemaVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.today')}</Table.Th>
              <Table.Td>
                {formatWarekiDate(now, lang)}
                <Badge variant="light" color="gray" ml="xs">
                  {fiscalYearLabel(fiscalYearOf(now), lang)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
