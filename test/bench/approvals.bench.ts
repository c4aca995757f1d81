import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseView } from '../../shared/api/approvals.js';
import type { Case, RouteStage, StepKind, StepStatus } from '../../shared/domain/approval/index.js';
import { createAuditRepo } from '../../electron/app/approvals/audit.repo.js';
import { createCaseService, type Caller, type CaseService } from '../../electron/app/approvals/case-service.js';
import { createNames } from '../../electron/app/approvals/case-view.js';
import { createCasesRepo } from '../../electron/app/approvals/cases.repo.js';
import { createDocumentTypesRepo } from '../../electron/app/approvals/document-types.repo.js';
import { createProxiesRepo } from '../../electron/app/approvals/proxies.repo.js';
import { openDatabase, type Db } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { createSettingsRepo } from '../../electron/app/org/settings.repo.js';
import { buildApp } from '../../electron/app/server/app.js';
import { approvalTown } from '../helpers/approval-town.js';
import { signIn, testClock } from '../helpers/test-app.js';

export interface ApprovalsFigures {
  cases: number;
  steps: number;
  engineCases: number;
  buildSeconds: number;
  dbMb: number;
  /** Pending steps of the measured approver, and of the colleague they are standing proxy for. */
  pendingOwn: number;
  pendingAsProxy: number;
  requests: number;
  inbox: { p50Ms: number; p99Ms: number; items: number };
  bare: { p50Ms: number; p99Ms: number; rows: number };
  plan: string[];
  countPlan: string[];
  actions: { count: number; cases: number; seconds: number; perSecond: number };
  /** The same number of write transactions doing an action's writes with plain SQL (case row, event, two steps, audit row): the storage floor. */
  floor: { perSecond: number };
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
};

const actionOf: Record<StepKind, 'approve' | 'agree' | 'acknowledge' | 'final_approve'> = { approve: 'approve', consult: 'agree', inform: 'acknowledge', final: 'final_approve' };

/** The step a case view waits for: its assignee, kind and id. */
function waitingStep(v: CaseView): { assigneeId: number; kind: StepKind } | undefined {
  if (v.route.currentStage === null) return undefined;
  const s = v.route.stages[v.route.currentStage]?.steps.find((x) => x.blocking && x.status === 'pending');
  return s ? { assigneeId: s.assignee.id, kind: s.kind } : undefined;
}

/**
 * e-approval at the scale of years of a town's work:
 * - the inbox of one approver (GET /api/inbox, signed in, through Fastify's
 *   inject) with `cases` cases and ten steps each in the database, `pending`
 *   of them waiting for the approver (plus 20 of a colleague they stand in for),
 *   against the bare indexed SQL the inbox wraps (cases.repo.ts `inbox`);
 * - approve actions applied one after another through the case service (one
 *   transaction each: load, decide, snapshot, event, steps and participants,
 *   audit row), on that same database.
 * A few hundred cases are made through the engine; the bulk is written with
 * SQL (cases with a snapshot of the engine's shape, steps, participants; no
 * events or audit rows, which the inbox never reads).
 */
export async function approvalsBench(opts: { cases: number; actions: number; pending?: number; requests?: number }): Promise<ApprovalsFigures> {
  const pending = opts.pending ?? 200;
  const requests = opts.requests ?? 300;
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-approvals-bench-'));
  const file = join(dir, 'kamiless.db');
  const db = openDatabase(file);
  try {
    migrate(db);
    const clock = testClock(Date.parse('2026-11-20T09:00:00+09:00'));
    const town = await approvalTown(db, clock);
    const u = town.users;
    const exists = () => true;
    const types = createDocumentTypesRepo(db, clock, { positionExists: exists, departmentExists: exists, userExists: exists });
    const proxies = createProxiesRepo(db);
    const cases = createCasesRepo(db);
    const service = createCaseService({ db, clock, types, cases, proxies, audit: createAuditRepo(db), settings: createSettingsRepo(db), names: createNames(db) });
    const approver = u.kacho;
    // The 課長 stands in for the 北支所 課長 this month: the inbox asks for both.
    proxies.create({ principalId: u.kitaKacho.id, proxyId: approver.id, fromDate: '2026-11-01', toDate: '2026-11-30', reason: '育児休業' }, approver.id, new Date(clock.now()).toISOString());

    const t0 = performance.now();
    const engineCases = makeEngineCases(service, clock, town.types.spending.id, [u.clerk.id, u.clerk2.id, u.kitaClerk.id]);
    const engineOwn = (db.prepare("SELECT count(*) AS n FROM case_steps WHERE status = 'pending' AND assignee_id = ?").get(approver.id) as { n: number }).n;
    const bulk = writeBulk(db, {
      cases: opts.cases,
      firstId: cases.nextId(),
      typeId: town.types.spending.id,
      templateId: town.types.spending.templateId,
      departmentId: town.departments.jinji.id,
      numberDepartmentId: town.departments.zaisei.id,
      siteId: town.sites.hq.id,
      approverId: approver.id,
      approverPending: Math.max(0, pending - engineOwn),
      principalId: u.kitaKacho.id,
      principalPending: 20,
    });
    const buildSeconds = (performance.now() - t0) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    const pendingOwn = count("SELECT count(*) AS n FROM case_steps WHERE status = 'pending' AND assignee_id = ?", approver.id);
    const pendingAsProxy = count("SELECT count(*) AS n FROM case_steps WHERE status = 'pending' AND assignee_id = ?", u.kitaKacho.id);

    // The inbox over HTTP, signed in as the approver.
    const app = await buildApp({ db, mode: 'hub', clock, dataDir: dir });
    let inbox: ApprovalsFigures['inbox'];
    try {
      const client = await signIn(app, 'kacho');
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < requests + 30; i++) {
        const t = performance.now();
        const res = await client.inject({ method: 'GET', url: '/api/inbox' });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`inbox answered ${res.statusCode}: ${res.body}`);
        if (i === 0) items = (JSON.parse(res.body) as { items: unknown[] }).items.length;
        if (i >= 30) times.push(ms);
      }
      inbox = { p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99), items };
    } finally {
      await app.close();
    }

    // The bare query the inbox wraps: same SQL, same ids, same limit.
    const inboxSql = `SELECT case_id, step_id, kind, assignee_id, pending_since FROM case_steps
      WHERE status = 'pending' AND assignee_id IN (?,?) ORDER BY pending_since, case_id LIMIT ?`;
    const bareStatement = db.prepare(inboxSql);
    const bareTimes: number[] = [];
    let rows = 0;
    for (let i = 0; i < requests + 30; i++) {
      const t = performance.now();
      rows = bareStatement.all(approver.id, u.kitaKacho.id, 500).length;
      if (i >= 30) bareTimes.push(performance.now() - t);
    }
    const explain = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    const plan = explain(inboxSql, approver.id, u.kitaKacho.id, 500);
    const countPlan = explain("SELECT count(*) AS n FROM case_steps WHERE status = 'pending' AND assignee_id IN (?,?)", approver.id, u.kitaKacho.id);

    const actions = actionsBench(service, clock, town.types.spending.id, u.clerk.id, opts.actions);
    const floor = storageFloor(db, actions.count, u.kacho.id);
    const dbMb = statSync(file).size / 1024 / 1024;
    return {
      cases: count('SELECT count(*) AS n FROM cases') - actions.cases,
      steps: bulk.steps + engineCases.steps,
      engineCases: engineCases.cases,
      buildSeconds,
      dbMb,
      pendingOwn,
      pendingAsProxy,
      requests,
      inbox,
      bare: { p50Ms: quantile(bareTimes, 0.5), p99Ms: quantile(bareTimes, 0.99), rows },
      plan,
      countPlan,
      actions,
      floor,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few hundred cases through the engine, left at every point of the 支出負担行為 route (some waiting for the 課長). */
function makeEngineCases(service: CaseService, clock: { advance(ms: number): void }, typeId: number, drafters: number[]): { cases: number; steps: number } {
  const amounts = [120_000, 800_000, 3_200_000, 7_000_000, 12_000_000];
  let steps = 0;
  const n = 300;
  for (let i = 0; i < n; i++) {
    clock.advance(60_000);
    const drafter = drafters[i % drafters.length] as number;
    // The branch (北支所) has no 部長 in this town: its clerk's cases stay under the 課長's band.
    const amount = i % drafters.length === drafters.length - 1 ? 120_000 : (amounts[i % amounts.length] as number);
    let v = service.create(caller(drafter), { typeId, title: `物品購入 ${i + 1}`, amount, body: '標記のことについて伺います。' });
    steps += v.route.stages.reduce((a, s) => a + s.steps.length, 0);
    if (i % 17 === 0) continue; // left as a draft
    v = service.submit(caller(drafter), v.id, v.version);
    for (let k = 0; k < i % 6; k++) {
      const w = waitingStep(v);
      if (!w) break;
      clock.advance(60_000);
      v = service.act(caller(w.assigneeId), v.id, { action: actionOf[w.kind], version: v.version });
    }
    const w = waitingStep(v);
    if (w && i % 23 === 0) v = service.act(caller(w.assigneeId), v.id, { action: 'send_back', version: v.version, comment: '見積書を添付してください。' });
    else if (w && i % 29 === 0) v = service.act(caller(drafter), v.id, { action: 'withdraw', version: v.version });
  }
  return { cases: n, steps };
}

function caller(userId: number): Caller {
  return { userId, isAdmin: false, ip: '10.0.0.1' };
}

interface BulkSpec {
  cases: number;
  firstId: number;
  typeId: number;
  templateId: number;
  departmentId: number;
  numberDepartmentId: number;
  siteId: number;
  approverId: number;
  approverPending: number;
  principalId: number;
  principalPending: number;
}

const STEPS = 10;
const BULK_USERS = 400;

/**
 * `cases` cases of ten steps written with SQL: most decided, a tenth in progress
 * with one step pending (`approverPending` of them the approver's, spread over
 * the years, `principalPending` their principal's), the approver on a fifth of
 * the rest as an approval they gave. Assignees are 400 staff.
 */
function writeBulk(db: Db, spec: BulkSpec): { steps: number } {
  const now = '2026-11-20T00:00:00.000Z';
  const insertUser = db.prepare(`INSERT INTO users (login, name, kana, email, department_id, position_id, password_hash, password_changed_at, created_at, updated_at)
    VALUES (?, ?, '', '', ?, NULL, 'x', ?, ?, ?)`);
  const firstUser = Number(db.transaction(() => {
    let first = 0;
    for (let i = 0; i < BULK_USERS; i++) {
      const id = Number(insertUser.run(`staff${i}`, `職員 ${i}`, spec.departmentId, now, now, now).lastInsertRowid);
      if (i === 0) first = id;
    }
    return first;
  })());
  const insertCase = db.prepare(`INSERT INTO cases (id, type_id, template_id, drafter_id, department_id, site_id, state, version, revision, number, number_fy,
      number_dept, number_seq, title, amount, retention, snapshot, created_at, updated_at, submitted_at, approved_at, enforced_on, disposal_on)
    VALUES (@id, @typeId, @templateId, @drafterId, @departmentId, @siteId, @state, @version, 1, @number, @fy, @numberDept, @seq, @title, @amount, '5', @snapshot,
      @createdAt, @updatedAt, @submittedAt, @approvedAt, @enforcedOn, @disposalOn)`);
  const insertStep = db.prepare(`INSERT INTO case_steps (case_id, step_id, stage_index, kind, assignee_id, status, acted_by, acted_at, pending_since)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertParticipant = db.prepare('INSERT OR IGNORE INTO case_participants (user_id, case_id) VALUES (?, ?)');

  // Spread over four years up to now, one case every ~20 minutes for 100,000.
  const end = Date.parse(now);
  const span = 4 * 365 * 86_400_000;
  const inProgress = Math.floor(spec.cases / 10);
  const every = Math.max(1, Math.floor(inProgress / Math.max(1, spec.approverPending + spec.principalPending)));
  let approverLeft = spec.approverPending;
  let principalLeft = spec.principalPending;
  let seen = 0;
  let steps = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = spec.firstId + i;
      const created = end - span + Math.floor((i * span) / spec.cases);
      const iso = (ms: number) => new Date(ms).toISOString();
      const kind = i % 20;
      // 0, 1: in progress; 2: draft; 3: sent back; 4: withdrawn; 5: rejected; 6–12: enforced; 13–19: approved.
      const state = kind <= 1 ? 'in_progress' : kind === 2 ? 'draft' : kind === 3 ? 'sent_back' : kind === 4 ? 'withdrawn' : kind === 5 ? 'rejected' : kind <= 12 ? 'enforced' : 'approved';
      const decided = state === 'approved' || state === 'enforced';
      const pendingAt = state === 'in_progress' ? 1 + (i % (STEPS - 1)) : -1;
      let pendingAssignee: number | null = null;
      if (state === 'in_progress') {
        const k = seen++;
        if (k % every === 0 && approverLeft > 0) {
          pendingAssignee = spec.approverId;
          approverLeft--;
        } else if (k % every === 1 % every && principalLeft > 0) {
          pendingAssignee = spec.principalId;
          principalLeft--;
        }
      }
      const drafterId = firstUser + ((i * 31) % BULK_USERS);
      const route: RouteStage[] = [];
      for (let k = 0; k < STEPS; k++) {
        let assignee = firstUser + ((i * 7 + k * 13 + 1) % BULK_USERS);
        if (k === pendingAt && pendingAssignee !== null) assignee = pendingAssignee;
        else if (k === 2 && decided && i % 5 === 0) assignee = spec.approverId;
        const stepKind: StepKind = k === STEPS - 1 ? 'final' : k === 4 ? 'consult' : 'approve';
        const status: StepStatus = decided ? (stepKind === 'final' ? 'final_approved' : stepKind === 'consult' ? 'agreed' : 'approved')
          : state === 'in_progress' ? (k < pendingAt ? (stepKind === 'consult' ? 'agreed' : 'approved') : k === pendingAt ? 'pending' : 'waiting')
            : state === 'rejected' && k === 3 ? 'rejected' : state === 'sent_back' && k === 3 ? 'sent_back' : 'waiting';
        const actedAt = ['waiting', 'pending'].includes(status) ? null : iso(created + (k + 1) * 3_600_000);
        route.push({
          key: `s${k + 1}`,
          mode: 'all',
          steps: [{
            id: k + 1, key: `s${k + 1}`, kind: stepKind, blocking: true, assigneeId: assignee, position: stepKind === 'consult' ? '財政課 課長' : '課長', departmentId: spec.departmentId,
            status, actedBy: actedAt === null ? null : assignee, onBehalfOf: null, actedVia: actedAt === null ? null : 'self', actedAt, actedRevision: actedAt === null ? null : 1, comment: null,
          }],
        });
      }
      const numbered = state !== 'draft' && state !== 'withdrawn';
      const c: Case = {
        id, typeId: spec.typeId, templateId: spec.templateId, drafterId, departmentId: spec.departmentId, retention: '5', resubmitPolicy: 'restart',
        title: `消耗品購入（${i + 1}）に係る支出負担行為について`, amount: 10_000 + (i % 997) * 1_000, body: '標記のことについて、下記のとおり支出負担行為をしてよろしいか伺います。', consultDepartmentIds: [],
        state, version: decided ? STEPS + 2 : 2 + Math.max(0, pendingAt), revision: 1, number: numbered ? `財政課第${i + 1}号` : null, numberFiscalYear: numbered ? 2025 : null,
        route, finalRule: { label: '課長専決', stepKey: `s${STEPS}`, below: null, escalatedFrom: null },
        currentStage: state === 'in_progress' ? pendingAt : null,
        returned: state === 'sent_back' ? { kind: 'send_back', fromStepId: 4, at: iso(created + 4 * 3_600_000) } : null,
        reviews: [], createdAt: iso(created), submittedAt: state === 'draft' ? null : iso(created + 600_000),
        approvedAt: decided ? iso(created + STEPS * 3_600_000) : null, enforcedOn: state === 'enforced' ? iso(created + 2 * 86_400_000).slice(0, 10) : null,
        disposalOn: decided ? '2031-03-31' : null,
      };
      insertCase.run({
        id, typeId: c.typeId, templateId: c.templateId, drafterId, departmentId: c.departmentId, siteId: spec.siteId, state, version: c.version,
        number: c.number, fy: c.numberFiscalYear, numberDept: numbered ? spec.numberDepartmentId : null, seq: numbered ? i + 1 : null, title: c.title, amount: c.amount,
        snapshot: JSON.stringify(c), createdAt: c.createdAt, updatedAt: iso(created + STEPS * 3_600_000), submittedAt: c.submittedAt, approvedAt: c.approvedAt,
        enforcedOn: c.enforcedOn, disposalOn: c.disposalOn,
      });
      insertParticipant.run(drafterId, id);
      route.forEach((stage, k) => {
        const s = stage.steps[0];
        if (!s) return;
        insertStep.run(id, s.id, k, s.kind, s.assigneeId, s.status, s.actedBy, s.actedAt, s.status === 'pending' ? iso(created + k * 3_600_000) : null);
        insertParticipant.run(s.assigneeId, id);
        steps++;
      });
    }
  });
  for (let from = 0; from < spec.cases; from += 10_000) batch(from, Math.min(spec.cases, from + 10_000));
  return { steps };
}

/**
 * `actions` approve / agree / final-approve actions, one after another, through
 * the case service, on cases of the 部長専決 route (係長, 課長補佐, 課長, 財政課長
 * 合議, 部長: five steps each), step by step across the cases as a morning's work goes.
 */
function actionsBench(service: CaseService, clock: { advance(ms: number): void }, typeId: number, drafterId: number, actions: number): ApprovalsFigures['actions'] {
  const perCase = 5;
  const n = Math.max(1, Math.ceil(actions / perCase));
  let cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    const v = service.create(caller(drafterId), { typeId, title: `公用車購入 ${i + 1}`, amount: 3_200_000, body: '老朽化のため' });
    const submitted = service.submit(caller(drafterId), v.id, v.version);
    cases.push(service.apply(caller(drafterId), submitted.id, { action: 'comment', version: submitted.version, comment: '回議します。' }));
  }
  let count = 0;
  const t = performance.now();
  // Through the engine and SQLite (decide, evolve, the transaction, the snapshot, steps, events, audit row); the HTTP answer's view is not built.
  while (count < actions && cases.length > 0) {
    const next: Case[] = [];
    for (const c of cases) {
      if (count >= actions) break;
      const stage = c.currentStage === null ? undefined : c.route[c.currentStage];
      const w = stage?.steps.find((x) => x.blocking && x.status === 'pending');
      if (!w) continue;
      clock.advance(1_000);
      next.push(service.apply(caller(w.assigneeId), c.id, { action: actionOf[w.kind], version: c.version }));
      count++;
    }
    cases = next;
  }
  const seconds = (performance.now() - t) / 1000;
  return { count, cases: n, seconds, perSecond: count / seconds };
}

/**
 * What SQLite alone costs for an action: one IMMEDIATE transaction per action
 * writing what the service writes (the case row with its snapshot, an event, two
 * step rows, a hash-chained audit row), on the cases the actions bench just
 * decided, with no engine: no decision, no route, no view.
 */
function storageFloor(db: Db, count: number, actorId: number): { perSecond: number } {
  const ids = (db.prepare('SELECT id, snapshot FROM cases ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.ceil(count / 5))) as { id: number; snapshot: string }[]);
  const s = {
    update: db.prepare('UPDATE cases SET snapshot = ?, version = version + 1, updated_at = ? WHERE id = ? RETURNING version'),
    event: db.prepare("INSERT INTO case_events (case_id, version, type, at, actor_id, data) VALUES (?, ?, 'acted', ?, ?, ?)"),
    step: db.prepare('UPDATE case_steps SET status = ?, acted_by = ?, acted_at = ?, pending_since = ? WHERE case_id = ? AND step_id = ?'),
    last: db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
    audit: db.prepare(`INSERT INTO audit_log (id, at, actor_id, on_behalf_of, client_ip, action, case_id, version, data, prev_hash, hash)
      VALUES (?, ?, ?, NULL, '10.0.0.1', 'case.acted', ?, ?, ?, ?, ?)`),
  };
  const event = JSON.stringify({ type: 'acted', action: 'approve', stepId: 1, via: 'self', onBehalfOf: null, comment: null, reason: null, version: 0, at: '', actorId: actorId });
  const write = db.transaction((c: { id: number; snapshot: string }, k: number) => {
    const at = new Date(Date.parse('2026-12-01T00:00:00Z') + k * 1000).toISOString();
    const { version } = s.update.get(c.snapshot, at, c.id) as { version: number };
    s.event.run(c.id, version, at, actorId, event);
    s.step.run('approved', actorId, at, null, c.id, 1 + (k % 5));
    s.step.run('pending', null, null, at, c.id, 1 + ((k + 1) % 5));
    const last = s.last.get() as { id: number; hash: string };
    const data = JSON.stringify({ event });
    s.audit.run(last.id + 1, at, actorId, c.id, version, data, last.hash, createHash('sha256').update(last.hash).update(data).digest('hex'));
  });
  const t = performance.now();
  for (let k = 0; k < count; k++) write.immediate(ids[k % ids.length] as { id: number; snapshot: string }, k);
  return { perSecond: count / ((performance.now() - t) / 1000) };
}
