import type { TFunction } from 'i18next';
import { formatNameSchema, type SourceKind } from '../../../../shared/api/index.js';
import { MAPPING_ENCODINGS } from '../../../../shared/domain/printlog/mapping.js';
import { assertNever } from '../../../lib/assertNever.js';
import { encodingLabel, formatLabel } from '../labels.js';
import type { ColumnField, WordList } from './mappingDraft.js';

/** Words for the sources section; every key is a literal so the catalogue test sees it. */

export function kindLabel(kind: SourceKind, t: TFunction): string {
  switch (kind) {
    case 'folder':
      return t('logs.sources.kindFolder');
    case 'agent':
      return t('logs.sources.kindAgent');
    default:
      return assertNever(kind);
  }
}

/** 自動判定 first, then every format by the name people know it by. */
export function sourceFormatOptions(t: TFunction): { value: string; label: string }[] {
  return [
    { value: 'auto', label: t('logs.sources.formatAuto') },
    ...formatNameSchema.options.map((f) => ({ value: f, label: formatLabel(f, t) })),
  ];
}

export function sourceFormatLabel(format: string, t: TFunction): string {
  return format === 'auto' ? t('logs.sources.formatAuto') : formatLabel(format, t);
}

export function encodingOptions(t: TFunction): { value: string; label: string }[] {
  return [{ value: 'auto', label: t('logs.mapping.encodingAuto') }, ...MAPPING_ENCODINGS.map((e) => ({ value: e, label: encodingLabel(e) }))];
}

export function delimiterOptions(t: TFunction): { value: string; label: string }[] {
  return [
    { value: ',', label: t('logs.mapping.delimiterComma') },
    { value: '\t', label: t('logs.mapping.delimiterTab') },
    { value: ';', label: t('logs.mapping.delimiterSemicolon') },
    { value: '|', label: t('logs.mapping.delimiterPipe') },
  ];
}

export function columnFieldLabel(field: ColumnField, t: TFunction): string {
  switch (field) {
    case 'time':
      return t('logs.mapping.field.time');
    case 'timeOfDay':
      return t('logs.mapping.field.timeOfDay');
    case 'user':
      return t('logs.mapping.field.user');
    case 'printer':
      return t('logs.mapping.field.printer');
    case 'client':
      return t('logs.mapping.field.client');
    case 'document':
      return t('logs.mapping.field.document');
    case 'pages':
      return t('logs.mapping.field.pages');
    case 'copies':
      return t('logs.mapping.field.copies');
    case 'duplex':
      return t('logs.mapping.field.duplex');
    case 'color':
      return t('logs.mapping.field.color');
    case 'paper':
      return t('logs.mapping.field.paper');
    case 'nup':
      return t('logs.mapping.field.nup');
    case 'month':
      return t('logs.mapping.field.month');
    case 'department':
      return t('logs.mapping.field.department');
    case 'device':
      return t('logs.mapping.field.device');
    case 'sheets':
      return t('logs.mapping.field.sheets');
    case 'monoSheets':
      return t('logs.mapping.field.monoSheets');
    case 'colorSheets':
      return t('logs.mapping.field.colorSheets');
    default:
      return assertNever(field);
  }
}

export function wordListTitle(list: WordList, t: TFunction): string {
  switch (list) {
    case 'duplex':
      return t('logs.mapping.values.duplex');
    case 'color':
      return t('logs.mapping.values.color');
    case 'nup':
      return t('logs.mapping.values.nup');
    default:
      return assertNever(list);
  }
}

/** 両面 / 片面 / 不明: a log that does not say is counted one-sided, and the preview says "unknown". */
export function sidesLabel(sides: 1 | 2 | null, t: TFunction): string {
  if (sides === null) return t('logs.preview.unknown');
  return sides === 2 ? t('logs.preview.duplex') : t('logs.preview.simplex');
}

export function colorLabel(color: boolean | null, t: TFunction): string {
  if (color === null) return t('logs.preview.unknown');
  return color ? t('logs.preview.color') : t('logs.preview.mono');
}
