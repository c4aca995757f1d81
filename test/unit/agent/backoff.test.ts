import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from '../../../electron/app/agent/backoff.js';

const policy: BackoffPolicy = { firstMs: 1_000, maxMs: 60_000, jitter: 0.2 };
// 0.5 makes the jitter term (2r - 1) exactly zero: the bare doubling shows.
const middle = () => 0.5;
const lowest = () => 0;
// The largest value Math.random can return is just below 1.
const highest = () => 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('waits firstMs before the first retry (no jitter at random 0.5)', () => {
    expect(backoffDelay(1, policy, middle)).toBe(1_000);
    expect(backoffDelay(1, { firstMs: 250, maxMs: 10_000, jitter: 0.5 }, middle)).toBe(250);
  });

  it('doubles the wait at each retry', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, middle))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('stops growing at maxMs, even for very many retries', () => {
    expect(backoffDelay(7, policy, middle)).toBe(60_000);
    expect(backoffDelay(40, policy, middle)).toBe(60_000);
    // 2 ** 10_000 is Infinity: the exponent must be clamped before the cap applies.
    expect(backoffDelay(10_000, policy, middle)).toBe(60_000);
  });

  it('spreads the wait by at most ±jitter: random 0 gives the low end, random ~1 the high end', () => {
    expect(backoffDelay(1, policy, lowest)).toBe(800);
    expect(backoffDelay(1, policy, highest)).toBe(1_200);
    expect(backoffDelay(3, policy, lowest)).toBe(3_200);
    expect(backoffDelay(3, policy, highest)).toBe(4_800);
  });

  it('never exceeds maxMs even with the jitter on top of a capped wait', () => {
    expect(backoffDelay(20, policy, lowest)).toBe(48_000);
    expect(backoffDelay(20, policy, highest)).toBe(60_000);
  });

  it('stays within the bounds for any random value', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const base = Math.min(policy.maxMs, policy.firstMs * 2 ** (attempt - 1));
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
        const d = backoffDelay(attempt, policy, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * (1 - policy.jitter)));
        expect(d).toBeLessThanOrEqual(Math.min(policy.maxMs, Math.ceil(base * (1 + policy.jitter))));
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });

  it('treats attempt 0 or less like the first retry, never a negative wait', () => {
    expect(backoffDelay(0, policy, middle)).toBe(1_000);
    expect(backoffDelay(-3, policy, lowest)).toBe(800);
  });

  it('uses the default policy (1 s doubling to 60 s, ±20 %) when none is given', () => {
    expect(defaultBackoff).toEqual({ firstMs: 1_000, maxMs: 60_000, jitter: 0.2 });
    expect(backoffDelay(1, undefined, middle)).toBe(1_000);
    expect(backoffDelay(12, undefined, middle)).toBe(60_000);
  });
});
