/**
 * Refusing mapping regexes that could hang the re-roll. Rules are typed by an
 * administrator and run against every distinct user and printer name of ten
 * million jobs; JavaScript's backtracking engine takes exponential time on
 * patterns like `(a+)+$` against "aaaa…b", and nothing can interrupt it.
 *
 * The check is syntactic and deliberately conservative: a group that is repeated
 * (`+`, `*`, `{2,}`, `{n,m}` with m > 1) may not itself contain a quantifier or an
 * alternation, and backreferences are refused. That forbids every classic
 * catastrophic shape ((a+)+, (a*)*, (a|a)*, (a|ab)+, (.*a){20}) at the price of
 * a few harmless ones ((ab|cd)+), which a character class or a second rule can
 * always express for a name.
 */

/** Longest pattern a rule may have: far beyond any login or printer name, short enough to keep matching cheap. */
export const MAX_PATTERN_LENGTH = 200;

interface Frame {
  /** A quantifier somewhere inside (nested groups included). */
  quantified: boolean;
  /** An alternation somewhere inside (nested groups included). */
  alternated: boolean;
}

/** How often a quantifier at `source[i]` lets its atom repeat, and where the quantifier ends; null when `source[i]` is no quantifier. */
function readQuantifier(source: string, i: number): { repeats: boolean; end: number } | null {
  const c = source[i];
  let end: number;
  let repeats: boolean;
  if (c === '*' || c === '+') {
    repeats = true;
    end = i + 1;
  } else if (c === '?') {
    repeats = false;
    end = i + 1;
  } else if (c === '{') {
    // Outside unicode mode a brace that is not {n}, {n,} or {n,m} is a literal.
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return null;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
    repeats = max > 1;
    end = i + m[0].length;
  } else {
    return null;
  }
  if (source[end] === '?') end += 1; // lazy: same repetition
  return { repeats, end };
}

/** Index just past the group opener `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>` at `i`. */
function skipGroupOpen(source: string, i: number): number {
  if (source[i + 1] !== '?') return i + 1;
  const next = source[i + 2];
  if (next === ':' || next === '=' || next === '!') return i + 3;
  if (next === '<') {
    if (source[i + 3] === '=' || source[i + 3] === '!') return i + 4;
    const close = source.indexOf('>', i + 3);
    return close === -1 ? source.length : close + 1;
  }
  return i + 2;
}

/**
 * Why a (syntactically valid) regex source could take exponential time, or null
 * when it passes. Run it after `new RegExp(source)` succeeded: it does not
 * diagnose syntax.
 */
export function unsafeRegexReason(source: string): string | null {
  const stack: Frame[] = [{ quantified: false, alternated: false }];
  // What a quantifier right here would repeat: a closed group (with what it holds) or a single atom.
  let lastGroup: Frame | null = null;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const top = stack[stack.length - 1];
    if (top === undefined) return null; // unbalanced ')' would have failed to compile
    const q = readQuantifier(source, i);
    if (q) {
      if (q.repeats && lastGroup && (lastGroup.quantified || lastGroup.alternated)) {
        return lastGroup.quantified
          ? `a repeated group contains another quantifier (like (a+)+), which can take exponential time; write the inner part once, e.g. (a+)+ → a+`
          : `a repeated group contains alternatives (like (a|ab)+), which can take exponential time; use a character class such as [ab]+ or separate rules`;
      }
      top.quantified = true;
      lastGroup = null;
      i = q.end;
      continue;
    }
    lastGroup = null;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) {
        return 'backreferences (\\1, \\k<name>) are not allowed in mapping rules: they can take exponential time';
      }
      i += 2;
    } else if (c === '[') {
      // A character class is one atom; quantifier characters inside it are literal.
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === '(') {
      stack.push({ quantified: false, alternated: false });
      i = skipGroupOpen(source, i);
    } else if (c === ')') {
      const closed = stack.pop();
      const parent = stack[stack.length - 1];
      if (closed && parent) {
        parent.quantified ||= closed.quantified;
        parent.alternated ||= closed.alternated;
      }
      lastGroup = closed ?? null;
      i += 1;
    } else {
      if (c === '|') top.alternated = true;
      i += 1;
    }
  }
  return null;
}
