/**
 * Re-hashes the stored files: every blob still referenced, and every blob an
 * attachment or archive row names (unless it was removed on disposal), each
 * streamed through SHA-256 so a large store never sits in memory. A file that
 * is gone or whose bytes no longer hash to its name is reported with the rows
 * that use it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/connection.js';

export interface BlobProblem {
  sha256: string;
  problem: 'missing' | 'altered';
  /** "case 3 attachment 7 見積書.pdf (revision 1)", "case 3 archive (version 12)". */
  usedBy: string[];
}

/** The SHA-256 of a file, read as a stream; null when it cannot be read. */
async function hashFile(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

export async function checkBlobs(db: Db, pathOf: (sha256: string) => string): Promise<{ checked: number; problems: BlobProblem[] }> {
  const shas = (db
    .prepare(`SELECT sha256 FROM blobs WHERE refs > 0 AND removed_at IS NULL
      UNION SELECT a.sha256 FROM case_attachments a LEFT JOIN blobs b USING (sha256) WHERE b.removed_at IS NULL
      UNION SELECT r.sha256 FROM case_archives r LEFT JOIN blobs b USING (sha256) WHERE b.removed_at IS NULL`)
    .pluck()
    .all() as string[]);
  const attachments = db.prepare('SELECT case_id AS caseId, id, name, revision FROM case_attachments WHERE sha256 = ? ORDER BY id');
  const archives = db.prepare('SELECT case_id AS caseId, case_version AS version FROM case_archives WHERE sha256 = ? ORDER BY id');
  const usedBy = (sha256: string): string[] => [
    ...(attachments.all(sha256) as { caseId: number; id: number; name: string; revision: number }[]).map((a) => `case ${a.caseId} attachment ${a.id} ${a.name} (revision ${a.revision})`),
    ...(archives.all(sha256) as { caseId: number; version: number }[]).map((r) => `case ${r.caseId} archive (version ${r.version})`),
  ];
  const problems: BlobProblem[] = [];
  for (const sha256 of shas) {
    const actual = await hashFile(pathOf(sha256));
    if (actual === sha256) continue;
    problems.push({ sha256, problem: actual === null ? 'missing' : 'altered', usedBy: usedBy(sha256) });
  }
  return { checked: shas.length, problems };
}
