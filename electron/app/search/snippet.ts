import { HIT_END, HIT_START } from '../../../shared/api/search.js';

/** Characters of context a snippet shows around its first hit. */
const SNIPPET_WIDTH = 80;
/** Of those, how many come before the hit. */
const LEAD = 24;

/** A case-insensitive pattern finding any of the terms, the longest first so "道路補修" wins over "道路". */
export function termPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'giu');
}

/** Moves an index off the second half of a surrogate pair, so no character is cut in two. */
function atCharStart(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

/**
 * The text around the first hit with every hit in view between HIT_START and
 * HIT_END; whitespace runs (line breaks of extracted PDF text) become one space
 * and cut ends are shown as "…". Null when no term occurs in the text.
 */
export function buildSnippet(text: string, pattern: RegExp): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  pattern.lastIndex = 0;
  const first = pattern.exec(flat);
  if (!first) return null;
  const start = atCharStart(flat, Math.max(0, first.index - LEAD));
  const end = atCharStart(flat, Math.min(flat.length, Math.max(start + SNIPPET_WIDTH, first.index + first[0].length)));
  const window = flat.slice(start, end).replace(pattern, (hit) => `${HIT_START}${hit}${HIT_END}`);
  return `${start > 0 ? '…' : ''}${window}${end < flat.length ? '…' : ''}`;
}

/** Whether any of the terms occurs in the text (the same matching as the snippet's). */
export function containsAny(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
