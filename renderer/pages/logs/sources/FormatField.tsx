import { Autocomplete, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../../i18n/useUiLanguage.js';
import { checkFormat } from './sampleColumns.js';
import { jobTimeLabel, monthLabel } from './sourceStatus.js';

// The shapes Japanese exports most often write, offered as the user types.
const TIME_EXAMPLES = ['yyyy/MM/dd HH:mm:ss', 'yyyy/M/d H:mm:ss', 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy年M月d日 H時mm分', 'iso'];
const MONTH_EXAMPLES = ['yyyy/MM', 'yyyy-MM', 'yyyy年M月', 'yyyyMM'];

interface FormatFieldProps {
  need: 'datetime' | 'month';
  value: string;
  onChange: (value: string) => void;
  /** The sample's cell the format is tried on, null without one. */
  cell: string | null;
  timeZone: string;
  disabled: boolean;
  /** The validator's problem for this key, if any. */
  error?: string | undefined;
}

/** A time or month format with examples, tried on the sample as it is typed. */
export function FormatField({ need, value, onChange, cell, timeZone, disabled, error }: FormatFieldProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const check = checkFormat(value, need, cell, timeZone);
  const result = (() => {
    switch (check.kind) {
      case 'noSample':
        return null;
      case 'badFormat':
        return { ok: false, text: t('logs.mapping.formatInvalid', { reason: check.message }) };
      case 'mismatch':
        return { ok: false, text: t('logs.mapping.formatMismatch', { cell: check.cell }) };
      case 'ok':
        return {
          ok: true,
          text: t('logs.mapping.formatReads', { cell: check.cell, value: need === 'month' ? monthLabel(check.value, lang) : jobTimeLabel(check.value, lang) }),
        };
    }
  })();
  return (
    <div>
      <Autocomplete
        label={need === 'month' ? t('logs.mapping.monthFormat') : t('logs.mapping.timeFormat')}
        description={need === 'month' ? t('logs.mapping.monthFormatHelp') : t('logs.mapping.timeFormatHelp')}
        data={need === 'month' ? MONTH_EXAMPLES : TIME_EXAMPLES}
        value={value}
        onChange={onChange}
        disabled={disabled}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        error={error}
      />
      {result ? (
        <Text size="xs" mt={4} c={result.ok ? 'teal.8' : 'red'} aria-live="polite">
          {result.ok ? '✓ ' : '✗ '}
          {result.text}
        </Text>
      ) : null}
    </div>
  );
}
