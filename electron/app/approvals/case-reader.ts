import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error.js';
import { isoAt } from '../clock.js';
import type { Services } from '../services.js';
import { createAuditRepo } from './audit.repo.js';
import { createCaseService, createCaseVisibility, type Caller } from './case-service.js';
import { createNames } from './case-view.js';
import { createCasesRepo, visibilityWhere, type Visibility } from './cases.repo.js';
import { activeReferences, createDocumentTypesRepo } from './document-types.repo.js';
import { loadOrg } from './org-view.js';
import { createProxiesRepo } from './proxies.repo.js';

/** The caller of a signed-in route as the case service needs them. */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.auth) throw new AppError('unauthenticated');
  return { userId: req.auth.user.id, isAdmin: req.auth.user.roles.includes('admin'), ip: req.ip };
}

/**
 * The case service and visibility rule for features that read cases beside
 * the approvals plugin (related cases, retention): a case hidden there is
 * hidden here.
 */
export function createCaseReader(services: Services) {
  const { db, clock, settings } = services;
  const audit = createAuditRepo(db);
  const names = createNames(db);
  const proxies = createProxiesRepo(db);
  const rule = createCaseVisibility({ proxies, settings });
  const service = createCaseService({
    db,
    clock,
    types: createDocumentTypesRepo(db, clock, activeReferences(db)),
    cases: createCasesRepo(db),
    proxies,
    audit,
    settings,
    names,
  });
  const visibility = (me: Caller): Visibility => rule.of(loadOrg(db), me, isoAt(clock));
  /** The ids among `ids` of cases the caller may see (missing ones are simply not seen). */
  const visibleIds = (me: Caller, ids: readonly number[]): Set<number> => {
    if (ids.length === 0) return new Set();
    const where = visibilityWhere(visibility(me));
    const rows = db
      .prepare(`SELECT c.id FROM cases c WHERE c.id IN (SELECT value FROM json_each(?))${where ? ` AND ${where.sql}` : ''}`)
      .all(JSON.stringify(ids), ...(where?.args ?? [])) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  };
  return {
    services,
    service,
    audit,
    names,
    visibility,
    visibleIds,
    canSee: (me: Caller, caseId: number): boolean => visibleIds(me, [caseId]).has(caseId),
    /** Manages a department (position rank at or above approval.managerMinRank), so sees its cases. */
    isManager: (me: Caller): boolean => loadOrg(db).managedDepartments(me.userId, rule.managerMinRank()).length > 0,
  };
}
export type CaseReader = ReturnType<typeof createCaseReader>;
