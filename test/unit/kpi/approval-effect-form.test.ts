import { describe, expect, it } from 'vitest';
import { approvalEffectSettingsSchema, MAX_PAPER_COPIES } from '../../../shared/api/kpi-approval-effect.js';
import { approvalEffectBody, approvalEffectValues, copiesCount } from '../../../renderer/pages/paper/approvalEffectForm.js';

// The e-approval effect's settings form checks what the API checks: 0–20 whole copies.
describe('the e-approval effect settings form', () => {
  it('takes 0 to 20 whole copies, typed or as text, and nothing else', () => {
    for (const ok of [0, 1, 2, 20, '3', ' 4 ']) expect(copiesCount(ok), String(ok)).toBe(Number(ok));
    for (const bad of [-1, 21, 1.5, '', '  ', 'two', Number.NaN]) expect(copiesCount(bad), String(bad)).toBeNull();
    expect(MAX_PAPER_COPIES).toBe(20);
  });

  it('agrees with the API schema on every count from −2 to 22 and on halves', () => {
    for (let v = -2; v <= 22; v += 0.5) {
      expect(copiesCount(v) !== null, String(v)).toBe(approvalEffectSettingsSchema.safeParse({ paperCopies: v, duplex: false }).success);
    }
  });

  it('makes the PUT body from the values, or null while the copies are not a count', () => {
    expect(approvalEffectValues({ paperCopies: 2, duplex: false })).toEqual({ paperCopies: 2, duplex: false });
    expect(approvalEffectBody({ paperCopies: '3', duplex: true })).toEqual({ paperCopies: 3, duplex: true });
    expect(approvalEffectBody({ paperCopies: '', duplex: true })).toBeNull();
    expect(approvalEffectBody({ paperCopies: 21, duplex: false })).toBeNull();
  });
});
