import type { z } from 'zod';
import type { ActionBody, caseCreateSchema, casePatchSchema, caseListQuerySchema, CaseView, InboxItem, RoutePreview } from '../../../shared/api/approvals.js';
import {
  applyCommand,
  createCase,
  resolveRoute,
  type Case,
  type CaseCommand,
  type CaseContent,
  type CaseEvent,
  type DecideContext,
  type Refusal,
  type ResolvedRoute,
} from '../../../shared/domain/approval/index.js';
import { fiscalYearOf, fiscalYearRange, localDayRange } from '../../../shared/domain/wareki.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { SettingsRepo } from '../org/settings.repo.js';
import type { AuditRepo } from './audit.repo.js';
import { buildCaseView, buildSummaries, routeView, type Names } from './case-view.js';
import type { CaseFilter, CasesRepo, Visibility } from './cases.repo.js';
import type { DocumentTypesRepo } from './document-types.repo.js';
import { loadOrg, type Org } from './org-view.js';
import { blockingCheck, overdueCaseIds, reminderWorkingDays } from './overdue.js';
import { workingDaysBetween } from '../../../shared/domain/approval/working-days.js';
import type { ProxiesRepo } from './proxies.repo.js';
import { tokyoDate } from '../../../shared/domain/tokyo-date.js';

type CreateInput = z.output<typeof caseCreateSchema>;
type PatchInput = z.output<typeof casePatchSchema>;
type ListQuery = z.output<typeof caseListQuerySchema>;

/** The caller as the service needs them. */
export interface Caller {
  userId: number;
  isAdmin: boolean;
  /** For the audit trail. */
  ip: string;
}

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  types: DocumentTypesRepo;
  cases: CasesRepo;
  proxies: ProxiesRepo;
  audit: AuditRepo;
  settings: SettingsRepo;
  names: Names;
  /** Told after every committed change (server events). */
  onChange?: (before: Case | null, after: Case, events: readonly CaseEvent[]) => void;
  /** Called inside the committing transaction, for what must be stored with the change or not at all (the mail outbox); must not throw. */
  inCommit?: (before: Case | null, after: Case) => void;
}

export const PAGE_SIZE = 50;

/**
 * Which cases a caller may see: everything (admin), or those they or their
 * principals (代理) are on, or drafted in the departments they manage. The one
 * rule for the case page, lists and search.
 */
export function createCaseVisibility(deps: Pick<CaseServiceDeps, 'proxies' | 'settings'>) {
  const managerMinRank = (): number => Number(deps.settings.get('approval.managerMinRank') ?? '70');
  return {
    managerMinRank,
    of(org: Org, me: Caller, now: string): Visibility {
      if (me.isAdmin) return { all: true };
      return { all: false, userIds: [me.userId, ...deps.proxies.principalsOf(me.userId, now)], departmentIds: org.managedDepartments(me.userId, managerMinRank()) };
    },
  };
}

class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly before: Case,
    readonly siteId: number,
  ) {
    super(refusal.detail);
  }
}

/** A refusal of the engine as the API's error: one mapping, here. */
export function refusalError(r: Refusal, current?: unknown): AppError {
  const field = r.field === undefined ? undefined : `body.${r.field}`;
  return new AppError(r.code, { detail: r.detail, ...(field !== undefined && { field }), ...(current !== undefined && { current }) });
}

/**
 * The e-approval use cases over HTTP: each loads the organisation and the case,
 * lets the engine decide, and stores the case, its events and an audit row in
 * one transaction — or changes nothing and says why.
 */
export function createCaseService(deps: CaseServiceDeps) {
  const { db, clock, types, cases, proxies, audit, settings, names } = deps;

  const visibilityRule = createCaseVisibility(deps);
  const managerMinRank = visibilityRule.managerMinRank;

  const context = (org: Org, me: Caller, now: string): DecideContext => {
    // Asked for every pending step by each action a view probes: answered once per request.
    const proxyAnswers = new Map<string, boolean>();
    return {
      actorId: me.userId,
      now,
      isProxyFor: (actor, principal, at) => {
        const key = `${actor}:${principal}:${at}`;
        let answer = proxyAnswers.get(key);
        if (answer === undefined) proxyAnswers.set(key, (answer = proxies.isProxyFor(actor, principal, at)));
        return answer;
      },
      mayDeputize: (actor, absent) => org.mayDeputize(actor, absent),
    };
  };

  const visibility = visibilityRule.of;

  const canSee = (org: Org, me: Caller, c: Case, now: string): boolean => {
    if (me.isAdmin) return true;
    // Someone on the case first: the usual caller, and no need to read the staff for their departments.
    if (cases.isParticipant(c.id, [me.userId, ...proxies.principalsOf(me.userId, now)])) return true;
    const v = visibility(org, me, now);
    return v.all || v.departmentIds.includes(c.departmentId);
  };

  /** A case the caller may see, or 404 — never 403, so ids do not tell what exists. */
  const loadVisible = (org: Org, me: Caller, id: number, now: string): { case: Case; siteId: number } => {
    const found = cases.load(id);
    if (!found || !canSee(org, me, found.case, now)) throw new AppError('not_found', { field: 'params.id' });
    return found;
  };

  const view = (org: Org, me: Caller, c: Case, siteId: number, now: string): CaseView =>
    buildCaseView({ c, siteId, events: cases.events(c.id), db, names, org, ctx: context(org, me, now) });

  const resolve = (c: Pick<Case, 'templateId' | 'drafterId' | 'amount' | 'consultDepartmentIds'>, org: Org): ResolvedRoute => {
    const template = types.template(c.templateId);
    const result = resolveRoute(template, { drafterId: c.drafterId, amount: c.amount, consultDepartmentIds: c.consultDepartmentIds }, org);
    if (result.ok) return result.route;
    const p = result.problem;
    if (p.code === 'route_unresolvable') throw new AppError('route_unresolvable', { detail: p.detail });
    throw new AppError('validation', { field: p.code === 'consult_not_allowed' ? 'body.consultDepartmentIds' : 'body.amount', detail: p.detail });
  };

  const checkDepartments = (org: Org, ids: readonly number[]): void => {
    ids.forEach((d, i) => {
      if (!org.department(d)) throw new AppError('unknown_reference', { field: `body.consultDepartmentIds.${i}` });
    });
  };

  const record = (me: Caller, c: Case, events: readonly CaseEvent[]): void => {
    for (const e of events) {
      const onBehalfOf = 'onBehalfOf' in e ? e.onBehalfOf : null;
      audit.append({ at: e.at, actorId: e.actorId, onBehalfOf, clientIp: me.ip, action: `case.${e.type}`, caseId: c.id, version: e.version, data: { event: e } });
    }
  };

  /**
   * Applies one command in a write transaction: the case is read inside it, so
   * of two approvers pressing at once exactly one wins and the other is told
   * the version moved on.
   */
  type Build = (c: Case, org: Org, now: string) => { cmd: CaseCommand; number?: { departmentId: number; seq: number } };
  const commit = (me: Caller, id: number, build: Build): { org: Org; now: string; after: Case; siteId: number } => {
    const now = isoAt(clock);
    const org = loadOrg(db);
    let result: { before: Case; after: Case; events: CaseEvent[]; siteId: number };
    try {
      result = db
        .transaction(() => {
          const found = loadVisible(org, me, id, now);
          const before = found.case;
          const { cmd, number } = build(before, org, now);
          const applied = applyCommand(before, cmd, context(org, me, now));
          // Thrown, not returned, so the transaction rolls back whatever was taken (a document number).
          if (!applied.ok) throw new Refused(applied.refusal, before, found.siteId);
          if (!cases.save(applied.case, before.version, applied.events, number, before)) {
            throw new Refused({ code: 'stale_version', detail: 'the case changed while this was being decided' }, before, found.siteId);
          }
          record(me, applied.case, applied.events);
          deps.inCommit?.(before, applied.case);
          return { before, after: applied.case, events: applied.events, siteId: found.siteId };
        })
        .immediate();
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      const current = err.refusal.code === 'stale_version' ? view(org, me, err.before, err.siteId, now) : undefined;
      throw refusalError(err.refusal, current);
    }
    deps.onChange?.(result.before, result.after, result.events);
    return { org, now, after: result.after, siteId: result.siteId };
  };
  /** `commit`, answered with the case as the caller now sees it. */
  const run = (me: Caller, id: number, build: Build): CaseView => {
    const done = commit(me, id, build);
    return view(done.org, me, done.after, done.siteId, done.now);
  };

  const actionCommand = (body: ActionBody): Build => (c, org, now) => {
    const version = body.version;
    const step = { comment: body.comment ?? null, onBehalfOfUserId: body.onBehalfOfUserId ?? null, reason: body.reason ?? null };
    switch (body.action) {
      case 'send_back':
        return { cmd: { action: 'send_back', version, ...step, toStepId: body.toStepId ?? null } };
      case 'recall':
        return { cmd: { action: 'recall', version } };
      case 'withdraw':
        return { cmd: { action: 'withdraw', version, comment: step.comment } };
      case 'resubmit':
        // Outside `sent_back` the engine refuses before looking at the route.
        return { cmd: { action: 'resubmit', version, route: c.state === 'sent_back' ? resolve(c, org) : { stages: c.route, finalRule: c.finalRule, omitted: [] } } };
      case 'enforce':
        return { cmd: { action: 'enforce', version, enforcedOn: body.enforcedOn ?? tokyoDate(now) } };
      case 'review':
        return { cmd: { action: 'review', version, stepId: body.stepId ?? null, comment: step.comment } };
      case 'comment':
        return { cmd: { action: 'comment', version, stepId: body.stepId ?? null, comment: step.comment } };
      default:
        return { cmd: { action: body.action, version, ...step } };
    }
  };

  /** 文書番号: the series of the nearest department up the chain with a prefix, else of the 課 (a 係's cases are its 課's). */
  const numbering = (org: Org, departmentId: number): { departmentId: number; prefix: string } => {
    const chain = org.chain(departmentId);
    const withPrefix = chain.map((d) => org.department(d)).find((d) => d !== undefined && d.doc_prefix !== '');
    if (withPrefix) return { departmentId: withPrefix.id, prefix: withPrefix.doc_prefix };
    const ka = chain.map((d) => org.department(d)).find((d) => d?.kind === 'ka') ?? org.department(departmentId);
    return { departmentId: ka?.id ?? departmentId, prefix: ka?.name ?? '' };
  };

  /** An active document type, or 400 unknown_reference naming `body.typeId` (preview and drafting alike). */
  const draftableType = (typeId: number) => {
    const type = types.list().find((t) => t.id === typeId && t.active);
    if (!type) throw new AppError('unknown_reference', { field: 'body.typeId' });
    return type;
  };

  const attachableCase = (org: Org, me: Caller, id: number, now: string): Case => {
    const c = loadVisible(org, me, id, now).case;
    if (c.drafterId !== me.userId) throw new AppError('not_entitled', { detail: 'only the drafter (起案者) may change attachments' });
    if (c.state !== 'draft' && c.state !== 'sent_back') throw new AppError('wrong_state', { detail: `attachments are fixed while the case is ${c.state}` });
    return c;
  };

  const contentOf = (c: CaseContent, patch: Partial<CaseContent>): CaseContent => ({
    title: patch.title ?? c.title,
    amount: patch.amount === undefined ? c.amount : patch.amount,
    body: patch.body ?? c.body,
    consultDepartmentIds: patch.consultDepartmentIds ?? c.consultDepartmentIds,
  });

  return {
    preview(me: Caller, input: { typeId: number; amount?: number | null | undefined; consultDepartmentIds?: number[] | undefined }): RoutePreview {
      const org = loadOrg(db);
      const type = draftableType(input.typeId);
      checkDepartments(org, input.consultDepartmentIds ?? []);
      const route = resolve({ templateId: type.templateId, drafterId: me.userId, amount: input.amount ?? null, consultDepartmentIds: input.consultDepartmentIds ?? [] }, org);
      return { ...routeView(route.stages, route.finalRule, null, names, org), omitted: route.omitted };
    },

    create(me: Caller, input: CreateInput): CaseView {
      const now = isoAt(clock);
      const org = loadOrg(db);
      const drafter = org.user(me.userId);
      if (!drafter || drafter.departmentId === null) {
        throw new AppError('validation', { field: 'body', detail: 'you need a department to draft a case: ask an administrator' });
      }
      const type = draftableType(input.typeId);
      checkDepartments(org, input.consultDepartmentIds ?? []);
      const content: CaseContent = { title: input.title, amount: input.amount ?? null, body: input.body ?? '', consultDepartmentIds: input.consultDepartmentIds ?? [] };
      const route = resolve({ templateId: type.templateId, drafterId: me.userId, ...content }, org);
      const siteId = org.department(drafter.departmentId)?.site_id ?? 0;
      const created = db
        .transaction(() => {
          const made = createCase(
            {
              caseId: cases.nextId(),
              typeId: type.id,
              templateId: type.templateId,
              departmentId: drafter.departmentId as number,
              retention: type.retention,
              resubmitPolicy: type.template.resubmit,
            },
            content,
            route,
            { actorId: me.userId, now },
          );
          if (!made.ok) return made;
          cases.insert(made.case, siteId, made.events);
          record(me, made.case, made.events);
          deps.inCommit?.(null, made.case);
          return made;
        })
        .immediate();
      if (!created.ok) throw refusalError(created.refusal);
      deps.onChange?.(null, created.case, created.events);
      return view(org, me, created.case, siteId, now);
    },

    update(me: Caller, id: number, patch: PatchInput): CaseView {
      return run(me, id, (c, org) => {
        const { version, ...changes } = patch;
        checkDepartments(org, changes.consultDepartmentIds ?? []);
        const content = contentOf(c, changes);
        return { cmd: { action: 'edit', version, content, route: resolve({ ...c, ...content }, org) } };
      });
    },

    submit(me: Caller, id: number, version: number): CaseView {
      return run(me, id, (c, org, now) => {
        const route = resolve(c, org);
        // Taken inside the transaction: a refused submission rolls the counter back, so the series has no gap.
        const series = numbering(org, c.departmentId);
        const fiscalYear = fiscalYearOf(now);
        const seq = cases.takeNumber(series.departmentId, fiscalYear);
        return { cmd: { action: 'submit', version, number: `${series.prefix}第${seq}号`, fiscalYear, route }, number: { departmentId: series.departmentId, seq } };
      });
    },

    act(me: Caller, id: number, body: ActionBody): CaseView {
      return run(me, id, actionCommand(body));
    },

    /** The action without the answer's view (timeline, names, what else the caller may do): for batch work and the bench. */
    apply(me: Caller, id: number, body: ActionBody): Case {
      return commit(me, id, actionCommand(body)).after;
    },

    get(me: Caller, id: number): CaseView {
      const now = isoAt(clock);
      const org = loadOrg(db);
      const found = loadVisible(org, me, id, now);
      return view(org, me, found.case, found.siteId, now);
    },

    /** For the attachment routes: the case if the caller may see it (404 otherwise). */
    visibleCase(me: Caller, id: number): Case {
      const now = isoAt(clock);
      return loadVisible(loadOrg(db), me, id, now).case;
    },

    inbox(me: Caller): { items: InboxItem[]; total: number } {
      const now = isoAt(clock);
      const principals = proxies.principalsOf(me.userId, now);
      const { rows, total } = cases.inbox([me.userId, ...principals], 500);
      // Hundreds of rows name the same few drafters, departments, sites and types: each is read once.
      const once = <T>(read: (id: number) => T): ((id: number) => T) => {
        const seen = new Map<number, T>();
        return (id) => {
          let v = seen.get(id);
          if (v === undefined) seen.set(id, (v = read(id)));
          return v;
        };
      };
      const inboxNames: Names = { person: once((id) => names.person(id)), department: once((id) => names.department(id)), site: once((id) => names.site(id)), type: once((id) => names.type(id)) };
      const summaries = new Map(buildSummaries(cases.rows([...new Set(rows.map((r) => r.case_id))]), inboxNames).map((s) => [s.id, s]));
      const items: InboxItem[] = [];
      const limit = reminderWorkingDays(settings);
      const blocking = blockingCheck(cases);
      for (const r of rows) {
        const s = summaries.get(r.case_id);
        if (!s) continue;
        const waitingWorkingDays = workingDaysBetween(r.pending_since, now);
        items.push({
          caseId: s.id,
          number: s.number,
          title: s.title,
          amount: s.amount,
          type: s.type,
          drafter: s.drafter,
          department: s.department,
          site: s.site,
          stepId: r.step_id,
          kind: r.kind as InboxItem['kind'],
          receivedAt: r.pending_since,
          asProxyFor: r.assignee_id === me.userId ? null : inboxNames.person(r.assignee_id),
          version: s.version,
          waitingWorkingDays,
          overdue: waitingWorkingDays > limit && s.state === 'in_progress' && blocking(r),
        });
      }
      return { items, total };
    },

    list(me: Caller, query: ListQuery) {
      const now = isoAt(clock);
      const org = loadOrg(db);
      const filter: CaseFilter = {
        state: query.state,
        typeId: query.type,
        q: query.q,
        createdFrom: query.from === undefined ? undefined : localDayRange(`${query.from}T12:00:00+09:00`).start,
        createdBefore: query.to === undefined ? undefined : localDayRange(`${query.to}T12:00:00+09:00`).end,
      };
      if (query.box === 'mine') filter.drafterId = me.userId;
      if (query.box === 'department') filter.departmentIds = org.managedDepartments(me.userId, managerMinRank());
      if (query.box === 'review') filter.reviewerId = me.userId;
      const { rows, total } = cases.list(visibility(org, me, now), filter, query.page, PAGE_SIZE);
      const overdue = overdueCaseIds(db, cases, rows.filter((r) => r.state === 'in_progress').map((r) => r.id), reminderWorkingDays(settings), now);
      return { items: buildSummaries(rows, names, overdue), total, page: query.page, pageSize: PAGE_SIZE };
    },

    /** Decided cases whose 廃棄予定日 falls by the end of `fiscalYear`. */
    disposal(me: Caller, fiscalYear: number | undefined) {
      const now = isoAt(clock);
      const fy = fiscalYear ?? fiscalYearOf(now);
      const org = loadOrg(db);
      const { rows } = cases.list(visibility(org, me, now), { disposalBy: fiscalYearRange(fy).end }, 1, 1000, 'disposal');
      return { fiscalYear: fy, items: buildSummaries(rows, names) };
    },

    /**
     * The case if the caller may change its attachments now (its drafter, while a draft or sent back);
     * checked before an upload is read and stored, so a refused one leaves no file behind.
     */
    attachable(me: Caller, id: number): Case {
      return attachableCase(loadOrg(db), me, id, isoAt(clock));
    },

    /** Records an attachment change of a draft or a case sent back, by its drafter; `write` runs inside the transaction. */
    changeAttachments<T>(me: Caller, id: number, action: string, write: (c: Case) => T, data: (result: T) => Record<string, unknown>): T {
      const now = isoAt(clock);
      const org = loadOrg(db);
      return db
        .transaction(() => {
          const c = attachableCase(org, me, id, now);
          const result = write(c);
          audit.append({ at: now, actorId: me.userId, onBehalfOf: null, clientIp: me.ip, action, caseId: c.id, version: c.version, data: data(result) });
          return result;
        })
        .immediate();
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
