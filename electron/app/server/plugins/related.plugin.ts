import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import type { CaseRef, RelatedList } from '../../../../shared/api/related.js';
import { AppError } from '../../app-error.js';
import { createCaseLinksRepo, normalizeDocNumber } from '../../approvals/case-links.repo.js';
import { callerOf, createCaseReader } from '../../approvals/case-reader.js';
import type { Caller } from '../../approvals/case-service.js';
import { isoAt } from '../../clock.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

const LOOKUP_LIMIT = 20;

/**
 * 関連文書: links between cases, shown from both sides. Whoever may see both
 * cases may link or unlink them; a case the caller may not see answers like
 * one that does not exist, and is only counted in a list.
 */
export function relatedPlugin(services: Services) {
  const { db, clock } = services;
  const reader = createCaseReader(services);
  const { service, audit, names } = reader;
  const links = createCaseLinksRepo(db);

  const listOf = (me: Caller, caseId: number): RelatedList => {
    const rows = links.list(caseId);
    const seen = reader.visibleIds(me, rows.map((r) => r.other_id));
    const visible = rows.filter((r) => seen.has(r.other_id));
    const refs = new Map(links.refs(visible.map((r) => r.other_id)).map((r) => [r.caseId, r]));
    const items = visible.flatMap((r) => {
      const ref = refs.get(r.other_id);
      return ref ? [{ ...ref, note: r.note, linkedAt: r.created_at, linkedBy: names.person(r.created_by) }] : [];
    });
    return { items, hiddenCount: rows.length - items.length };
  };

  /** The other case of a new link, by id or document number, if the caller may see it (404 naming the field otherwise). */
  const otherCase = (me: Caller, body: { caseId?: number | undefined; number?: string | undefined }): number => {
    if (body.caseId !== undefined) {
      if (!reader.canSee(me, body.caseId)) throw new AppError('not_found', { field: 'body.caseId' });
      return body.caseId;
    }
    const numbered = links.idsByNumber(body.number ?? '');
    const seen = reader.visibleIds(me, numbered);
    const ids = numbered.filter((id) => seen.has(id));
    const [only, ...more] = ids;
    if (only === undefined) throw new AppError('not_found', { field: 'body.number', detail: 'no case I may see carries this document number' });
    if (more.length > 0) throw new AppError('validation', { field: 'body.number', detail: 'several cases carry this number (different fiscal years): pick the case from the search instead' });
    return only;
  };

  /** One audit row on each side, so either case's trail tells the whole story. */
  const recordBoth = (me: Caller, action: string, pair: readonly [{ id: number; version: number }, { id: number; version: number }], note: string | null, at: string) => {
    const [x, y] = pair;
    for (const [self, other] of [[x, y], [y, x]] as const) {
      audit.append({ at, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action, caseId: self.id, version: self.version, data: { otherCaseId: other.id, ...(note !== null && { note }) } });
    }
  };

  return async (app: FastifyInstance) => {
    route(app, api.lookupCases, ({ query, req }) => {
      const me = callerOf(req);
      const found = new Set<number>();
      for (const q of new Set([query.q, normalizeDocNumber(query.q)])) {
        for (const item of service.list(me, { q, page: 1, box: 'all' }).items) if (item.id !== query.exclude) found.add(item.id);
      }
      const items: CaseRef[] = links.refs([...found].slice(0, LOOKUP_LIMIT));
      return { items };
    });

    route(app, api.listRelated, ({ params, req }) => {
      const me = callerOf(req);
      service.visibleCase(me, params.id);
      return listOf(me, params.id);
    });

    route(app, api.addRelated, ({ params, body, req }) => {
      const me = callerOf(req);
      const self = service.visibleCase(me, params.id);
      const otherId = otherCase(me, body);
      const field = body.caseId !== undefined ? 'body.caseId' : 'body.number';
      if (otherId === self.id) throw new AppError('validation', { field, detail: 'a case cannot be related to itself' });
      const other = service.visibleCase(me, otherId);
      const now = isoAt(clock);
      db.transaction(() => {
        if (!links.add(self.id, other.id, body.note, me.userId, now)) throw new AppError('duplicate', { field, detail: 'the two cases are already related' });
        recordBoth(me, 'case.link.add', [self, other], body.note, now);
      }).immediate();
      return listOf(me, self.id);
    });

    route(app, api.removeRelated, ({ params, req }) => {
      const me = callerOf(req);
      const self = service.visibleCase(me, params.id);
      if (!reader.canSee(me, params.otherId)) throw new AppError('not_found', { field: 'params.otherId' });
      const other = service.visibleCase(me, params.otherId);
      const now = isoAt(clock);
      db.transaction(() => {
        if (!links.remove(self.id, other.id)) throw new AppError('not_found', { field: 'params.otherId', detail: 'the two cases are not related' });
        recordBoth(me, 'case.link.remove', [self, other], null, now);
      }).immediate();
      return listOf(me, self.id);
    });
  };
}
