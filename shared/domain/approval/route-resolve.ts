import type { DelegationBand, FinalRule, ResolvedRoute, RouteStage, RouteStep, RouteTemplate, TemplateStep } from './types.js';

/** The organisation as the resolver sees it (active users only). */
export interface OrgView {
  user(id: number): { id: number; departmentId: number | null; positionId: number | null } | undefined;
  parentOf(departmentId: number): number | null;
  /** Active users holding `positionId` in exactly `departmentId`, lowest id first. */
  holders(departmentId: number, positionId: number): number[];
  /** Active users holding `positionId` anywhere, lowest id first. */
  officeHolders(positionId: number): number[];
  positionRank(positionId: number): number | undefined;
  positionName(positionId: number): string;
  departmentName(departmentId: number): string;
}

export interface RouteInput {
  drafterId: number;
  amount: number | null;
  consultDepartmentIds: readonly number[];
}

export type RouteProblem =
  | { code: 'amount_required'; detail: string }
  | { code: 'invalid_amount'; detail: string }
  | { code: 'consult_not_allowed'; detail: string }
  | { code: 'route_unresolvable'; detail: string; stepKey: string };

export type ResolveResult = { ok: true; route: ResolvedRoute } | { ok: false; problem: RouteProblem };

/** The band an amount falls in; the last band when nothing bounds it. */
export function bandFor(bands: readonly DelegationBand[], amount: number): DelegationBand | undefined {
  return bands.find((b) => b.below === null || amount < b.below) ?? bands[bands.length - 1];
}

interface Candidate {
  stageIndex: number;
  step: TemplateStep;
  assigneeId: number | null;
  position: string;
  departmentId: number | null;
}

/**
 * Turns a document type's template into the route of one case: who, in which
 * order, and who decides (専決). Pure: the organisation comes in as `org`.
 *
 * Rules, in order: the delegation band picks the deciding step (a vacant post
 * passes the decision up to the next step that is filled); steps after it are
 * cut; the drafter's own post and posts no higher than theirs are left out of
 * the chain; a person who would appear twice keeps only the later, higher
 * step; added 合議 departments form a parallel stage before the deciding step.
 */
export function resolveRoute(template: RouteTemplate, input: RouteInput, org: OrgView): ResolveResult {
  const drafter = org.user(input.drafterId);
  if (!drafter) return { ok: false, problem: { code: 'route_unresolvable', detail: `drafter ${input.drafterId} is not an active user`, stepKey: '' } };
  if (input.amount !== null && (!Number.isSafeInteger(input.amount) || input.amount < 0)) {
    return { ok: false, problem: { code: 'invalid_amount', detail: 'amount must be a whole number of yen, 0 or more' } };
  }
  if (template.amountRequired && input.amount === null) {
    return { ok: false, problem: { code: 'amount_required', detail: 'this document type needs an amount (金額) to choose its approver' } };
  }
  if (input.consultDepartmentIds.length > 0 && !template.allowAddedConsult) {
    return { ok: false, problem: { code: 'consult_not_allowed', detail: 'this document type does not take added 合議 departments' } };
  }
  const drafterRank = drafter.positionId === null ? -1 : (org.positionRank(drafter.positionId) ?? -1);
  const omitted: ResolvedRoute['omitted'] = [];

  const candidates: Candidate[] = [];
  template.stages.forEach((stage, stageIndex) => {
    for (const step of stage.steps) {
      const found = findAssignee(step, drafter.departmentId, org);
      candidates.push({ stageIndex, step, ...found });
    }
  });

  const wanted = chooseFinalKey(template, input.amount);
  const order = candidates.map((c) => c.step.key);
  const wantedIndex = order.indexOf(wanted.key);
  let finalIndex = wantedIndex;
  let escalatedFrom: string | null = null;
  // The decision passes up to the next filled post that can decide: an approving
  // step alone in its stage (what templateProblems asks of a band's step), never a
  // 合議 or 供覧 that happens to follow the vacant post (財政課長 deciding for 総務課).
  const canDecide = (c: Candidate): boolean =>
    (c.step.kind === 'approve' || c.step.kind === 'final') && template.stages[c.stageIndex]?.steps.length === 1;
  while (finalIndex >= 0 && finalIndex < candidates.length) {
    const c = candidates[finalIndex];
    if (c && c.assigneeId !== null && (finalIndex === wantedIndex || canDecide(c))) break;
    escalatedFrom ??= wanted.key;
    finalIndex++;
  }
  const finalCandidate = candidates[finalIndex];
  if (finalIndex < 0 || !finalCandidate || finalCandidate.assigneeId === null) {
    return { ok: false, problem: { code: 'route_unresolvable', detail: `nobody holds the deciding post "${wanted.key}" or any post above it`, stepKey: wanted.key } };
  }
  const finalRule: FinalRule = { label: wanted.label, stepKey: finalCandidate.step.key, below: wanted.below, escalatedFrom };

  const kept: Candidate[] = [];
  candidates.forEach((c, i) => {
    if (i > finalIndex) {
      omitted.push({ key: c.step.key, reason: 'after_final' });
      return;
    }
    // A vacant optional post is skipped; so are the vacant posts the decision was passed up over.
    if (c.assigneeId === null && (c.step.optional || i >= wantedIndex)) {
      omitted.push({ key: c.step.key, reason: 'vacant' });
      return;
    }
    // Any step that lands on the drafter goes (a 財政課長 drafting is not their own 財政課 合議),
    // as an added 合議 never asks the drafter; the rank rule applies to the chain only.
    if (i !== finalIndex && isDrafterLevel(c, drafter, drafterRank, org)) {
      omitted.push({ key: c.step.key, reason: 'drafter' });
      return;
    }
    kept.push(c);
  });
  const missing = kept.find((c) => c.assigneeId === null);
  if (missing) {
    return { ok: false, problem: { code: 'route_unresolvable', detail: `nobody holds the post of step "${missing.step.key}"`, stepKey: missing.step.key } };
  }

  // A person is asked once: the deciding step if it is theirs, else their 承認 over a 合議 over a 供覧
  // (a 財政課 matter is approved by the 財政課長, not sent to 財政課 for 合議), the later of equals.
  const weight = (c: Candidate): number => (c === finalCandidate ? 4 : kindWeight[c.step.kind]);
  const keepIndex = new Map<number, number>();
  kept.forEach((c, i) => {
    const id = c.assigneeId as number;
    const best = keepIndex.get(id);
    const bestCandidate = best === undefined ? undefined : kept[best];
    if (!bestCandidate || weight(c) >= weight(bestCandidate)) keepIndex.set(id, i);
  });
  const unique = kept.filter((c, i) => {
    if (keepIndex.get(c.assigneeId as number) === i) return true;
    omitted.push({ key: c.step.key, reason: 'duplicate' });
    return false;
  });

  // An added 合議 never asks someone already on the route: their own step answers for their department.
  const added = addedConsultSteps(template, input, org, [drafter.id, ...unique.map((c) => c.assigneeId as number)]);
  if (!added.ok) return added;

  const stages: RouteStage[] = [];
  let nextId = 1;
  const toStep = (c: Candidate, isFinal: boolean): RouteStep => ({
    id: nextId++,
    key: c.step.key,
    kind: isFinal ? 'final' : c.step.kind === 'final' ? 'approve' : c.step.kind,
    blocking: c.step.kind === 'inform' && !isFinal ? c.step.blocking === true : true,
    assigneeId: c.assigneeId as number,
    position: c.position,
    departmentId: c.departmentId,
    status: 'waiting',
    actedBy: null,
    onBehalfOf: null,
    actedVia: null,
    actedAt: null,
    actedRevision: null,
    comment: null,
  });
  let currentStageIndex = -1;
  for (const c of unique) {
    const isFinal = c === finalCandidate;
    if (isFinal && added.steps.length > 0) {
      stages.push({ key: 'added-consult', mode: 'all', steps: added.steps.map((a) => toStep(a, false)) });
      currentStageIndex = -1;
    }
    if (isFinal || c.stageIndex !== currentStageIndex) {
      const templateStage = template.stages[c.stageIndex];
      stages.push({ key: templateStage?.key ?? c.step.key, mode: templateStage?.mode ?? 'all', steps: [] });
      currentStageIndex = isFinal ? -1 : c.stageIndex;
    }
    stages[stages.length - 1]?.steps.push(toStep(c, isFinal));
  }
  return { ok: true, route: { stages, finalRule, omitted } };
}

const kindWeight: Record<TemplateStep['kind'], number> = { final: 3, approve: 3, consult: 2, inform: 1 };

function chooseFinalKey(template: RouteTemplate, amount: number | null): { key: string; label: string; below: number | null } {
  const band = template.bands.length > 0 ? bandFor(template.bands, amount ?? 0) : undefined;
  if (band) return { key: band.finalStepKey, label: band.label, below: band.below };
  const last = template.stages[template.stages.length - 1]?.steps[0];
  return { key: last?.key ?? '', label: '', below: null };
}

function findAssignee(step: TemplateStep, drafterDepartmentId: number | null, org: OrgView): { assigneeId: number | null; position: string; departmentId: number | null } {
  const rule = step.assignee;
  switch (rule.kind) {
    case 'chain': {
      const position = org.positionName(rule.positionId);
      for (let d = drafterDepartmentId; d !== null; d = org.parentOf(d)) {
        const found = org.holders(d, rule.positionId)[0];
        if (found !== undefined) return { assigneeId: found, position, departmentId: d };
      }
      return { assigneeId: null, position, departmentId: null };
    }
    case 'department': {
      const found = org.holders(rule.departmentId, rule.positionId)[0];
      return { assigneeId: found ?? null, position: `${org.departmentName(rule.departmentId)} ${org.positionName(rule.positionId)}`, departmentId: rule.departmentId };
    }
    case 'user': {
      const u = org.user(rule.userId);
      return { assigneeId: u ? u.id : null, position: u?.positionId != null ? org.positionName(u.positionId) : '', departmentId: u?.departmentId ?? null };
    }
    case 'office': {
      const found = org.officeHolders(rule.positionId)[0];
      return { assigneeId: found ?? null, position: org.positionName(rule.positionId), departmentId: null };
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** A step the drafter needs no approval from: one that lands on them, or a chain post not above theirs. */
function isDrafterLevel(c: Candidate, drafter: { id: number }, drafterRank: number, org: OrgView): boolean {
  if (c.assigneeId === drafter.id) return true;
  const rule = c.step.assignee;
  if (rule.kind !== 'chain') return false;
  const rank = org.positionRank(rule.positionId) ?? -1;
  return rank <= drafterRank;
}

function addedConsultSteps(
  template: RouteTemplate,
  input: RouteInput,
  org: OrgView,
  notAsked: readonly number[],
): { ok: true; steps: Candidate[] } | { ok: false; problem: RouteProblem } {
  const steps: Candidate[] = [];
  const seen = new Set<number>();
  for (const departmentId of input.consultDepartmentIds) {
    if (seen.has(departmentId)) continue;
    seen.add(departmentId);
    const positionId = template.addedConsultPositionId;
    const holder = positionId === null ? undefined : org.holders(departmentId, positionId)[0];
    const key = `consult-${departmentId}`;
    if (holder === undefined || positionId === null) {
      return { ok: false, problem: { code: 'route_unresolvable', detail: `nobody answers 合議 for ${org.departmentName(departmentId)}`, stepKey: key } };
    }
    if (notAsked.includes(holder)) continue;
    steps.push({
      stageIndex: -1,
      step: { key, kind: 'consult', assignee: { kind: 'department', departmentId, positionId }, optional: false },
      assigneeId: holder,
      position: `${org.departmentName(departmentId)} ${org.positionName(positionId)}`,
      departmentId,
    });
  }
  return { ok: true, steps };
}
