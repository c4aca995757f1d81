import {
  counterColumnsSchema,
  jobColumnsSchema,
  normalizeMappingEncoding,
  parseMappingJson,
  type ColumnRef,
  type MappingEncoding,
  type MappingFormat,
} from '../../../../shared/domain/printlog/mapping.js';

/**
 * The mapping editor's state and the mapping file it stands for. The editor
 * edits a draft; the JSON is always built from it (or, in "edit JSON
 * directly" mode, the draft is read back from the JSON), and the domain's own
 * validator judges the result, so the editor cannot accept a file the import
 * would refuse.
 */

export type JobField = keyof typeof jobColumnsSchema.shape;
export type CounterField = keyof typeof counterColumnsSchema.shape;
export type ColumnField = JobField | CounterField;

// The field lists come from the domain's schemas: a column added there shows up in the editor.
export const jobFields = Object.keys(jobColumnsSchema.shape) as JobField[];
export const counterFields = Object.keys(counterColumnsSchema.shape) as CounterField[];

export function fieldsOf(format: MappingFormat): readonly ColumnField[] {
  return format === 'csv' ? jobFields : counterFields;
}

/** Required by the schema itself (`time`, `pages`, `month`); the counter's "one of" rules are cross-checks with their own errors. */
export function isRequiredField(format: MappingFormat, field: ColumnField): boolean {
  const shape: Record<string, { safeParse(v: unknown): { success: boolean } }> =
    format === 'csv' ? jobColumnsSchema.shape : counterColumnsSchema.shape;
  const schema = shape[field];
  return schema !== undefined && !schema.safeParse(undefined).success;
}

export type WordList = 'duplex' | 'color' | 'nup';
export const wordLists: readonly WordList[] = ['duplex', 'color', 'nup'];

export interface WordRow {
  word: string;
  /** duplex: two-sided; color: colour; nup: pages per side. */
  value: boolean | number;
}

export type PagesMean = 'per-copy' | 'total';

export interface MappingDraft {
  format: MappingFormat;
  encoding: MappingEncoding | 'auto';
  delimiter: string;
  headerRow: number;
  columns: Partial<Record<ColumnField, ColumnRef>>;
  timeFormat: string;
  /** '' = the importer's zone (Asia/Tokyo). */
  timeZone: string;
  monthFormat: string;
  /** An empty list = the built-in words. */
  values: Record<WordList, WordRow[]>;
  pagesMean: PagesMean;
  /** Keys the editor has no input for (`_comment`, `$schema`), kept so a hand-written file survives a round trip. */
  extras: Record<string, unknown>;
}

export const DEFAULT_TIME_FORMAT = 'yyyy/MM/dd HH:mm:ss';
export const DEFAULT_MONTH_FORMAT = 'yyyy/MM';

export function emptyDraft(format: MappingFormat): MappingDraft {
  return {
    format,
    encoding: 'auto',
    delimiter: ',',
    headerRow: 1,
    columns: {},
    timeFormat: DEFAULT_TIME_FORMAT,
    timeZone: '',
    monthFormat: DEFAULT_MONTH_FORMAT,
    values: { duplex: [], color: [], nup: [] },
    pagesMean: 'per-copy',
    extras: {},
  };
}

/** The mapping file as an object, keys in the order docs/mapping-files.md writes them. */
export function buildMapping(draft: MappingDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...draft.extras, format: draft.format };
  if (draft.encoding !== 'auto') out['encoding'] = draft.encoding;
  out['delimiter'] = draft.delimiter;
  out['headerRow'] = draft.headerRow;
  const columns: Record<string, ColumnRef> = {};
  for (const field of fieldsOf(draft.format)) {
    const ref = draft.columns[field];
    if (ref !== undefined) columns[field] = ref;
  }
  out['columns'] = columns;
  if (draft.format === 'counter') {
    out['monthFormat'] = draft.monthFormat;
    return out;
  }
  out['timeFormat'] = draft.timeFormat;
  if (draft.timeZone.trim() !== '') out['timeZone'] = draft.timeZone.trim();
  const values: Record<string, Record<string, boolean | number>> = {};
  for (const list of wordLists) {
    // A list whose column is not chosen is hidden in the editor; writing it would be an error nobody can see.
    if (draft.columns[list] === undefined) continue;
    const rows = draft.values[list].filter((r) => r.word.trim() !== '');
    if (rows.length > 0) values[list] = Object.fromEntries(rows.map((r) => [r.word.trim(), r.value]));
  }
  if (Object.keys(values).length > 0) out['values'] = values;
  out['pagesMean'] = draft.pagesMean;
  return out;
}

export function mappingText(draft: MappingDraft): string {
  return JSON.stringify(buildMapping(draft), null, 2);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const DELIMITER_WORDS: Readonly<Record<string, string>> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|' };

/**
 * A mapping file's text read back into a draft, for an existing source and for
 * leaving "edit JSON directly". Null (with why) when the text holds something
 * the editor's inputs cannot show: the user then stays in the JSON text, where
 * the validator names the problem.
 */
export function draftFromText(text: string, fallback: MappingFormat): { ok: true; draft: MappingDraft } | { ok: false } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false };
  }
  if (!isRecord(raw)) return { ok: false };
  const format = raw['format'] === 'csv' || raw['format'] === 'counter' ? raw['format'] : fallback;
  const draft = emptyDraft(format);
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'format':
        break;
      case 'encoding': {
        const enc = typeof value === 'string' ? normalizeMappingEncoding(value) : null;
        if (!enc) return { ok: false };
        draft.encoding = enc;
        break;
      }
      case 'delimiter': {
        if (typeof value !== 'string') return { ok: false };
        draft.delimiter = DELIMITER_WORDS[value.toLowerCase()] ?? value;
        break;
      }
      case 'headerRow':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return { ok: false };
        draft.headerRow = value;
        break;
      case 'columns': {
        if (!isRecord(value)) return { ok: false };
        const known: readonly string[] = fieldsOf(format);
        for (const [field, ref] of Object.entries(value)) {
          if (!known.includes(field) || (typeof ref !== 'string' && typeof ref !== 'number')) return { ok: false };
          draft.columns[field as ColumnField] = ref;
        }
        break;
      }
      case 'timeFormat':
      case 'monthFormat':
      case 'timeZone':
        if (typeof value !== 'string') return { ok: false };
        draft[key] = value;
        break;
      case 'pagesMean':
        if (value !== 'per-copy' && value !== 'total') return { ok: false };
        draft.pagesMean = value;
        break;
      case 'values': {
        if (!isRecord(value)) return { ok: false };
        for (const [list, words] of Object.entries(value)) {
          if (list !== 'duplex' && list !== 'color' && list !== 'nup') return { ok: false };
          if (!isRecord(words)) return { ok: false };
          const rows: WordRow[] = [];
          for (const [word, v] of Object.entries(words)) {
            const fits = list === 'nup' ? typeof v === 'number' : typeof v === 'boolean';
            if (!fits) return { ok: false };
            rows.push({ word, value: v as boolean | number });
          }
          draft.values[list] = rows;
        }
        break;
      }
      default:
        // Comments and $schema are carried along; any other key is a typo the validator should name.
        if (!key.startsWith('_') && !key.startsWith('$')) return { ok: false };
        draft.extras[key] = value;
    }
  }
  return { ok: true, draft };
}

/** The validator's verdict on a mapping's text: `path: problem` lines, or none. */
export function mappingErrors(text: string, format: MappingFormat): string[] {
  const result = parseMappingJson(text, format);
  return result.ok ? [] : result.errors;
}

/** `columns.pages: required` → pages: ['required'], so a problem shows under its own select. */
export function columnErrors(errors: readonly string[]): Partial<Record<ColumnField, string[]>> {
  const out: Partial<Record<ColumnField, string[]>> = {};
  for (const error of errors) {
    const m = /^columns\.(\w+): (.*)$/.exec(error);
    if (!m?.[1] || m[2] === undefined) continue;
    const field = m[1] as ColumnField;
    (out[field] ??= []).push(m[2]);
  }
  return out;
}

/**
 * What the preview parses while the draft is not yet a valid mapping: the
 * draft's encoding, delimiter and header row with placeholder columns, so the
 * hub still decodes the sample (its lines feed the column picker). Its rows
 * mean nothing and are not shown.
 */
export function probeMappingText(draft: MappingDraft): string {
  const probe: Record<string, unknown> = { format: draft.format };
  if (draft.encoding !== 'auto') probe['encoding'] = draft.encoding;
  probe['delimiter'] = draft.delimiter;
  probe['headerRow'] = draft.headerRow;
  probe['columns'] = draft.format === 'csv' ? { time: 1, pages: 1 } : { month: 1, department: 1, sheets: 1 };
  return JSON.stringify(probe);
}
