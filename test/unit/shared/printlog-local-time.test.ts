import { describe, expect, it } from 'vitest';
import { localTimeToIso, wallClockToIso } from '../../../shared/domain/printlog/local-time.js';
import { prng } from '../../helpers/printlog-generate.js';

/** The zone's offset at an instant, from Intl alone: the reference the cached conversion must agree with. */
function offsetAt(epochMs: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second'])) - Math.floor(epochMs / 1000) * 1000;
}

/** Wall clock → instant the slow way: two passes over the offset, as the conversion is defined. */
function reference(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): string | null {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const first = asUtc - offsetAt(asUtc, timeZone);
  return new Date(asUtc - offsetAt(first, timeZone)).toISOString();
}

describe('local times to UTC', () => {
  it('agrees with the conversion done time by time, across DST changes and zones whose offsets are not whole hours', () => {
    const rnd = prng(17);
    const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'UTC'];
    // Days around the changes of 2024 (March, April, October, November) and a few others.
    const days = [[2024, 3, 10], [2024, 3, 31], [2024, 4, 7], [2024, 10, 6], [2024, 10, 27], [2024, 11, 3], [2024, 6, 15], [2025, 1, 1]];
    for (const timeZone of zones) {
      for (const [y = 0, mo = 0, d = 0] of days) {
        for (let h = 0; h < 24; h++) {
          for (let i = 0; i < 6; i++) {
            const mi = Math.floor(rnd() * 60);
            const s = i === 0 ? 0 : i === 1 ? 59 : Math.floor(rnd() * 60);
            expect(localTimeToIso(y, mo, d, h, mi, s, timeZone), `${timeZone} ${y}-${mo}-${d} ${h}:${mi}:${s}`).toBe(reference(y, mo, d, h, mi, s, timeZone));
          }
        }
      }
    }
  });

  it('refuses impossible times, before and after it has met their hour', () => {
    for (let round = 0; round < 2; round++) {
      expect(localTimeToIso(2024, 4, 31, 10, 0, 0)).toBeNull();
      expect(localTimeToIso(2023, 2, 29, 10, 0, 0)).toBeNull();
      expect(localTimeToIso(2024, 4, 1, 10, 60, 0)).toBeNull();
      expect(localTimeToIso(2024, 4, 1, 10, 0, 60)).toBeNull();
      expect(localTimeToIso(2024, 4, 1, 24, 0, 0)).toBeNull();
      expect(localTimeToIso(2024, 4, 1, 10, 0.5, 0)).toBeNull();
      expect(localTimeToIso(2024, 4, 1, 10, 30, 0)).toBe('2024-04-01T01:30:00.000Z');
    }
    expect(wallClockToIso({ year: 2024, month: 4, day: 1, hour: 0, minute: 30, second: 0 })).toBe('2024-03-31T15:30:00.000Z');
  });
});
