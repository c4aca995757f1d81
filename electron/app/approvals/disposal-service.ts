import { unlinkSync } from 'node:fs';
import type { DisposeResult, RetentionList } from '../../../shared/api/related.js';
import { fiscalYearOf, fiscalYearRange } from '../../../shared/domain/wareki.js';
import { AppError } from '../app-error.js';
import { isoAt } from '../clock.js';
import type { BlobStore } from './blob-store.js';
import type { CaseReader } from './case-reader.js';
import type { Caller } from './case-service.js';
import { disposalOutcome } from './disposal-rules.js';
import type { DisposalRepo } from './disposal.repo.js';
import { loadOrg } from './org-view.js';
import { tokyoDate } from '../../../shared/domain/tokyo-date.js';

export interface DisposalServiceDeps {
  reader: CaseReader;
  repo: DisposalRepo;
  blobs: BlobStore;
}

/** The fiscal year a retention period ends in (its last day is always 31 March, but any day works). */
const yearOfLastDay = (day: string): number => fiscalYearOf(`${day}T12:00:00+09:00`);

/**
 * 保存・廃棄: the cases whose retention ends in a fiscal year, and marking a
 * batch disposed. One transaction per batch sets the disposal columns, appends
 * the audit rows and marks the blobs no case uses any more; their files are
 * deleted after the commit, so a crash leaves at worst a file nobody points at
 * (which `sweep` deletes on the next start), never a row without its file.
 */
export function createDisposalService({ reader, repo, blobs }: DisposalServiceDeps) {
  const { service, audit, names } = reader;
  const { db, clock } = reader.services;

  const deleteFiles = (hashes: readonly string[]): number => {
    let removed = 0;
    for (const sha256 of hashes) {
      // The check and the delete in one tick: an upload of the same bytes either committed its row before (the file is
      // kept) or looks for its file after (and writes it again), never in between.
      if (!repo.isStillReleased(sha256)) continue;
      try {
        unlinkSync(blobs.pathOf(sha256));
        removed++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    return removed;
  };

  return {
    list(me: Caller, query: { fy?: number | undefined; department?: number | undefined }): RetentionList {
      const now = isoAt(clock);
      // By default last year's: the records whose retention ended on 31 March, disposed of this year.
      const fiscalYear = query.fy ?? fiscalYearOf(now) - 1;
      const range = fiscalYearRange(fiscalYear);
      if (!me.isAdmin && !reader.isManager(me)) throw new AppError('forbidden', { detail: 'the retention list is for administrators and managers' });
      const departments = query.department === undefined ? null : loadOrg(db).subtree(query.department);
      const today = tokyoDate(now);
      const items = repo
        .endingBetween(range.start, range.end, reader.visibility(me), departments)
        .map((r) => ({
          caseId: r.id,
          number: r.number,
          title: r.title,
          type: { id: r.type_id, name: r.type_name },
          department: { id: r.department_id, name: r.department_name },
          retention: r.retention,
          state: r.state,
          approvedAt: r.approved_at,
          disposalOn: r.disposal_on,
          due: r.disposed_at === null && today > r.disposal_on,
          disposedAt: r.disposed_at,
          disposedBy: r.disposed_by === null ? null : names.person(r.disposed_by),
          disposalReason: r.disposal_reason,
        }));
      const fiscalYears = [...new Set([...repo.lastDays().map(yearOfLastDay), fiscalYear])].sort((a, b) => a - b);
      return { fiscalYear, today, fiscalYears, items, canDispose: me.isAdmin };
    },

    /** What the caller may do here: see the list (admins and managers), mark cases disposed (admins). */
    access: (me: Caller) => ({ view: me.isAdmin || reader.isManager(me), dispose: me.isAdmin }),

    async dispose(me: Caller, caseIds: readonly number[], reason: string): Promise<DisposeResult> {
      const now = isoAt(clock);
      const today = tokyoDate(now);
      const { results, released } = db
        .transaction(() => {
          const out = [...new Set(caseIds)].map((caseId) => {
            const c = repo.target(caseId);
            const outcome = disposalOutcome(c && { state: c.state, retention: c.retention, disposalOn: c.disposal_on, disposedAt: c.disposed_at }, today);
            if (c && outcome === 'disposed') {
              repo.markDisposed(c.id, now, me.userId, reason);
              audit.append({ at: now, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'case.dispose', caseId: c.id, version: c.version, data: { reason } });
            }
            return { caseId, number: c?.number ?? null, title: c?.title ?? '', outcome };
          });
          const hashes = repo.releaseUnused(now);
          if (hashes.length > 0) audit.append({ at: now, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'blob.remove', caseId: null, version: null, data: { sha256: hashes } });
          return { results: out, released: hashes };
        })
        .immediate();
      const filesRemoved = deleteFiles(released);
      return { disposedAt: now, results, filesRemoved };
    },

    /** The disposal of a case the caller may see (404 otherwise), null while it is kept. */
    disposalOf(me: Caller, caseId: number) {
      service.visibleCase(me, caseId);
      const row = repo.disposalOf(caseId);
      if (!row?.disposed_at || row.disposed_by === null) return { disposal: null };
      return { disposal: { disposedAt: row.disposed_at, disposedBy: names.person(row.disposed_by), reason: row.disposal_reason ?? '' } };
    },

    /** Start-up: deletes the files of released blobs a crash left behind (and releases any blob nothing uses). */
    async sweep(): Promise<number> {
      db.transaction(() => repo.releaseUnused(isoAt(clock))).immediate();
      return deleteFiles(repo.released());
    },
  };
}
export type DisposalService = ReturnType<typeof createDisposalService>;
