/**
 * Property-based tests of the approval engine: random towns, templates,
 * proxies and deputy rules, and random sequences of commands by random people.
 * Whatever happens, the case stays sound, every recorded action was taken by
 * someone entitled to it, refusals change nothing, decided cases do not move,
 * and replaying the events rebuilds the case exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  caseProblems,
  createCase,
  evolve,
  isDone,
  templateProblems,
  type Case,
  type CaseCommand,
  type CaseEvent,
  type DecideContext,
  type ResubmitPolicy,
  type RouteStep,
  type StepActionName,
  type StepKind,
} from '../../../shared/domain/approval/index.js';
import { commandFor, dayAfter, dutiful, moveArb, START, withResubmit, worldArb, type Move, type World } from './arbitraries.js';
import { Desk, isProxy, type DeskOptions } from './desk.js';

const MINUTE = 60_000;

/** What each step action may answer, written out here rather than taken from decide.ts. */
const answers: Record<StepActionName, readonly StepKind[]> = {
  approve: ['approve'],
  final_approve: ['final'],
  agree: ['consult'],
  disagree: ['consult'],
  acknowledge: ['inform'],
  reject: ['approve', 'final'],
};

const expectedAction = { approve: 'approve', final: 'final_approve', consult: 'agree', inform: 'acknowledge' } as const;

const blank = (s: string | null | undefined): boolean => (s ?? '').trim() === '';
const steps = (c: Case): RouteStep[] => c.route.flatMap((s) => s.steps);
const stageOf = (c: Case, stepId: number): number => c.route.findIndex((s) => s.steps.some((x) => x.id === stepId));

function ctxFor(w: World, actorId: number, now: string): DecideContext {
  return {
    actorId,
    now,
    isProxyFor: (a, p, at) => isProxy(w.proxies, a, p, at),
    mayDeputize: (a, absent) => w.deputies.some(([d, x]) => d === a && x === absent),
  };
}

/**
 * Was the event's actor entitled to it, judged from the case before and the
 * world's proxies and deputy rules? Returns what is wrong (empty when fine).
 */
function entitlementProblems(w: World, before: Case, e: CaseEvent): string[] {
  const out: string[] = [];
  const isDrafter = e.actorId === before.drafterId;
  const need = (ok: boolean, what: string) => {
    if (!ok) out.push(`${e.type} by ${e.actorId}: ${what}`);
  };
  const stepActor = (stepId: number, via: string, onBehalfOf: number | null, reason: string | null): RouteStep | undefined => {
    const step = steps(before).find((s) => s.id === stepId);
    need(before.state === 'in_progress', `case was ${before.state}`);
    need(step?.status === 'pending', `step ${stepId} was ${step?.status ?? 'missing'}, not pending`);
    if (!step) return undefined;
    need(stageOf(before, stepId) === before.currentStage || !step.blocking, 'a blocking step outside the current stage');
    if (via === 'self') need(e.actorId === step.assigneeId && onBehalfOf === null, `acted as self on ${step.assigneeId}'s step`);
    else if (via === 'proxy') need(onBehalfOf === step.assigneeId && isProxy(w.proxies, e.actorId, step.assigneeId, e.at), `no standing proxy for ${step.assigneeId} at ${e.at}`);
    else if (via === 'deputy') {
      need(onBehalfOf === step.assigneeId && w.deputies.some(([d, x]) => d === e.actorId && x === step.assigneeId), `not a deputy for ${step.assigneeId}`);
      need(!blank(reason), '代決 without a reason');
      need(step.blocking, '代決 on a non-blocking step');
    } else out.push(`unknown via ${via}`);
    return step;
  };
  switch (e.type) {
    case 'acted': {
      const step = stepActor(e.stepId, e.via, e.onBehalfOf, e.reason);
      if (step) need(answers[e.action].includes(step.kind), `${e.action} on a ${step.kind} step`);
      if (e.action === 'disagree' || e.action === 'reject') need(!blank(e.comment), 'no comment');
      break;
    }
    case 'sent_back': {
      const step = stepActor(e.stepId, e.via, e.onBehalfOf, e.reason);
      need(step?.blocking === true, 'send back from a step the route does not wait for');
      need(!blank(e.comment), 'no comment');
      if (e.toStepId !== null) {
        const target = steps(before).find((s) => s.id === e.toStepId);
        need(target !== undefined && stageOf(before, e.toStepId) < stageOf(before, e.stepId), 'target is not in an earlier stage');
        need(target !== undefined && target.blocking && isDone(target.status) && target.status !== 'skipped', `target was ${target?.status ?? 'missing'}`);
      }
      break;
    }
    case 'recalled':
      need(before.state === 'in_progress', `case was ${before.state}`);
      if (e.stepId === null) {
        need(isDrafter, 'recall of the whole case by someone else than the drafter');
        need(!steps(before).some((s) => s.actedRevision === before.revision), 'someone had acted on this revision');
      } else {
        const step = steps(before).find((s) => s.id === e.stepId);
        need(step?.actedBy === e.actorId && step.actedRevision === before.revision, 'recalling an action that is not theirs on this revision');
        // Nobody after them has acted: no blocking step in a later stage is done or sent back.
        const from = stageOf(before, e.stepId);
        const later = before.route.slice(from + 1).flatMap((s) => s.steps.filter((x) => x.blocking && x.status !== 'waiting' && x.status !== 'pending'));
        need(later.length === 0, `steps ${later.map((s) => s.id).join(',')} after them had acted`);
      }
      break;
    case 'submitted':
      need(isDrafter && before.state === 'draft', `submit of a ${before.state} case`);
      break;
    case 'resubmitted':
      need(isDrafter && before.state === 'sent_back', `resubmit of a ${before.state} case`);
      break;
    case 'edited':
      need(isDrafter && (before.state === 'draft' || before.state === 'sent_back'), `edit of a ${before.state} case`);
      break;
    case 'withdrawn':
      need(isDrafter && ['draft', 'in_progress', 'sent_back'].includes(before.state), `withdraw of a ${before.state} case`);
      break;
    case 'enforced':
      need(isDrafter && before.state === 'approved', `enforce of a ${before.state} case`);
      need(before.approvedAt !== null && e.enforcedOn >= dayAfter(before.approvedAt, 0), `施行日 ${e.enforcedOn} before the approval`);
      break;
    case 'reviewed':
      need(before.state !== 'draft', 'review of a draft');
      need(before.reviews.some((r) => r.userId === e.actorId && r.stepId === e.stepId && r.doneAt === null), 'no open 後閲 for them');
      break;
    case 'commented': {
      need(['draft', 'in_progress', 'sent_back'].includes(before.state), `comment on a ${before.state} case`);
      need(!blank(e.comment), 'empty comment');
      const onRoute = steps(before).some((s) => s.assigneeId === e.actorId || s.actedBy === e.actorId || isProxy(w.proxies, e.actorId, s.assigneeId, e.at));
      need(isDrafter || onRoute, 'comment by someone off the route');
      break;
    }
    case 'created':
      out.push('a second created event');
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  return out;
}

/** Approved: every stage complete with each blocking step done, the deciding step final-approved and nothing pending. */
function approvalProblems(c: Case): string[] {
  const out: string[] = [];
  for (const stage of c.route) {
    const blocking = stage.steps.filter((s) => s.blocking);
    for (const s of blocking) if (!isDone(s.status)) out.push(`step ${s.id} (${s.key}) is ${s.status}`);
    if (stage.mode === 'any' && blocking.length > 0 && !blocking.some((s) => s.status !== 'skipped')) out.push(`"any" stage ${stage.key} with nobody who acted`);
  }
  const last = c.route.at(-1)?.steps;
  if (last?.length !== 1 || last[0]?.kind !== 'final' || last[0].status !== 'final_approved') out.push('the deciding step is not final-approved');
  if (steps(c).some((s) => s.status === 'pending' || s.status === 'waiting')) out.push('a step still pending or waiting');
  return out;
}

/**
 * 後閲 bookkeeping: a 代決 adds one open task for the absent approver; a review
 * closes one of the reviewer's; recalling a step drops its open tasks; nothing
 * else touches them.
 */
function reviewProblems(before: Case, after: Case, e: CaseEvent): string[] {
  const key = (r: unknown) => JSON.stringify(r);
  if ((e.type === 'acted' || e.type === 'sent_back') && e.via === 'deputy') {
    const added = { stepId: e.stepId, userId: e.onBehalfOf, deputyId: e.actorId, createdAt: e.at, doneAt: null, comment: null };
    const ok = key(after.reviews) === key([...before.reviews, added]);
    return ok ? [] : ['代決 without exactly one new 後閲 task'];
  }
  if (e.type === 'reviewed') {
    const closed = after.reviews.filter((r, i) => key(r) !== key(before.reviews[i] ?? r));
    return closed.length === 1 && closed[0]?.userId === e.actorId && closed[0].doneAt === e.at && after.reviews.length === before.reviews.length ? [] : ['a review did not close exactly one of the reviewer\'s tasks'];
  }
  if (e.type === 'recalled' && e.stepId !== null) {
    const kept = before.reviews.filter((r) => !(r.stepId === e.stepId && r.doneAt === null));
    return key(after.reviews) === key(kept) ? [] : ['recall did not drop exactly the open 後閲 of the recalled step'];
  }
  return key(after.reviews) === key(before.reviews) ? [] : [`${e.type} changed the 後閲 tasks`];
}

interface Tally { runs: number; accepted: number; refused: number; byState: Record<string, number>; byVia: Record<string, number>; events: Record<string, number> }
const tally = (): Tally => ({ runs: 0, accepted: 0, refused: 0, byState: {}, byVia: {}, events: {} });
const bump = (r: Record<string, number>, k: string) => {
  r[k] = (r[k] ?? 0) + 1;
};

/** Drives a world through its moves, checking every property after every command; returns the final case. */
function run(w: World, moves: readonly Move[], t: Tally): Case {
  expect(templateProblems(w.template), 'the generator makes valid templates').toEqual([]);
  let clock = START;
  const created = createCase(
    { caseId: 7, typeId: 1, templateId: 1, departmentId: w.org.user(w.drafterId)?.departmentId ?? 0, retention: w.retention, resubmitPolicy: w.resubmit },
    { title: '件名', amount: w.amount, body: '', consultDepartmentIds: w.consult },
    w.route,
    { actorId: w.drafterId, now: new Date(clock).toISOString() },
  );
  if (!created.ok) throw new Error(`createCase refused: ${created.refusal.detail}`);
  let c = created.case;
  const events: CaseEvent[] = [...created.events];
  expect(caseProblems(c)).toEqual([]);
  t.runs++;

  moves.forEach((m, i) => {
    clock += m.hours * 60 * MINUTE + MINUTE;
    const now = new Date(clock).toISOString();
    const planned = commandFor(w, c, m, now, i + 1);
    const cmd = { ...planned.cmd, version: c.version + planned.versionOffset } as CaseCommand;
    const before = structuredClone(c);
    const r = applyCommand(c, cmd, ctxFor(w, planned.actorId, now));
    expect(c, 'applyCommand changed the case it was given').toEqual(before);
    if (planned.versionOffset !== 0) expect(r.ok ? 'accepted' : r.refusal.code).toBe('stale_version');
    if (!r.ok) {
      t.refused++;
      expect(r.refusal.detail).not.toBe('');
      return;
    }
    t.accepted++;
    expect(r.events).toHaveLength(1);
    const e = r.events[0] as CaseEvent;
    const after = r.case;
    const where = `after ${e.type} (${cmd.action} by ${planned.actorId}) at move ${i}`;
    bump(t.events, e.type);
    if ((e.type === 'acted' || e.type === 'sent_back') && e.via !== 'self') bump(t.byVia, e.via);
    if (e.type === 'resubmitted' && after.route.slice(0, after.currentStage ?? 0).some((s) => s.steps.some((x) => x.actedRevision !== null))) bump(t.events, 'resumed');
    if (e.type === 'sent_back' && e.toStepId !== null) bump(t.events, 'sent_back_to_step');
    if (e.type === 'recalled' && e.stepId !== null) bump(t.events, 'recalled_by_approver');

    expect(caseProblems(after), where).toEqual([]);
    expect(after.version, where).toBe(before.version + 1);
    expect(e.version, where).toBe(after.version);
    expect([e.actorId, e.at], where).toEqual([planned.actorId, now]);
    expect(entitlementProblems(w, before, e), where).toEqual([]);

    // Decided and closed cases do not change: an approved one may only be enforced or reviewed, the others only reviewed.
    if (before.state === 'approved') {
      expect(['enforced', 'reviewed'], where).toContain(e.type);
      // 施行 sets the state and the date, nothing else.
      if (e.type === 'enforced') expect({ ...after, state: 'approved', enforcedOn: null, version: 0 }, where).toEqual({ ...before, version: 0 });
    }
    if (before.state === 'enforced' || before.state === 'rejected' || before.state === 'withdrawn') {
      expect(e.type, where).toBe('reviewed');
      expect(after.state, where).toBe(before.state);
      expect(after.route, where).toEqual(before.route);
    }
    if (e.type === 'reviewed' || e.type === 'commented') expect({ ...after, version: 0, reviews: [] }, where).toEqual({ ...before, version: 0, reviews: [] });
    if (after.state === 'approved' || after.state === 'enforced') expect(approvalProblems(after), where).toEqual([]);
    if (after.state === 'approved' && before.state !== 'approved') expect(e.type === 'acted' && e.action === 'final_approve', where).toBe(true);
    if (after.number !== null && before.number !== null) expect(after.number, where).toBe(before.number);
    expect(reviewProblems(before, after, e), where).toEqual([]);

    events.push(e);
    c = after;
  });

  bump(t.byState, c.state);
  // Replaying the events from nothing rebuilds the case exactly.
  expect(events.reduce<Case | null>((acc, e) => evolve(acc, e), null)).toEqual(c);
  expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
  return c;
}

describe('approval engine: properties', () => {
  it('random commands by random people never break a case, and replaying its events rebuilds it', () => {
    const t = tally();
    fc.assert(
      fc.property(worldArb, fc.array(moveArb, { minLength: 1, maxLength: 40, size: 'max' }), (w, moves) => {
        run(w, moves, t);
      }),
      { numRuns: 250 },
    );
    if (process.env.APPROVAL_TALLY) console.log(JSON.stringify(t));
    // The generator reaches every outcome, and proxies and deputies do act.
    for (const state of ['approved', 'enforced', 'rejected', 'withdrawn', 'in_progress']) expect(t.byState[state] ?? 0, `runs ending ${state}`).toBeGreaterThan(0);
    const kinds = ['acted', 'sent_back', 'sent_back_to_step', 'recalled', 'recalled_by_approver', 'resubmitted', 'reviewed', 'edited', 'commented', 'enforced'];
    for (const type of kinds) expect(t.events[type] ?? 0, `${type} events`).toBeGreaterThan(0);
    expect(t.byVia.proxy ?? 0).toBeGreaterThan(0);
    expect(t.byVia.deputy ?? 0).toBeGreaterThan(0);
    expect(t.refused).toBeGreaterThan(0);
  });

  it('the right people doing the expected thing always reach 決裁, with every blocking step done and the deciding step final-approved', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }), (w, picks) => {
        const t = tally();
        const moves = picks.map(dutiful);
        const c = run(w, moves, t);
        expect(c.state).toBe('approved');
        expect(approvalProblems(c)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('send-backs, recalls and resubmissions along the way still end in a sound 決裁 when everyone then does their part', () => {
    fc.assert(
      fc.property(worldArb, fc.array(moveArb, { minLength: 1, maxLength: 25, size: 'max' }), fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }), (w, chaos, picks) => {
        const t = tally();
        const finish = picks.map(dutiful);
        const c = run(w, [...chaos, ...finish], t);
        // Unless the random part ended it (withdrawn, rejected), the case is decided.
        if (c.state !== 'withdrawn' && c.state !== 'rejected') {
          expect(['approved', 'enforced']).toContain(c.state);
          expect(approvalProblems(c)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('resubmission: restart resets every step; resume_at_sender keeps every approval before the stage that sent it back', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom<ResubmitPolicy>('restart', 'resume_at_sender'), fc.nat(30), fc.nat(1000), (w0, policy, k, p) => {
        const w = withResubmit(w0, policy);
        const opts: DeskOptions = { template: w.template, org: w.org, drafterId: w.drafterId, amount: w.amount, consult: w.consult, retention: w.retention, resubmit: policy };
        const desk = new Desk(opts);
        desk.submit();
        // Up to k actions by pending people, never the decision itself.
        for (let i = 0; i < k; i++) {
          const pending = steps(desk.case).filter((s) => s.status === 'pending' && s.kind !== 'final');
          const s = pending[(p + i) % Math.max(1, pending.length)];
          if (!s) break;
          desk.act(s.assigneeId, { action: expectedAction[s.kind] });
        }
        const before = structuredClone(desk.case);
        const sender = steps(before).find((s) => s.status === 'pending' && s.blocking && stageOf(before, s.id) === before.currentStage);
        if (!sender) throw new Error('a case on its route has a pending step it waits for');
        const senderStage = stageOf(before, sender.id);
        desk.act(sender.assigneeId, { action: 'send_back', comment: '差戻し' });
        desk.resubmit();
        const after = desk.case;
        expect(after.revision).toBe(2);
        if (policy === 'resume_at_sender') {
          // Everything before the sender's stage is as it was (a 供覧 left open is open again); the sender has it again.
          expect(after.route.slice(0, senderStage)).toEqual(before.route.slice(0, senderStage));
          expect(after.currentStage).toBe(senderStage);
          expect(steps(after).find((s) => s.id === sender.id)?.status).toBe('pending');
          expect(after.route.slice(senderStage).flatMap((s) => s.steps).every((s) => s.actedBy === null)).toBe(true);
        } else {
          const fresh = new Desk(opts);
          fresh.submit();
          expect(after.route).toEqual(fresh.case.route);
          expect(after.currentStage).toBe(fresh.case.currentStage);
        }
      }),
      { numRuns: 150 },
    );
  });
});
