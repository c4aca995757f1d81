import type { RouteTemplate } from './types.js';

/**
 * What is wrong with a route template, one sentence (English) per problem with
 * the path of the offending part: empty when it can be saved.
 */
export function templateProblems(t: RouteTemplate): { path: string; detail: string }[] {
  const out: { path: string; detail: string }[] = [];
  if (t.stages.length === 0) out.push({ path: 'stages', detail: 'a route needs at least one stage' });
  const stageKeys = new Set<string>();
  const stepKeys = new Map<string, { stage: number; alone: boolean; kind: string }>();
  t.stages.forEach((stage, i) => {
    if (stageKeys.has(stage.key)) out.push({ path: `stages.${i}.key`, detail: `stage key "${stage.key}" is used twice` });
    stageKeys.add(stage.key);
    if (stage.steps.length === 0) out.push({ path: `stages.${i}.steps`, detail: 'a stage needs at least one step' });
    stage.steps.forEach((step, j) => {
      if (stepKeys.has(step.key)) out.push({ path: `stages.${i}.steps.${j}.key`, detail: `step key "${step.key}" is used twice` });
      stepKeys.set(step.key, { stage: i, alone: stage.steps.length === 1, kind: step.kind });
      if (step.blocking !== undefined && step.kind !== 'inform') out.push({ path: `stages.${i}.steps.${j}.blocking`, detail: 'only a 供覧 step can be non-blocking' });
      if (step.kind === 'final' && (i !== t.stages.length - 1 || stage.steps.length !== 1)) {
        out.push({ path: `stages.${i}.steps.${j}.kind`, detail: 'the 決裁 step must be alone in the last stage' });
      }
    });
  });
  const last = t.stages[t.stages.length - 1];
  if (t.bands.length === 0 && last && (last.steps.length !== 1 || !['approve', 'final'].includes(last.steps[0]?.kind ?? ''))) {
    out.push({ path: 'stages', detail: 'without delegation bands the last stage must be one approving step, who decides every case' });
  }
  let previous = 0;
  t.bands.forEach((band, i) => {
    const target = stepKeys.get(band.finalStepKey);
    if (!target) out.push({ path: `bands.${i}.finalStepKey`, detail: `no step "${band.finalStepKey}"` });
    else if (!target.alone || !['approve', 'final'].includes(target.kind)) {
      out.push({ path: `bands.${i}.finalStepKey`, detail: `step "${band.finalStepKey}" must be an approving step alone in its stage to decide` });
    }
    if (band.below === null && i !== t.bands.length - 1) out.push({ path: `bands.${i}.below`, detail: 'only the last band can have no upper limit' });
    if (band.below !== null) {
      if (!Number.isSafeInteger(band.below) || band.below <= previous) out.push({ path: `bands.${i}.below`, detail: 'band limits must be whole yen, rising' });
      previous = band.below;
    }
    if (band.label.trim() === '') out.push({ path: `bands.${i}.label`, detail: 'a band needs a label (課長専決)' });
  });
  if (t.bands.length > 0 && t.bands[t.bands.length - 1]?.below !== null) {
    out.push({ path: `bands.${t.bands.length - 1}.below`, detail: 'the last band must have no upper limit, so every amount has an approver' });
  }
  if (t.allowAddedConsult && t.addedConsultPositionId === null) {
    out.push({ path: 'addedConsultPositionId', detail: 'say which post answers an added 合議 (usually 課長)' });
  }
  return out;
}
