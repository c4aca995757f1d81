import picomatch from 'picomatch';
import type { FormatName } from '../../../shared/domain/printlog/format.js';
import { parseMappingJson, type Mapping } from '../../../shared/domain/printlog/mapping.js';
import { formatByName, formats } from '../../../shared/domain/printlog/registry.js';
import type { Encoding } from './encoding.js';
import type { ImportOptions } from './import-file.js';

export type SourceFormat = FormatName | 'auto';

export const sourceFormatNames: readonly SourceFormat[] = ['auto', ...formats.map((f) => f.name)];

export const isSourceFormat = (name: string): name is SourceFormat => (sourceFormatNames as readonly string[]).includes(name);

/** A source definition that cannot be watched; the message names the setting it is about. */
export class SourceConfigError extends Error {
  constructor(readonly setting: 'glob' | 'format' | 'mapping', message: string) {
    super(message);
    this.name = 'SourceConfigError';
  }
}

export interface GlobMatcher {
  /** How deep below the folder chokidar must look: undefined = all the way (`**`). */
  depth: number | undefined;
  /** Tests a path relative to the watched folder, with `/` between folders. */
  matches(relativePath: string): boolean;
}

/**
 * Compiles a source's glob (`papercut-print-log-*.csv`, `page_log*`,
 * `branch/printlog_*.log`). chokidar 4 dropped glob support, so the watcher watches
 * the folder and filters names itself. Windows file names ignore case, so
 * patterns do too there.
 */
export function compileGlob(glob: string, platform: NodeJS.Platform = process.platform): GlobMatcher {
  const g = glob.trim();
  if (g === '') throw new SourceConfigError('glob', 'is empty; give a file name pattern such as papercut-print-log-*.csv');
  if (g.includes('\\')) throw new SourceConfigError('glob', 'use / between folders (a \\ in a pattern escapes the next character)');
  if (g.startsWith('/') || /^[A-Za-z]:/.test(g)) throw new SourceConfigError('glob', 'is a pattern inside --folder, not an absolute path');
  const parts = g.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) throw new SourceConfigError('glob', "may not contain '.', '..' or empty folder names");
  const isMatch = picomatch(g, { nocase: platform === 'win32', dot: false });
  return { depth: parts.includes('**') ? undefined : parts.length - 1, matches: (rel) => isMatch(rel) };
}

export interface ParsedMapping {
  mapping: Mapping;
  encoding?: Encoding;
}

/** A mapping file's text, validated (errors name the JSON path: "columns.pages: required"). */
export function parseSourceMapping(text: string): ParsedMapping {
  const r = parseMappingJson(text);
  if (!r.ok) throw new SourceConfigError('mapping', r.errors.join('; '));
  return r.encoding ? { mapping: r.mapping, encoding: r.encoding } : { mapping: r.mapping };
}

/** Why a format and a mapping cannot go together, or null when they can. */
export function formatMappingConflict(format: SourceFormat, mapping: Mapping | null): string | null {
  if (format === 'auto') return null;
  const module = formatByName(format);
  if (!module) return `unknown format ${format}: choose one of ${sourceFormatNames.join(', ')}`;
  if (module.needsMapping && mapping === null) return `the ${format} format needs a mapping file`;
  if (!module.needsMapping && mapping !== null) return `the ${format} format reads no mapping file (this one is for '${mapping.format}')`;
  if (mapping !== null && mapping.format !== format) return `the mapping file is for '${mapping.format}', not '${format}'`;
  return null;
}

export interface SourceDefinition {
  glob: string;
  format: string;
  mapping: string | null;
}

export interface WatchPlan {
  glob: GlobMatcher;
  /** What every file of the source is opened with (the clock and callbacks are the watcher's). */
  importOptions: Pick<ImportOptions, 'format' | 'mapping' | 'encoding'>;
}

/** Checks a stored source and turns it into what the watcher needs; throws SourceConfigError. */
export function planSource(def: SourceDefinition): WatchPlan {
  const glob = compileGlob(def.glob);
  if (!isSourceFormat(def.format)) throw new SourceConfigError('format', `unknown format ${def.format}: choose one of ${sourceFormatNames.join(', ')}`);
  const parsed = def.mapping === null ? null : parseSourceMapping(def.mapping);
  const conflict = formatMappingConflict(def.format, parsed?.mapping ?? null);
  if (conflict) throw new SourceConfigError(parsed ? 'mapping' : 'format', conflict);
  return {
    glob,
    importOptions: {
      ...(def.format !== 'auto' && { format: def.format }),
      ...(parsed && { mapping: parsed.mapping }),
      ...(parsed?.encoding && { encoding: parsed.encoding }),
    },
  };
}
