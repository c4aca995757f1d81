import type { TFunction } from 'i18next';
import type { FormatName } from '../../../shared/domain/printlog/format.js';
import { formatNameSchema } from '../../../shared/api/index.js';
import { assertNever } from '../../lib/assertNever.js';

function knownFormatLabel(format: FormatName, t: TFunction): string {
  switch (format) {
    case 'papercut-logger':
      return t('logs.formatName.papercutLogger');
    case 'windows-307':
      return t('logs.formatName.windows307');
    case 'cups':
      return t('logs.formatName.cups');
    case 'papercut-ng':
      return t('logs.formatName.papercutNg');
    case 'csv':
      return t('logs.formatName.csv');
    case 'counter':
      return t('logs.formatName.counter');
    default:
      return assertNever(format);
  }
}

/** A log format as people name it; a name this version does not know (a newer hub) is shown as stored. */
export function formatLabel(format: string, t: TFunction): string {
  const known = formatNameSchema.safeParse(format);
  return known.success ? knownFormatLabel(known.data, t) : format;
}

const encodingNames: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  cp932: 'Shift_JIS (CP932)',
};

export function encodingLabel(encoding: string): string {
  return encodingNames[encoding] ?? encoding;
}
