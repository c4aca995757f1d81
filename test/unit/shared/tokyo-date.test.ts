import { describe, expect, it } from 'vitest';
import { tokyoDate } from '../../../shared/domain/tokyo-date.js';

describe('tokyoDate', () => {
  it('gives the Tokyo calendar day of an instant, across midnight and the fiscal year', () => {
    expect(tokyoDate('2024-03-31T14:59:59.999Z')).toBe('2024-03-31');
    expect(tokyoDate('2024-03-31T15:00:00.000Z')).toBe('2024-04-01');
    expect(tokyoDate('2024-04-01T08:30:00+09:00')).toBe('2024-04-01');
    expect(tokyoDate('2023-12-31T20:00:00Z')).toBe('2024-01-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => tokyoDate('not a date')).toThrow(RangeError);
  });
});
