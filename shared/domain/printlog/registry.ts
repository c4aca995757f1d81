/**
 * Every log format Kamiless reads, and auto-detection among them. A new format
 * is one module in ./formats plus a line here.
 */
import type { FormatModule, FormatName } from './format.js';
import { counter } from './formats/counter.js';
import { csvMapped } from './formats/csv-mapped.js';
import { cups } from './formats/cups.js';
import { papercutLogger } from './formats/papercut-logger.js';
import { papercutNg } from './formats/papercut-ng.js';
import { windows307 } from './formats/windows-307.js';
import { validateMapping } from './mapping.js';

export const formats: readonly FormatModule[] = [papercutLogger, windows307, cups, papercutNg, csvMapped, counter];

export function formatByName(name: string): FormatModule | undefined {
  return formats.find((f) => f.name === name);
}

export type DetectResult =
  | { format: FormatName; confidence: number; reason: string }
  | { format: null; reason: string };

const MAPPING_NOTE = 'CSV job logs and copier counter reports are never guessed: give their mapping file (--mapping)';

/**
 * Picks the format of a file from its first decoded lines (up to 20): the
 * module most confident it is its own, with that module's reason. A valid
 * mapping file decides by itself (its `format`), since `csv` and `counter`
 * files look like any other CSV.
 */
export function detectFormat(head: readonly string[], mapping?: unknown): DetectResult {
  if (mapping !== undefined) {
    const r = validateMapping(mapping);
    if (!r.ok) return { format: null, reason: `the mapping file is not valid: ${r.errors.join('; ')}` };
    return { format: r.mapping.format, confidence: 100, reason: `the mapping file says format '${r.mapping.format}'` };
  }
  return pickFormat(head, formats);
}

/** detectFormat among the given modules (those without a mapping). */
export function pickFormat(head: readonly string[], modules: readonly FormatModule[]): DetectResult {
  const lines = head.slice(0, 20);
  let best: { module: FormatModule; confidence: number; reason: string } | null = null;
  const others: string[] = [];
  for (const module of modules) {
    if (module.needsMapping) continue;
    const d = module.detect(lines);
    if (!d) continue;
    if (!best || d.confidence > best.confidence) {
      if (best) others.push(`${best.module.name} ${best.confidence}`);
      best = { module, confidence: d.confidence, reason: d.reason };
    } else others.push(`${module.name} ${d.confidence}`);
  }
  if (!best) {
    const what = lines.every((l) => l.trim() === '') ? 'the file starts empty' : 'no known log format matches the first lines';
    return { format: null, reason: `${what}; ${MAPPING_NOTE}` };
  }
  const also = others.length > 0 ? ` (also considered: ${others.join(', ')})` : '';
  return { format: best.module.name, confidence: best.confidence, reason: `${best.reason}${also}` };
}
