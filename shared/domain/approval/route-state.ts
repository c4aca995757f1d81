import type { Case, RouteStage, RouteStep, StepStatus } from './types.js';

/** Statuses that count as "this step has acted" for completing a stage. */
const done: ReadonlySet<StepStatus> = new Set(['approved', 'final_approved', 'agreed', 'disagreed', 'acknowledged', 'skipped']);
/** Statuses a person set by acting (not `skipped`, which the route sets). */
const acted: ReadonlySet<StepStatus> = new Set(['approved', 'final_approved', 'agreed', 'disagreed', 'acknowledged', 'sent_back', 'rejected']);

export const isDone = (status: StepStatus): boolean => done.has(status);
export const isActed = (status: StepStatus): boolean => acted.has(status);

export function allSteps(route: readonly RouteStage[]): RouteStep[] {
  return route.flatMap((s) => s.steps);
}

export function findStep(route: readonly RouteStage[], stepId: number): { stageIndex: number; step: RouteStep } | undefined {
  for (let stageIndex = 0; stageIndex < route.length; stageIndex++) {
    const step = route[stageIndex]?.steps.find((s) => s.id === stepId);
    if (step) return { stageIndex, step };
  }
  return undefined;
}

export function hasBlocking(stage: RouteStage): boolean {
  return stage.steps.some((s) => s.blocking);
}

/** All (or, for an "any one" stage, one) of the stage's blocking steps have acted. */
export function stageComplete(stage: RouteStage): boolean {
  const blocking = stage.steps.filter((s) => s.blocking);
  if (blocking.length === 0) return true;
  return stage.mode === 'any' ? blocking.some((s) => isDone(s.status) && s.status !== 'skipped') : blocking.every((s) => isDone(s.status));
}

export function resetStep(step: RouteStep): void {
  step.status = 'waiting';
  step.actedBy = null;
  step.onBehalfOf = null;
  step.actedVia = null;
  step.actedAt = null;
  step.actedRevision = null;
  step.comment = null;
}

/** Steps waiting in the stage become pending (a stage's steps all start at once). */
export function activate(stage: RouteStage): void {
  for (const s of stage.steps) if (s.status === 'waiting') s.status = 'pending';
}

/**
 * Moves the case past every complete stage: the remaining steps of a finished
 * "any one" stage are skipped, the next stage's steps become pending, and a stage
 * of non-blocking 供覧 only is opened and passed at once.
 */
export function advance(c: Case): void {
  while (c.currentStage !== null) {
    const stage = c.route[c.currentStage];
    if (!stage || !stageComplete(stage)) return;
    for (const s of stage.steps) if (s.blocking && s.status === 'pending') s.status = 'skipped';
    const next = c.currentStage + 1;
    const nextStage = c.route[next];
    if (!nextStage) return;
    c.currentStage = next;
    activate(nextStage);
  }
}

/** Pending steps go back to waiting (the case left the route: rejected, withdrawn, returned). */
export function parkPending(route: readonly RouteStage[]): void {
  for (const s of allSteps(route)) if (s.status === 'pending') s.status = 'waiting';
}

/** Same steps, same people, same order: approvals can carry over from one revision's route to the next. */
export function sameShape(a: readonly RouteStage[], b: readonly RouteStage[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((stage, i) => {
    const other = b[i];
    if (!other || other.mode !== stage.mode || other.steps.length !== stage.steps.length) return false;
    return stage.steps.every((s, j) => {
      const o = other.steps[j];
      return o !== undefined && o.id === s.id && o.key === s.key && o.kind === s.kind && o.assigneeId === s.assigneeId && o.blocking === s.blocking;
    });
  });
}
