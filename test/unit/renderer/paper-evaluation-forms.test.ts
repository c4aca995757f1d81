import { describe, expect, it } from 'vitest';
import type { EvaluationRowOut } from '../../../shared/api/kpi-evaluation.js';
import { ApiError } from '../../../renderer/api/ApiError.js';
import { blankRow, evaluationBody, figureOk, newRowKey, purchaseBody, reamCount, rowFieldOf } from '../../../renderer/pages/paper/evaluationForms.js';

const row = (key: string, fromData = false): EvaluationRowOut => ({
  key, label: { ja: key, en: key }, unit: { ja: '件', en: 'cases' }, target: 10, actual: 5, achievementPercent: 50, comment: '', fromData,
});
const rows = [row('paperless', true), row('online-forms'), row('applications')];

describe('the PUT that replaces a year\'s typed-in rows', () => {
  it('keeps the other rows as they are when one is edited, and never sends the paperless row', () => {
    const body = evaluationBody(2024, rows, 1, { key: 'applications', values: { ...blankRow, labelJa: ' 申請件数 ', unitJa: '件', target: 300, actual: '' } });
    expect(body.fiscalYear).toBe(2024);
    expect(body.rows.map((r) => r.key)).toEqual(['online-forms', 'applications']);
    expect(body.rows[1]).toMatchObject({ label: { ja: '申請件数', en: '' }, target: 300, actual: null });
    expect(body.rows[0]).toMatchObject({ key: 'online-forms', target: 10, actual: 5 });
  });

  it('appends a new row at the end and removes one by index', () => {
    expect(evaluationBody(2024, rows, 2, { key: 'new', values: { ...blankRow, labelJa: 'x' } }).rows.map((r) => r.key)).toEqual(['online-forms', 'applications', 'new']);
    expect(evaluationBody(2024, rows, 0, null).rows.map((r) => r.key)).toEqual(['applications']);
  });

  it('makes a key no row has', () => {
    const now = 1_700_000_000_000;
    const first = newRowKey([], now);
    expect(newRowKey([first], now)).not.toBe(first);
  });
});

describe('the figures typed in', () => {
  it('accepts blanks and numbers ≥ 0, refuses negatives and text; reams are whole numbers', () => {
    expect([figureOk(''), figureOk(0), figureOk(1.5), figureOk(-3), figureOk('abc')]).toEqual([true, true, true, false, false]);
    expect([reamCount(''), reamCount(37), reamCount(1.5), reamCount(-1)]).toEqual([null, 37, null, null]);
    expect(purchaseBody('2024-04', { reams: '', note: ' 購入 ' })).toEqual({ month: '2024-04', reams: 0, note: '購入' });
  });

  it("places a server error under the edited row's field only", () => {
    const err = (field: string) => new ApiError({ code: 'validation', message: '', status: 400, field });
    expect(rowFieldOf(err('body.rows.1.target'), 1)).toBe('target');
    expect(rowFieldOf(err('body.rows.1.label.ja'), 1)).toBe('labelJa');
    expect(rowFieldOf(err('body.rows.0.target'), 1)).toBeNull();
    expect(rowFieldOf(err('body.paperlessComment'), 'paperless')).toBe('comment');
    expect(rowFieldOf(new Error('x'), 1)).toBeNull();
  });
});
