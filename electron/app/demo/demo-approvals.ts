import type { ActionBody } from '../../../shared/api/approvals.js';
import { allSteps, caseStates, type AssigneeRule, type Case, type CaseState, type RouteStep, type RouteTemplate, type StepKind } from '../../../shared/domain/approval/index.js';
import { fiscalYearOf } from '../../../shared/domain/wareki.js';
import { createAuditRepo } from '../approvals/audit.repo.js';
import { createCaseService, type Caller } from '../approvals/case-service.js';
import { createNames } from '../approvals/case-view.js';
import { createCasesRepo } from '../approvals/cases.repo.js';
import { activeReferences, createDocumentTypesRepo } from '../approvals/document-types.repo.js';
import { loadOrg } from '../approvals/org-view.js';
import { createProxiesRepo } from '../approvals/proxies.repo.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSettingsRepo } from '../org/settings.repo.js';
import { prng } from './demo-logs-plan.js';
import type { DemoPaper } from './demo-papers.js';
import { demoCases, demoDocPrefixes, demoDocumentTypes, demoProxies, type DemoAssignee, type DemoCase, type DemoOp } from './demo-approvals-plan.js';

export const DEMO_APPROVALS_SEED = 20_261_125;

export interface DemoApprovalsSummary {
  types: number;
  cases: number;
  byState: Record<CaseState, number>;
  /** Case events written (creation, submission, every action). */
  events: number;
  proxies: number;
}

// ---------------------------------------------------------------------------
// Office time: working days (Monday–Friday) before today, 8:30–17:15 in Tokyo
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;
const OFFICE_OPENS = 8 * 60 + 30;
const OFFICE_MINUTES = 525;
/** How far back the plan reaches, in working days (about six weeks). */
const SPAN = 30;

const tokyoDay = (ms: number): number => Math.floor((ms + JST_MS) / DAY_MS);
const isWorkday = (day: number): boolean => ![0, 6].includes(new Date(day * DAY_MS).getUTCDay());
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Positions in office minutes since the first of the SPAN working days before
 * today: the plan is laid out in working time, so it reads the same on any date
 * and every instant it gives is in office hours on a weekday before today.
 */
function officeCalendar(now: number) {
  const today = tokyoDay(now);
  const days: number[] = [];
  for (let d = today - 1; days.length < SPAN; d--) if (isWorkday(d)) days.unshift(d);
  const workdayAfter = (n: number): number => {
    let d = today;
    for (let left = n; left > 0; ) if (isWorkday(++d)) left--;
    return d;
  };
  return {
    end: SPAN * OFFICE_MINUTES,
    /** The start of the working day `ago` working days before today. */
    dayStart: (ago: number): number => (SPAN - ago) * OFFICE_MINUTES,
    instant(pos: number): number {
      const day = days[Math.floor(pos / OFFICE_MINUTES)];
      if (day === undefined) throw new Error(`demo approvals: office minute ${pos} is outside the plan`);
      return day * DAY_MS - JST_MS + (OFFICE_OPENS + (pos % OFFICE_MINUTES)) * 60_000;
    },
    /** A Tokyo date: working days before (negative) or after (positive) today. */
    date(offset: number): string {
      const day = offset < 0 ? days[SPAN + offset] : workdayAfter(offset);
      if (day === undefined) throw new Error(`demo approvals: working day ${offset} is outside the plan`);
      return isoDay(day);
    },
    /** `12月3日（木）`, `n` working days after the instant. */
    label(from: number, n: number): string {
      let d = tokyoDay(from);
      for (let left = n; left > 0; ) if (isWorkday(++d)) left--;
      const date = new Date(d * DAY_MS);
      return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日（${'日月火水木金土'[date.getUTCDay()]}）`;
    },
  };
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

const actionOf: Record<StepKind, ActionBody['action']> = { approve: 'approve', consult: 'agree', inform: 'acknowledge', final: 'final_approve' };

const yen = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The blocking step the case waits for (the first, in a parallel stage). */
const currentStep = (c: Case): RouteStep | undefined =>
  c.currentStage === null ? undefined : c.route[c.currentStage]?.steps.find((s) => s.blocking && s.status === 'pending');

interface Run {
  plan: DemoCase;
  index: number;
  drafterId: number;
  caseId: number | null;
  submitted: boolean;
  op: number;
}

/**
 * Adds the demo's e-approval data to the town demo-town.ts made: document
 * prefixes, document types, standing proxies and the cases of the plan, each
 * action through the case service (routes, numbers, events, audit rows) at
 * office hours over the last six weeks. Call it inside the town's transaction.
 */
export function installDemoApprovals(db: Db, clock: Clock, seed = DEMO_APPROVALS_SEED, papers: ReadonlyMap<string, DemoPaper> = new Map()): DemoApprovalsSummary {
  const now = clock.now();
  const cal = officeCalendar(now);
  const rnd = prng(seed);
  // The service's clock: set to each planned instant, always moving forward.
  let simNow = cal.instant(0) - 40 * 60_000;
  const sim: Clock = { now: () => simNow };
  const moveTo = (ms: number): void => {
    simNow = Math.max(ms + Math.floor(rnd() * 60) * 1000, simNow + 1000);
  };

  const idOf = (sql: string, ...args: unknown[]): number => {
    const row = db.prepare(sql).get(...args) as { id: number } | undefined;
    if (!row) throw new Error(`demo approvals: nothing found for ${JSON.stringify(args)}`);
    return row.id;
  };
  const department = (code: string): number => idOf('SELECT id FROM departments WHERE code = ?', code);
  const position = (name: string): number => idOf('SELECT id FROM positions WHERE name = ?', name);
  const userAt = (post: string): number => {
    const [dept, pos] = post.split('/');
    return idOf(`SELECT u.id FROM users u JOIN departments d ON d.id = u.department_id JOIN positions p ON p.id = u.position_id
      WHERE d.code = ? AND p.name = ? ORDER BY u.id LIMIT 1`, dept, pos);
  };
  const adminId = idOf("SELECT id FROM users WHERE login = 'admin'");
  const siteOf = new Map((db.prepare('SELECT u.id, d.site_id FROM users u JOIN departments d ON d.id = u.department_id').all() as { id: number; site_id: number }[]).map((r) => [r.id, r.site_id]));
  // An office LAN address per site, for the audit trail.
  const caller = (userId: number): Caller => ({ userId, isAdmin: false, ip: `10.20.${siteOf.get(userId) ?? 0}.${100 + (userId % 150)}` });

  const setPrefix = db.prepare('UPDATE departments SET doc_prefix = ? WHERE code = ?');
  for (const [code, prefix] of Object.entries(demoDocPrefixes)) setPrefix.run(prefix, code);

  const types = createDocumentTypesRepo(db, sim, activeReferences(db));
  const proxies = createProxiesRepo(db);
  const audit = createAuditRepo(db);
  const cases = createCasesRepo(db);
  const service = createCaseService({ db, clock: sim, types, cases, proxies, audit, settings: createSettingsRepo(db), names: createNames(db) });
  const insertAttachment = db.prepare(`INSERT INTO case_attachments (case_id, revision, name, sha256, size, pages, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  // The document types, set up by the administrator before the first case.
  const rule = (a: DemoAssignee): AssigneeRule =>
    'chain' in a ? { kind: 'chain', positionId: position(a.chain) }
      : 'office' in a ? { kind: 'office', positionId: position(a.office) }
        : { kind: 'department', departmentId: department(a.department), positionId: position(a.position) };
  const typeIds = new Map<string, number>();
  demoDocumentTypes.forEach((t, sortOrder) => {
    const template: RouteTemplate = {
      stages: t.stages.map((stage) => ({ key: stage.key, mode: stage.mode, steps: stage.steps.map((s) => ({ ...s, assignee: rule(s.assignee) })) })),
      bands: t.bands.map((b) => ({ below: b.below, finalStepKey: b.step, label: b.label })),
      amountRequired: t.amountRequired,
      allowAddedConsult: t.allowAddedConsult,
      addedConsultPositionId: t.allowAddedConsult ? position('課長') : null,
      resubmit: t.resubmit,
    };
    moveTo(simNow + 60_000);
    const created = types.create({ code: t.code, name: t.name, retention: t.retention, sortOrder, template }, adminId);
    audit.append({ at: new Date(simNow).toISOString(), actorId: adminId, onBehalfOf: null, clientIp: caller(adminId).ip, action: 'type.create', caseId: null, version: null, data: { type: created } });
    typeIds.set(t.code, created.id);
  });

  const proxyOf = new Map<number, number>();
  const gap = (): number => 15 + Math.floor(rnd() ** 2 * 900);
  const at = (pos: number, prev: number): number => {
    if (pos < cal.end) return pos;
    const squeezed = prev + Math.max(1, Math.floor((cal.end - prev) / 2));
    if (squeezed >= cal.end) throw new Error('demo approvals: the plan does not fit before today');
    return squeezed;
  };

  // Everything happens in time order: proxies being registered and each case's next action.
  type Task = { kind: 'proxy'; pos: number; seq: number; proxy: (typeof demoProxies)[number] } | { kind: 'case'; pos: number; seq: number; run: Run };
  const queue: Task[] = [];
  let seq = 0;
  for (const p of demoProxies) queue.push({ kind: 'proxy', pos: cal.dayStart(p.setOn) + 20 + Math.floor(rnd() * 300), seq: seq++, proxy: p });
  demoCases.forEach((plan, index) => {
    queue.push({ kind: 'case', pos: cal.dayStart(plan.start) + 10 + Math.floor(rnd() * 420), seq: seq++, run: { plan, index, drafterId: userAt(plan.drafter), caseId: null, submitted: false, op: 0 } });
  });

  const fy = fiscalYearOf(now);
  const render = (text: string, amount: number | null, from: number): string =>
    text
      .replaceAll('{amount}', amount === null ? '' : yen(amount))
      .replaceAll('{R}', `令和${fy - 2018}年度`)
      .replaceAll('{R+1}', `令和${fy - 2017}年`)
      .replace(/\{\+(\d+)\}/g, (_m, n: string) => cal.label(from, Number(n)));

  while (queue.length > 0) {
    queue.sort((a, b) => a.pos - b.pos || a.seq - b.seq);
    const task = queue.shift() as Task;
    moveTo(cal.instant(task.pos));
    if (task.kind === 'proxy') {
      const p = task.proxy;
      const principalId = userAt(p.principal);
      const proxyId = userAt(p.proxy);
      const created = proxies.create({ principalId, proxyId, fromDate: cal.date(p.from), toDate: cal.date(p.to), reason: p.reason }, principalId, new Date(simNow).toISOString());
      audit.append({ at: new Date(simNow).toISOString(), actorId: principalId, onBehalfOf: null, clientIp: caller(principalId).ip, action: 'proxy.create', caseId: null, version: null, data: { proxy: created } });
      proxyOf.set(principalId, proxyId);
      continue;
    }
    const run = task.run;
    const done = step(run, task.pos);
    if (done === false) continue;
    if (typeof done === 'number') {
      // Not yet: the op waits for its day (a proxy in force).
      queue.push({ ...task, pos: done + 10 + Math.floor(rnd() * 60) });
      continue;
    }
    const pos = task.pos + (run.caseId !== null && !run.submitted && !run.plan.draft ? 5 + Math.floor(rnd() * 90) : gap());
    queue.push({ ...task, pos: at(pos, task.pos) });
  }

  /** One action of a case's plan through the service: true; false when the plan is done; or the office minute its next op waits for. */
  function step(run: Run, pos: number): boolean | number {
    const { plan } = run;
    if (run.caseId === null) {
      const typeId = typeIds.get(plan.type);
      if (typeId === undefined) throw new Error(`demo approvals: unknown type ${plan.type}`);
      const created = service.create(caller(run.drafterId), {
        typeId,
        title: render(plan.title, plan.amount, simNow),
        amount: plan.amount,
        body: render(plan.body, plan.amount, simNow),
        consultDepartmentIds: (plan.consult ?? []).map(department),
      });
      run.caseId = created.id;
      // The type's paper (見積書, 新旧対照表 …), attached by the drafter as they draft, as the desk would.
      const paper = papers.get(plan.type);
      if (paper) {
        service.changeAttachments(
          caller(run.drafterId),
          created.id,
          'case.attachment.add',
          (c) => Number(insertAttachment.run(c.id, c.revision, paper.name, paper.sha256, paper.size, paper.pages, run.drafterId, isoAt(sim)).lastInsertRowid),
          (attachmentId) => ({ attachmentId, name: paper.name, sha256: paper.sha256, size: paper.size, pages: paper.pages }),
        );
      }
      return true;
    }
    const id = run.caseId;
    const load = (): Case => {
      const found = cases.load(id);
      if (!found) throw new Error(`demo approvals: case ${id} is gone`);
      return found.case;
    };
    const act = (userId: number, body: Omit<ActionBody, 'version'>): true => {
      service.act(caller(userId), id, { ...body, version: load().version } as ActionBody);
      return true;
    };
    if (!plan.draft && !run.submitted) {
      service.submit(caller(run.drafterId), id, load().version);
      run.submitted = true;
      return true;
    }
    for (;;) {
      const op: DemoOp | undefined = plan.ops[run.op];
      if (!op) return false;
      if (op.notBefore !== undefined && pos < cal.dayStart(op.notBefore)) return cal.dayStart(op.notBefore);
      const c = load();
      const fail = (why: string): never => {
        throw new Error(`demo approvals: case ${run.index} 「${c.title}」 (${c.state}): ${op.do} ${why}`);
      };
      const current = currentStep(c);
      /** The current approver's own step action. */
      const advance = (): true => (current ? act(current.assigneeId, { action: actionOf[current.kind] }) : fail('finds no step waiting'));
      switch (op.do) {
        case 'until':
          if (allSteps(c.route).some((s) => s.key === op.key && s.status === 'pending')) {
            run.op++;
            continue;
          }
          return advance();
        case 'finish':
          if (c.state === 'approved') {
            run.op++;
            continue;
          }
          return advance();
        default:
          run.op++;
      }
      switch (op.do) {
        case 'act': {
          if (!current) return fail('finds no step waiting');
          const action = op.action ?? actionOf[current.kind];
          const toStepId = op.toKey === undefined ? null : (allSteps(c.route).find((s) => s.key === op.toKey)?.id ?? fail(`finds no step ${op.toKey}`));
          const base = { action, comment: op.comment ?? null, toStepId, reason: op.reason ?? null };
          if (op.via === 'proxy') {
            const proxyId = proxyOf.get(current.assigneeId) ?? fail(`finds no proxy of user ${current.assigneeId} (step ${current.key}) at ${new Date(simNow).toISOString()}`);
            return act(proxyId, { ...base, onBehalfOfUserId: current.assigneeId });
          }
          if (op.via === 'deputy') return act(deputyFor(c, current.assigneeId) ?? fail('finds no deputy'), { ...base, onBehalfOfUserId: current.assigneeId });
          return act(current.assigneeId, base);
        }
        case 'recall': {
          if (op.by === 'drafter') return act(c.drafterId, { action: 'recall' });
          const last = allSteps(c.route).filter((s) => s.actedBy !== null && s.actedRevision === c.revision).sort((a, b) => (a.actedAt ?? '').localeCompare(b.actedAt ?? ''));
          return act(last[last.length - 1]?.actedBy ?? fail('finds nobody who acted'), { action: 'recall' });
        }
        case 'withdraw':
          return act(c.drafterId, { action: 'withdraw', comment: op.comment });
        case 'edit': {
          const amount = op.amount ?? c.amount;
          service.update(caller(c.drafterId), id, { version: c.version, amount, body: `${render(plan.body, amount, Date.parse(c.createdAt))}\n\n（${op.note}）` });
          return true;
        }
        case 'resubmit':
          return act(c.drafterId, { action: 'resubmit' });
        case 'enforce':
          return act(c.drafterId, { action: 'enforce' });
        case 'review': {
          const task = c.reviews.find((r) => r.doneAt === null) ?? fail('finds no 後閲 task');
          return act(task.userId, { action: 'review', stepId: task.stepId, comment: op.comment });
        }
        case 'acknowledge': {
          const inform = allSteps(c.route).find((s) => s.kind === 'inform' && s.status === 'pending') ?? fail('finds no open 供覧');
          return act(inform.assigneeId, { action: 'acknowledge' });
        }
        case 'comment':
          return act(op.by === 'drafter' ? c.drafterId : (current?.assigneeId ?? fail('finds no step waiting')), { action: 'comment', comment: op.text });
        default:
          return fail('is not a step of a plan');
      }
    }
  }

  /** 代決: who the organisation lets decide for the absent approver; the one in the drafting line, on the route, first. */
  function deputyFor(c: Case, absentId: number): number | undefined {
    const org = loadOrg(db);
    const line = new Set(org.chain(c.departmentId));
    const onRoute = new Set(allSteps(c.route).map((s) => s.assigneeId));
    const score = (u: number): number => (line.has(org.user(u)?.departmentId ?? -1) ? 0 : 2) + (onRoute.has(u) ? 0 : 1);
    return org
      .userIds()
      .filter((u) => org.mayDeputize(u, absentId))
      .sort((a, b) => score(a) - score(b) || a - b)[0];
  }

  const byState = Object.fromEntries(caseStates.map((s) => [s, 0])) as Record<CaseState, number>;
  for (const r of db.prepare('SELECT state, count(*) AS n FROM cases GROUP BY state').all() as { state: CaseState; n: number }[]) byState[r.state] = r.n;
  const events = (db.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n;
  return { types: demoDocumentTypes.length, cases: demoCases.length, byState, events, proxies: demoProxies.length };
}
