import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type KpiMeasure, type Language } from '../../../shared/api/index.js';
import { call } from '../../api/client.js';
import { queryKeys, type KpiBreakdownQuery } from '../../api/queryKeys.js';

/**
 * The 紙削減 dashboard's reads. All live under queryKeys.kpi, which the
 * server events (a stored job), a saved year and a changed mapping rule
 * invalidate together: every figure on the page comes from the same jobs.
 * The previous year's figures stay on screen while another year loads, so
 * the layout does not collapse when the picker changes.
 */

export function useKpiReport(fy: number, measure: KpiMeasure | null = null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.kpiReport(fy, measure),
    queryFn: () => call(api.kpiReport, { query: measure === null ? { fy } : { fy, measure } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKpiYear(fy: number) {
  return useQuery({ queryKey: queryKeys.kpiYear(fy), queryFn: () => call(api.kpiYear, { query: { fy } }), placeholderData: keepPreviousData });
}

export function useKpiYears() {
  return useQuery({ queryKey: queryKeys.kpiYears, queryFn: () => call(api.listKpiYears) });
}

/** The years the picker offers. Under `kpi`: a stored job or purchase can add a year. */
export function useKpiFiscalYears() {
  return useQuery({ queryKey: [...queryKeys.kpi, 'fiscal-years'], queryFn: () => call(api.kpiFiscalYears) });
}

export function useKpiBreakdown(query: KpiBreakdownQuery, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.kpiBreakdown(query),
    queryFn: () => call(api.kpiBreakdown, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKpiDocuments(fy: number) {
  return useQuery({
    queryKey: queryKeys.kpiDocuments(fy),
    queryFn: () => call(api.kpiDocuments, { query: { fy, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiNames(fy: number, subject: 'user' | 'printer') {
  return useQuery({
    queryKey: queryKeys.kpiNames({ fy, subject }),
    queryFn: () => call(api.kpiNames, { query: { fy, subject } }),
    placeholderData: keepPreviousData,
  });
}

export function useNameMaps() {
  return useQuery({ queryKey: queryKeys.nameMaps, queryFn: () => call(api.listNameMaps) });
}

/** The evaluation table (評価); `lang` is the language of the generated paperless comment. */
export function useKpiEvaluation(fy: number, lang: Language) {
  return useQuery({
    queryKey: queryKeys.kpiEvaluation(fy, lang),
    queryFn: () => call(api.kpiEvaluation, { query: { fy, lang } }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiPurchases(fy: number) {
  return useQuery({
    queryKey: queryKeys.kpiPurchases(fy),
    queryFn: () => call(api.kpiPurchases, { query: { fy } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The e-approval effect (an estimate, apart from the measured figures). Under `kpi`: saving its settings,
 * and whatever else refreshes the dashboard, refreshes it too.
 */
export function useKpiApprovalEffect(fy: number) {
  return useQuery({
    queryKey: [...queryKeys.kpi, 'approval-effect', fy],
    queryFn: () => call(api.kpiApprovalEffect, { query: { fy } }),
    placeholderData: keepPreviousData,
  });
}
