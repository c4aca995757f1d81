import { caseIdParamsSchema } from './approvals.js';
import { endpoint, roles, signedIn } from './endpoint.js';
import {
  caseDisposalSchema,
  caseLookupQuerySchema,
  caseLookupSchema,
  disposeBodySchema,
  disposeResultSchema,
  relatedAddSchema,
  relatedListSchema,
  relatedParamsSchema,
  retentionAccessSchema,
  retentionListSchema,
  retentionQuerySchema,
} from './related.js';

const LINK_RULE =
  'Allowed to anyone who may see both cases — which means being the drafter of, on the route of (or proxy for someone on), or manager of the department of each — and to admins; a case I may not see answers 404 exactly like one that does not exist';

/** 関連文書 and 保存・廃棄 endpoints; spread into `api` (endpoints.ts). */
export const relatedApi = {
  lookupCases: endpoint({
    method: 'GET', path: '/api/cases/lookup', access: signedIn, tag: 'related',
    summary: 'Cases I may see whose document number or title contains q (at most 20), to pick a related case',
    query: caseLookupQuerySchema,
    response: caseLookupSchema,
  }),
  listRelated: endpoint({
    method: 'GET', path: '/api/cases/:id/related', access: signedIn, tag: 'related',
    summary: 'Related cases (関連文書) of a case, linked from either side; links to cases I may not see are only counted',
    params: caseIdParamsSchema,
    response: relatedListSchema,
  }),
  addRelated: endpoint({
    method: 'POST', path: '/api/cases/:id/related', access: signedIn, tag: 'related',
    summary: `Link another case (by id or document number) with a short note; answers the new list. ${LINK_RULE}`,
    params: caseIdParamsSchema,
    body: relatedAddSchema,
    response: relatedListSchema,
  }),
  removeRelated: endpoint({
    method: 'DELETE', path: '/api/cases/:id/related/:otherId', access: signedIn, tag: 'related',
    summary: `Remove the link between two cases; answers the new list. ${LINK_RULE}`,
    params: relatedParamsSchema,
    response: relatedListSchema,
  }),
  retentionAccess: endpoint({
    method: 'GET', path: '/api/retention/access', access: signedIn, tag: 'retention',
    summary: 'Whether I may see the retention list (admins and managers) and mark cases disposed (admins)',
    response: retentionAccessSchema,
  }),
  retentionList: endpoint({
    method: 'GET', path: '/api/retention', access: signedIn, tag: 'retention',
    summary: 'Decided cases I may see whose retention period ends in a fiscal year (保存期間満了年度), with their disposal state; for admins and managers (403 otherwise)',
    query: retentionQuerySchema,
    response: retentionListSchema,
  }),
  disposeCases: endpoint({
    method: 'POST', path: '/api/retention/dispose', access: roles('admin'), tag: 'retention',
    summary: 'Mark a batch of cases disposed (廃棄) with a reason: only those whose retention period is over, never permanent ones; the rows and audit trail stay, files no longer used are deleted; a result per case',
    body: disposeBodySchema,
    response: disposeResultSchema,
  }),
  caseDisposal: endpoint({
    method: 'GET', path: '/api/cases/:id/disposal', access: signedIn, tag: 'retention',
    summary: 'When, by whom and why a case was disposed (null while it is kept); 404 if I may not see it',
    params: caseIdParamsSchema,
    response: caseDisposalSchema,
  }),
} as const;
