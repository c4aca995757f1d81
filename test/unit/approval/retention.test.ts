import { describe, expect, it } from 'vitest';
import { disposalDate, retentions, type Retention } from '../../../shared/domain/approval/index.js';
import { Desk } from './desk.js';
import { chain, P, single, step, template, town, U } from './town.js';

describe('disposalDate (廃棄予定日)', () => {
  it.each([
    ['1', '2026-03-31'],
    ['3', '2028-03-31'],
    ['5', '2030-03-31'],
    ['10', '2035-03-31'],
    ['30', '2055-03-31'],
    ['permanent', null],
  ] as [Retention, string | null][])('decided in June 2024 (FY2024), kept %s years: %s', (retention, expected) => {
    expect(disposalDate(retention, '2024-06-15T03:00:00Z')).toBe(expected);
  });

  it('covers every retention', () => {
    expect([...retentions]).toEqual(['1', '3', '5', '10', '30', 'permanent']);
  });

  it('reads the fiscal year in Tokyo: 2025-03-31T15:30Z is 1 April, FY2025', () => {
    expect(disposalDate('1', '2025-03-31T14:59:59Z')).toBe('2026-03-31'); // 23:59:59 on 31 March in Tokyo: FY2024
    expect(disposalDate('1', '2025-03-31T15:00:00Z')).toBe('2027-03-31'); // midnight, 1 April: FY2025
    expect(disposalDate('1', '2025-03-31T15:30:00Z')).toBe('2027-03-31');
    expect(disposalDate('5', '2026-01-10T00:00:00Z')).toBe('2031-03-31'); // January belongs to the fiscal year begun the April before
  });

  it('is set on the case when it is decided, from the decision time', () => {
    for (const [retention, expected] of [
      ['1', '2027-03-31'],
      ['permanent', null],
    ] as [Retention, string | null][]) {
      const desk = new Desk({ template: template([single(step('kacho', 'final', chain(P.kacho)))]), org: town(), drafterId: U.jinjiShuji, retention, now: '2025-03-20T00:00:00Z' });
      desk.submit();
      expect(desk.case.disposalOn).toBeNull();
      desk.at('2025-03-31T15:29:00Z');
      desk.act(U.somuKacho, { action: 'final_approve' });
      expect(desk.case).toMatchObject({ retention, approvedAt: '2025-03-31T15:30:00.000Z', disposalOn: expected });
      desk.act(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-04-01' });
      expect(desk.case.disposalOn).toBe(expected);
    }
  });
});
