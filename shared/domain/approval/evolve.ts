import { disposalDate } from './retention.js';
import { activate, advance, allSteps, findStep, parkPending, resetStep, sameShape, stageComplete } from './route-state.js';
import type { Case, CaseContent, CaseEvent, ResolvedRoute, RouteStage, StepActionName, StepStatus } from './types.js';

const statusOf: Record<StepActionName, StepStatus> = {
  approve: 'approved',
  final_approve: 'final_approved',
  agree: 'agreed',
  disagree: 'disagreed',
  acknowledge: 'acknowledged',
  reject: 'rejected',
};

/** Exactly the content fields: an event carrying more (a whole case by mistake) must not overwrite the version or state. */
const contentOf = (content: CaseContent): CaseContent => ({
  title: content.title,
  amount: content.amount,
  body: content.body,
  consultDepartmentIds: [...content.consultDepartmentIds],
});

const freshStages = (route: ResolvedRoute): RouteStage[] => structuredClone(route.stages);

/**
 * The state machine: what an event does to a case. Deterministic and free of
 * the organisation, so replaying a case's events rebuilds it exactly; every
 * check of who may do what happened before the event was made (decide.ts).
 */
export function evolve(previous: Case | null, e: CaseEvent): Case {
  if (e.type === 'created') {
    return {
      id: e.caseId,
      typeId: e.typeId,
      templateId: e.templateId,
      drafterId: e.actorId,
      departmentId: e.departmentId,
      retention: e.retention,
      resubmitPolicy: e.resubmitPolicy,
      ...contentOf(e.content),
      state: 'draft',
      version: e.version,
      revision: 1,
      number: null,
      numberFiscalYear: null,
      route: freshStages(e.route),
      finalRule: { ...e.route.finalRule },
      currentStage: null,
      returned: null,
      reviews: [],
      createdAt: e.at,
      submittedAt: null,
      approvedAt: null,
      enforcedOn: null,
      disposalOn: null,
    };
  }
  if (!previous) throw new Error(`event ${e.type} before the case was created`);
  const c = structuredClone(previous);
  c.version = e.version;
  switch (e.type) {
    case 'edited':
      Object.assign(c, contentOf(e.content));
      if (c.state === 'draft' || !sameShape(c.route, e.route.stages)) c.route = freshStages(e.route);
      c.finalRule = { ...e.route.finalRule };
      break;
    case 'submitted':
      c.state = 'in_progress';
      c.number = e.number;
      c.numberFiscalYear = e.fiscalYear;
      c.submittedAt = e.at;
      c.route = freshStages(e.route);
      c.finalRule = { ...e.route.finalRule };
      start(c, 0);
      break;
    case 'acted': {
      const step = findStep(c.route, e.stepId)?.step;
      if (!step) throw new Error(`no step ${e.stepId}`);
      step.status = statusOf[e.action];
      step.actedBy = e.actorId;
      step.onBehalfOf = e.onBehalfOf;
      step.actedVia = e.via;
      step.actedAt = e.at;
      step.actedRevision = c.revision;
      step.comment = e.comment;
      addReview(c, e);
      if (e.action === 'reject') {
        c.state = 'rejected';
        c.currentStage = null;
        parkPending(c.route);
      } else if (e.action === 'final_approve') {
        c.state = 'approved';
        c.approvedAt = e.at;
        c.currentStage = null;
        c.disposalOn = disposalDate(c.retention, e.at);
        // A 供覧 nobody opened before the decision closes with it: a decided case does not change.
        for (const s of allSteps(c.route)) if (s.status === 'pending') s.status = 'skipped';
      } else {
        advance(c);
      }
      break;
    }
    case 'sent_back': {
      const found = findStep(c.route, e.stepId);
      if (!found) throw new Error(`no step ${e.stepId}`);
      if (e.toStepId === null) {
        parkPending(c.route);
        Object.assign(found.step, {
          status: 'sent_back',
          actedBy: e.actorId,
          onBehalfOf: e.onBehalfOf,
          actedVia: e.via,
          actedAt: e.at,
          actedRevision: c.revision,
          comment: e.comment,
        });
        c.state = 'sent_back';
        c.currentStage = null;
        c.returned = { kind: 'send_back', fromStepId: e.stepId, at: e.at };
      } else {
        const target = findStep(c.route, e.toStepId);
        if (!target) throw new Error(`no step ${e.toStepId}`);
        reopen(c, target.stageIndex, e.toStepId);
      }
      addReview(c, e);
      break;
    }
    case 'recalled':
      if (e.stepId === null) {
        for (const s of allSteps(c.route)) if (s.actedRevision === c.revision || s.status === 'pending') resetStep(s);
        c.state = 'sent_back';
        c.currentStage = null;
        c.returned = { kind: 'recall', fromStepId: null, at: e.at };
      } else {
        const found = findStep(c.route, e.stepId);
        if (!found) throw new Error(`no step ${e.stepId}`);
        reopen(c, found.stageIndex, e.stepId);
        c.reviews = c.reviews.filter((r) => !(r.stepId === e.stepId && r.doneAt === null));
      }
      break;
    case 'withdrawn':
      c.state = 'withdrawn';
      c.currentStage = null;
      parkPending(c.route);
      break;
    case 'resubmitted': {
      c.revision += 1;
      c.state = 'in_progress';
      const returned = c.returned;
      c.returned = null;
      c.finalRule = { ...e.route.finalRule };
      const from = returned?.fromStepId == null ? undefined : findStep(c.route, returned.fromStepId);
      if (
        c.resubmitPolicy === 'resume_at_sender' &&
        returned?.kind === 'send_back' &&
        from &&
        sameShape(c.route, e.route.stages) &&
        // An edit that changed the route's shape left fresh steps: no approvals before the sender to keep.
        c.route.slice(0, from.stageIndex).every(stageComplete)
      ) {
        c.route.forEach((stage, i) => {
          if (i >= from.stageIndex) for (const s of stage.steps) resetStep(s);
          // A 供覧 that was still open when the case came back (parked) is open again.
          else for (const s of stage.steps) if (!s.blocking && s.status === 'waiting') s.status = 'pending';
        });
        start(c, from.stageIndex);
      } else {
        c.route = freshStages(e.route);
        start(c, 0);
      }
      break;
    }
    case 'enforced':
      c.state = 'enforced';
      c.enforcedOn = e.enforcedOn;
      break;
    case 'reviewed': {
      const task = c.reviews.find((r) => r.stepId === e.stepId && r.userId === e.actorId && r.doneAt === null);
      if (!task) throw new Error(`no open review of step ${e.stepId} for user ${e.actorId}`);
      task.doneAt = e.at;
      task.comment = e.comment;
      break;
    }
    case 'commented':
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  return c;
}

function start(c: Case, stageIndex: number): void {
  c.currentStage = stageIndex;
  const stage = c.route[stageIndex];
  if (stage) activate(stage);
  advance(c);
}

/**
 * Work goes back to `stepId` in stage `stageIndex`: that step is pending again
 * (with the others of an "any one" stage it had closed), everything after the
 * stage starts over, and the stage is current.
 */
function reopen(c: Case, stageIndex: number, stepId: number): void {
  c.route.forEach((stage, i) => {
    if (i > stageIndex) for (const s of stage.steps) resetStep(s);
  });
  const stage = c.route[stageIndex];
  if (!stage) return;
  for (const s of stage.steps) {
    if (s.id === stepId || (stage.mode === 'any' && s.blocking && s.status === 'skipped')) {
      resetStep(s);
      s.status = 'pending';
    }
  }
  c.currentStage = stageIndex;
}

function addReview(c: Case, e: CaseEvent & { type: 'acted' | 'sent_back' }): void {
  if (e.via !== 'deputy' || e.onBehalfOf === null) return;
  c.reviews.push({ stepId: e.stepId, userId: e.onBehalfOf, deputyId: e.actorId, createdAt: e.at, doneAt: null, comment: null });
}
