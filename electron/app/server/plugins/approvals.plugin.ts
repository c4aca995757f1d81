import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachmentParamsSchema } from '../../../../shared/api/approvals.js';
import { api } from '../../../../shared/api/endpoints.js';
import { signedIn as signedInAccess } from '../../../../shared/api/endpoint.js';
import { AppError } from '../../app-error.js';
import { createAuditRepo } from '../../approvals/audit.repo.js';
import { BlobStore } from '../../approvals/blob-store.js';
import { caseNotices } from '../../approvals/case-notices.js';
import { verifyCaseSnapshots } from '../../approvals/case-replay.js';
import { createCaseService, type Caller } from '../../approvals/case-service.js';
import { createNames } from '../../approvals/case-view.js';
import { createCasesRepo } from '../../approvals/cases.repo.js';
import { activeReferences, createDocumentTypesRepo } from '../../approvals/document-types.repo.js';
import { refuseIfDisposed } from '../../approvals/disposal-guard.js';
import { pdfName, scanToPdf, sniffKind } from '../../approvals/image-to-pdf.js';
import { checkPdf, type AttachmentRefusal } from '../../approvals/pdf-check.js';
import { reminderSettingKey, reminderWorkingDays } from '../../approvals/overdue.js';
import { createProxiesRepo } from '../../approvals/proxies.repo.js';
import { isoAt } from '../../clock.js';
import { contentDisposition } from '../../kpi/evaluation.repo.js';
import type { Services } from '../../services.js';
import type { CaseEventData, EventHub } from '../event-hub.js';
import { route } from '../route.js';

export interface ApprovalsPluginOptions {
  /** Where case changes are published (server-sent events to the people concerned). */
  events?: EventHub;
  /** `DATA/blobs`: attachments by SHA-256. */
  blobDir: string;
  /** A lower attachment limit than the endpoint's (the tests); never above it. */
  maxBytes?: number;
  /** Stores a change's notices for e-mail in the change's own transaction, so a crash right after the commit loses none. */
  queueNotices?: (data: CaseEventData) => void;
}

type StoredPdf = { ok: true; name: string; bytes: Uint8Array; pdf: { pages: number } } | { ok: false; reason: AttachmentRefusal; message: string };

/**
 * What an upload is stored as: a PDF as it is (once it proves to be a readable,
 * unencrypted PDF), a JPEG, PNG or TIFF scan turned into PDF pages (`scan.png`
 * → `scan.pdf`); anything else is refused with a reason the client translates.
 */
async function attachmentPdf(filename: string, bytes: Uint8Array): Promise<StoredPdf> {
  const kind = sniffKind(bytes);
  const given = filename.trim();
  if (kind === null) {
    return /\.pdf$/i.test(given)
      ? { ok: false, reason: 'not_pdf', message: 'the file is named .pdf but is not a PDF inside' }
      : { ok: false, reason: 'unsupported', message: 'attach a PDF, or a JPEG, PNG or TIFF scan' };
  }
  if (kind === 'pdf') {
    const pdf = await checkPdf(bytes);
    return pdf.ok ? { ok: true, name: given || 'attachment.pdf', bytes, pdf } : pdf;
  }
  const scan = await scanToPdf(bytes, kind);
  if (!scan.ok) return { ok: false, reason: 'image_unreadable', message: scan.message };
  return { ok: true, name: pdfName(given), bytes: scan.pdf, pdf: { pages: scan.pages } };
}

/** The e-approval engine over HTTP: document types, cases and their actions, inboxes, proxies, the audit check. */
export function approvalsPlugin(services: Services, opts: ApprovalsPluginOptions) {
  const { db, clock } = services;
  const refs = activeReferences(db);
  const { userExists } = refs;
  const types = createDocumentTypesRepo(db, clock, refs);
  const proxies = createProxiesRepo(db);
  const audit = createAuditRepo(db);
  const cases = createCasesRepo(db);
  const names = createNames(db);
  const blobs = new BlobStore(opts.blobDir);
  const service = createCaseService({
    db,
    clock,
    types,
    cases,
    proxies,
    audit,
    settings: services.settings,
    names,
    inCommit: (before, after) => {
      const now = isoAt(clock);
      opts.queueNotices?.(caseNotices(before, after, (userId) => proxies.proxiesOf(userId, now)));
    },
    onChange: (before, after) => {
      const now = isoAt(clock);
      opts.events?.publish('case', caseNotices(before, after, (userId) => proxies.proxiesOf(userId, now)));
      if (after.state === 'approved' && before?.state !== 'approved') opts.events?.publish('decided', {});
    },
  });
  const insertAttachment = db.prepare(`INSERT INTO case_attachments (case_id, revision, name, sha256, size, pages, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const removeAttachment = db.prepare('UPDATE case_attachments SET removed_at = ? WHERE id = ? AND case_id = ? AND removed_at IS NULL');
  const attachmentRow = db.prepare('SELECT id, name, sha256, size FROM case_attachments WHERE id = ? AND case_id = ?');

  const callerOf = (req: FastifyRequest): Caller => {
    if (!req.auth) throw new AppError('unauthenticated');
    return { userId: req.auth.user.id, isAdmin: req.auth.user.roles.includes('admin'), ip: req.ip };
  };

  return async (app: FastifyInstance) => {
    route(app, api.listDocumentTypes, () => ({ items: types.list() }));
    route(app, api.createDocumentType, ({ body, req }) => {
      const me = callerOf(req);
      // One transaction: a type is never stored without its audit row (better-sqlite3 nests the repo's own as a savepoint).
      return db.transaction(() => {
        const created = types.create(body, me.userId);
        audit.append({ at: isoAt(clock), actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'type.create', caseId: null, version: null, data: { type: created } });
        return created;
      })();
    });
    route(app, api.updateDocumentType, ({ params, body, req }) => {
      const me = callerOf(req);
      return db.transaction(() => {
        const updated = types.update(params.id, body, me.userId);
        audit.append({ at: isoAt(clock), actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'type.update', caseId: null, version: null, data: { type: updated } });
        return updated;
      })();
    });

    route(app, api.previewRoute, ({ body, req }) => service.preview(callerOf(req), body));
    route(app, api.createCase, ({ body, req }) => service.create(callerOf(req), body));
    route(app, api.listCases, ({ query, req }) => service.list(callerOf(req), query));
    route(app, api.disposalList, ({ query, req }) => service.disposal(callerOf(req), query.fy));
    route(app, api.getCase, ({ params, req }) => service.get(callerOf(req), params.id));
    route(app, api.updateCase, ({ params, body, req }) => service.update(callerOf(req), params.id, body));
    route(app, api.submitCase, ({ params, body, req }) => service.submit(callerOf(req), params.id, body.version));
    route(app, api.actOnCase, ({ params, body, req }) => service.act(callerOf(req), params.id, body));
    route(app, api.inbox, ({ req }) => service.inbox(callerOf(req)));
    route(app, api.approvalSettings, () => ({ reminderWorkingDays: reminderWorkingDays(services.settings) }));
    route(app, api.setApprovalSettings, ({ body, me }) => {
      const before = { reminderWorkingDays: reminderWorkingDays(services.settings) };
      services.settings.set(reminderSettingKey, String(body.reminderWorkingDays));
      services.adminLog.record(me().user.id, 'approval.settings.set', 'settings', { before, after: body });
      return { reminderWorkingDays: body.reminderWorkingDays };
    });

    route(app, api.removeAttachment, ({ params, req }) => {
      const me = callerOf(req);
      service.changeAttachments(
        me,
        params.id,
        'case.attachment.remove',
        () => {
          const { changes } = removeAttachment.run(isoAt(clock), params.attachmentId, params.id);
          if (changes !== 1) throw new AppError('not_found', { field: 'params.attachmentId' });
          return params.attachmentId;
        },
        (attachmentId) => ({ attachmentId }),
      );
      return { ok: true as const };
    });

    // Multipart only in this context: the rest of the API stays JSON.
    await app.register(async (upload) => {
      const ep = api.addAttachment;
      const limit = ep.upload?.maxBytes ?? 0;
      const maxBytes = Math.min(limit, opts.maxBytes ?? limit);
      await upload.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
      route(upload, ep, async ({ params, req }) => {
        const me = callerOf(req);
        // Before reading the upload: a refused one (not the drafter, case submitted) stores no blob.
        service.attachable(me, params.id);
        const file = await req.file();
        if (!file || file.fieldname !== 'file') throw new AppError('validation', { field: 'body.file', detail: 'send the PDF as the multipart field "file"' });
        let received: Buffer;
        try {
          received = await file.toBuffer();
        } catch {
          throw new AppError('too_large', { field: 'body.file', detail: `an attachment may be at most ${Math.round(maxBytes / 1024 / 1024)} MB` });
        }
        // The detail starts with a stable reason (encrypted, broken …) that the client translates.
        const stored = await attachmentPdf(file.filename, received);
        if (!stored.ok) throw new AppError('invalid_file', { field: 'body.file', detail: `${stored.reason}: ${file.filename}: ${stored.message}` });
        const { name, pdf } = stored;
        const bytes = Buffer.isBuffer(stored.bytes) ? stored.bytes : Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength);
        const sha256 = await blobs.put(bytes);
        const now = isoAt(clock);
        const id = service.changeAttachments(
          me,
          params.id,
          'case.attachment.add',
          (c) => {
            // Added while sent back, it belongs to the resubmission the approvers will see next.
            const revision = c.state === 'sent_back' ? c.revision + 1 : c.revision;
            return { id: Number(insertAttachment.run(c.id, revision, name, sha256, bytes.length, pdf.pages, me.userId, now).lastInsertRowid), revision };
          },
          ({ id: attachmentId }) => ({ attachmentId, name, sha256, size: bytes.length, pages: pdf.pages }),
        );
        // The same bytes may have belonged to a case disposed of a moment ago, whose file was deleted after put() found it.
        if (!(await blobs.has(sha256))) await blobs.put(bytes);
        return { id: id.id, name, size: bytes.length, pages: pdf.pages, sha256, revision: id.revision, createdAt: now, createdBy: names.person(me.userId), removedAt: null };
      });
    });

    // The bytes of an attachment (not JSON, so not through route()); the same visibility as the case.
    app.route({
      method: 'GET',
      url: '/api/cases/:id/attachments/:attachmentId',
      config: { access: signedInAccess },
      handler: async (req, reply) => {
        const parsed = attachmentParamsSchema.safeParse(req.params);
        if (!parsed.success) throw new AppError('not_found');
        service.visibleCase(callerOf(req), parsed.data.id);
        refuseIfDisposed(db, parsed.data.id);
        const row = attachmentRow.get(parsed.data.attachmentId, parsed.data.id) as { name: string; sha256: string; size: number } | undefined;
        if (!row || !(await blobs.has(row.sha256))) throw new AppError('not_found', { field: 'params.attachmentId' });
        const base = row.name.replace(/\.pdf$/i, '');
        return reply
          .header('content-type', 'application/pdf')
          .header('content-length', String(row.size))
          .header('content-disposition', contentDisposition({ ascii: 'attachment.pdf', japanese: `${base}.pdf` }, 'inline'))
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(blobs.read(row.sha256));
      },
    });

    route(app, api.listProxies, ({ req }) => {
      const me = callerOf(req);
      return { items: proxies.list(me.isAdmin ? null : me.userId, isoAt(clock)) };
    });
    route(app, api.createProxy, ({ body, req }) => {
      const me = callerOf(req);
      const principalId = body.principalId ?? me.userId;
      if (principalId !== me.userId && !me.isAdmin) throw new AppError('forbidden', { field: 'body.principalId', detail: 'only an administrator may set a proxy for someone else' });
      if (!userExists(body.proxyId)) throw new AppError('unknown_reference', { field: 'body.proxyId' });
      if (!userExists(principalId)) throw new AppError('unknown_reference', { field: 'body.principalId' });
      const now = isoAt(clock);
      return db.transaction(() => {
        const created = proxies.create({ ...body, principalId }, me.userId, now);
        audit.append({ at: now, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'proxy.create', caseId: null, version: null, data: { proxy: created } });
        return created;
      })();
    });
    route(app, api.revokeProxy, ({ params, req }) => {
      const me = callerOf(req);
      const now = isoAt(clock);
      const existing = proxies.get(params.id, now);
      if (existing.principal.id !== me.userId && !me.isAdmin) throw new AppError('not_found', { field: 'params.id' });
      // Already ended: nothing changes, so nothing is recorded.
      if (existing.revokedAt !== null) return existing;
      return db.transaction(() => {
        const revoked = proxies.revoke(params.id, now);
        audit.append({ at: now, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action: 'proxy.revoke', caseId: null, version: null, data: { proxyId: params.id } });
        return revoked;
      })();
    });

    route(app, api.auditVerify, () => {
      const r = audit.verify();
      if (!r.ok) return { ok: false, rows: r.rows, brokenId: r.brokenId, reason: r.reason, cases: 0, brokenCaseId: null };
      const c = verifyCaseSnapshots(db);
      return c.ok
        ? { ok: true, rows: r.rows, brokenId: null, reason: null, cases: c.cases, brokenCaseId: null }
        : { ok: false, rows: r.rows, brokenId: null, reason: c.reason, cases: c.cases, brokenCaseId: c.caseId };
    });
  };
}
