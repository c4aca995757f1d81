import type { api, BodyOf, KpiMeasure, KpiYear, NameMap } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { formFieldOf } from '../../forms/serverErrors.js';

/**
 * The values of the dashboard's two forms (a year's KPI settings, a mapping
 * rule) and the request bodies made from them. Pure, so the choices the user
 * makes (a baseline year OR a typed figure, a department OR a site) are pinned
 * down by tests rather than found out from a 400.
 */

export type BaselineKind = 'year' | 'figure' | 'none';

export interface SettingsValues {
  /** '' for no target; NumberInput gives a number once something is typed. */
  target: number | string;
  measure: KpiMeasure;
  baselineKind: BaselineKind;
  baselineYear: string | null;
  baselineSheets: number | string;
  baselineSource: string;
  sheetBasis: KpiYear['sheetBasis'];
}

export function settingsValues(settings: KpiYear): SettingsValues {
  return {
    target: settings.target ?? '',
    measure: settings.measure,
    baselineKind: settings.baselineYear !== null ? 'year' : settings.baselineSheets !== null ? 'figure' : 'none',
    baselineYear: settings.baselineYear === null ? null : String(settings.baselineYear),
    baselineSheets: settings.baselineSheets ?? '',
    baselineSource: settings.baselineSource,
    sheetBasis: settings.sheetBasis,
  };
}

const blank = (v: number | string) => typeof v === 'string' && v.trim() === '';

/** A whole number of sheets 0 … 1,000,000,000 (the API's bounds), or null when it is not one. */
export function sheetCount(v: number | string): number | null {
  const value = typeof v === 'number' ? v : Number(v.trim());
  return Number.isInteger(value) && value >= 0 && value <= 1_000_000_000 && !blank(v) ? value : null;
}

export type SettingsBody = BodyOf<typeof api.setKpiYear>;

/** A typed number as sent: '' is "none"; anything else goes as typed, so a bad one is refused by the server, not dropped. */
function typed(v: number | string): number | null {
  return blank(v) ? null : Number(v);
}

/**
 * The PUT body: only the baseline kind chosen is sent (the API refuses a year
 * and a figure together), and the source only with a figure. A target of −5
 * is sent as −5: the form refuses it first, and were that bypassed the server
 * would refuse it too, rather than the year quietly losing its target.
 */
export function settingsBody(fiscalYear: number, v: SettingsValues): SettingsBody {
  return {
    fiscalYear,
    target: typed(v.target),
    measure: v.measure,
    baselineYear: v.baselineKind === 'year' && v.baselineYear !== null ? Number(v.baselineYear) : null,
    baselineSheets: v.baselineKind === 'figure' ? typed(v.baselineSheets) : null,
    baselineSource: v.baselineKind === 'figure' ? v.baselineSource.trim() : '',
    sheetBasis: v.sheetBasis,
  };
}

export interface RuleValues {
  subject: NameMap['subject'];
  kind: NameMap['kind'];
  pattern: string;
  departmentId: string | null;
  siteId: string | null;
}

/** One click from a name in the mapping list: an exact rule for that very name. */
export function ruleValuesFor(subject: NameMap['subject'], name: string): RuleValues {
  return { subject, kind: 'exact', pattern: name, departmentId: null, siteId: null };
}

export type RuleBody = BodyOf<typeof api.createNameMap>;

/** Log users belong to departments; printers to a site, a department or both. */
export function ruleBody(v: RuleValues): RuleBody {
  return {
    subject: v.subject,
    kind: v.kind,
    pattern: v.pattern.trim(),
    departmentId: v.departmentId ? Number(v.departmentId) : null,
    siteId: v.subject === 'printer' && v.siteId ? Number(v.siteId) : null,
  };
}

/**
 * A server error in this form's own words, for the inputs whose generic
 * message ("target: 入力内容に誤りがあります") would not tell the user what
 * to change. null: leave it to useSaveFeedback.
 */
export function ownFieldError(
  error: unknown,
  fields: readonly string[],
  words: (field: string, code: string, detail: string | undefined) => string | null,
): { field: string; message: string } | null {
  if (!isApiError(error)) return null;
  const field = formFieldOf(error, fields);
  if (field === null) return null;
  const message = words(field, error.code, error.detail);
  return message === null ? null : { field, message };
}

/** Why the server refused a rule's pattern, read from its (English) detail so the form can say it in Japanese. */
export type PatternProblem = { kind: 'invalid'; detail: string } | { kind: 'unsafe' } | { kind: 'tooLong' } | { kind: 'other'; detail: string };

/**
 * The refusals of shared/domain/kpi/org-mapping.ts compileRules: a regex that
 * does not parse (its parser's words are kept: they point at the mistake), one
 * that could hang (nested quantifiers, backreferences), a pattern too long.
 */
export function patternProblem(detail: string | undefined): PatternProblem {
  const text = detail ?? '';
  const invalid = /^invalid regular expression: (.*)$/s.exec(text);
  if (invalid) return { kind: 'invalid', detail: invalid[1] ?? '' };
  if (/^refused regular expression:|backreferences/.test(text)) return { kind: 'unsafe' };
  if (/characters long; at most/.test(text)) return { kind: 'tooLong' };
  return { kind: 'other', detail: text };
}
