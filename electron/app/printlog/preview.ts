import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { constants, createGunzip } from 'node:zlib';
import { previewMaxBytes, previewRows, type PreviewResult, type SourceFormatName } from '../../../shared/api/sources.js';
import type { FormatModule, ParseEvent } from '../../../shared/domain/printlog/format.js';
import { splitCsvLine } from '../../../shared/domain/printlog/formats/csv-line.js';
import type { Mapping } from '../../../shared/domain/printlog/mapping.js';
import { detectFormat, formatByName } from '../../../shared/domain/printlog/registry.js';
import { decodeBytes, detectEncoding, type Encoding } from './encoding.js';
import { readHead } from './line-reader.js';
import { compileGlob, formatMappingConflict, parseSourceMapping, SourceConfigError, type ParsedMapping } from './source-config.js';

/** The first bytes of a sample file, decompressed. */
export interface PreviewSample {
  bytes: Uint8Array;
  /** The file goes on past `bytes`: its last line may be cut. */
  truncated: boolean;
  /** The file read, or null for an uploaded sample. */
  file: string | null;
}

export interface PreviewOptions {
  format: SourceFormatName;
  /** The mapping file's JSON text, or null. */
  mapping: string | null;
}

/** A rejected line keeps at most this much of its text, as stored rejected lines do. */
const RAW_MAX = 2000;
const DELIMITERS = [',', '\t', ';'] as const;

/** A gzip stream starts with these two bytes, whatever the file is called. */
const isGzipped = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * An uploaded sample: the first previewMaxBytes of a file (a .gz one is
 * inflated as far as those bytes go). A sample of exactly that size is taken
 * to be cut there.
 */
export async function uploadedSample(bytes: Uint8Array): Promise<PreviewSample | { error: string }> {
  if (!isGzipped(bytes)) return { bytes, truncated: bytes.length >= previewMaxBytes, file: null };
  // The sample is the archive's head: a sync flush at its end inflates what is there instead of failing on the missing rest.
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  let length = 0;
  gunzip.end(bytes);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length > previewMaxBytes) break;
    }
  } catch (err) {
    // Damaged further on: what inflated before the damage is still the file's head.
    if (length === 0) return { error: `the sample looks like a .gz archive but cannot be unpacked: ${(err as Error).message}` };
  } finally {
    gunzip.destroy();
  }
  const inflated = Buffer.concat(parts);
  return { bytes: inflated.subarray(0, previewMaxBytes), truncated: inflated.length > previewMaxBytes || bytes.length >= previewMaxBytes, file: null };
}

/** The file the preview of a folder source reads, or why there is none. */
export async function folderSample(folder: string, glob: string): Promise<PreviewSample | { error: string }> {
  let matcher;
  try {
    matcher = compileGlob(glob);
  } catch (err) {
    if (err instanceof SourceConfigError) return { error: `the file name pattern ${err.message}` };
    throw err;
  }
  if (!isAbsolute(folder)) return { error: `the folder must be a full path (such as D:\\logs or /var/log/cups), not ${JSON.stringify(folder)}` };
  let names: string[];
  try {
    names = await readdir(folder, { encoding: 'utf8', recursive: matcher.depth !== 0 });
  } catch (err) {
    return { error: `cannot list the folder ${folder}: ${(err as Error).message}` };
  }
  const candidates = names.filter((name) => matcher.matches(name.split(/[\\/]/).join('/')));
  const files = await Promise.all(candidates.map(async (name) => {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    return info?.isFile() ? { path, mtimeMs: info.mtimeMs } : null;
  }));
  // The newest file is the one the source is writing now: what its next lines will look like.
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const f of files) if (f && (!newest || f.mtimeMs > newest.mtimeMs)) newest = f;
  if (!newest) return { error: `no file in ${folder} matches ${glob}` };
  let head: Buffer;
  try {
    head = await readHead(newest.path, previewMaxBytes + 1);
  } catch (err) {
    return { error: `cannot read ${newest.path}: ${(err as Error).message}` };
  }
  return { bytes: head.subarray(0, previewMaxBytes), truncated: head.length > previewMaxBytes, file: newest.path };
}

/** The delimiter that splits the line into the most fields (',' on a tie). */
function guessDelimiter(line: string): string {
  let best: { delimiter: string; fields: number } = { delimiter: ',', fields: 0 };
  for (const delimiter of DELIMITERS) {
    const split = splitCsvLine(line, delimiter);
    if (split.ok && split.fields.length > best.fields) best = { delimiter, fields: split.fields.length };
  }
  return best.delimiter;
}

function columnsOf(lines: readonly string[], mapping: Mapping | null): string[] {
  // With a mapping, its header row is the line whose fields its columns name.
  const line = lines[Math.max(1, mapping?.headerRow ?? 1) - 1];
  if (line === undefined) return [];
  const split = splitCsvLine(line, mapping?.delimiter ?? guessDelimiter(line));
  return split.ok ? split.fields : [];
}

/** The lines of the decoded text; a cut sample's last line is incomplete and dropped. */
function linesOf(text: string, truncated: boolean): string[] {
  const lines = text.split(/\r?\n/);
  if (truncated || lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The schema and the registry list the same formats: a name without a module is a bug, not the user's mistake. */
function moduleOf(name: string): FormatModule {
  const module = formatByName(name);
  if (!module) throw new Error(`no parser for format ${name}`);
  return module;
}

function chooseFormat(format: SourceFormatName, parsed: ParsedMapping | null, head: readonly string[]): { module: FormatModule; reason: string } | { error: string; reason: string } {
  const mapping = parsed?.mapping ?? null;
  const conflict = formatMappingConflict(format, mapping);
  if (conflict) return { error: conflict, reason: '' };
  if (format !== 'auto') return { module: moduleOf(format), reason: 'chosen for the source' };
  const detected = detectFormat(head.slice(0, 20), mapping ?? undefined);
  if (detected.format === null) return { error: `format not recognised: ${detected.reason}`, reason: detected.reason };
  return { module: moduleOf(detected.format), reason: detected.reason };
}

/**
 * Parses the first lines of a sample the way a source would read its files
 * (encoding, format, mapping) and stores nothing: what the sources screen
 * shows while the user types a pattern or a mapping. A problem comes back as
 * `error`, never thrown, since it is the answer the user is waiting for.
 */
export function previewSample(sample: PreviewSample, opts: PreviewOptions): PreviewResult {
  let parsed: ParsedMapping | null = null;
  let mappingError: string | null = null;
  if (opts.mapping !== null) {
    try {
      parsed = parseSourceMapping(opts.mapping);
    } catch (err) {
      if (!(err instanceof SourceConfigError)) throw err;
      mappingError = `the mapping is not valid: ${err.message}`;
    }
  }

  const detected = detectEncoding(sample.bytes);
  const encoding: Encoding = parsed?.encoding ?? detected.encoding;
  // A BOM is skipped only when the text is read in the encoding it marks.
  const bomLength = parsed?.encoding && parsed.encoding !== detected.encoding ? 0 : detected.bomLength;
  const lines = linesOf(decodeBytes(sample.bytes.subarray(bomLength), encoding), sample.truncated);

  const result: PreviewResult = {
    file: sample.file,
    encoding,
    encodingReason: parsed?.encoding ? 'given by the mapping file' : detected.reason,
    format: null,
    formatReason: '',
    lines: lines.slice(0, previewRows),
    columns: columnsOf(lines, parsed?.mapping ?? null),
    jobs: [],
    readings: [],
    rejected: [],
    error: mappingError,
  };
  if (mappingError !== null) return result;

  const chosen = chooseFormat(opts.format, parsed, lines);
  result.formatReason = chosen.reason;
  if ('error' in chosen) return { ...result, error: chosen.error };
  const { module } = chosen;
  let parser;
  try {
    parser = module.createParser({ timeZone: 'Asia/Tokyo', ...(parsed && { mapping: parsed.mapping }) });
  } catch (err) {
    return { ...result, error: `the mapping does not fit the ${module.name} format: ${(err as Error).message}` };
  }
  result.format = module.name;

  const events: ParseEvent[] = [];
  lines.forEach((text, i) => events.push(...parser.push(text, i + 1)));
  // A record still open at the end of a cut sample was cut by it, not broken in the file.
  const cutFrom = sample.truncated ? parser.pendingSince() : null;
  events.push(...parser.end().filter((e) => e.kind !== 'reject' || cutFrom === null || e.line < cutFrom));

  for (const e of events) {
    switch (e.kind) {
      case 'job': {
        const j = e.job;
        if (result.jobs.length < previewRows) {
          result.jobs.push({
            line: e.line, time: j.time, user: j.user, printer: j.printer, document: j.document, pages: j.pages, sheets: j.sheets,
            copies: j.copies, sides: j.sides, nUp: j.nUp, color: j.color, paperSize: j.paperSize,
          });
        }
        break;
      }
      case 'counter': {
        const r = e.reading;
        if (result.readings.length < previewRows) {
          result.readings.push({ line: e.line, month: r.month, department: r.department, device: r.device, sheets: r.sheets, colorSheets: r.colorSheets });
        }
        break;
      }
      case 'reject':
        if (result.rejected.length < previewRows) result.rejected.push({ line: e.line, reason: e.reason, raw: (lines[e.line - 1] ?? '').slice(0, RAW_MAX) });
        break;
      default: {
        const never: never = e;
        throw new Error(`unknown parse event ${String(never)}`);
      }
    }
  }
  return result;
}
