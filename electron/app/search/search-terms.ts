/**
 * How a typed query becomes conditions on the index. Pure: the search repo
 * turns these into SQL, the unit tests check them directly.
 */

/** The trigram tokenizer indexes 3-character substrings: a shorter term has no trigram to look up. */
export const TRIGRAM_LENGTH = 3;

/** Most terms a query may have; more only slows the query without narrowing it usefully. */
export const MAX_TERMS = 8;

/**
 * Text as it is indexed and searched: NFKC folds full-width letters and digits
 * (ＡＢＣ１２３) and half-width kana (ｶﾅ) into the forms people usually type,
 * and control characters are dropped so the snippet markers can never occur in it.
 */
export function normalizeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.normalize('NFKC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Length in characters as a reader counts them (surrogate pairs are one). */
export const charLength = (s: string): number => [...s].length;

export interface SearchTerms {
  /** Terms of 3 characters or more: looked up in the trigram index. */
  indexed: string[];
  /** Terms of 1 or 2 letters or digits: looked up in the index of characters and pairs (case_search_short). */
  short: string[];
  /** Other terms of 1 or 2 characters (%, 1-): neither index holds them, so a LIKE scan finds them. */
  scanned: string[];
}

const letterOrDigit = /^[\p{L}\p{N}]+$/u;

/**
 * What case_search_short holds of a text: each letter or digit and each pair of
 * adjacent ones, once, separated by spaces (its tokenizer's separator). A word
 * of 1 or 2 letters occurs in the text exactly when it is one of these.
 */
export function shortGrams(text: string): string {
  const grams = new Set<string>();
  for (const run of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    chars.forEach((ch, i) => {
      grams.add(ch);
      const next = chars[i + 1];
      if (next !== undefined) grams.add(ch + next);
    });
  }
  return [...grams].join(' ');
}

/**
 * Splits a query on spaces (ASCII and 全角) into distinct normalised terms; every
 * term must occur (AND). Surrounding double quotes are dropped, since each term
 * is matched as a phrase anyway.
 */
export function parseTerms(query: string): SearchTerms {
  const seen = new Set<string>();
  const indexed: string[] = [];
  const short: string[] = [];
  const scanned: string[] = [];
  for (const raw of normalizeText(query).split(/\s+/)) {
    const term = raw.replace(/^"+|"+$/g, '');
    const key = term.toLowerCase();
    if (term === '' || seen.has(key) || seen.size >= MAX_TERMS) continue;
    seen.add(key);
    (charLength(term) >= TRIGRAM_LENGTH ? indexed : letterOrDigit.test(term) ? short : scanned).push(term);
  }
  return { indexed, short, scanned };
}

/** An FTS5 MATCH expression: each term a quoted phrase (quotes inside doubled), all required; for either index. */
export function ftsExpression(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** The escape character of the LIKE patterns (`LIKE ? ESCAPE '\'`). */
export const LIKE_ESCAPE = '\\';

/** A LIKE pattern finding `term` anywhere, its own `%`, `_` and `\` taken literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}
