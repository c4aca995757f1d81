/**
 * Who prints: mapping the user and printer names in logs to the organisation
 * (a department id for users, a site or department id for printers: the caller
 * decides what `target` means). By login first, then by the administrator's
 * rules; a name nothing maps is null, which the breakdowns show as 未割当 with a
 * count (issue 5: "never silently dropped").
 *
 * Names are compared folded: NFKC (full-width 'ＴＡＮＡＫＡ' is 'TANAKA', half-width
 * katakana is full-width) then lower case, because the same person appears as
 * 'TANAKA-H' in one log and 'tanaka-h' in another.
 */
import { MAX_PATTERN_LENGTH, unsafeRegexReason } from './regex-safety.js';

export type MappingRuleKind = 'exact' | 'prefix' | 'suffix' | 'regex';

export interface MappingRule {
  kind: MappingRuleKind;
  /** Folded like names; a regex is matched case-insensitively against the folded name. */
  pattern: string;
  target: number;
  /** Higher wins among rules of the same tier (exact vs the rest); 0 when absent. */
  priority?: number;
}

export interface RuleError {
  /** The rule's position in the list given to compileRules. */
  index: number;
  message: string;
}

export interface RuleMatch {
  target: number;
  /** Which rule matched, for "why is this name in that department?". */
  index: number;
}

export interface RuleMatcher {
  match(name: string): number | null;
  matchRule(name: string): RuleMatch | null;
}

export type CompileResult = ({ ok: true } & RuleMatcher) | { ok: false; errors: RuleError[] };

/** NFKC, trimmed, lower case: the form names, logins and plain patterns are compared in. */
export function foldName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** The key `byLogin` maps must use: the same folding as names (a plain ASCII login just lower-cased). */
export const loginKey = foldName;

interface Compiled {
  index: number;
  tier: 0 | 1;
  priority: number;
  length: number;
  target: number;
  test(folded: string): boolean;
}

const KINDS: readonly string[] = ['exact', 'prefix', 'suffix', 'regex'];

function compileOne(rule: MappingRule, index: number): Compiled | string {
  if (!KINDS.includes(rule.kind)) return `unknown kind ${JSON.stringify(rule.kind)}: use exact, prefix, suffix or regex`;
  if (typeof rule.pattern !== 'string') return 'the pattern must be text';
  if (!Number.isSafeInteger(rule.target)) return `the target must be a whole-number id, got ${String(rule.target)}`;
  const priority = rule.priority ?? 0;
  if (!Number.isFinite(priority)) return `the priority must be a number, got ${String(rule.priority)}`;
  // Regex sources are not lower-cased (that would turn \D into \d); the 'i' flag does the case folding.
  const pattern = rule.kind === 'regex' ? rule.pattern.normalize('NFKC').trim() : foldName(rule.pattern);
  if (pattern === '') return 'the pattern is empty: it would match every name';
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`;
  const base = { index, priority, length: pattern.length, target: rule.target };
  switch (rule.kind) {
    case 'exact':
      return { ...base, tier: 0, test: (n) => n === pattern };
    case 'prefix':
      return { ...base, tier: 1, test: (n) => n.startsWith(pattern) };
    case 'suffix':
      return { ...base, tier: 1, test: (n) => n.endsWith(pattern) };
    case 'regex': {
      let re: RegExp;
      try {
        re = new RegExp(pattern, 'i');
      } catch (err) {
        return `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`;
      }
      const unsafe = unsafeRegexReason(pattern);
      if (unsafe !== null) return `refused regular expression: ${unsafe}`;
      return { ...base, tier: 1, test: (n) => re.test(n) };
    }
    default: {
      const kind: never = rule.kind;
      return `unknown kind ${String(kind)}`;
    }
  }
}

/**
 * Checks and compiles mapping rules. Every broken rule is reported with its
 * index (an empty pattern, an invalid or possibly-hanging regex, an over-long
 * pattern, a target that is no id), so the administrator fixes all at once and
 * nothing is applied until all compile.
 *
 * Precedence when several rules match: an exact rule before prefix/suffix/regex;
 * then the higher priority; then the longer pattern (the more specific); then
 * the lower index. A total order, so the result never depends on iteration luck.
 */
export function compileRules(rules: readonly MappingRule[]): CompileResult {
  const errors: RuleError[] = [];
  const compiled: Compiled[] = [];
  rules.forEach((rule, index) => {
    const c = compileOne(rule, index);
    if (typeof c === 'string') errors.push({ index, message: c });
    else compiled.push(c);
  });
  if (errors.length > 0) return { ok: false, errors };
  compiled.sort((a, b) => a.tier - b.tier || b.priority - a.priority || b.length - a.length || a.index - b.index);
  const matchRule = (name: string): RuleMatch | null => {
    const folded = foldName(name);
    if (folded === '') return null;
    const hit = compiled.find((c) => c.test(folded));
    return hit ? { target: hit.target, index: hit.index } : null;
  };
  return { ok: true, matchRule, match: (name) => matchRule(name)?.target ?? null };
}

/**
 * The login inside a log's user name: 'DOMAIN\tanaka-h' and 'tanaka-h@town.local'
 * are 'tanaka-h' (Windows print servers write the domain, some MFPs the e-mail
 * address). For a printer '\\srv\soumu-2f' it is the queue name 'soumu-2f'.
 */
export function bareLogin(name: string): string {
  let bare = name.trim();
  const slash = bare.lastIndexOf('\\');
  if (slash !== -1) bare = bare.slice(slash + 1);
  const at = bare.indexOf('@');
  if (at > 0) bare = bare.slice(0, at);
  return bare;
}

export interface NameResolution {
  target: number;
  via: 'login' | 'rule';
  /** The rule's index when `via` is 'rule'. */
  ruleIndex: number | null;
}

export interface NameMapping {
  /** Logins (keys made with loginKey) to their target. */
  byLogin: ReadonlyMap<string, number>;
  rules: RuleMatcher;
}

/**
 * Resolves a log name: the login map (the name as written, then its bare login),
 * else the rules (the name as written first, so a rule may look at a domain or
 * e-mail part, then the bare login), else null: 未割当.
 */
export function resolveNameDetailed(name: string, mapping: NameMapping): NameResolution | null {
  const full = loginKey(name);
  const bare = loginKey(bareLogin(name));
  for (const key of [full, bare]) {
    if (key === '') continue;
    const target = mapping.byLogin.get(key);
    if (target !== undefined) return { target, via: 'login', ruleIndex: null };
  }
  for (const candidate of full === bare ? [full] : [full, bare]) {
    const hit = mapping.rules.matchRule(candidate);
    if (hit) return { target: hit.target, via: 'rule', ruleIndex: hit.index };
  }
  return null;
}

/** The target a log name maps to, or null (未割当). */
export function resolveName(name: string, mapping: NameMapping): number | null {
  return resolveNameDetailed(name, mapping)?.target ?? null;
}
