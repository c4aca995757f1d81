import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { FormatModule, FormatName, ParseEvent, ParserOptions } from '../../shared/domain/printlog/format.js';
import type { PrintJob } from '../../shared/domain/printlog/job.js';
import { fiscalYearOf } from '../../shared/domain/wareki.js';

/**
 * Reads the print-log fixtures the way the ingest pipeline will (decode, split
 * into lines, feed a parser) so parser tests compare with `expected.json`
 * without depending on the pipeline.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The fixtures live beside the repository (../shared/fixtures); KAMILESS_PRINTLOG_FIXTURES or a copy under test/fixtures wins. */
export function fixturesDir(): string {
  const candidates = [
    process.env['KAMILESS_PRINTLOG_FIXTURES'],
    join(repoRoot, 'test/fixtures/printlogs'),
    join(repoRoot, '../shared/fixtures/printlogs'),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => existsSync(join(p, 'expected.json')));
  if (!found) throw new Error(`print-log fixtures not found (looked in ${candidates.join(', ')})`);
  return found;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932';

/** Bytes to text: a BOM decides, else strict UTF-8, else CP932 (what Japanese Windows writes). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'cp932' };
  }
}

/** CRLF or LF; a final line ending does not start another (empty) line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A fixture's bytes, gunzipped when its name ends in `.gz`. */
export function readFixtureBytes(relPath: string): Uint8Array {
  const raw = readFileSync(join(fixturesDir(), relPath));
  return relPath.endsWith('.gz') ? gunzipSync(raw) : raw;
}

export function readFixtureLines(relPath: string): string[] {
  return splitLines(decodeBytes(readFixtureBytes(relPath)).text);
}

export const tokyo: ParserOptions = { timeZone: 'Asia/Tokyo' };

/** Feeds lines 1..n to a fresh parser, then ends it; returns every event in the order given. */
export function runParser(format: FormatModule, lines: readonly string[], opts: ParserOptions = tokyo): ParseEvent[] {
  const parser = format.createParser(opts);
  const events: ParseEvent[] = [];
  lines.forEach((text, i) => events.push(...parser.push(text, i + 1)));
  events.push(...parser.end());
  return events;
}

export function jobsOf(events: readonly ParseEvent[]): PrintJob[] {
  return events.flatMap((e) => (e.kind === 'job' ? [e.job] : []));
}

export interface Tally {
  jobs: number;
  pages: number;
  sheets: number;
}

/** The shape of one file in expected.json; counter files and duplicate files leave some out. */
export interface ExpectedFile {
  format: FormatName;
  jobs?: number;
  pages?: number;
  sheets?: number;
  byFiscalYear?: Record<string, Tally>;
  rejected: number[];
  duplicatesOf?: string;
}

export interface Summary extends Tally {
  byFiscalYear: Record<string, Tally>;
  rejected: number[];
}

export function summarize(events: readonly ParseEvent[]): Summary {
  const s: Summary = { jobs: 0, pages: 0, sheets: 0, byFiscalYear: {}, rejected: [] };
  for (const e of events) {
    if (e.kind === 'reject') s.rejected.push(e.line);
    if (e.kind !== 'job') continue;
    const fy = String(fiscalYearOf(e.job.time));
    const year = (s.byFiscalYear[fy] ??= { jobs: 0, pages: 0, sheets: 0 });
    for (const t of [s, year]) {
      t.jobs += 1;
      t.pages += e.job.pages;
      t.sheets += e.job.sheets;
    }
  }
  s.rejected.sort((a, b) => a - b);
  return s;
}

export function parseFixture(format: FormatModule, relPath: string, opts: ParserOptions = tokyo): { events: ParseEvent[]; summary: Summary } {
  const events = runParser(format, readFixtureLines(relPath), opts);
  return { events, summary: summarize(events) };
}

export function loadExpected(): Record<string, ExpectedFile> {
  const parsed = JSON.parse(readFileSync(join(fixturesDir(), 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
  return parsed.files;
}

/** Fixture paths (relative to the fixtures folder) whose expected format is `format`. */
export function fixturesOf(format: FormatName): string[] {
  return Object.entries(loadExpected()).filter(([, e]) => e.format === format).map(([path]) => path).sort();
}

/** The first lines of a fixture, as auto-detection sees them. */
export function fixtureHead(relPath: string, count = 20): string[] {
  return readFixtureLines(relPath).slice(0, count);
}
