import { describe, expect, it } from 'vitest';
import { templateProblems, type RouteTemplate } from '../../../shared/domain/approval/index.js';
import { chain, D, dept, expenseTemplate, office, P, parallel, serialTemplate, single, step, template } from './town.js';

const paths = (t: RouteTemplate) => templateProblems(t).map((p) => p.path);

describe('templateProblems', () => {
  it('accepts the town\'s templates', () => {
    expect(templateProblems(expenseTemplate())).toEqual([]);
    expect(templateProblems(serialTemplate())).toEqual([]);
    expect(
      templateProblems(
        template([
          parallel('gougi', 'any', step('a', 'consult', dept(D.zaisei)), step('b', 'inform', dept(D.kensetsuKa), { blocking: false })),
          single(step('kacho', 'approve', chain(P.kacho))),
        ]),
      ),
    ).toEqual([]);
  });

  it('a route needs a stage, and every stage a step', () => {
    expect(paths(template([]))).toEqual(['stages']);
    expect(paths(template([parallel('empty', 'all'), single(step('kacho', 'final', chain(P.kacho)))]))).toEqual(['stages.0.steps']);
  });

  it('stage and step keys are unique', () => {
    const t = template([
      single(step('a', 'approve', chain(P.kakaricho))),
      parallel('a', 'all', step('b', 'consult', dept(D.zaisei)), step('b', 'consult', dept(D.kensetsuKa))),
      single(step('c', 'final', chain(P.kacho))),
    ]);
    expect(paths(t)).toEqual(['stages.1.key', 'stages.1.steps.1.key']);
  });

  it('only a 供覧 may be non-blocking (or say it blocks)', () => {
    const t = template([single(step('a', 'approve', chain(P.kakaricho), { blocking: false })), single(step('c', 'final', chain(P.kacho)))]);
    expect(paths(t)).toEqual(['stages.0.steps.0.blocking']);
  });

  it('the 決裁 step must be alone in the last stage', () => {
    expect(paths(template([single(step('a', 'final', chain(P.kakaricho))), single(step('c', 'approve', chain(P.kacho)))]))).toEqual(['stages.0.steps.0.kind']);
    expect(paths(template([parallel('last', 'all', step('a', 'consult', dept(D.zaisei)), step('c', 'final', chain(P.kacho)))]))).toEqual([
      'stages.0.steps.1.kind',
      'stages',
    ]);
  });

  it('without bands the last stage must be one approving step', () => {
    expect(paths(template([single(step('a', 'approve', chain(P.kakaricho))), single(step('c', 'consult', dept(D.zaisei)))]))).toEqual(['stages']);
    expect(paths(template([single(step('a', 'approve', chain(P.kakaricho))), single(step('c', 'inform', dept(D.zaisei)))]))).toEqual(['stages']);
    expect(paths(template([single(step('c', 'approve', chain(P.kacho)))]))).toEqual([]);
  });

  it('a band must name an approving step alone in its stage', () => {
    const base = expenseTemplate();
    const to = (finalStepKey: string): RouteTemplate => ({ ...base, bands: [{ below: 1000, finalStepKey, label: 'x' }, ...base.bands.slice(1)] });
    expect(paths(to('nowhere'))).toEqual(['bands.0.finalStepKey']);
    expect(paths(to('zaisei'))).toEqual(['bands.0.finalStepKey']);
    const inParallel = template(
      [parallel('p', 'all', step('a', 'approve', chain(P.kakaricho)), step('b', 'approve', chain(P.kachoHosa))), single(step('c', 'final', office(P.chocho)))],
      { bands: [{ below: 10, finalStepKey: 'a', label: 'x' }, { below: null, finalStepKey: 'c', label: 'y' }] },
    );
    expect(paths(inParallel)).toEqual(['bands.0.finalStepKey']);
  });

  it('band limits rise, only the last is open-ended, and it must be', () => {
    const base = expenseTemplate();
    const b = base.bands;
    expect(paths({ ...base, bands: [b[1], b[0], b[2], b[3]].filter((x) => x !== undefined) })).toEqual(['bands.1.below']);
    expect(paths({ ...base, bands: [{ below: 0, finalStepKey: 'kacho', label: 'x' }, ...b.slice(1)] })).toEqual(['bands.0.below']);
    expect(paths({ ...base, bands: [{ below: 1.5, finalStepKey: 'kacho', label: 'x' }, ...b.slice(1)] })).toEqual(['bands.0.below']);
    expect(paths({ ...base, bands: b.slice(0, 3) })).toEqual(['bands.2.below']);
    expect(paths({ ...base, bands: [{ below: null, finalStepKey: 'kacho', label: 'x' }, ...b.slice(1)] })).toEqual(['bands.0.below']);
  });

  it('a band needs a label', () => {
    const base = expenseTemplate();
    expect(paths({ ...base, bands: [{ below: 500_000, finalStepKey: 'kacho', label: ' ' }, ...base.bands.slice(1)] })).toEqual(['bands.0.label']);
  });

  it('added 合議 needs the post that answers it', () => {
    expect(paths(expenseTemplate({ allowAddedConsult: true, addedConsultPositionId: null }))).toEqual(['addedConsultPositionId']);
    expect(paths(expenseTemplate({ allowAddedConsult: false, addedConsultPositionId: null }))).toEqual([]);
  });

  it('every problem names its path and says what is wrong', () => {
    for (const p of templateProblems(template([]))) {
      expect(p.path).not.toBe('');
      expect(p.detail.length).toBeGreaterThan(10);
    }
  });
});
