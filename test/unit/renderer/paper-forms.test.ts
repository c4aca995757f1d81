import { describe, expect, it } from 'vitest';
import { kpiYearInputSchema, nameMapInputSchema } from '../../../shared/api/kpi.js';
import { ApiError } from '../../../renderer/api/ApiError.js';
import { ownFieldError, patternProblem, ruleBody, ruleValuesFor, settingsBody, settingsValues, sheetCount } from '../../../renderer/pages/paper/paperForms.js';

const carried = {
  fiscalYear: 2026, target: null, measure: 'jobs' as const, baselineYear: 2021, baselineSheets: null,
  baselineSource: '', sheetBasis: 'sheets' as const, stored: false,
};

describe('the KPI settings form', () => {
  it('opens on the baseline kind the settings have', () => {
    expect(settingsValues(carried)).toMatchObject({ baselineKind: 'year', baselineYear: '2021', target: '' });
    expect(settingsValues({ ...carried, baselineYear: null, baselineSheets: 480000, baselineSource: '購入記録' }).baselineKind).toBe('figure');
    expect(settingsValues({ ...carried, baselineYear: null }).baselineKind).toBe('none');
  });

  it('sends only the baseline chosen, so a year left in the hidden field does not clash with a typed figure', () => {
    const values = { ...settingsValues(carried), target: 184800, baselineKind: 'figure' as const, baselineSheets: 480000, baselineSource: '  令和3年度 用紙購入記録 ' };
    const body = settingsBody(2026, values);
    expect(body).toEqual({
      fiscalYear: 2026, target: 184800, measure: 'jobs', baselineYear: null, baselineSheets: 480000,
      baselineSource: '令和3年度 用紙購入記録', sheetBasis: 'sheets',
    });
    expect(kpiYearInputSchema.safeParse(body).success).toBe(true);
    const byYear = settingsBody(2026, { ...values, baselineKind: 'year', baselineYear: '2025' });
    expect(byYear).toMatchObject({ baselineYear: 2025, baselineSheets: null, baselineSource: '' });
    expect(settingsBody(2026, { ...values, baselineKind: 'none' })).toMatchObject({ baselineYear: null, baselineSheets: null });
  });

  it('sends an empty target as none, and a bad one as typed so the server refuses it rather than dropping it', () => {
    expect(settingsBody(2026, { ...settingsValues(carried), target: '' }).target).toBeNull();
    const bad = settingsBody(2026, { ...settingsValues(carried), target: -5 });
    expect(bad.target).toBe(-5);
    expect(kpiYearInputSchema.safeParse(bad).success).toBe(false);
  });

  it('accepts whole sheet counts within the API bounds only', () => {
    expect(sheetCount(184800)).toBe(184800);
    expect(sheetCount('46000')).toBe(46000);
    expect(sheetCount(0)).toBe(0);
    expect(sheetCount(-5)).toBeNull();
    expect(sheetCount(1.5)).toBeNull();
    expect(sheetCount('')).toBeNull();
    expect(sheetCount(2_000_000_000)).toBeNull();
  });
});

describe('the mapping rule form', () => {
  it('prefills an exact rule for the name clicked', () => {
    expect(ruleValuesFor('printer', 'HONCHO-2F-PRN01')).toEqual({ subject: 'printer', kind: 'exact', pattern: 'HONCHO-2F-PRN01', departmentId: null, siteId: null });
  });

  it('places users in departments only, printers in a site and/or department', () => {
    const user = ruleBody({ subject: 'user', kind: 'prefix', pattern: ' guest ', departmentId: '4', siteId: '2' });
    expect(user).toEqual({ subject: 'user', kind: 'prefix', pattern: 'guest', departmentId: 4, siteId: null });
    expect(nameMapInputSchema.safeParse(user).success).toBe(true);
    expect(ruleBody({ subject: 'printer', kind: 'exact', pattern: 'OASA-MFP01', departmentId: null, siteId: '3' })).toMatchObject({ departmentId: null, siteId: 3 });
  });

  it('puts the server refusal of a pattern under the pattern field, in its own words', () => {
    const error = new ApiError({ code: 'validation', message: 'x', status: 400, field: 'body.pattern', detail: 'nested quantifier (a+)+ could hang' });
    const words = (field: string, code: string, detail: string | undefined) => (field === 'pattern' && code === 'validation' ? `使えません（${detail ?? ''}）` : null);
    expect(ownFieldError(error, ['subject', 'kind', 'pattern'], words)).toEqual({ field: 'pattern', message: '使えません（nested quantifier (a+)+ could hang）' });
    // Not this form's field, or a code without own words: left to the generic feedback.
    expect(ownFieldError(error, ['target'], words)).toBeNull();
    expect(ownFieldError(new ApiError({ code: 'duplicate', message: 'x', status: 409, field: 'body.pattern' }), ['pattern'], words)).toBeNull();
    expect(ownFieldError(new Error('boom'), ['pattern'], words)).toBeNull();
  });
});

describe('why a pattern was refused', () => {
  it('tells a regex that does not parse, one that could hang, and one too long apart', () => {
    expect(patternProblem('invalid regular expression: Invalid regular expression: /(/i: Unterminated group')).toEqual({
      kind: 'invalid', detail: 'Invalid regular expression: /(/i: Unterminated group',
    });
    expect(patternProblem('refused regular expression: a repeated group contains another quantifier (like (a+)+), which can take exponential time')).toEqual({ kind: 'unsafe' });
    expect(patternProblem('backreferences (\\1, \\k<name>) are not allowed in mapping rules: they can take exponential time')).toEqual({ kind: 'unsafe' });
    expect(patternProblem('the pattern is 240 characters long; at most 200 are allowed')).toEqual({ kind: 'tooLong' });
    expect(patternProblem('something new')).toEqual({ kind: 'other', detail: 'something new' });
    expect(patternProblem(undefined)).toEqual({ kind: 'other', detail: '' });
  });
});
