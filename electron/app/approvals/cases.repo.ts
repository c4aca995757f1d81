import { allSteps, type Case, type CaseEvent, type CaseState, type RouteStep } from '../../../shared/domain/approval/index.js';
import type { Db } from '../db/connection.js';

/** A case row's copied columns, for lists (the snapshot is read only for one case). */
export interface CaseRow {
  id: number;
  type_id: number;
  drafter_id: number;
  department_id: number;
  site_id: number;
  state: CaseState;
  version: number;
  number: string | null;
  title: string;
  amount: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  disposal_on: string | null;
}

export interface InboxRow {
  case_id: number;
  step_id: number;
  kind: string;
  assignee_id: number;
  pending_since: string;
}

/** Which cases a caller may see in lists: everything (admin), or those they are on, their principals are on, or their departments drafted. */
export type Visibility = { all: true } | { all: false; userIds: readonly number[]; departmentIds: readonly number[] };

export interface CaseFilter {
  state?: CaseState | undefined;
  typeId?: number | undefined;
  q?: string | undefined;
  createdFrom?: string | undefined;
  createdBefore?: string | undefined;
  drafterId?: number | undefined;
  departmentIds?: readonly number[] | undefined;
  reviewerId?: number | undefined;
  disposalBy?: string | undefined;
}

const rowColumns = `c.id, c.type_id, c.drafter_id, c.department_id, c.site_id, c.state, c.version, c.number, c.title, c.amount,
  c.created_at, c.updated_at, c.submitted_at, c.approved_at, c.disposal_on`;

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/**
 * The visibility rule as SQL over `cases c`: null when the caller sees
 * everything. One rule for case lists and search alike.
 */
export function visibilityWhere(visibility: Visibility): { sql: string; args: number[] } | null {
  if (visibility.all) return null;
  const parts = [`c.id IN (SELECT case_id FROM case_participants WHERE user_id IN (${placeholders(visibility.userIds.length)}))`];
  const args = [...visibility.userIds];
  if (visibility.departmentIds.length > 0) {
    parts.push(`c.department_id IN (${placeholders(visibility.departmentIds.length)})`);
    args.push(...visibility.departmentIds);
  }
  return { sql: `(${parts.join(' OR ')})`, args };
}

/**
 * Where cases live: the snapshot and its copied columns, the append-only
 * event list, the steps as rows (inbox), participants (visibility) and open
 * 後閲 tasks. Every write is one `save` inside the caller's transaction.
 */
export function createCasesRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO cases (id, type_id, template_id, drafter_id, department_id, site_id, state, version, revision, title, amount,
        retention, snapshot, created_at, updated_at)
      VALUES (@id, @typeId, @templateId, @drafterId, @departmentId, @siteId, @state, @version, @revision, @title, @amount,
        @retention, @snapshot, @createdAt, @updatedAt)`),
    nextId: db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM cases'),
    update: db.prepare(`UPDATE cases SET state = @state, version = @version, revision = @revision, number = @number, number_fy = @numberFy,
        number_dept = coalesce(@numberDept, number_dept), number_seq = coalesce(@numberSeq, number_seq), title = @title, amount = @amount,
        snapshot = @snapshot, updated_at = @updatedAt, submitted_at = @submittedAt, approved_at = @approvedAt, enforced_on = @enforcedOn,
        disposal_on = @disposalOn
      WHERE id = @id AND version = @previousVersion`),
    snapshot: db.prepare('SELECT snapshot, site_id FROM cases WHERE id = ?'),
    row: db.prepare(`SELECT ${rowColumns} FROM cases c WHERE c.id = ?`),
    event: db.prepare('INSERT INTO case_events (case_id, version, type, at, actor_id, data) VALUES (?, ?, ?, ?, ?, ?)'),
    events: db.prepare('SELECT data FROM case_events WHERE case_id = ? ORDER BY version'),
    upsertStep: db.prepare(`INSERT INTO case_steps (case_id, step_id, stage_index, kind, assignee_id, status, acted_by, acted_at, pending_since)
      VALUES (@caseId, @stepId, @stageIndex, @kind, @assigneeId, @status, @actedBy, @actedAt, CASE WHEN @status = 'pending' THEN @at END)
      ON CONFLICT (case_id, step_id) DO UPDATE SET stage_index = excluded.stage_index, kind = excluded.kind, assignee_id = excluded.assignee_id,
        status = excluded.status, acted_by = excluded.acted_by, acted_at = excluded.acted_at,
        pending_since = CASE WHEN excluded.status != 'pending' THEN NULL
                             WHEN case_steps.status = 'pending' AND case_steps.assignee_id = excluded.assignee_id THEN case_steps.pending_since
                             ELSE excluded.pending_since END`),
    dropSteps: db.prepare('DELETE FROM case_steps WHERE case_id = ? AND step_id > ?'),
    participant: db.prepare('INSERT OR IGNORE INTO case_participants (user_id, case_id) VALUES (?, ?)'),
    isParticipant: db.prepare(`SELECT 1 FROM case_participants WHERE case_id = ? AND user_id IN (SELECT value FROM json_each(?)) LIMIT 1`),
    clearReviews: db.prepare('DELETE FROM case_reviews WHERE case_id = ?'),
    review: db.prepare('INSERT OR IGNORE INTO case_reviews (case_id, step_id, user_id, created_at) VALUES (?, ?, ?, ?)'),
    counter: db.prepare(`INSERT INTO doc_number_counters (department_id, fiscal_year, last_seq) VALUES (?, ?, 1)
      ON CONFLICT (department_id, fiscal_year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`),
  };

  const writeEvents = (caseId: number, events: readonly CaseEvent[]): void => {
    for (const e of events) s.event.run(caseId, e.version, e.type, e.at, e.actorId, JSON.stringify(e));
  };

  /**
   * The rows derived from the snapshot. Given the case as it was, only what
   * changed is written: an approval touches two or three step rows, not the
   * whole route (the actions bench's second-largest cost).
   */
  const syncDerived = (c: Case, at: string, before?: Case): void => {
    const old = new Map<number, RouteStep & { stageIndex: number }>();
    if (before && before.state !== 'draft') {
      before.route.forEach((stage, stageIndex) => stage.steps.forEach((step) => old.set(step.id, { ...step, stageIndex })));
    }
    const steps = c.route.flatMap((stage, stageIndex) => stage.steps.map((step) => ({ stageIndex, step })));
    for (const { stageIndex, step } of steps) {
      const was = old.get(step.id);
      const same =
        was !== undefined &&
        was.stageIndex === stageIndex &&
        was.kind === step.kind &&
        was.assigneeId === step.assigneeId &&
        was.status === step.status &&
        was.actedBy === step.actedBy &&
        was.actedAt === step.actedAt;
      if (same) continue;
      s.upsertStep.run({
        caseId: c.id,
        stepId: step.id,
        stageIndex,
        kind: step.kind,
        assigneeId: step.assigneeId,
        status: step.status,
        actedBy: step.actedBy,
        actedAt: step.actedAt,
        at,
      });
    }
    if (old.size !== steps.length) s.dropSteps.run(c.id, steps.length);
    const known = new Set<number>();
    if (old.size > 0 && before) {
      known.add(before.drafterId);
      for (const step of old.values()) {
        known.add(step.assigneeId);
        if (step.actedBy !== null) known.add(step.actedBy);
      }
      for (const r of before.reviews) known.add(r.deputyId);
    }
    const participant = (userId: number): void => {
      if (known.has(userId)) return;
      known.add(userId);
      s.participant.run(userId, c.id);
    };
    participant(c.drafterId);
    // A draft is the drafter's own work in progress: the people on its route see it once it is submitted.
    for (const step of c.state === 'draft' ? [] : allSteps(c.route)) {
      participant(step.assigneeId);
      if (step.actedBy !== null) participant(step.actedBy);
    }
    for (const r of c.reviews) participant(r.deputyId);
    const openReviews = (x: Case | undefined) => JSON.stringify(x?.reviews.filter((r) => r.doneAt === null).map((r) => [r.stepId, r.userId, r.createdAt]) ?? null);
    if (!before || openReviews(before) !== openReviews(c)) {
      s.clearReviews.run(c.id);
      for (const r of c.reviews) if (r.doneAt === null) s.review.run(c.id, r.stepId, r.userId, r.createdAt);
    }
  };

  return {
    nextId: (): number => (s.nextId.get() as { id: number }).id,
    /** Stores a new case and its first event. */
    insert(c: Case, siteId: number, events: readonly CaseEvent[]): void {
      s.insert.run({
        id: c.id,
        typeId: c.typeId,
        templateId: c.templateId,
        drafterId: c.drafterId,
        departmentId: c.departmentId,
        siteId,
        state: c.state,
        version: c.version,
        revision: c.revision,
        title: c.title,
        amount: c.amount,
        retention: c.retention,
        snapshot: JSON.stringify(c),
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      });
      writeEvents(c.id, events);
      syncDerived(c, c.createdAt);
    },
    /**
     * Stores the case after `events`; false (and nothing written) when the row
     * is no longer at `previousVersion` — someone else saved first.
     */
    save(c: Case, previousVersion: number, events: readonly CaseEvent[], number?: { departmentId: number; seq: number }, before?: Case): boolean {
      const at = events[events.length - 1]?.at ?? c.createdAt;
      const { changes } = s.update.run({
        id: c.id,
        previousVersion,
        state: c.state,
        version: c.version,
        revision: c.revision,
        number: c.number,
        numberFy: c.numberFiscalYear,
        numberDept: number?.departmentId ?? null,
        numberSeq: number?.seq ?? null,
        title: c.title,
        amount: c.amount,
        snapshot: JSON.stringify(c),
        updatedAt: at,
        submittedAt: c.submittedAt,
        approvedAt: c.approvedAt,
        enforcedOn: c.enforcedOn,
        disposalOn: c.disposalOn,
      });
      if (changes !== 1) return false;
      writeEvents(c.id, events);
      syncDerived(c, at, before);
      return true;
    },
    load(id: number): { case: Case; siteId: number } | undefined {
      const row = s.snapshot.get(id) as { snapshot: string; site_id: number } | undefined;
      return row ? { case: JSON.parse(row.snapshot) as Case, siteId: row.site_id } : undefined;
    },
    row: (id: number): CaseRow | undefined => s.row.get(id) as CaseRow | undefined,
    events(id: number): CaseEvent[] {
      return (s.events.all(id) as { data: string }[]).map((r) => JSON.parse(r.data) as CaseEvent);
    },
    isParticipant(caseId: number, userIds: readonly number[]): boolean {
      return s.isParticipant.get(caseId, JSON.stringify(userIds)) !== undefined;
    },
    /** The next number of a department's fiscal-year series; inside the submitting transaction, so gap-free. */
    takeNumber(departmentId: number, fiscalYear: number): number {
      return (s.counter.get(departmentId, fiscalYear) as { last_seq: number }).last_seq;
    },
    /** Pending steps of these assignees, oldest first. */
    inbox(assigneeIds: readonly number[], limit: number): { rows: InboxRow[]; total: number } {
      if (assigneeIds.length === 0) return { rows: [], total: 0 };
      const ids = placeholders(assigneeIds.length);
      const rows = db
        .prepare(`SELECT case_id, step_id, kind, assignee_id, pending_since FROM case_steps
          WHERE status = 'pending' AND assignee_id IN (${ids}) ORDER BY pending_since, case_id LIMIT ?`)
        .all(...assigneeIds, limit) as InboxRow[];
      const total = (db.prepare(`SELECT count(*) AS n FROM case_steps WHERE status = 'pending' AND assignee_id IN (${ids})`).get(...assigneeIds) as { n: number }).n;
      return { rows, total };
    },
    rows(ids: readonly number[]): CaseRow[] {
      if (ids.length === 0) return [];
      return db.prepare(`SELECT ${rowColumns} FROM cases c WHERE c.id IN (${placeholders(ids.length)})`).all(...ids) as CaseRow[];
    },
    /** One page of the cases a caller may see, newest change first. */
    list(visibility: Visibility, filter: CaseFilter, page: number, pageSize: number, order: 'updated' | 'disposal' = 'updated'): { rows: CaseRow[]; total: number } {
      const where: string[] = [];
      const args: unknown[] = [];
      const visible = visibilityWhere(visibility);
      if (visible) {
        where.push(visible.sql);
        args.push(...visible.args);
      }
      if (filter.state) {
        where.push('c.state = ?');
        args.push(filter.state);
      }
      if (filter.typeId !== undefined) {
        where.push('c.type_id = ?');
        args.push(filter.typeId);
      }
      if (filter.q) {
        where.push(`(c.title LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\')`);
        const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        args.push(like, like);
      }
      if (filter.createdFrom) {
        where.push('c.created_at >= ?');
        args.push(filter.createdFrom);
      }
      if (filter.createdBefore) {
        where.push('c.created_at < ?');
        args.push(filter.createdBefore);
      }
      if (filter.drafterId !== undefined) {
        where.push('c.drafter_id = ?');
        args.push(filter.drafterId);
      }
      if (filter.departmentIds) {
        where.push(`c.department_id IN (${placeholders(filter.departmentIds.length) || 'NULL'})`);
        args.push(...filter.departmentIds);
      }
      if (filter.reviewerId !== undefined) {
        where.push('c.id IN (SELECT case_id FROM case_reviews WHERE user_id = ?)');
        args.push(filter.reviewerId);
      }
      if (filter.disposalBy) {
        where.push(`c.disposal_on IS NOT NULL AND c.disposal_on <= ? AND c.state IN ('approved', 'enforced')`);
        args.push(filter.disposalBy);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM cases c ${clause}`).get(...args) as { n: number }).n;
      const orderBy = order === 'disposal' ? 'c.disposal_on, c.id' : 'c.updated_at DESC, c.id DESC';
      const rows = db
        .prepare(`SELECT ${rowColumns} FROM cases c ${clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
        .all(...args, pageSize, (page - 1) * pageSize) as CaseRow[];
      return { rows, total };
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
