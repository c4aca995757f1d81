import type { api, QueryOf } from '../../shared/api/index.js';

export type UserListQuery = QueryOf<typeof api.listUsers>;
export type LogFileListQuery = QueryOf<typeof api.listLogFiles>;
export type RejectedListQuery = QueryOf<typeof api.listRejectedLines>;
export type KpiBreakdownQuery = QueryOf<typeof api.kpiBreakdown>;
export type KpiNamesQuery = QueryOf<typeof api.kpiNames>;
export type CaseListQuery = QueryOf<typeof api.listCases>;

/** Every cache key in one place, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  health: ['health'],
  session: ['session'],
  sites: ['org', 'sites'],
  departments: ['org', 'departments'],
  positions: ['org', 'positions'],
  users: ['users'],
  userList: (query: UserListQuery) => ['users', query],
  /** Everything an import changes: invalidate this after one. */
  printlog: ['printlog'],
  printlogSummary: ['printlog', 'summary'],
  logFiles: (query: LogFileListQuery) => ['printlog', 'files', query],
  rejectedLines: (query: RejectedListQuery) => ['printlog', 'rejected', query],
  /** Under `printlog` so that an import (which invalidates printlog) refreshes the sources' figures too. */
  sources: ['printlog', 'sources'],
  importProgress: (uploadId: string) => ['importProgress', uploadId],
  sourcePreview: (key: string | null) => ['sourcePreview', key],
  /**
   * The paper KPI (紙削減): everything under `kpi` changes when jobs are stored
   * (the server events refresh it with `printlog`), when a year's settings are
   * saved and when a mapping rule is added or removed.
   */
  kpi: ['kpi'],
  kpiReport: (fy: number, measure: string | null) => ['kpi', 'report', fy, measure],
  kpiBreakdown: (query: KpiBreakdownQuery) => ['kpi', 'breakdown', query],
  kpiDocuments: (fy: number) => ['kpi', 'documents', fy],
  kpiNames: (query: KpiNamesQuery) => ['kpi', 'names', query],
  kpiYears: ['kpi', 'years'],
  kpiYear: (fy: number) => ['kpi', 'year', fy],
  nameMaps: ['kpi', 'maps'],
  /** Under `kpi`: the paperless row of the table is computed from the same jobs and settings. */
  kpiEvaluation: (fy: number, lang: string) => ['kpi', 'evaluation', fy, lang],
  kpiPurchases: (fy: number) => ['kpi', 'purchases', fy],
  /** E-approval (電子決裁): everything under `approvals` may change with a case event (useServerEvents). */
  approvals: ['approvals'],
  inbox: ['approvals', 'inbox'],
  caseList: (query: CaseListQuery) => ['approvals', 'cases', 'list', query],
  caseView: (id: number) => ['approvals', 'cases', 'view', id],
  /** 起案: document types with their route templates, and the route a draft would take (not under `approvals`: case events do not change them). */
  documentTypes: ['documentTypes'],
  routePreview: (typeId: number, amount: number | null, consultDepartmentIds: readonly number[]) => ['routePreview', typeId, amount, consultDepartmentIds],
} as const;
