import { okSchema } from './auth.js';
import {
  actionBodySchema,
  approvalSettingsSchema,
  attachmentParamsSchema,
  attachmentSchema,
  caseCreateSchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  caseListSchema,
  casePatchSchema,
  caseSchema,
  disposalListSchema,
  disposalQuerySchema,
  documentTypeInputSchema,
  documentTypeListSchema,
  documentTypePatchSchema,
  documentTypeSchema,
  inboxSchema,
  proxyInputSchema,
  proxyListSchema,
  proxySchema,
  routePreviewBodySchema,
  routePreviewSchema,
  submitBodySchema,
  verifyResultSchema,
} from './approvals.js';
import { endpoint, roles, signedIn } from './endpoint.js';
import { idParamsSchema } from './org.js';


/** A PDF, or a JPEG/PNG/TIFF scan that becomes PDF pages, attached to a case: multipart, field `file`. */
export const attachmentMaxBytes = 50 * 1024 * 1024;

/** E-approval (電子決裁) endpoints; spread into `api` (endpoints.ts). */
export const approvalApi = {
  listDocumentTypes: endpoint({
    method: 'GET', path: '/api/document-types', access: signedIn, tag: 'approvals',
    summary: 'Document types (文書種別) with their current route template (public contract)',
    response: documentTypeListSchema,
  }),
  createDocumentType: endpoint({
    method: 'POST', path: '/api/document-types', access: roles('admin'), tag: 'approvals',
    summary: 'Add a document type with its route template',
    body: documentTypeInputSchema,
    response: documentTypeSchema,
  }),
  updateDocumentType: endpoint({
    method: 'PATCH', path: '/api/document-types/:id', access: roles('admin'), tag: 'approvals',
    summary: 'Rename, re-rank or deactivate a type; a template given becomes its next version',
    params: idParamsSchema,
    body: documentTypePatchSchema,
    response: documentTypeSchema,
  }),
  previewRoute: endpoint({
    method: 'POST', path: '/api/cases/route-preview', access: signedIn, tag: 'approvals',
    summary: 'The route a case of this type and amount would take if I drafted it now, with the 専決 rule',
    body: routePreviewBodySchema,
    response: routePreviewSchema,
  }),
  createCase: endpoint({
    method: 'POST', path: '/api/cases', access: signedIn, tag: 'approvals',
    summary: 'Draft a case (起案); it comes back with its resolved route (public contract)',
    body: caseCreateSchema,
    response: caseSchema,
  }),
  listCases: endpoint({
    method: 'GET', path: '/api/cases', access: signedIn, tag: 'approvals',
    summary: 'Cases I may see, filtered, 50 a page (public contract)',
    query: caseListQuerySchema,
    response: caseListSchema,
  }),
  disposalList: endpoint({
    method: 'GET', path: '/api/cases/disposal', access: signedIn, tag: 'approvals',
    summary: 'Decided cases whose retention ends by the end of a fiscal year (default: this one), that I may see',
    query: disposalQuerySchema,
    response: disposalListSchema,
  }),
  getCase: endpoint({
    method: 'GET', path: '/api/cases/:id', access: signedIn, tag: 'approvals',
    summary: 'A case with its route, timeline and what I may do (public contract); 404 if I may not see it',
    params: caseIdParamsSchema,
    response: caseSchema,
  }),
  updateCase: endpoint({
    method: 'PATCH', path: '/api/cases/:id', access: signedIn, tag: 'approvals',
    summary: 'Edit a draft or a case sent back to me; the route is resolved again',
    params: caseIdParamsSchema,
    body: casePatchSchema,
    response: caseSchema,
  }),
  addAttachment: endpoint({
    method: 'POST', path: '/api/cases/:id/attachments', access: signedIn, tag: 'approvals',
    summary: 'Attach a PDF (or a JPEG/PNG/TIFF scan, stored as PDF pages) to a draft or a case sent back (multipart, field `file`) (public contract)',
    params: caseIdParamsSchema,
    upload: { contentType: 'multipart/form-data', maxBytes: attachmentMaxBytes },
    response: attachmentSchema,
  }),
  removeAttachment: endpoint({
    method: 'DELETE', path: '/api/cases/:id/attachments/:attachmentId', access: signedIn, tag: 'approvals',
    summary: 'Take an attachment off a draft or a case sent back (its bytes stay in the record)',
    params: attachmentParamsSchema,
    response: okSchema,
  }),
  submitCase: endpoint({
    method: 'POST', path: '/api/cases/:id/submit', access: signedIn, tag: 'approvals',
    summary: 'Submit a draft: it gets its document number and goes to the first step (public contract)',
    params: caseIdParamsSchema,
    body: submitBodySchema,
    response: caseSchema,
  }),
  actOnCase: endpoint({
    method: 'POST', path: '/api/cases/:id/actions', access: signedIn, tag: 'approvals',
    summary: 'Act on a case: approve, final_approve, agree, disagree, acknowledge, send_back, recall, reject, withdraw, resubmit, enforce, review, comment (public contract)',
    params: caseIdParamsSchema,
    body: actionBodySchema,
    response: caseSchema,
  }),
  inbox: endpoint({
    method: 'GET', path: '/api/inbox', access: signedIn, tag: 'approvals',
    summary: 'What waits for me, including as a proxy (public contract)',
    response: inboxSchema,
  }),
  approvalSettings: endpoint({
    method: 'GET', path: '/api/approvals/settings', access: signedIn, tag: 'approvals',
    summary: 'E-approval settings: after how many working days a waiting step is overdue and reminded',
    response: approvalSettingsSchema,
  }),
  setApprovalSettings: endpoint({
    method: 'PUT', path: '/api/approvals/settings', access: roles('admin'), tag: 'approvals',
    summary: 'Change the e-approval settings (reminderWorkingDays 1..30)',
    body: approvalSettingsSchema,
    response: approvalSettingsSchema,
  }),
  listProxies: endpoint({
    method: 'GET', path: '/api/proxies', access: signedIn, tag: 'approvals',
    summary: 'Standing proxies (代理) where I am the principal or the proxy; every one for admins',
    response: proxyListSchema,
  }),
  createProxy: endpoint({
    method: 'POST', path: '/api/proxies', access: signedIn, tag: 'approvals',
    summary: 'Let someone act for me (admins: for anyone) from one date to another',
    body: proxyInputSchema,
    response: proxySchema,
  }),
  revokeProxy: endpoint({
    method: 'DELETE', path: '/api/proxies/:id', access: signedIn, tag: 'approvals',
    summary: 'End a proxy now (its principal, or an admin)',
    params: idParamsSchema,
    response: proxySchema,
  }),
  auditVerify: endpoint({
    method: 'GET', path: '/api/audit/verify', access: roles('admin'), tag: 'approvals',
    summary: 'Re-hash the audit chain (as `kamiless verify`)',
    response: verifyResultSchema,
  }),
} as const;
