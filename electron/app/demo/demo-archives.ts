import { createAuditRepo } from '../approvals/audit.repo.js';
import { BlobStore } from '../approvals/blob-store.js';
import { createNames } from '../approvals/case-view.js';
import { createCasesRepo } from '../approvals/cases.repo.js';
import { createArchiver } from '../archive/archiver.js';
import { createArchivesRepo } from '../archive/archives.repo.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSettingsRepo } from '../org/settings.repo.js';

/**
 * The archive PDFs (決裁記録) of the demo's decided cases, as the hub would
 * have made them when each was approved or enforced; one at a time, since
 * each is CPU work (the font subset) and the demo runs on office PCs.
 */
export async function archiveDemoCases(db: Db, clock: Clock, blobDir: string): Promise<number> {
  const settings = createSettingsRepo(db);
  const archiver = createArchiver({
    db,
    clock,
    cases: createCasesRepo(db),
    archives: createArchivesRepo(db),
    audit: createAuditRepo(db),
    blobs: new BlobStore(blobDir),
    names: createNames(db),
    townName: () => settings.townName(),
  });
  const decided = db.prepare("SELECT id FROM cases WHERE state IN ('approved', 'enforced') ORDER BY id").pluck().all() as number[];
  let made = 0;
  for (const id of decided) if (await archiver.ensure(id)) made++;
  return made;
}
