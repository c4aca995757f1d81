import { caseArchiveListSchema } from './archive.js';
import { caseIdParamsSchema } from './approvals.js';
import { endpoint, signedIn } from './endpoint.js';

/** The archive (保存) side of a decided case; spread into `api` (endpoints.ts). The files themselves: `archiveDownloads`. */
export const archiveApi = {
  caseArchives: endpoint({
    method: 'GET', path: '/api/cases/:id/archives', access: signedIn, tag: 'archive',
    summary: 'The archive PDFs made of a case I may see, newest first (one per case version recorded after final approval); the file is at /api/cases/:id/archive.pdf',
    params: caseIdParamsSchema,
    response: caseArchiveListSchema,
  }),
} as const;
