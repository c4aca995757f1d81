import { Group, Paper, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconClock, IconFileStack, IconPrinter, IconStack2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, formatWarekiDate } from '../../../shared/domain/wareki.js';
import { usePrintlogSummary } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { formatCount } from './logText.js';

/** 17:32 in Tokyo, beside the 和暦 date of the card. */
function timeOfDay(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: DEFAULT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

interface CardProps {
  label: string;
  value: string;
  note?: string | undefined;
  icon: ReactNode;
  color: string;
  /** Words or a date rather than a number: smaller, so they fit one line of a narrow card. */
  wordy?: boolean;
}

function SummaryCard({ label, value, note, icon, color, wordy = false }: CardProps) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} size="md" radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz={wordy ? 17 : 22} fw={700} lh={1.3} mt={4} py={wordy ? 3 : 0} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The six figures of the header: what is stored, today's activity, and what needs a look. */
export function SummaryCards() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const summary = usePrintlogSummary();
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const cols = { base: 2, sm: 3, lg: 6 };
  if (!s) {
    return (
      <SimpleGrid cols={cols} aria-busy="true" aria-label={t('common.loading')}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={96} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  const n = (value: number) => formatCount(value, lang);
  return (
    <SimpleGrid cols={cols} spacing="sm">
      <SummaryCard
        label={t('logs.summary.jobs')}
        value={n(s.jobs)}
        note={t('logs.summary.files', { n: n(s.files) })}
        icon={<IconPrinter size={18} aria-hidden />}
        color="indigo"
      />
      <SummaryCard label={t('logs.summary.pages')} value={n(s.pages)} icon={<IconFileStack size={18} aria-hidden />} color="blue" />
      <SummaryCard label={t('logs.summary.sheets')} value={n(s.sheets)} icon={<IconStack2 size={18} aria-hidden />} color="teal" />
      <SummaryCard label={t('logs.summary.today')} value={n(s.jobsToday)} icon={<IconCalendarEvent size={18} aria-hidden />} color="grape" />
      <SummaryCard
        label={t('logs.summary.rejected')}
        value={n(s.rejected)}
        icon={<IconAlertTriangle size={18} aria-hidden />}
        color={s.rejected > 0 ? 'orange' : 'gray'}
      />
      <SummaryCard
        label={t('logs.summary.latest')}
        value={s.latestJobTime ? formatWarekiDate(s.latestJobTime, lang) : t('logs.summary.none')}
        note={s.latestJobTime ? timeOfDay(s.latestJobTime) : undefined}
        icon={<IconClock size={18} aria-hidden />}
        color="gray"
        wordy
      />
    </SimpleGrid>
  );
}
