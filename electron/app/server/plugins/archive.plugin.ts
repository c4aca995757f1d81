import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caseIdParamsSchema } from '../../../../shared/api/approvals.js';
import { archiveDownloads } from '../../../../shared/api/archive.js';
import { signedIn } from '../../../../shared/api/endpoint.js';
import { api } from '../../../../shared/api/endpoints.js';
import type { Case } from '../../../../shared/domain/approval/index.js';
import { AppError } from '../../app-error.js';
import { BlobStore } from '../../approvals/blob-store.js';
import { callerOf, createCaseReader } from '../../approvals/case-reader.js';
import { createCasesRepo } from '../../approvals/cases.repo.js';
import { refuseIfDisposed } from '../../approvals/disposal-guard.js';
import { ARCHIVED_STATES, createArchiver, recordView } from '../../archive/archiver.js';
import { createArchivesRepo, type ArchiveRow } from '../../archive/archives.repo.js';
import { caseExportZip } from '../../archive/case-export.js';
import { caseDownloadNames } from '../../archive/download-names.js';
import { isoAt } from '../../clock.js';
import { contentDisposition } from '../../kpi/evaluation.repo.js';
import type { Services } from '../../services.js';
import type { EventHub, ServerEvents } from '../event-hub.js';
import { route } from '../route.js';

export interface ArchivePluginOptions {
  /** `DATA/blobs`, shared with the attachments. */
  blobDir: string;
  /** Where case changes are heard: a case decided, or changed after that, gets its archive PDF at once. */
  events: EventHub;
  /** Where the plugin says how to wait for the archives being made (the app's `settled`). */
  background?: (() => Promise<void>)[];
}

/**
 * The archive PDF (決裁記録) of decided cases: made after the action that
 * decided or changed the record commits, served as the latest of the case, and
 * the case's export ZIP for the 文書管理 system.
 */
export function archivePlugin(services: Services, opts: ArchivePluginOptions) {
  const { db, clock } = services;
  const reader = createCaseReader(services);
  const cases = createCasesRepo(db);
  const archives = createArchivesRepo(db);
  const blobs = new BlobStore(opts.blobDir);
  const archiver = createArchiver({ db, clock, cases, archives, audit: reader.audit, blobs, names: reader.names, townName: () => services.settings.townName() });
  opts.background?.push(() => archiver.idle());

  /** A decided case the caller may see, not disposed; else 404 (hidden, not decided) or 410 (disposed). */
  const decidedCase = (req: FastifyRequest): Case => {
    const parsed = caseIdParamsSchema.safeParse(req.params);
    if (!parsed.success) throw new AppError('not_found', { field: 'params.id' });
    const c = reader.service.visibleCase(callerOf(req), parsed.data.id);
    if (!ARCHIVED_STATES.has(c.state)) throw new AppError('not_found', { field: 'params.id', detail: 'the case has no final decision (決裁) yet' });
    refuseIfDisposed(db, c.id);
    return c;
  };

  /** A case's file as a download named by its document number. */
  const download = (reply: FastifyReply, c: Case, ext: 'pdf' | 'zip', headers: Record<string, string>): FastifyReply =>
    reply.headers({
      'content-type': ext === 'pdf' ? 'application/pdf' : 'application/zip',
      'content-disposition': contentDisposition(caseDownloadNames(c.id, c.number, ext)),
      'x-content-type-options': 'nosniff',
      ...headers,
    });

  /** The archive as the case is now, made first when missing or stale; its file checked to be there. */
  const latestArchive = async (c: Case): Promise<ArchiveRow> => {
    const row = await archiver.ensure(c.id);
    // Disposed while it was being made.
    if (!row) refuseIfDisposed(db, c.id);
    if (!row || !(await blobs.has(row.sha256))) throw new AppError('internal', { detail: `the archive file of case ${c.id} is missing: run kamiless verify` });
    return row;
  };

  return async (app: FastifyInstance) => {
    const unsubscribe = opts.events.subscribe((name, data) => {
      if (name !== 'case') return;
      const changed = data as ServerEvents['case'];
      if (changed.state !== 'approved' && changed.state !== 'enforced') return;
      archiver.ensure(changed.caseId).catch((err: unknown) => app.log.error({ err, caseId: changed.caseId }, 'archive PDF not made; it is made on the next request'));
    });
    app.addHook('onClose', async () => {
      unsubscribe();
      await archiver.idle();
    });

    route(app, api.caseArchives, ({ params, req }) => {
      reader.service.visibleCase(callerOf(req), params.id);
      return { items: archives.list(params.id).map(({ caseVersion, sha256, size, pages, createdAt }) => ({ caseVersion, sha256, size, pages, createdAt })) };
    });

    // Bytes, not JSON: outside route(), with the same access rule as the case itself.
    app.route({
      method: archiveDownloads.pdf.method,
      url: archiveDownloads.pdf.path,
      config: { access: signedIn },
      handler: async (req, reply) => {
        const c = decidedCase(req);
        const row = await latestArchive(c);
        // no-cache, not immutable: the URL names the latest archive, which a later change of the record replaces.
        return download(reply, c, 'pdf', { 'content-length': String(row.size), etag: `"${row.sha256}"`, 'cache-control': 'private, no-cache' }).send(blobs.read(row.sha256));
      },
    });

    app.route({
      method: archiveDownloads.zip.method,
      url: archiveDownloads.zip.path,
      config: { access: signedIn },
      handler: async (req, reply) => {
        const c = decidedCase(req);
        const archive = await latestArchive(c);
        const view = recordView({ db, cases, names: reader.names }, c.id, isoAt(clock));
        if (!view) throw new AppError('not_found', { field: 'params.id' });
        // Checked before the first byte: a missing file cannot be reported once the ZIP is on its way.
        for (const a of view.attachments) {
          if (!(await blobs.has(a.sha256))) throw new AppError('internal', { detail: `attachment ${a.id} of case ${c.id} is missing its file: run kamiless verify` });
        }
        const zip = caseExportZip({ view, archive, auditRows: reader.audit.forCase(c.id), blobs });
        return download(reply, c, 'zip', { 'cache-control': 'private, no-store' }).send(zip);
      },
    });
  };
}
