import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bareLogin, compileRules, foldName, loginKey, resolveName, resolveNameDetailed, type MappingRule, type RuleMatcher,
} from '../../../../shared/domain/kpi/org-mapping.js';
import { MAX_PATTERN_LENGTH } from '../../../../shared/domain/kpi/regex-safety.js';

function matcher(rules: readonly MappingRule[]): RuleMatcher {
  const r = compileRules(rules);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

// Departments: 1 総務課, 2 企画課, 3 税務課, 4 住民課, 9 芸北支所 (a site, for printers).
const RULES: MappingRule[] = [
  { kind: 'prefix', pattern: 'soumu-', target: 1 },
  { kind: 'prefix', pattern: 'kikaku', target: 2 },
  { kind: 'suffix', pattern: '@zeimu.town.local', target: 3 },
  { kind: 'regex', pattern: '^jumin\\d+$', target: 4 },
  { kind: 'exact', pattern: 'kikaku-shared', target: 1 },
  { kind: 'prefix', pattern: 'kikaku-ka', target: 3 },
  { kind: 'regex', pattern: '^geihoku-', target: 9 },
  { kind: 'prefix', pattern: 'ＰＲＴ－', target: 9 },
  { kind: 'prefix', pattern: '総務', target: 1 },
];

describe('compileRules: matching', () => {
  const m = matcher(RULES);
  it.each<[string, number | null]>([
    ['soumu-01', 1],
    ['SOUMU-01', 1],
    ['ｓｏｕｍｕ－０１', 1], // full-width, folded by NFKC
    ['kikaku5', 2],
    ['kikaku-shared', 1], // exact beats prefix 'kikaku'
    ['KIKAKU-SHARED', 1],
    ['kikaku-ka-printer', 3], // longer prefix 'kikaku-ka' beats 'kikaku'
    ['yamada@zeimu.town.local', 3],
    ['jumin12', 4],
    ['JUMIN12', 4], // regex is case-insensitive
    ['jumin12x', null],
    ['geihoku-mfp1', 9],
    ['prt-2f', 9], // full-width pattern 'ＰＲＴ－' folded
    ['総務課プリンタ', 1],
    ['  soumu-01  ', 1], // surrounding spaces in a log field
    ['someone', null],
    ['', null],
  ])('%j → %j', (name, target) => {
    expect(m.match(name)).toBe(target);
  });

  it('says which rule matched', () => {
    expect(m.matchRule('kikaku-shared')).toEqual({ target: 1, index: 4 });
    expect(m.matchRule('nobody')).toBeNull();
  });

  it('orders exact, then priority, then the longer pattern, then the lower index', () => {
    const rules: MappingRule[] = [
      { kind: 'prefix', pattern: 'ab', target: 10 },
      { kind: 'suffix', pattern: 'yz', target: 11 },
      { kind: 'prefix', pattern: 'abc', target: 12 },
      { kind: 'regex', pattern: '^a', target: 13, priority: 5 },
      { kind: 'exact', pattern: 'abcxyz', target: 14 },
      { kind: 'exact', pattern: 'ABCXYZ', target: 15, priority: 1 },
      { kind: 'suffix', pattern: 'bz', target: 16 },
      { kind: 'prefix', pattern: 'qz', target: 17 },
      { kind: 'suffix', pattern: 'qz', target: 18 },
    ];
    const mm = matcher(rules);
    expect(mm.match('abcxyz')).toBe(15); // exact; among exacts the higher priority
    expect(mm.match('abcxy')).toBe(13); // priority 5 beats the longer 'abc'
    expect(mm.match('bcxyz')).toBe(11);
    expect(mm.match('abz')).toBe(13);
    expect(mm.match('qz')).toBe(17); // same tier, priority and length: lower index
  });
});

describe('compileRules: errors', () => {
  it('names the index of every broken rule and applies none', () => {
    const r = compileRules([
      { kind: 'prefix', pattern: 'ok', target: 1 },
      { kind: 'regex', pattern: '([a-z', target: 1 },
      { kind: 'prefix', pattern: '', target: 1 },
      { kind: 'regex', pattern: '(a+)+$', target: 1 },
      { kind: 'exact', pattern: 'x'.repeat(MAX_PATTERN_LENGTH + 1), target: 1 },
      { kind: 'suffix', pattern: '   ', target: 1 },
      { kind: 'prefix', pattern: 'a', target: 1.5 },
      { kind: 'glob' as MappingRule['kind'], pattern: 'a*', target: 1 },
      { kind: 'prefix', pattern: 'a', target: 1, priority: Number.NaN },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const byIndex = new Map(r.errors.map((e) => [e.index, e.message]));
    expect(byIndex.get(1)).toMatch(/invalid regular expression/);
    expect(byIndex.get(2)).toMatch(/empty/);
    expect(byIndex.get(3)).toMatch(/refused regular expression: .*exponential/);
    expect(byIndex.get(4)).toMatch(new RegExp(`at most ${MAX_PATTERN_LENGTH}`));
    expect(byIndex.get(5)).toMatch(/empty/);
    expect(byIndex.get(6)).toMatch(/target/);
    expect(byIndex.get(7)).toMatch(/unknown kind "glob"/);
    expect(byIndex.get(8)).toMatch(/priority/);
  });

  it('accepts an empty rule list, which maps nothing', () => {
    const r = compileRules([]);
    expect(r.ok && r.match('anyone')).toBeNull();
  });
});

describe('bareLogin and foldName', () => {
  it('strips the Windows domain and the e-mail domain', () => {
    expect(bareLogin('DOMAIN\\tanaka-h')).toBe('tanaka-h');
    expect(bareLogin('tanaka-h@town.local')).toBe('tanaka-h');
    expect(bareLogin('TOWN\\tanaka-h@town.local')).toBe('tanaka-h');
    expect(bareLogin('\\\\printsrv\\soumu-2f')).toBe('soumu-2f');
    expect(bareLogin('@odd')).toBe('@odd');
    expect(bareLogin('tanaka-h')).toBe('tanaka-h');
  });

  it('folds width and case', () => {
    expect(foldName(' ＴＡＮＡＫＡ－Ｈ ')).toBe('tanaka-h');
    expect(foldName('ﾀﾅｶ')).toBe('タナカ');
    expect(loginKey('Tanaka-H')).toBe('tanaka-h');
  });
});

describe('resolveName', () => {
  const byLogin = new Map([[loginKey('tanaka-h'), 2], [loginKey('sato-k'), 3], [loginKey('admin@town.lg.jp'), 7]]);
  const mapping = { byLogin, rules: matcher(RULES) };

  it.each<[string, number | null, 'login' | 'rule' | null]>([
    ['TANAKA-H', 2, 'login'],
    ['DOMAIN\\tanaka-h', 2, 'login'],
    ['tanaka-h@town.local', 2, 'login'],
    ['KITAHIRO\\TANAKA-H@town.local', 2, 'login'],
    ['ｔａｎａｋａ－ｈ', 2, 'login'],
    ['admin@town.lg.jp', 7, 'login'], // a login that is an e-mail address matches as written
    ['soumu-01', 1, 'rule'],
    ['DOMAIN\\soumu-01', 1, 'rule'], // the rule sees the bare login
    ['yamada@zeimu.town.local', 3, 'rule'], // the rule sees the e-mail domain
    ['\\\\printsrv\\geihoku-mfp1', 9, 'rule'],
    ['DOMAIN\\nobody', null, null],
    ['', null, null],
  ])('%j → %j (by %s)', (name, target, via) => {
    expect(resolveName(name, mapping)).toBe(target);
    expect(resolveNameDetailed(name, mapping)?.via ?? null).toBe(via);
  });

  it('prefers the login map to a rule', () => {
    const m = { byLogin: new Map([['soumu-01', 4]]), rules: matcher(RULES) };
    expect(resolveName('soumu-01', m)).toBe(4);
  });
});

describe('properties', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', '-', 'A', 'Ｂ');
  const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
  const ruleArb: fc.Arbitrary<MappingRule> = fc.oneof(
    fc.record({ kind: fc.constantFrom('exact' as const, 'prefix' as const, 'suffix' as const), pattern: word, target: fc.integer({ min: 1, max: 50 }), priority: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('regex' as const), pattern: fc.constantFrom('^a', 'b$', 'a.c', '^(ab)+$', '[bc]-'), target: fc.integer({ min: 1, max: 50 }), priority: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }) }),
  ).map((r) => (r.priority === undefined ? { kind: r.kind, pattern: r.pattern, target: r.target } : r));
  const rulesArb = fc.array(ruleArb, { maxLength: 12 });

  /** An independent reading of the rules: test every one, sort all matches by the documented precedence. */
  function reference(rules: readonly MappingRule[], name: string): number | null {
    const n = name.normalize('NFKC').trim().toLowerCase();
    if (n === '') return null;
    const hits = rules
      .map((r, index) => ({ r, index, p: r.kind === 'regex' ? r.pattern : r.pattern.normalize('NFKC').toLowerCase() }))
      .filter(({ r, p }) => (r.kind === 'exact' ? n === p : r.kind === 'prefix' ? n.startsWith(p) : r.kind === 'suffix' ? n.endsWith(p) : new RegExp(p, 'i').test(n)))
      .sort((x, y) => Number(x.r.kind !== 'exact') - Number(y.r.kind !== 'exact') || (y.r.priority ?? 0) - (x.r.priority ?? 0) || y.p.length - x.p.length || x.index - y.index);
    return hits[0]?.r.target ?? null;
  }

  it('any name resolves to a listed target or to null, as the documented precedence says', () => {
    fc.assert(fc.property(rulesArb, word, (rules, name) => {
      const got = matcher(rules).match(name);
      expect(got === null || rules.some((r) => r.target === got)).toBe(true);
      expect(got).toBe(reference(rules, name));
    }));
  });

  it('is deterministic and depends on the order of rules only through the index tie-break', () => {
    fc.assert(fc.property(rulesArb, word, fc.infiniteStream(fc.nat()), (rules, name, seeds) => {
      expect(matcher(rules).match(name)).toBe(matcher(rules).match(name));
      // A shuffled list gives what the reference gives for the shuffled list.
      const shuffled = rules.map((r) => ({ r, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.r);
      expect(matcher(shuffled).match(name)).toBe(reference(shuffled, name));
    }));
  });

  it('full-width and upper-case spellings of a name resolve like the plain one', () => {
    const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(fc.property(rulesArb, word, (rules, name) => {
      const m = matcher(rules);
      expect(m.match(toFullWidth(name))).toBe(m.match(name));
      expect(m.match(name.toUpperCase())).toBe(m.match(name));
    }));
  });

  it('without logins, a domain-qualified name resolves by its full spelling first, then its bare login', () => {
    fc.assert(fc.property(rulesArb, word, (rules, name) => {
      const m = matcher(rules);
      const qualified = `DOMAIN\\${name}@town.local`;
      expect(resolveName(qualified, { byLogin: new Map(), rules: m })).toBe(m.match(qualified) ?? m.match(name.trim()));
    }));
  });
});
