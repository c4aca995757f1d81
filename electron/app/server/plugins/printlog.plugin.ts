import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { fileNameHeader, uploadSourcePrefix, type ImportResult } from '../../../../shared/api/printlog.js';
import { localDayRange } from '../../../../shared/domain/wareki.js';
import { AppError } from '../../app-error.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/connection.js';
import { ImportCancelled, ImportFailed, type ImportOutcome, type ImportRunner } from '../../printlog/import-runner.js';
import { createImportsRepo } from '../../printlog/imports.repo.js';
import { headerFileName, safeUploadName, spoolUpload, sweepSpool, UploadAborted, UploadTooLarge } from '../../printlog/upload-spool.js';
import type { EventHub } from '../event-hub.js';
import { route } from '../route.js';

export interface PrintlogPluginOptions {
  db: Db;
  clock: Clock;
  runner: ImportRunner;
  /** Told when an import stored something, so open screens refresh. */
  events: EventHub;
  /** Where uploads are written while they are imported (`DATA/imports`). */
  spoolDir: string;
  /** Lower than the endpoint's declared limit, never higher. */
  maxBytes?: number;
}

const resultOf = (fileId: number | null, name: string, o: ImportOutcome): ImportResult => ({
  fileId,
  name,
  format: o.format,
  formatReason: o.formatReason,
  encoding: o.encoding,
  encodingReason: o.encodingReason,
  lines: o.lines,
  jobs: o.jobs,
  pages: o.pages,
  sheets: o.sheets,
  duplicates: o.duplicates,
  readings: o.readings,
  counterSheets: o.counterSheets,
  rejectedCount: o.rejectedCount,
  rejected: o.rejected,
});

/** The ログ取込 screen: imported files, rejected lines, totals, and the manual import of one file. */
export function printlogPlugin(opts: PrintlogPluginOptions) {
  const imports = createImportsRepo(opts.db);
  const running = new Set<AbortController>();
  /** Imports being read now, by the id their uploader chose, for the progress route. */
  const inProgress = new Map<string, { login: string; path: string; bytes: number }>();

  return async (app: FastifyInstance) => {
    void sweepSpool(opts.spoolDir, Date.now());
    // Closing the app stops running imports; their committed batches stay consistent.
    app.addHook('onClose', async () => {
      for (const c of running) c.abort();
    });

    route(app, api.printlogSummary, () => imports.summary(localDayRange(opts.clock.now())));

    route(app, api.listLogFiles, ({ query }) => ({ ...imports.listFiles(query), page: query.page, pageSize: query.pageSize }));

    route(app, api.importProgress, ({ query, me }) => {
      const entry = inProgress.get(query.uploadId);
      // Another user's import is not theirs to watch: it does not exist for them.
      if (!entry || entry.login !== me().user.login) throw new AppError('not_found', { field: 'query.uploadId' });
      const read = imports.progressAt(entry.path);
      return {
        bytesRead: read?.position ?? 0, bytesTotal: entry.bytes, lines: read?.line ?? 0,
        jobs: read?.jobs ?? 0, duplicates: read?.duplicates ?? 0, rejected: read?.rejected ?? 0,
      };
    });

    route(app, api.listRejectedLines, ({ query }) => {
      if (query.fileId !== undefined && !imports.fileExists(query.fileId)) throw new AppError('not_found', { field: 'query.fileId' });
      return { ...imports.listRejected(query), page: query.page, pageSize: query.pageSize };
    });

    // In a context of its own, so that only this route takes raw bytes.
    await app.register(async (upload) => {
      const ep = api.importLogFile;
      const spec = ep.upload;
      if (!spec) throw new Error(`${ep.path} declares no upload`);
      // The parser hands the body on unread: it is streamed to disk by the handler, after
      // the access hook has checked session, CSRF and role (a refused upload is never stored).
      upload.addContentTypeParser(spec.contentType, (_req, payload, done) => done(null, payload));

      route(upload, ep, async ({ query, req, reply, me }) => {
        const login = me().user.login;
        if (!(req.body instanceof Readable)) {
          throw new AppError('validation', { field: 'body', detail: `send the file's bytes as ${spec.contentType}` });
        }
        const maxBytes = Math.min(spec.maxBytes, opts.maxBytes ?? spec.maxBytes);
        const declared = Number(req.headers['content-length']);
        // A refused upload's remaining bytes are read and dropped; the connection is not reused after.
        const refuseTooLarge = (detail: string) => {
          void reply.header('connection', 'close');
          return new AppError('too_large', { field: 'body', detail });
        };
        if (Number.isFinite(declared) && declared > maxBytes) {
          throw refuseTooLarge(`the file has ${declared} bytes; at most ${maxBytes} are accepted`);
        }
        const name = safeUploadName(query.name ?? headerFileName(req.headers[fileNameHeader]));
        let spooled;
        try {
          spooled = await spoolUpload(req.body, opts.spoolDir, name, maxBytes);
        } catch (err) {
          if (err instanceof UploadTooLarge) throw refuseTooLarge(err.message);
          // Nobody is left to read the answer; a 400 keeps it out of the internal-error log.
          if (err instanceof UploadAborted) throw new AppError('validation', { field: 'body', detail: err.message });
          throw err;
        }

        const controller = new AbortController();
        running.add(controller);
        const uploadId = query.uploadId;
        if (uploadId !== undefined) inProgress.set(uploadId, { login, path: spooled.path, bytes: spooled.bytes });
        // The browser gave up (cancel, tab closed): stop the import rather than finish it for nobody.
        const onClose = () => {
          if (!reply.raw.writableEnded) controller.abort();
        };
        reply.raw.on('close', onClose);
        try {
          const source = `${uploadSourcePrefix}${login}`;
          const outcome = await opts.runner.run({ path: spooled.path, format: query.format, source }, controller.signal);
          opts.events.publish('printlog', { source, jobs: outcome.jobs, rejected: outcome.rejectedCount });
          return resultOf(imports.fileIdAt(spooled.path), name, outcome);
        } catch (err) {
          if (err instanceof ImportFailed) throw new AppError('import_failed', { detail: err.message });
          if (err instanceof ImportCancelled) throw new AppError('import_failed', { detail: err.message });
          throw err;
        } finally {
          reply.raw.off('close', onClose);
          running.delete(controller);
          if (uploadId !== undefined) inProgress.delete(uploadId);
          await spooled.remove();
        }
      });
    });
  };
}
