import { tokyoDate } from '../tokyo-date.js';
import type { CaseCommand, DecideContext, Refusal } from './commands.js';
import { evolve } from './evolve.js';
import { allSteps, findStep, hasBlocking, isDone } from './route-state.js';
import type { ActedVia, Case, CaseContent, CaseEvent, ResolvedRoute, RouteStep, StepActionName, StepKind } from './types.js';

export type Decision = { ok: true; event: CaseEvent } | { ok: false; refusal: Refusal };
export type Applied = { ok: true; case: Case; events: CaseEvent[] } | { ok: false; refusal: Refusal };

/** Which step kinds each step action answers. */
const kindsFor: Record<StepActionName, readonly StepKind[]> = {
  approve: ['approve'],
  final_approve: ['final'],
  agree: ['consult'],
  disagree: ['consult'],
  acknowledge: ['inform'],
  reject: ['approve', 'final'],
};

/** The action a step of each kind expects, for the "wrong action" message. */
const expected: Record<StepKind, string> = {
  approve: 'approve',
  final: 'final_approve',
  consult: 'agree or disagree',
  inform: 'acknowledge',
};

const refuse = (code: Refusal['code'], detail: string, field?: string): Decision => ({
  ok: false,
  refusal: field === undefined ? { code, detail } : { code, detail, field },
});

const text = (value: string | null | undefined): string | null => {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
};

/** Whether a case's content is acceptable; the API's schema says the same with limits. */
export function checkContent(content: CaseContent): Refusal | null {
  if (content.title.trim() === '') return { code: 'validation', detail: 'a title (件名) is required', field: 'title' };
  if (content.amount !== null && (!Number.isSafeInteger(content.amount) || content.amount < 0)) {
    return { code: 'validation', detail: 'amount must be a whole number of yen, 0 or more', field: 'amount' };
  }
  return null;
}

/** The first event of a case: a draft by `ctx.actorId` with the route resolved for it. */
export function createCase(
  init: { caseId: number; typeId: number; templateId: number; departmentId: number; retention: Case['retention']; resubmitPolicy: Case['resubmitPolicy'] },
  content: CaseContent,
  route: ResolvedRoute,
  ctx: Pick<DecideContext, 'actorId' | 'now'>,
): Applied {
  const problem = checkContent(content);
  if (problem) return { ok: false, refusal: problem };
  const event: CaseEvent = { type: 'created', version: 1, at: ctx.now, actorId: ctx.actorId, ...init, content, route };
  return { ok: true, case: evolve(null, event), events: [event] };
}

/** Decides and applies: the new case and its event, or a typed refusal and nothing changed. */
export function applyCommand(c: Case, cmd: CaseCommand, ctx: DecideContext): Applied {
  const d = decide(c, cmd, ctx);
  if (!d.ok) return d;
  return { ok: true, case: evolve(c, d.event), events: [d.event] };
}

/**
 * Every rule of who may do what, when. Returns the one event the command
 * produces; nothing here changes the case (evolve.ts does, from the event).
 */
export function decide(c: Case, cmd: CaseCommand, ctx: DecideContext): Decision {
  if (cmd.version !== c.version) return refuse('stale_version', `the case is at version ${c.version}, not ${cmd.version}`, 'version');
  const base = { version: c.version + 1, at: ctx.now, actorId: ctx.actorId };
  const isDrafter = ctx.actorId === c.drafterId;
  const drafterOnly = (): Decision | null => (isDrafter ? null : refuse('not_entitled', 'only the drafter (起案者) may do this'));

  switch (cmd.action) {
    case 'edit': {
      const no = drafterOnly() ?? inState(c, ['draft', 'sent_back']);
      if (no) return no;
      const problem = checkContent(cmd.content);
      if (problem) return { ok: false, refusal: problem };
      return { ok: true, event: { ...base, type: 'edited', content: cmd.content, route: cmd.route } };
    }
    case 'submit': {
      const no = drafterOnly() ?? inState(c, ['draft']);
      if (no) return no;
      return { ok: true, event: { ...base, type: 'submitted', number: cmd.number, fiscalYear: cmd.fiscalYear, route: cmd.route } };
    }
    case 'resubmit': {
      const no = drafterOnly() ?? inState(c, ['sent_back']);
      if (no) return no;
      return { ok: true, event: { ...base, type: 'resubmitted', route: cmd.route } };
    }
    case 'withdraw': {
      const no = drafterOnly() ?? inState(c, ['draft', 'in_progress', 'sent_back']);
      if (no) return no;
      return { ok: true, event: { ...base, type: 'withdrawn', comment: text(cmd.comment) } };
    }
    case 'enforce': {
      const no = drafterOnly() ?? inState(c, ['approved']);
      if (no) return no;
      // Date.parse rolls 2025-02-30 over to 2 March: the date must come back as written.
      const parsed = Date.parse(`${cmd.enforcedOn}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cmd.enforcedOn) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== cmd.enforcedOn) {
        return refuse('validation', 'enforcedOn must be a date, YYYY-MM-DD', 'enforcedOn');
      }
      const approvedOn = c.approvedAt === null ? '' : tokyoDate(c.approvedAt);
      if (cmd.enforcedOn < approvedOn) return refuse('validation', `施行日 ${cmd.enforcedOn} is before the approval on ${approvedOn}`, 'enforcedOn');
      return { ok: true, event: { ...base, type: 'enforced', enforcedOn: cmd.enforcedOn } };
    }
    case 'recall':
      return decideRecall(c, ctx, base);
    case 'review': {
      if (c.state === 'draft') return refuse('wrong_state', 'a draft has nothing to review');
      const open = c.reviews.filter((r) => r.userId === ctx.actorId && r.doneAt === null && (cmd.stepId == null || r.stepId === cmd.stepId));
      const task = open[0];
      if (!task) return refuse('not_entitled', 'no 後閲 waits for you on this case', cmd.stepId == null ? undefined : 'stepId');
      return { ok: true, event: { ...base, type: 'reviewed', stepId: task.stepId, comment: text(cmd.comment) } };
    }
    case 'comment': {
      const no = inState(c, ['draft', 'in_progress', 'sent_back']);
      if (no) return no;
      const comment = text(cmd.comment);
      if (comment === null) return refuse('comment_required', 'a comment needs some text', 'comment');
      if (cmd.stepId != null && !findStep(c.route, cmd.stepId)) return refuse('invalid_target', `no step ${cmd.stepId} on this case`, 'stepId');
      const onRoute = allSteps(c.route).some(
        (s) => s.assigneeId === ctx.actorId || s.actedBy === ctx.actorId || ctx.isProxyFor(ctx.actorId, s.assigneeId, ctx.now),
      );
      if (!isDrafter && !onRoute) return refuse('not_entitled', 'only the drafter and the people on the route may comment');
      return { ok: true, event: { ...base, type: 'commented', stepId: cmd.stepId ?? null, comment } };
    }
    case 'send_back': {
      const no = inState(c, ['in_progress']);
      if (no) return no;
      const who = whoActs(c, ctx, cmd.onBehalfOfUserId ?? null, (s) => s.blocking, 'send_back');
      if (!who.ok) return who.decision;
      const comment = text(cmd.comment);
      if (comment === null) return refuse('comment_required', 'a send-back (差戻し) needs a reason in the comment', 'comment');
      const reason = text(cmd.reason);
      if (who.via === 'deputy' && reason === null) return refuse('reason_required', '代決 needs the reason the approver is absent', 'reason');
      const toStepId = cmd.toStepId ?? null;
      if (toStepId !== null) {
        const target = findStep(c.route, toStepId);
        const here = findStep(c.route, who.step.id);
        // Only a step the route waits for: a non-blocking 供覧 made pending again would hold nothing,
        // leaving the case on a stage with nobody it waits for.
        if (!target || !here || target.stageIndex >= here.stageIndex || !target.step.blocking || !isDone(target.step.status) || target.step.status === 'skipped') {
          return refuse('invalid_target', `step ${toStepId} is not an earlier step of the route that has acted`, 'toStepId');
        }
      }
      return {
        ok: true,
        event: { ...base, type: 'sent_back', stepId: who.step.id, toStepId, via: who.via, onBehalfOf: who.onBehalfOf, comment, reason },
      };
    }
    default:
      return decideStepAction(c, cmd, ctx, base);
  }
}

function decideStepAction(
  c: Case,
  cmd: CaseCommand & { action: StepActionName },
  ctx: DecideContext,
  base: { version: number; at: string; actorId: number },
): Decision {
  const no = inState(c, ['in_progress']);
  if (no) return no;
  const kinds = kindsFor[cmd.action];
  const who = whoActs(c, ctx, cmd.onBehalfOfUserId ?? null, (s) => kinds.includes(s.kind), cmd.action);
  if (!who.ok) return who.decision;
  const comment = text(cmd.comment);
  if ((cmd.action === 'disagree' || cmd.action === 'reject') && comment === null) {
    return refuse('comment_required', `${cmd.action === 'reject' ? '否決' : '不同意'} needs a comment`, 'comment');
  }
  const reason = text(cmd.reason);
  if (who.via === 'deputy' && reason === null) return refuse('reason_required', '代決 needs the reason the approver is absent', 'reason');
  return {
    ok: true,
    event: { ...base, type: 'acted', action: cmd.action, stepId: who.step.id, via: who.via, onBehalfOf: who.onBehalfOf, comment, reason },
  };
}

type Who = { ok: true; step: RouteStep; via: ActedVia; onBehalfOf: number | null } | { ok: false; decision: Decision };

/**
 * The pending step the actor may act on, and how: as its assignee, as a
 * standing proxy (代理), or — only when they name the absent approver — on their
 * behalf (代決).
 */
function whoActs(c: Case, ctx: DecideContext, onBehalfOf: number | null, fits: (s: RouteStep) => boolean, action: string): Who {
  const pending = allSteps(c.route).filter((s) => s.status === 'pending');
  if (onBehalfOf !== null) {
    if (onBehalfOf === ctx.actorId) return { ok: false, decision: refuse('validation', 'you cannot act on your own behalf', 'onBehalfOfUserId') };
    const theirs = pending.filter((s) => s.assigneeId === onBehalfOf);
    const step = theirs.find(fits);
    if (!step) return { ok: false, decision: theirs.length > 0 ? wrongAction(theirs[0] as RouteStep, action) : refuse('not_your_turn', `nothing waits for user ${onBehalfOf} on this case`, 'onBehalfOfUserId') };
    if (ctx.isProxyFor(ctx.actorId, onBehalfOf, ctx.now)) return { ok: true, step, via: 'proxy', onBehalfOf };
    if (step.blocking && ctx.mayDeputize(ctx.actorId, onBehalfOf)) return { ok: true, step, via: 'deputy', onBehalfOf };
    return { ok: false, decision: refuse('not_entitled', `you may not act for user ${onBehalfOf}`, 'onBehalfOfUserId') };
  }
  const own = pending.filter((s) => s.assigneeId === ctx.actorId);
  const mine = own.find(fits);
  if (mine) return { ok: true, step: mine, via: 'self', onBehalfOf: null };
  const asProxy = pending.filter((s) => s.assigneeId !== ctx.actorId && ctx.isProxyFor(ctx.actorId, s.assigneeId, ctx.now));
  const proxied = asProxy.find(fits);
  if (proxied) return { ok: true, step: proxied, via: 'proxy', onBehalfOf: proxied.assigneeId };
  const other = own[0] ?? asProxy[0];
  if (other) return { ok: false, decision: wrongAction(other, action) };
  return { ok: false, decision: refuse('not_your_turn', 'nothing on this case waits for you') };
}

function wrongAction(step: RouteStep, action: string): Decision {
  return refuse('wrong_action', `your step is ${step.kind}: ${expected[step.kind]}, not ${action}`, 'action');
}

function inState(c: Case, states: readonly Case['state'][]): Decision | null {
  return states.includes(c.state) ? null : refuse('wrong_state', `not possible while the case is ${c.state}`);
}

/**
 * 引戻し: the drafter, before anyone has acted on this revision; or an approver,
 * for their own last action, while the people after them have not acted.
 */
function decideRecall(c: Case, ctx: DecideContext, base: { version: number; at: string; actorId: number }): Decision {
  const no = inState(c, ['in_progress']);
  if (no) return no;
  const steps = allSteps(c.route);
  if (ctx.actorId === c.drafterId) {
    const actedNow = steps.some((s) => s.actedRevision === c.revision);
    if (actedNow) return refuse('wrong_state', 'someone on the route has already acted: ask them to send it back');
    return { ok: true, event: { ...base, type: 'recalled', stepId: null } };
  }
  const current = c.currentStage;
  if (current === null) return refuse('wrong_state', 'the case is not on its route');
  const mine = [...steps]
    .reverse()
    .find((s) => s.actedBy === ctx.actorId && s.actedRevision === c.revision && s.blocking && isDone(s.status) && s.status !== 'skipped');
  if (!mine) return refuse('not_entitled', 'you have no action on this revision to recall');
  const where = findStep(c.route, mine.id);
  if (!where) return refuse('not_entitled', 'you have no action on this revision to recall');
  if (where.stageIndex !== current) {
    const between = c.route.slice(where.stageIndex + 1, current);
    const currentStage = c.route[current];
    const nextActed = currentStage?.steps.some((s) => s.blocking && s.status !== 'pending' && s.status !== 'waiting') ?? true;
    if (where.stageIndex > current || between.some(hasBlocking) || nextActed) {
      return refuse('wrong_state', 'the next person has already acted: ask them to send it back');
    }
  }
  return { ok: true, event: { ...base, type: 'recalled', stepId: mine.id } };
}
