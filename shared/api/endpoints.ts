import { z } from 'zod';
import { endpoint, publicAccess, roles, signedIn } from './endpoint.js';
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
  importResultSchema,
  logFileListQuerySchema,
  logFileListSchema,
  printlogSummarySchema,
  rejectedListQuerySchema,
  rejectedListSchema,
} from './printlog.js';

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
} as const;

export type Api = typeof api;
export type EndpointName = keyof Api;
