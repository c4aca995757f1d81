import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievementPercent, reduction } from '../../../../shared/domain/kpi/achievement.js';

/** The exact whole percent, half away from zero, computed with BigInt as an independent reference. */
function exactPercent(r: number, t: number): number {
  const n = BigInt(Math.abs(r)) * 200n + BigInt(t);
  const q = Number(n / (BigInt(t) * 2n));
  return q === 0 ? 0 : Math.sign(r) * q;
}

describe('reduction', () => {
  it('is baseline − year', () => {
    expect(reduction(1_000_000, 925_760)).toBe(74_240);
    expect(reduction(1_000_000, 897_409)).toBe(102_591);
    expect(reduction(1_000, 1_200)).toBe(-200);
  });
});

describe('achievementPercent', () => {
  it('reproduces the seed: 161% and 79%', () => {
    expect(achievementPercent(74_240, 46_000)).toBe(161);
    expect(achievementPercent(102_591, 130_000)).toBe(79);
  });

  it('rounds half away from zero (四捨五入), exactly at .5', () => {
    expect(achievementPercent(125, 1_000)).toBe(13); // 12.5%
    expect(achievementPercent(12_499, 100_000)).toBe(12); // 12.499%
    expect(achievementPercent(1, 200)).toBe(1); // 0.5%
    expect(achievementPercent(1, 201)).toBe(0); // 0.4975%
    expect(achievementPercent(-125, 1_000)).toBe(-13);
    expect(achievementPercent(-1, 201)).toBe(0);
    expect(Object.is(achievementPercent(-1, 201), 0)).toBe(true); // not -0
  });

  it('is not clamped: negative when more was printed, over 100 when the target is beaten', () => {
    expect(achievementPercent(-50_000, 184_800)).toBe(-27);
    expect(achievementPercent(400_000, 184_800)).toBe(216);
  });

  it('is null for a target of 0 or below, or a figure that is not finite', () => {
    expect(achievementPercent(74_240, 0)).toBeNull();
    expect(achievementPercent(74_240, -5)).toBeNull();
    expect(achievementPercent(Number.NaN, 46_000)).toBeNull();
    expect(achievementPercent(74_240, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('equals the exact integer computation for any whole figures (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.integer({ min: 1, max: 10_000_000_000 }), (r, t) => {
      expect(achievementPercent(r, t)).toBe(exactPercent(r, t));
    }));
  });

  it('is symmetric in the sign of the reduction (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (r, t) => {
      expect(achievementPercent(-r, t)).toBe(-(achievementPercent(r, t) ?? 0) || 0);
    }));
  });
});
