/**
 * A decided case as one ZIP for the town's 文書管理 system: the archive PDF,
 * every original attachment by revision (files taken off the case included,
 * since earlier approvers saw them), the record as the case page shows it and
 * the case's rows of the audit trail. Streamed: the files are read as the ZIP
 * is sent, never held whole in memory.
 */
import { ZipFile } from 'yazl';
import type { CaseView } from '../../../shared/api/approvals.js';
import type { AuditRepo } from '../approvals/audit.repo.js';
import type { BlobStore } from '../approvals/blob-store.js';
import type { ArchiveRow } from './archives.repo.js';
import { safeFileName } from './download-names.js';

export interface CaseExportInput {
  view: CaseView;
  archive: ArchiveRow;
  auditRows: ReturnType<AuditRepo['forCase']>;
  blobs: BlobStore;
}

/** Where an attachment goes in the ZIP: its revision's folder, its id first so two files of one name both fit. */
function attachmentEntryName(a: { id: number; name: string; revision: number }): string {
  return `attachments/r${a.revision}/${a.id}_${safeFileName(a.name, 'attachment.pdf')}`;
}

export function caseExportZip(input: CaseExportInput): NodeJS.ReadableStream {
  const { view, archive, blobs } = input;
  const zip = new ZipFile();
  const mtime = new Date(archive.createdAt);
  zip.addFile(blobs.pathOf(archive.sha256), 'archive.pdf', { mtime, compress: false });
  for (const a of view.attachments) zip.addFile(blobs.pathOf(a.sha256), attachmentEntryName(a), { mtime: new Date(a.createdAt), compress: false });
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  zip.addBuffer(json(view), 'record.json', { mtime });
  // `data` as the JSON it is, so the file reads as one document; the hashes stay as stored, for checking the chain.
  zip.addBuffer(json(input.auditRows.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }))), 'audit.json', { mtime });
  zip.end();
  return zip.outputStream;
}
