import { describe, expect, it } from 'vitest';
import { isWorkingDay, workingDaysBetween } from '../../../shared/domain/approval/working-days.js';

const at = (ymd: string, hm = '10:00') => `${ymd}T${hm}:00+09:00`;

describe('working days (Asia/Tokyo, town-hall calendar)', () => {
  it('counts Friday → Monday as one working day, and nothing on the same day', () => {
    // 2026-04-03 is a Friday.
    expect(workingDaysBetween(at('2026-04-03'), at('2026-04-03', '17:00'))).toBe(0);
    expect(workingDaysBetween(at('2026-04-03'), at('2026-04-04'))).toBe(0);
    expect(workingDaysBetween(at('2026-04-03'), at('2026-04-06', '08:30'))).toBe(1);
    expect(workingDaysBetween(at('2026-04-03', '17:00'), at('2026-04-10', '09:00'))).toBe(5);
    // Received on a Saturday: Monday is its first working day.
    expect(workingDaysBetween(at('2026-04-04'), at('2026-04-06'))).toBe(1);
  });

  it('goes by the Tokyo calendar day, not UTC', () => {
    // Friday 23:30 in Tokyo is Friday 14:30 UTC; Monday 00:30 in Tokyo is Sunday 15:30 UTC.
    expect(workingDaysBetween('2026-04-03T14:30:00Z', '2026-04-05T15:30:00Z')).toBe(1);
    expect(workingDaysBetween('2026-04-03T14:30:00Z', '2026-04-05T14:30:00Z')).toBe(0);
  });

  it('skips Golden Week', () => {
    // 2026: 4/29 (水) 昭和の日, 5/3 (日) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日.
    for (const d of ['2026-04-29', '2026-05-04', '2026-05-05', '2026-05-06']) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-04-30')).toBe(true);
    expect(isWorkingDay('2026-05-01')).toBe(true);
    // Thu 4/30, Fri 5/1, then Thu 5/7.
    expect(workingDaysBetween(at('2026-04-28'), at('2026-05-07'))).toBe(3);
  });

  it('skips the year-end closure 12/29–1/3 and the weekend around it', () => {
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(true);
    expect(isWorkingDay('2027-01-04')).toBe(true);
    // Mon 12/28 → Mon 1/4: only 1/4 counts.
    expect(workingDaysBetween(at('2026-12-28'), at('2027-01-04'))).toBe(1);
    // A weekday 12/30 (水) that is neither weekend nor national holiday is closed all the same.
    expect(workingDaysBetween(at('2026-12-29'), at('2026-12-31'))).toBe(0);
  });

  it('skips a 振替休日 (substitute holiday)', () => {
    // 2025-02-23 天皇誕生日 is a Sunday: Monday 2/24 is 振替休日.
    expect(isWorkingDay('2025-02-24')).toBe(false);
    expect(workingDaysBetween(at('2025-02-21'), at('2025-02-25'))).toBe(1);
    // 2026-11-23 勤労感謝の日 is a Monday; 2026-09-22 is 国民の休日 between 敬老の日 and 秋分の日.
    expect(isWorkingDay('2026-11-23')).toBe(false);
    expect(isWorkingDay('2026-09-22')).toBe(false);
  });

  it('never goes negative and refuses what is not a date', () => {
    expect(workingDaysBetween(at('2026-04-10'), at('2026-04-06'))).toBe(0);
    expect(() => workingDaysBetween('soon', at('2026-04-06'))).toThrow(RangeError);
    expect(() => isWorkingDay('2026/04/06')).toThrow(RangeError);
  });
});
