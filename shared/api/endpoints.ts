import { z } from 'zod';
import { approvalApi } from './approval-endpoints.js';
import { archiveApi } from './archive-endpoints.js';
import { mailApi } from './mail-endpoints.js';
import { searchApi } from './search-endpoints.js';
import { relatedApi } from './related-endpoints.js';
import { endpoint, publicAccess, roles, signedIn, sourceToken } from './endpoint.js';
import {
  changePasswordSchema,
  healthSchema,
  loginBodySchema,
  okSchema,
  preferencesSchema,
  sessionSchema,
  setupBodySchema,
  townSchema,
} from './auth.js';
import {
  departmentInputSchema,
  departmentPatchSchema,
  departmentSchema,
  idParamsSchema,
  positionInputSchema,
  positionPatchSchema,
  positionSchema,
  resetPasswordSchema,
  siteInputSchema,
  sitePatchSchema,
  siteSchema,
  userInputSchema,
  userListQuerySchema,
  userListSchema,
  userPatchSchema,
  userRowSchema,
} from './org.js';
import {
  importMaxBytes,
  importQuerySchema,
  importProgressQuerySchema,
  importProgressSchema,
  importResultSchema,
  logFileListQuerySchema,
  logFileListSchema,
  printlogSummarySchema,
  rejectedListQuerySchema,
  rejectedListSchema,
} from './printlog.js';
import {
  previewBodySchema,
  previewResultSchema,
  sourceCreatedSchema,
  sourceIdParamsSchema,
  sourceInputSchema,
  sourceListSchema,
  sourceStatusSchema,
  sourceTokenSchema,
} from './sources.js';
import {
  kpiBreakdownQuerySchema,
  kpiBreakdownSchema,
  kpiDocumentsQuerySchema,
  kpiDocumentsSchema,
  kpiNameListSchema,
  kpiNamesQuerySchema,
  kpiReportQuerySchema,
  kpiReportSchema,
  kpiYearInputSchema,
  kpiYearListSchema,
  kpiYearQuerySchema,
  kpiYearSchema,
  nameMapIdParamsSchema,
  nameMapImportResultSchema,
  nameMapImportSchema,
  nameMapInputSchema,
  nameMapListSchema,
  nameMapSchema,
} from './kpi.js';
import {
  evaluationInputSchema,
  evaluationQuerySchema,
  evaluationSchema,
  fiscalYearListSchema,
  purchaseImportResultSchema,
  purchaseImportSchema,
  purchaseInputSchema,
  purchaseListSchema,
  purchaseSchema,
  purchasesQuerySchema,
} from './kpi-evaluation.js';
import { approvalEffectQuerySchema, approvalEffectSchema, approvalEffectSettingsSchema } from './kpi-approval-effect.js';
import {
  ingestChunkMaxBytes,
  ingestChunkQuerySchema,
  ingestFileQuerySchema,
  ingestFileStateSchema,
  ingestHelloSchema,
  ingestSourceSchema,
} from './ingest.js';

/**
 * Every HTTP endpoint of Kamiless. The server registers handlers for these,
 * the renderer's client calls them, and the OpenAPI document is generated
 * from them. Paths marked "public contract" are used by other tools: keep them.
 */
export const api = {
  health: endpoint({
    method: 'GET', path: '/api/health', access: publicAccess, tag: 'system',
    summary: 'Version, mode and schema version (public contract)',
    response: healthSchema,
  }),
  setup: endpoint({
    method: 'POST', path: '/api/setup', access: publicAccess, tag: 'system',
    summary: 'First-run set-up: name the town and create the first administrator; only while no user exists',
    body: setupBodySchema,
    response: sessionSchema,
  }),
  login: endpoint({
    method: 'POST', path: '/api/auth/login', access: publicAccess, tag: 'auth',
    summary: 'Sign in; sets the session cookie (public contract)',
    body: loginBodySchema,
    response: sessionSchema,
  }),
  logout: endpoint({
    method: 'POST', path: '/api/auth/logout', access: signedIn, tag: 'auth',
    summary: 'Sign out of this session (public contract)',
    response: okSchema,
  }),
  logoutEverywhere: endpoint({
    method: 'POST', path: '/api/auth/logout-everywhere', access: signedIn, tag: 'auth',
    summary: 'Sign out of every session of the current user',
    response: okSchema,
  }),
  me: endpoint({
    method: 'GET', path: '/api/me', access: signedIn, tag: 'auth',
    summary: 'The signed-in user and the CSRF token of this session (public contract)',
    response: sessionSchema,
  }),
  changePassword: endpoint({
    method: 'PUT', path: '/api/me/password', access: signedIn, tag: 'auth',
    summary: 'Change my password; other sessions are signed out',
    body: changePasswordSchema,
    response: okSchema,
  }),
  setPreferences: endpoint({
    method: 'PUT', path: '/api/me/preferences', access: signedIn, tag: 'auth',
    summary: 'Remember my language',
    body: preferencesSchema,
    response: sessionSchema,
  }),
  updateTown: endpoint({
    method: 'PUT', path: '/api/town', access: roles('admin'), tag: 'org',
    summary: "Rename the municipality (shown on every page and on approval records)",
    body: townSchema,
    response: townSchema,
  }),
  listSites: endpoint({
    method: 'GET', path: '/api/org/sites', access: signedIn, tag: 'org',
    summary: 'Sites (本庁, 支所, 出先), inactive included',
    response: z.array(siteSchema),
  }),
  createSite: endpoint({
    method: 'POST', path: '/api/org/sites', access: roles('admin'), tag: 'org',
    summary: 'Create a site', body: siteInputSchema, response: siteSchema,
  }),
  updateSite: endpoint({
    method: 'PATCH', path: '/api/org/sites/:id', access: roles('admin'), tag: 'org',
    summary: 'Edit or (de)activate a site', params: idParamsSchema, body: sitePatchSchema, response: siteSchema,
  }),
  listDepartments: endpoint({
    method: 'GET', path: '/api/org/departments', access: signedIn, tag: 'org',
    summary: 'Departments (部 → 課 → 係), flat with parent ids, inactive included',
    response: z.array(departmentSchema),
  }),
  createDepartment: endpoint({
    method: 'POST', path: '/api/org/departments', access: roles('admin'), tag: 'org',
    summary: 'Create a department', body: departmentInputSchema, response: departmentSchema,
  }),
  updateDepartment: endpoint({
    method: 'PATCH', path: '/api/org/departments/:id', access: roles('admin'), tag: 'org',
    summary: 'Edit, move or (de)activate a department',
    params: idParamsSchema, body: departmentPatchSchema, response: departmentSchema,
  }),
  listPositions: endpoint({
    method: 'GET', path: '/api/org/positions', access: signedIn, tag: 'org',
    summary: 'Positions (職位) with their rank, highest first', response: z.array(positionSchema),
  }),
  createPosition: endpoint({
    method: 'POST', path: '/api/org/positions', access: roles('admin'), tag: 'org',
    summary: 'Create a position', body: positionInputSchema, response: positionSchema,
  }),
  updatePosition: endpoint({
    method: 'PATCH', path: '/api/org/positions/:id', access: roles('admin'), tag: 'org',
    summary: 'Rename, re-rank or (de)activate a position',
    params: idParamsSchema, body: positionPatchSchema, response: positionSchema,
  }),
  listUsers: endpoint({
    method: 'GET', path: '/api/users', access: roles('admin'), tag: 'users',
    summary: 'Search users (login, name, kana, e-mail), paged',
    query: userListQuerySchema, response: userListSchema,
  }),
  createUser: endpoint({
    method: 'POST', path: '/api/users', access: roles('admin'), tag: 'users',
    summary: 'Create a user', body: userInputSchema, response: userRowSchema,
  }),
  updateUser: endpoint({
    method: 'PATCH', path: '/api/users/:id', access: roles('admin'), tag: 'users',
    summary: 'Edit or (de)activate a user; deactivating signs them out',
    params: idParamsSchema, body: userPatchSchema, response: userRowSchema,
  }),
  resetPassword: endpoint({
    method: 'POST', path: '/api/users/:id/password', access: roles('admin'), tag: 'users',
    summary: "Set a user's password (admin reset); signs them out everywhere",
    params: idParamsSchema, body: resetPasswordSchema, response: okSchema,
  }),
  printlogSummary: endpoint({
    method: 'GET', path: '/api/printlog/summary', access: roles('dx', 'admin'), tag: 'printlog',
    summary: 'Totals of the stored print jobs: jobs, pages, sheets, jobs today (JST), rejected lines, latest job time',
    response: printlogSummarySchema,
  }),
  listLogFiles: endpoint({
    method: 'GET', path: '/api/printlog/files', access: roles('dx', 'admin'), tag: 'printlog',
    summary: 'Imported log files, most recently read first, with the jobs, sightings and rejected lines of each',
    query: logFileListQuerySchema, response: logFileListSchema,
  }),
  listRejectedLines: endpoint({
    method: 'GET', path: '/api/printlog/rejected', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "Rejected log lines (file, line, reason, raw text): newest file first, each file's lines in order",
    query: rejectedListQuerySchema, response: rejectedListSchema,
  }),
  importLogFile: endpoint({
    method: 'POST', path: '/api/printlog/import', access: roles('dx', 'admin'), tag: 'printlog',
    summary: 'Import one log file sent as the raw request body (application/octet-stream; name in ?name= or x-file-name)',
    query: importQuerySchema,
    upload: { contentType: 'application/octet-stream', maxBytes: importMaxBytes },
    response: importResultSchema,
  }),
  importProgress: endpoint({
    method: 'GET', path: '/api/printlog/import/progress', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "How far the server has read a file being imported (?uploadId= as given to the import); the uploader's own imports only",
    query: importProgressQuerySchema, response: importProgressSchema,
  }),
  listSources: endpoint({
    method: 'GET', path: '/api/printlog/sources', access: roles('dx', 'admin'), tag: 'printlog',
    summary: 'Log sources (watched folders and branch agents) with their status: files, jobs, jobs today, rejected, last job, lag, error',
    response: sourceListSchema,
  }),
  createSource: endpoint({
    method: 'POST', path: '/api/printlog/sources', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "Add a log source; the answer carries the agent token once (a removed source of the same name comes back)",
    body: sourceInputSchema, response: sourceCreatedSchema,
  }),
  updateSource: endpoint({
    method: 'PUT', path: '/api/printlog/sources/:id', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "Change a source's settings; its files and their positions stay",
    params: sourceIdParamsSchema, body: sourceInputSchema, response: sourceStatusSchema,
  }),
  removeSource: endpoint({
    method: 'DELETE', path: '/api/printlog/sources/:id', access: roles('dx', 'admin'), tag: 'printlog',
    summary: 'Stop a source (its files, jobs and rejected lines stay; adding it again resumes it)',
    params: sourceIdParamsSchema, response: sourceStatusSchema,
  }),
  renewSourceToken: endpoint({
    method: 'POST', path: '/api/printlog/sources/:id/token', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "Issue a new agent token for a source (the old one stops working at once); shown once",
    params: sourceIdParamsSchema, response: sourceTokenSchema,
  }),
  previewSource: endpoint({
    method: 'POST', path: '/api/printlog/preview', access: roles('dx', 'admin'), tag: 'printlog',
    summary: "Parse the first lines of a sample (uploaded, or a watched folder's first file) with a format and mapping, storing nothing",
    body: previewBodySchema, response: previewResultSchema,
  }),
  kpiReport: endpoint({
    method: 'GET', path: '/api/kpi/report', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "A fiscal year's paper KPI (public contract, the same JSON as kamiless report --json): sheets, baseline, reduction, target, 達成率, months, breakdowns",
    query: kpiReportQuerySchema, response: kpiReportSchema,
  }),
  kpiBreakdown: endpoint({
    method: 'GET', path: '/api/kpi/breakdown', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "A drill-down of a year's print jobs within a site and/or department (0 = 未割当): departments, printers, users, months",
    query: kpiBreakdownQuerySchema, response: kpiBreakdownSchema,
  }),
  kpiDocuments: endpoint({
    method: 'GET', path: '/api/kpi/documents', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'The documents printed most in a fiscal year, by sheets',
    query: kpiDocumentsQuerySchema, response: kpiDocumentsSchema,
  }),
  kpiNames: endpoint({
    method: 'GET', path: '/api/kpi/names', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "A fiscal year's log user or printer names, most sheets first, with where the mapping places each (未割当 when nowhere)",
    query: kpiNamesQuerySchema, response: kpiNameListSchema,
  }),
  listKpiYears: endpoint({
    method: 'GET', path: '/api/kpi/years', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'The fiscal years with KPI settings of their own (target, measure, baseline, sheet basis)',
    response: kpiYearListSchema,
  }),
  kpiYear: endpoint({
    method: 'GET', path: '/api/kpi/year', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "A fiscal year's KPI settings, carried from the latest earlier year when it has none of its own",
    query: kpiYearQuerySchema, response: kpiYearSchema,
  }),
  setKpiYear: endpoint({
    method: 'PUT', path: '/api/kpi/years', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "Set a fiscal year's target, measure, baseline (an earlier year or a typed-in figure with its source) and sheet basis",
    body: kpiYearInputSchema, response: kpiYearSchema,
  }),
  listNameMaps: endpoint({
    method: 'GET', path: '/api/kpi/maps', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'The rules placing log user and printer names in departments and sites',
    response: nameMapListSchema,
  }),
  createNameMap: endpoint({
    method: 'POST', path: '/api/kpi/maps', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'Add a rule (exact, prefix, suffix or regex) placing log names in a department or site; the figures follow at once',
    body: nameMapInputSchema, response: nameMapSchema,
  }),
  importNameMaps: endpoint({
    method: 'POST', path: '/api/kpi/maps/import', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'Add mapping rules from a CSV (subject,kind,pattern,department code,site code); any bad line refuses the whole file, naming each line',
    body: nameMapImportSchema, response: nameMapImportResultSchema,
  }),
  removeNameMap: endpoint({
    method: 'DELETE', path: '/api/kpi/maps/:id', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'Remove a mapping rule; the names it placed become 未割当 unless another rule or a login places them',
    params: nameMapIdParamsSchema, response: okSchema,
  }),
  kpiEvaluation: endpoint({
    method: 'GET', path: '/api/kpi/evaluation', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "A fiscal year's evaluation table (評価): the paperless KPI from the data first, then the KPIs typed in (target, actual, 達成率, comment); CSV and PDF at /api/kpi/evaluation.csv and .pdf",
    query: evaluationQuerySchema, response: evaluationSchema,
  }),
  setKpiEvaluation: endpoint({
    method: 'PUT', path: '/api/kpi/evaluation', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "Replace a fiscal year's typed-in KPIs (figures ≥ 0 or null, keys unique, labels not empty) and optionally the paperless row's comment",
    body: evaluationInputSchema, response: evaluationSchema,
  }),
  kpiPurchases: endpoint({
    method: 'GET', path: '/api/kpi/purchases', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "Paper bought in a fiscal year, by month (reams, and sheets = reams × 500): the KPI's purchases measure",
    query: purchasesQuerySchema, response: purchaseListSchema,
  }),
  setKpiPurchase: endpoint({
    method: 'PUT', path: '/api/kpi/purchases', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "Enter or correct a month's paper purchase (reams, a note)",
    body: purchaseInputSchema, response: purchaseSchema,
  }),
  importKpiPurchases: endpoint({
    method: 'POST', path: '/api/kpi/purchases/import', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "Paper purchases from a CSV (年月/month, 連数・冊数/reams, 備考/note; UTF-8 or Shift_JIS): a month's lines add up and replace what is stored for that month; any bad line refuses the whole file, naming each line",
    body: purchaseImportSchema, response: purchaseImportResultSchema,
  }),
  kpiFiscalYears: endpoint({
    method: 'GET', path: '/api/kpi/fiscal-years', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'The fiscal years the 紙削減 dashboard offers: from the earliest with jobs, counter readings, purchases or settings to the current one, each saying whether it has settings and data',
    response: fiscalYearListSchema,
  }),
  kpiApprovalEffect: endpoint({
    method: 'GET', path: '/api/kpi/approval-effect', access: roles('dx', 'admin'), tag: 'kpi',
    summary: "An ESTIMATE, never part of the measured reduction: sheets a paper route would have used for the cases finally approved (決裁済み・施行済み) in a fiscal year (Tokyo dates) — each case's pages (1 for the 起案用紙 + its current attachments) × the paper copies a paper route needs (a setting), by document type and month",
    query: approvalEffectQuerySchema, response: approvalEffectSchema,
  }),
  setKpiApprovalEffectSettings: endpoint({
    method: 'PUT', path: '/api/kpi/approval-effect/settings', access: roles('dx', 'admin'), tag: 'kpi',
    summary: 'Set how many paper copies a paper route would have needed (0–20, 2 by default: the circulated original and the file copy) and whether they would have been printed duplex (no by default)',
    body: approvalEffectSettingsSchema, response: approvalEffectSettingsSchema,
  }),
  ingestHello: endpoint({
    method: 'POST', path: '/api/ingest/hello', access: sourceToken, tag: 'ingest',
    summary: 'A branch agent starts: checks its token and format, records its host and folder',
    body: ingestHelloSchema, response: ingestSourceSchema,
  }),
  ingestFileState: endpoint({
    method: 'GET', path: '/api/ingest/files', access: sourceToken, tag: 'ingest',
    summary: "How many bytes of an agent's file the hub holds, and the hash of their head",
    query: ingestFileQuerySchema, response: ingestFileStateSchema,
  }),
  ingestChunk: endpoint({
    method: 'POST', path: '/api/ingest/files', access: sourceToken, tag: 'ingest',
    summary: "Append bytes of an agent's file at ?offset= (raw body); bytes the hub already holds are skipped",
    query: ingestChunkQuerySchema,
    upload: { contentType: 'application/octet-stream', maxBytes: ingestChunkMaxBytes },
    response: ingestFileStateSchema,
  }),
  ...approvalApi,
  ...archiveApi,
  ...mailApi,
  ...searchApi,
  ...relatedApi,
} as const;

export type Api = typeof api;
export type EndpointName = keyof Api;
