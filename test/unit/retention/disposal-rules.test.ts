import { describe, expect, it } from 'vitest';
import { disposalOutcome, type DisposalCandidate } from '../../../electron/app/approvals/disposal-rules.js';

const kept: DisposalCandidate = { state: 'approved', retention: '5', disposalOn: '2030-03-31', disposedAt: null };

describe('disposalOutcome', () => {
  it('allows disposal from the day after the last day of retention, never on it', () => {
    expect(disposalOutcome(kept, '2030-03-30')).toBe('not_due');
    expect(disposalOutcome(kept, '2030-03-31')).toBe('not_due');
    expect(disposalOutcome(kept, '2030-04-01')).toBe('disposed');
    expect(disposalOutcome({ ...kept, state: 'enforced' }, '2031-01-01')).toBe('disposed');
  });

  it('never disposes of a permanent record, whatever the date', () => {
    expect(disposalOutcome({ ...kept, retention: 'permanent', disposalOn: null }, '2999-01-01')).toBe('permanent');
  });

  it('refuses undecided, already disposed and missing cases with their own reason', () => {
    expect(disposalOutcome({ ...kept, state: 'in_progress', disposalOn: null }, '2031-01-01')).toBe('not_decided');
    expect(disposalOutcome({ ...kept, state: 'rejected' }, '2031-01-01')).toBe('not_decided');
    expect(disposalOutcome({ ...kept, disposedAt: '2030-05-01T00:00:00.000Z' }, '2031-01-01')).toBe('already_disposed');
    expect(disposalOutcome(undefined, '2031-01-01')).toBe('not_found');
  });
});
