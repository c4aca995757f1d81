import type { Attachment, CaseActionName, CaseRevision, CaseRoute, CaseSummary, CaseView, Person, TimelineEntry } from '../../../shared/api/approvals.js';
import { caseRevisions, decide, type Case, type CaseCommand, type CaseEvent, type DecideContext, type FinalRule, type ResolvedRoute, type RouteStage } from '../../../shared/domain/approval/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';
import type { CaseRow } from './cases.repo.js';
import type { Org } from './org-view.js';

/** Names for ids, read once each per app (people, departments and sites are few and rarely renamed mid-request). */
export interface Names {
  person(id: number): Person;
  department(id: number): { id: number; name: string };
  site(id: number): { id: number; name: string };
  type(id: number): { id: number; code: string; name: string };
}

/** Name lookups straight from the tables; cheap prepared statements, no cache to go stale. */
export function createNames(db: Db): Names {
  const person = db.prepare('SELECT id, name, login FROM users WHERE id = ?');
  const department = db.prepare('SELECT id, name FROM departments WHERE id = ?');
  const site = db.prepare('SELECT id, name FROM sites WHERE id = ?');
  const type = db.prepare('SELECT id, code, name FROM document_types WHERE id = ?');
  return {
    person: (id) => (person.get(id) as Person | undefined) ?? { id, name: `#${id}`, login: '' },
    department: (id) => (department.get(id) as { id: number; name: string } | undefined) ?? { id, name: `#${id}` },
    site: (id) => (site.get(id) as { id: number; name: string } | undefined) ?? { id, name: `#${id}` },
    type: (id) => (type.get(id) as { id: number; code: string; name: string } | undefined) ?? { id, code: '', name: `#${id}` },
  };
}

export function routeView(stages: readonly RouteStage[], finalRule: FinalRule | null, currentStage: number | null, names: Names, org: Org): CaseRoute {
  return {
    stages: stages.map((stage) => ({
      key: stage.key,
      mode: stage.mode,
      steps: stage.steps.map((s) => ({
        id: s.id,
        key: s.key,
        kind: s.kind,
        blocking: s.blocking,
        assignee: names.person(s.assigneeId),
        position: s.position,
        department: s.departmentId === null ? null : { id: s.departmentId, name: org.departmentName(s.departmentId) || names.department(s.departmentId).name },
        status: s.status,
        actedBy: s.actedBy === null ? null : names.person(s.actedBy),
        onBehalfOf: s.onBehalfOf === null ? null : names.person(s.onBehalfOf),
        actedVia: s.actedVia,
        actedAt: s.actedAt,
        actedRevision: s.actedRevision,
        comment: s.comment,
      })),
    })),
    finalRule,
    currentStage,
  };
}

/** What the case's event list looks like on the timeline. */
export function timelineOf(events: readonly CaseEvent[], names: Names): TimelineEntry[] {
  let revision = 1;
  return events.map((e) => {
    if (e.type === 'resubmitted') revision++;
    const base = { version: e.version, type: e.type, at: e.at, actor: names.person(e.actorId), revision };
    const none = { onBehalfOf: null, via: null, stepId: null, toStepId: null, comment: null, reason: null };
    switch (e.type) {
      case 'acted':
        return { ...base, ...none, action: e.action, onBehalfOf: e.onBehalfOf === null ? null : names.person(e.onBehalfOf), via: e.via, stepId: e.stepId, comment: e.comment, reason: e.reason };
      case 'sent_back':
        return {
          ...base,
          action: 'send_back',
          onBehalfOf: e.onBehalfOf === null ? null : names.person(e.onBehalfOf),
          via: e.via,
          stepId: e.stepId,
          toStepId: e.toStepId,
          comment: e.comment,
          reason: e.reason,
        };
      case 'recalled':
        return { ...base, ...none, action: 'recall', stepId: e.stepId };
      case 'withdrawn':
        return { ...base, ...none, action: 'withdraw', comment: e.comment };
      case 'reviewed':
        return { ...base, ...none, action: 'review', stepId: e.stepId, comment: e.comment };
      case 'commented':
        return { ...base, ...none, action: 'comment', stepId: e.stepId, comment: e.comment };
      case 'created':
        return { ...base, ...none, action: 'create' };
      case 'edited':
        return { ...base, ...none, action: 'edit' };
      case 'submitted':
        return { ...base, ...none, action: 'submit' };
      case 'resubmitted':
        return { ...base, ...none, action: 'resubmit' };
      case 'enforced':
        return { ...base, ...none, action: 'enforce' };
      default: {
        const never: never = e;
        return never;
      }
    }
  });
}

const probeRoute = (c: Case): ResolvedRoute => ({ stages: c.route, finalRule: c.finalRule, omitted: [] });

/** A command for each action, filled in enough that only the rules — not missing text — decide whether it is open to the caller. */
function probes(c: Case): [CaseActionName, CaseCommand][] {
  const version = c.version;
  const say = { comment: '…' };
  return [
    ['approve', { action: 'approve', version }],
    ['final_approve', { action: 'final_approve', version }],
    ['agree', { action: 'agree', version }],
    ['disagree', { action: 'disagree', version, ...say }],
    ['acknowledge', { action: 'acknowledge', version }],
    ['send_back', { action: 'send_back', version, ...say }],
    ['recall', { action: 'recall', version }],
    ['reject', { action: 'reject', version, ...say }],
    ['withdraw', { action: 'withdraw', version }],
    ['resubmit', { action: 'resubmit', version, route: probeRoute(c) }],
    ['enforce', { action: 'enforce', version, enforcedOn: '9999-12-31' }],
    ['review', { action: 'review', version }],
    ['comment', { action: 'comment', version, ...say }],
  ];
}

export function availableActions(c: Case, ctx: DecideContext): CaseActionName[] {
  return probes(c)
    .filter(([, cmd]) => decide(c, cmd, ctx).ok)
    .map(([name]) => name);
}

/** Prepared once per connection: every case view (the answer to every action) asks it. */
const attachmentQueries = new WeakMap<Db, Statement>();

function attachmentsOf(db: Db, caseId: number, names: Names): Attachment[] {
  let query = attachmentQueries.get(db);
  if (!query) {
    query = db.prepare('SELECT id, name, size, pages, sha256, revision, created_at, created_by, removed_at FROM case_attachments WHERE case_id = ? ORDER BY id');
    attachmentQueries.set(db, query);
  }
  const rows = query
    .all(caseId) as { id: number; name: string; size: number; pages: number; sha256: string; revision: number; created_at: string; created_by: number; removed_at: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    size: r.size,
    pages: r.pages,
    sha256: r.sha256,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: names.person(r.created_by),
    removedAt: r.removed_at,
  }));
}

/** Prepared once per connection: the case version each removed attachment was taken off at (the audit row of the removal). */
const removalQueries = new WeakMap<Db, Statement>();

function removalVersions(db: Db, caseId: number): Map<number, number> {
  let query = removalQueries.get(db);
  if (!query) {
    query = db.prepare("SELECT json_extract(data, '$.attachmentId') AS attachment_id, version FROM audit_log WHERE case_id = ? AND action = 'case.attachment.remove'");
    removalQueries.set(db, query);
  }
  const rows = query.all(caseId) as { attachment_id: number; version: number }[];
  return new Map(rows.map((r) => [r.attachment_id, r.version]));
}

/** 版: each submission's files and content, and what changed against the one before. */
function revisionsOf(db: Db, c: Case, events: readonly CaseEvent[], attachments: readonly Attachment[], names: Names): CaseRevision[] {
  // Most cases never lose a file: the audit log is read only for those that did.
  const removedAt = attachments.some((a) => a.removedAt !== null) ? removalVersions(db, c.id) : new Map<number, number>();
  const files = attachments.map((a) => ({
    id: a.id,
    name: a.name,
    sha256: a.sha256,
    revision: a.revision,
    removedAtVersion: a.removedAt === null ? null : (removedAt.get(a.id) ?? c.version),
  }));
  return caseRevisions({ events, files, state: c.state }).map((r) => ({
    revision: r.revision,
    submittedAt: r.submitted?.at ?? null,
    submittedBy: r.submitted ? names.person(r.submitted.actorId) : null,
    attachmentIds: r.fileIds,
    files: r.files,
    title: r.title,
    amount: r.amount,
    body: r.body,
  }));
}

export function buildCaseView(p: { c: Case; siteId: number; events: readonly CaseEvent[]; db: Db; names: Names; org: Org; ctx: DecideContext }): CaseView {
  const { c, names, org, ctx } = p;
  const mine = c.route
    .flatMap((s) => s.steps)
    .find((s) => s.status === 'pending' && (s.assigneeId === ctx.actorId || ctx.isProxyFor(ctx.actorId, s.assigneeId, ctx.now)));
  const attachments = attachmentsOf(p.db, c.id, names);
  return {
    id: c.id,
    number: c.number,
    numberFiscalYear: c.numberFiscalYear,
    state: c.state,
    version: c.version,
    revision: c.revision,
    type: names.type(c.typeId),
    title: c.title,
    amount: c.amount,
    body: c.body,
    consultDepartments: c.consultDepartmentIds.map((d) => names.department(d)),
    drafter: names.person(c.drafterId),
    department: names.department(c.departmentId),
    site: names.site(p.siteId),
    retention: c.retention,
    route: routeView(c.route, c.finalRule, c.currentStage, names, org),
    returned: c.returned,
    reviews: c.reviews.map((r) => ({ stepId: r.stepId, user: names.person(r.userId), deputy: names.person(r.deputyId), createdAt: r.createdAt, doneAt: r.doneAt, comment: r.comment })),
    attachments,
    timeline: timelineOf(p.events, names),
    revisions: revisionsOf(p.db, c, p.events, attachments, names),
    available: availableActions(c, ctx),
    myStepId: mine?.id ?? null,
    createdAt: c.createdAt,
    submittedAt: c.submittedAt,
    approvedAt: c.approvedAt,
    enforcedOn: c.enforcedOn,
    disposalOn: c.disposalOn,
  };
}

/** List rows as summaries; `overdue` holds the ids of the cases shown as 期限超過. */
export function buildSummaries(rows: readonly CaseRow[], names: Names, overdue: ReadonlySet<number> = new Set()): CaseSummary[] {
  return rows.map((r) => {
    const type = names.type(r.type_id);
    return {
      id: r.id,
      number: r.number,
      state: r.state,
      version: r.version,
      title: r.title,
      amount: r.amount,
      type: { id: type.id, name: type.name },
      drafter: names.person(r.drafter_id),
      department: names.department(r.department_id),
      site: names.site(r.site_id),
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      approvedAt: r.approved_at,
      disposalOn: r.disposal_on,
      overdue: overdue.has(r.id),
    };
  });
}
