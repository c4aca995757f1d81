import { z } from 'zod';

/** One archive PDF of a case (決裁記録): made at final approval and again for each later change of the record. */
export const caseArchiveSchema = z.object({
  caseVersion: z.number().int().positive(),
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  createdAt: z.string(),
});
export type CaseArchive = z.infer<typeof caseArchiveSchema>;

export const caseArchiveListSchema = z.object({ items: z.array(caseArchiveSchema) });

/**
 * The downloads of a decided case. They answer bytes (application/pdf,
 * application/zip) with the document number as the file name, not JSON, so
 * they are not endpoints of `api`; they see the case exactly as GET
 * /api/cases/:id does (404 when hidden or not yet decided, 410 once disposed).
 */
export const archiveDownloads = {
  /** Public contract: the latest archive PDF. */
  pdf: { method: 'GET', path: '/api/cases/:id/archive.pdf' },
  /** The case for the town's 文書管理 system: archive.pdf, the originals, record.json, audit.json. */
  zip: { method: 'GET', path: '/api/cases/:id/export.zip' },
} as const;

export const archivePdfUrl = (caseId: number): string => archiveDownloads.pdf.path.replace(':id', String(caseId));
export const caseExportUrl = (caseId: number): string => archiveDownloads.zip.path.replace(':id', String(caseId));
