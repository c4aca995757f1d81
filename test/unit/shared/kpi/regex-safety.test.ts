import { describe, expect, it } from 'vitest';
import { unsafeRegexReason } from '../../../../shared/domain/kpi/regex-safety.js';

describe('unsafeRegexReason', () => {
  it.each([
    '(a+)+', '(a*)*', '(a+)*$', '^(\\w+\\s?)+$', '(?:a+)+', '(?<n>a+)*', '((a+))+', '(.*a){20}', '(a?){2,}', '(\\d+)+-',
  ])('refuses nested quantifiers in %j', (source) => {
    expect(unsafeRegexReason(source)).toMatch(/repeated group contains another quantifier/);
  });

  it.each(['(a|a)*', '(a|ab)+', '(?:x|xy){2,5}', '((a|b)c)+'])('refuses alternatives in a repeated group: %j', (source) => {
    expect(unsafeRegexReason(source)).toMatch(/repeated group contains alternatives/);
  });

  it.each(['(a)\\1', '(?<x>a)\\k<x>'])('refuses backreferences: %j', (source) => {
    expect(unsafeRegexReason(source)).toMatch(/backreferences/);
  });

  it.each([
    '^tanaka', 'soumu$', '^(soumu|kikaku)-', '^[a-z]+-\\d+$', '(ab)+', '(a)+', '(a+)?', '(a+){1}', '(a+){0,1}',
    '\\(a+\\)+', '[(a+)+]', 'a{2,3}', '^\\\\\\\\srv\\\\', '^総務課', '(?=a+)b', 'a+b+c*', '{a}+',
  ])('accepts %j', (source) => {
    expect(() => new RegExp(source, 'i')).not.toThrow();
    expect(unsafeRegexReason(source)).toBeNull();
  });

  it('really would hang on what it refuses, and not on what it accepts', () => {
    // ^(a+)+$ against n a's and a '!' backtracks about 2^n times; n = 18 keeps the test fast yet measurable.
    const slow = (source: string, n: number) => {
      const re = new RegExp(source);
      const start = performance.now();
      re.test(`${'a'.repeat(n)}!`);
      return performance.now() - start;
    };
    const refused = '^(a+)+$';
    const accepted = '^a+$';
    expect(unsafeRegexReason(refused)).not.toBeNull();
    expect(unsafeRegexReason(accepted)).toBeNull();
    expect(slow(refused, 18)).toBeGreaterThan(slow(accepted, 18));
  });
});
