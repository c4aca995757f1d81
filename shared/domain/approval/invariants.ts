import { allSteps, isActed, stageComplete } from './route-state.js';
import type { Case } from './types.js';

/**
 * What must hold of every case, whatever happened to it. Empty when sound;
 * else one sentence per broken rule. The property tests run it after every
 * action; the store may run it before saving.
 */
export function caseProblems(c: Case): string[] {
  const problems: string[] = [];
  const steps = allSteps(c.route);
  steps.forEach((s, i) => {
    if (s.id !== i + 1) problems.push(`step ids are not 1..n in route order at ${s.id}`);
    const actedFields = s.actedBy !== null && s.actedAt !== null && s.actedRevision !== null && s.actedVia !== null;
    if (isActed(s.status) && !actedFields) problems.push(`step ${s.id} is ${s.status} but records no actor`);
    if (!isActed(s.status) && s.actedBy !== null) problems.push(`step ${s.id} is ${s.status} but records an actor`);
    if (s.actedVia === 'self' && s.actedBy !== s.assigneeId) problems.push(`step ${s.id} acted by ${s.actedBy} as themself but assigned to ${s.assigneeId}`);
    if (s.actedVia !== null && s.actedVia !== 'self' && s.onBehalfOf !== s.assigneeId) problems.push(`step ${s.id} acted on behalf of ${s.onBehalfOf}, not its assignee`);
  });
  const finals = steps.filter((s) => s.kind === 'final');
  const lastStage = c.route[c.route.length - 1];
  if (finals.length !== 1 || !lastStage || lastStage.steps.length !== 1 || lastStage.steps[0]?.kind !== 'final') {
    problems.push('the route must end with exactly one deciding (決裁) step, alone in its stage');
  }
  for (const stage of c.route) {
    const blocking = stage.steps.filter((s) => s.blocking);
    if (blocking.length === 1 && stage.steps.filter((s) => s.status === 'pending' && s.blocking).length > 1) {
      problems.push(`serial stage ${stage.key} has two current steps`);
    }
  }
  const pending = steps.filter((s) => s.status === 'pending');
  const onRoute = c.state === 'in_progress';
  if (onRoute !== (c.currentStage !== null)) problems.push(`state ${c.state} with current stage ${String(c.currentStage)}`);
  if (!onRoute && pending.length > 0) problems.push(`state ${c.state} but steps ${pending.map((s) => s.id).join(',')} are pending`);
  if (onRoute && c.currentStage !== null) {
    const cur = c.currentStage;
    const stage = c.route[cur];
    if (!stage) problems.push(`current stage ${cur} does not exist`);
    else if (stageComplete(stage) || !stage.steps.some((s) => s.blocking && s.status === 'pending')) {
      problems.push(`current stage ${stage.key} has nothing pending that it waits for`);
    }
    c.route.forEach((st, i) => {
      if (i < cur && !stageComplete(st)) problems.push(`stage ${st.key} is behind the current one but not complete`);
      if (i > cur && st.steps.some((s) => s.status !== 'waiting')) problems.push(`stage ${st.key} is ahead of the current one but not waiting`);
      if (i !== cur && st.steps.some((s) => s.blocking && s.status === 'pending')) problems.push(`stage ${st.key} has a pending step but is not current`);
    });
  }
  if (c.state === 'draft' && (c.number !== null || steps.some((s) => s.status !== 'waiting'))) problems.push('a draft has a number or a step that moved');
  if (c.state !== 'draft' && c.state !== 'withdrawn' && c.number === null) problems.push(`state ${c.state} without a document number`);
  if (c.state === 'sent_back' && c.returned === null) problems.push('sent back without saying by whom');
  if (c.state === 'approved' || c.state === 'enforced') {
    if (c.approvedAt === null) problems.push('approved without an approval time');
    if (!c.route.every(stageComplete)) problems.push('approved with a required step missing');
    if (finals[0]?.status !== 'final_approved') problems.push('approved but the deciding step has not decided');
  } else if (finals[0]?.status === 'final_approved') {
    problems.push(`the deciding step decided but the case is ${c.state}`);
  }
  if (c.state === 'enforced' && c.enforcedOn === null) problems.push('enforced without a date');
  const rejected = steps.filter((s) => s.status === 'rejected').length;
  if ((c.state === 'rejected') !== (rejected === 1) || rejected > 1) problems.push(`state ${c.state} with ${rejected} rejecting steps`);
  return problems;
}
