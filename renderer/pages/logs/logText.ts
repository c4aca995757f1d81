import { uploadSourcePrefix, type Language } from '../../../shared/api/index.js';

/** The last segment of a path written on Windows or POSIX. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Who uploaded a file on the ログ取込 screen, or null for a file from a watcher or the CLI. */
export function uploaderOf(source: string): string | null {
  return source.startsWith(uploadSourcePrefix) ? source.slice(uploadSourcePrefix.length) : null;
}

/** A piece of a rejected line: plain text, or one control character spelled out as `\x00`. */
export interface RawRun {
  kind: 'text' | 'control';
  text: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const controlChars = /[\u0000-\u001f\u007f]/g;

/**
 * A rejected line as read, its control characters spelled out (`\x00`) so a
 * binary line neither vanishes nor breaks the table; fonts rarely have the
 * Unicode control pictures (␀), so they are not used.
 */
export function rawRuns(raw: string): RawRun[] {
  const runs: RawRun[] = [];
  let last = 0;
  for (const m of raw.matchAll(controlChars)) {
    if (m.index > last) runs.push({ kind: 'text', text: raw.slice(last, m.index) });
    runs.push({ kind: 'control', text: `\\x${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` });
    last = m.index + 1;
  }
  if (last < raw.length) runs.push({ kind: 'text', text: raw.slice(last) });
  return runs;
}

export const hasControlChars = (raw: string): boolean => rawRuns(raw).some((r) => r.kind === 'control');

/** 1,234 / 1,234 — grouped digits in the UI language. */
export function formatCount(n: number, lang: Language): string {
  return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

/** 980 B, 1.8 KB, 12.3 MB, 200 MB: one decimal unless whole, the same in both languages. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** Share of an upload sent, 0–100, for the progress bar. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((loaded / total) * 100));
}
