/**
 * Makes the archive PDF of a decided case and records it: the bytes stored
 * through the BlobStore (counted by the trigger on case_archives), a row for
 * the case version it shows and an audit row, in one transaction. Runs after
 * the action's commit (told by the event hub) and again on request when the
 * latest archive is missing or older than the case, so a crash between the two
 * loses nothing. One making per case at a time; a version recorded twice adds
 * nothing.
 */
import { readFile } from 'node:fs/promises';
import type { CaseView } from '../../../shared/api/approvals.js';
import type { CaseState } from '../../../shared/domain/approval/index.js';
import type { AuditRepo } from '../approvals/audit.repo.js';
import type { BlobStore } from '../approvals/blob-store.js';
import { buildCaseView, type Names } from '../approvals/case-view.js';
import type { CasesRepo } from '../approvals/cases.repo.js';
import { loadOrg } from '../approvals/org-view.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { archivedAttachments, archiveRecord } from './archive-record.js';
import { renderArchivePdf } from './archive-pdf.js';
import type { ArchiveRow, ArchivesRepo } from './archives.repo.js';

/** The states with a final decision on record. */
export const ARCHIVED_STATES: ReadonlySet<CaseState> = new Set(['approved', 'enforced']);

export interface ArchiverDeps {
  db: Db;
  clock: Clock;
  cases: CasesRepo;
  archives: ArchivesRepo;
  audit: AuditRepo;
  blobs: BlobStore;
  names: Names;
  townName: () => string;
}

/** The case as the record shows it, seen by no one in particular (what the caller may do is not part of a record). */
export function recordView(deps: Pick<ArchiverDeps, 'db' | 'cases' | 'names'>, caseId: number, now: string): CaseView | null {
  const found = deps.cases.load(caseId);
  if (!found) return null;
  const ctx = { actorId: 0, now, isProxyFor: () => false, mayDeputize: () => false };
  return buildCaseView({ c: found.case, siteId: found.siteId, events: deps.cases.events(caseId), db: deps.db, names: deps.names, org: loadOrg(deps.db), ctx });
}

export function createArchiver(deps: ArchiverDeps) {
  const { db, clock, archives, audit, blobs } = deps;
  const inFlight = new Map<number, Promise<ArchiveRow | null>>();

  /** Whether the latest archive shows the case as it is now. */
  const current = (latest: ArchiveRow | undefined, version: number): latest is ArchiveRow => latest !== undefined && latest.caseVersion >= version;

  const make = async (caseId: number): Promise<ArchiveRow | null> => {
    const madeAt = isoAt(clock);
    const view = recordView(deps, caseId, madeAt);
    if (!view || !ARCHIVED_STATES.has(view.state) || archives.disposedAt(caseId) !== null) return null;
    const latest = archives.latest(caseId);
    if (current(latest, view.version)) return latest;
    const attachments = await Promise.all(archivedAttachments(view.attachments).map((a) => readFile(blobs.pathOf(a.sha256))));
    const pdf = await renderArchivePdf({ record: archiveRecord(view, deps.townName(), madeAt), attachments, createdAt: Date.parse(madeAt) });
    const sha256 = await blobs.put(pdf.bytes);
    return db
      .transaction(() => {
        // Disposed while it was being made: nothing more is kept of the case.
        if (archives.disposedAt(caseId) !== null) return null;
        const row = { caseId, caseVersion: view.version, sha256, size: pdf.bytes.byteLength, pages: pdf.pages, createdAt: madeAt };
        const id = archives.insert(row);
        if (id !== null) {
          audit.append({
            at: madeAt, actorId: null, onBehalfOf: null, clientIp: '', action: 'case.archive', caseId, version: view.version,
            data: { archiveId: id, sha256, size: row.size, pages: row.pages },
          });
        }
        return archives.latest(caseId) ?? null;
      })
      .immediate();
  };

  /** The latest archive of a decided case, made first when it is missing or older than the case; null for a case that has none. */
  const ensure = (caseId: number): Promise<ArchiveRow | null> => {
    // After the one running, never beside it: that one may show an older version, and this one then finds it current.
    const running = inFlight.get(caseId);
    const job: Promise<ArchiveRow | null> = (running ? running.catch(() => null).then(() => make(caseId)) : make(caseId)).finally(() => {
      if (inFlight.get(caseId) === job) inFlight.delete(caseId);
    });
    inFlight.set(caseId, job);
    return job;
  };

  return {
    ensure,
    /** Settles when every archive being made is recorded (closing the app, the tests). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}
export type Archiver = ReturnType<typeof createArchiver>;
