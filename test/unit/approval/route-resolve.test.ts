import { describe, expect, it } from 'vitest';
import { bandFor, resolveRoute, type OrgView, type ResolvedRoute, type RouteTemplate } from '../../../shared/domain/approval/index.js';
import { chain, D, dept, expenseTemplate, named, office, P, parallel, serialTemplate, single, step, template, town, U } from './town.js';

function route(t: RouteTemplate, drafterId: number, amount: number | null, consult: number[] = [], org: OrgView = town()): ResolvedRoute {
  const r = resolveRoute(t, { drafterId, amount, consultDepartmentIds: consult }, org);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.route;
}

/** "key:assignee/kind" per step, stages joined with " → " and parallel steps with " + ". */
function shape(r: ResolvedRoute): string {
  return r.stages.map((s) => s.steps.map((x) => `${x.key}:${x.assigneeId}/${x.kind}`).join(' + ')).join(' → ');
}

const omittedOf = (r: ResolvedRoute) => Object.fromEntries(r.omitted.map((o) => [o.key, o.reason]));

describe('resolveRoute: 専決 bands choose who decides', () => {
  const t = expenseTemplate();
  const drafter = U.jinjiShuji; // 人事係 主事: 係長 6, 課長補佐 5, 課長 4, 部長 3

  it.each([
    [0, 'kacho', '課長専決', 500_000],
    [499_999, 'kacho', '課長専決', 500_000],
    [500_000, 'bucho', '部長専決', 5_000_000],
    [4_999_999, 'bucho', '部長専決', 5_000_000],
    [5_000_000, 'fuku', '副町長決裁', 10_000_000],
    [9_999_999, 'fuku', '副町長決裁', 10_000_000],
    [10_000_000, 'chocho', '町長決裁', null],
    [3_000_000_000, 'chocho', '町長決裁', null],
  ])('¥%i → %s (%s)', (amount, key, label, below) => {
    const r = route(t, drafter, amount);
    expect(r.finalRule).toEqual({ label, stepKey: key, below, escalatedFrom: null });
    const last = r.stages.at(-1);
    expect(last?.steps.map((s) => [s.key, s.kind])).toEqual([[key, 'final']]);
    expect(r.stages.flatMap((s) => s.steps).filter((s) => s.kind === 'final')).toHaveLength(1);
  });

  it('cuts the route after the deciding step: 499,999 ends at the 課長, 500,000 goes on to 財政課 合議 and the 部長', () => {
    const below = route(t, drafter, 499_999);
    expect(shape(below)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/final');
    expect(below.omitted).toEqual([
      { key: 'zaisei', reason: 'after_final' },
      { key: 'bucho', reason: 'after_final' },
      { key: 'fuku', reason: 'after_final' },
      { key: 'chocho', reason: 'after_final' },
    ]);
    const at = route(t, drafter, 500_000);
    expect(shape(at)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/approve → zaisei:9/consult → bucho:3/final');
    expect(omittedOf(at)).toEqual({ fuku: 'after_final', chocho: 'after_final' });
  });

  it('a band whose step is not the last one turns that approving step into the deciding (決裁) step', () => {
    const r = route(t, drafter, 5_000_000);
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/approve → zaisei:9/consult → bucho:3/approve → fuku:2/final');
  });

  it('numbers the steps 1..n in route order, all waiting, with the post and department kept for the record', () => {
    const r = route(t, drafter, 500_000);
    const steps = r.stages.flatMap((s) => s.steps);
    expect(steps.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.every((s) => s.status === 'waiting' && s.actedBy === null && s.blocking)).toBe(true);
    expect(steps.map((s) => [s.position, s.departmentId])).toEqual([
      ['係長', D.jinji],
      ['課長補佐', D.somuKa],
      ['課長', D.somuKa],
      ['財政課 課長', D.zaisei],
      ['部長', D.somuBu],
    ]);
  });

  it('bandFor: the first band the amount is below, else the open-ended one', () => {
    const bands = t.bands;
    expect(bandFor(bands, 499_999)?.finalStepKey).toBe('kacho');
    expect(bandFor(bands, 500_000)?.finalStepKey).toBe('bucho');
    expect(bandFor(bands, Number.MAX_SAFE_INTEGER)?.finalStepKey).toBe('chocho');
  });

  it('without bands the last step decides every case, whatever the amount', () => {
    const r = route(serialTemplate(), drafter, null);
    expect(shape(r)).toBe('kakaricho:6/approve → kacho:4/approve → zaisei:9/consult → bucho:3/final');
    expect(r.finalRule).toEqual({ label: '', stepKey: 'bucho', below: null, escalatedFrom: null });
  });

  it('a type that does not require an amount uses the lowest band when none is given', () => {
    const r = route(expenseTemplate({ amountRequired: false }), drafter, null);
    expect(r.finalRule.stepKey).toBe('kacho');
  });
});

describe('resolveRoute: amounts', () => {
  const t = expenseTemplate();
  it('an amount is required when the type says so', () => {
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount: null, consultDepartmentIds: [] }, town())).toMatchObject({ ok: false, problem: { code: 'amount_required' } });
  });

  it.each([-1, -500_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('refuses the amount %d', (amount) => {
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount, consultDepartmentIds: [] }, town())).toMatchObject({ ok: false, problem: { code: 'invalid_amount' } });
  });

  it('a drafter who is not an active user cannot resolve a route', () => {
    expect(resolveRoute(t, { drafterId: 999, amount: 1, consultDepartmentIds: [] }, town())).toMatchObject({ ok: false, problem: { code: 'route_unresolvable' } });
  });
});

describe('resolveRoute: vacant posts', () => {
  const t = expenseTemplate();

  it('a vacant optional post is left out (文書係 has no 係長)', () => {
    const r = route(t, U.bunshoShuji, 100);
    expect(shape(r)).toBe('hosa:5/approve → kacho:4/final');
    expect(omittedOf(r)).toMatchObject({ kakaricho: 'vacant' });
  });

  it('a vacant deciding post passes the decision up to the next approving post that is filled, saying which was wanted', () => {
    const r = route(t, U.jinjiShuji, 499_999, [], town({ without: [U.somuKacho] }));
    expect(r.finalRule).toEqual({ label: '課長専決', stepKey: 'bucho', below: 500_000, escalatedFrom: 'kacho' });
    expect(omittedOf(r)).toMatchObject({ kacho: 'vacant', fuku: 'after_final', chocho: 'after_final' });
    // The 財政課 合議 on the way up is not a post that decides: it stays a 合議, and the 部長 decides.
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → zaisei:9/consult → bucho:3/final');
  });

  it('escalation passes over several vacant posts', () => {
    const r = route(t, U.jinjiShuji, 5_000_000, [], town({ without: [U.fukuChocho] }));
    expect(r.finalRule).toMatchObject({ stepKey: 'chocho', escalatedFrom: 'fuku', label: '副町長決裁' });
    expect(r.stages.at(-1)?.steps.map((s) => [s.key, s.assigneeId, s.kind])).toEqual([['chocho', U.chocho, 'final']]);
  });

  it('nobody above a vacant deciding post: the route cannot be resolved', () => {
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount: 10_000_000, consultDepartmentIds: [] }, town({ without: [U.chocho] }))).toMatchObject({
      ok: false,
      problem: { code: 'route_unresolvable', stepKey: 'chocho' },
    });
  });

  it('a vacant required post before the deciding step makes the route unresolvable', () => {
    // 部長専決: the 課長 must approve and nobody holds the post.
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount: 500_000, consultDepartmentIds: [] }, town({ without: [U.somuKacho] }))).toMatchObject({
      ok: false,
      problem: { code: 'route_unresolvable', stepKey: 'kacho' },
    });
    // 財政課長 vacant: the required 合議 has nobody.
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount: 500_000, consultDepartmentIds: [] }, town({ without: [U.zaiseiKacho] }))).toMatchObject({
      ok: false,
      problem: { code: 'route_unresolvable', stepKey: 'zaisei' },
    });
  });

  it('a vacant required post after the deciding step does not matter', () => {
    const r = route(t, U.jinjiShuji, 100, [], town({ without: [U.zaiseiKacho, U.fukuChocho] }));
    expect(r.finalRule.stepKey).toBe('kacho');
  });

  it('the chain looks up the drafter\'s departments for the nearest holder', () => {
    // 道路係 → 建設課 → 建設部: 係長 13, 課長 12, 部長 11; 課長補佐 vacant (optional).
    const r = route(t, U.doroShuji, 500_000);
    expect(shape(r)).toBe('kakaricho:13/approve → kacho:12/approve → zaisei:9/consult → bucho:11/final');
    expect(omittedOf(r)).toMatchObject({ hosa: 'vacant' });
  });
});

describe('resolveRoute: the drafter and duplicates', () => {
  const t = expenseTemplate();

  it('the drafter\'s own post is left out (人事係長 drafting)', () => {
    const r = route(t, U.jinjiKakaricho, 500_000);
    expect(shape(r)).toBe('hosa:5/approve → kacho:4/approve → zaisei:9/consult → bucho:3/final');
    expect(omittedOf(r)).toMatchObject({ kakaricho: 'drafter' });
  });

  it('posts no higher than the drafter\'s are left out of the chain (課長補佐 drafting, with a 係長 in the 課)', () => {
    const org = town({ add: [{ id: 16, name: '総務課 係長', departmentId: D.somuKa, positionId: P.kakaricho }] });
    const r = route(t, U.somuHosa, 500_000, [], org);
    expect(omittedOf(r)).toMatchObject({ kakaricho: 'drafter', hosa: 'drafter' });
    expect(shape(r)).toBe('kacho:4/approve → zaisei:9/consult → bucho:3/final');
  });

  it('a 課長 drafting: 課長補佐 and their own post are left out; the 部長 decides from ¥500,000', () => {
    const r = route(t, U.somuKacho, 500_000);
    expect(shape(r)).toBe('zaisei:9/consult → bucho:3/final');
    expect(omittedOf(r)).toMatchObject({ kakaricho: 'vacant', hosa: 'drafter', kacho: 'drafter' });
  });

  it('the drafter is never asked to approve or agree to their own case, whatever rule names them (財政課長 drafting)', () => {
    const r = route(t, U.zaiseiKacho, 500_000);
    expect(shape(r)).toBe('bucho:3/final');
    expect(omittedOf(r)).toMatchObject({ kakaricho: 'vacant', hosa: 'vacant', kacho: 'drafter', zaisei: 'drafter' });
    const t2 = template([single(step('check', 'approve', named(U.jinjiShuji))), single(step('kacho', 'final', chain(P.kacho)))]);
    expect(shape(route(t2, U.jinjiShuji, null))).toBe('kacho:4/final');
  });

  it('the deciding step stays even when it is the drafter\'s own post (a 課長 drafting a 課長専決 matter decides it)', () => {
    const r = route(t, U.somuKacho, 1);
    expect(shape(r)).toBe('kacho:4/final');
  });

  it('a person who would appear twice keeps only the later step', () => {
    const t2 = template([
      single(step('check', 'approve', named(U.somuKacho))),
      single(step('kakaricho', 'approve', chain(P.kakaricho))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const r = route(t2, U.jinjiShuji, null);
    expect(shape(r)).toBe('kakaricho:6/approve → kacho:4/final');
    expect(r.omitted).toEqual([{ key: 'check', reason: 'duplicate' }]);
  });

  it('a person twice in the same parallel stage keeps the later step', () => {
    const t2 = template([
      parallel('gougi', 'all', step('a', 'consult', named(U.zaiseiKacho)), step('b', 'consult', dept(D.kensetsuKa)), step('c', 'consult', dept(D.zaisei))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const r = route(t2, U.jinjiShuji, null);
    expect(shape(r)).toBe('b:12/consult + c:9/consult → kacho:4/final');
    expect(omittedOf(r)).toEqual({ a: 'duplicate' });
  });

  it('a stage emptied by the rules disappears', () => {
    const t2 = template([
      single(step('kakaricho', 'approve', chain(P.kakaricho), { optional: true })),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const r = route(t2, U.bunshoShuji, null);
    expect(r.stages).toHaveLength(1);
    expect(r.stages[0]?.steps[0]?.id).toBe(1);
  });
});

describe('resolveRoute: added 合議 departments', () => {
  const t = expenseTemplate();

  it('become one parallel stage just before the deciding step, answered by each department\'s 課長', () => {
    const r = route(t, U.jinjiShuji, 500_000, [D.kensetsuKa]);
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/approve → zaisei:9/consult → consult-31:12/consult → bucho:3/final');
    const added = r.stages.at(-2);
    expect(added).toMatchObject({ key: 'added-consult', mode: 'all' });
    expect(added?.steps[0]).toMatchObject({ position: '建設課 課長', departmentId: D.kensetsuKa, blocking: true });
  });

  it('several departments share the stage; a department named twice is asked once', () => {
    const r = route(t, U.jinjiShuji, 100, [D.kensetsuKa, D.zaisei, D.kensetsuKa]);
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → consult-31:12/consult + consult-20:9/consult → kacho:4/final');
  });

  it('adding a department already on the route asks nobody twice: its own step answers, no added stage', () => {
    const r = route(t, U.jinjiShuji, 500_000, [D.zaisei]);
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/approve → zaisei:9/consult → bucho:3/final');
    expect(r.stages.some((s) => s.key === 'added-consult')).toBe(false);
  });

  it('a person on the route twice keeps their 承認 over a 合議: a 財政課 matter is not sent to 財政課 for 合議', () => {
    const r = route(t, U.zaiseiShuji, 500_000, []);
    expect(r.stages.flatMap((s) => s.steps).filter((s) => s.assigneeId === U.zaiseiKacho).map((s) => s.kind)).toEqual(['approve']);
    expect(omittedOf(r)).toMatchObject({ zaisei: 'duplicate' });
  });

  it('the decider and the drafter are not asked for 合議', () => {
    const r = route(t, U.jinjiShuji, 100, [D.somuKa]);
    expect(shape(r)).toBe('kakaricho:6/approve → hosa:5/approve → kacho:4/final');
    expect(r.stages.some((s) => s.key === 'added-consult')).toBe(false);
  });

  it('a department with nobody to answer makes the route unresolvable', () => {
    expect(resolveRoute(t, { drafterId: U.jinjiShuji, amount: 100, consultDepartmentIds: [D.somuBu] }, town())).toMatchObject({
      ok: false,
      problem: { code: 'route_unresolvable', stepKey: `consult-${D.somuBu}` },
    });
  });

  it('are refused when the type does not take them', () => {
    const closed = expenseTemplate({ allowAddedConsult: false, addedConsultPositionId: null });
    expect(resolveRoute(closed, { drafterId: U.jinjiShuji, amount: 100, consultDepartmentIds: [D.kensetsuKa] }, town())).toMatchObject({
      ok: false,
      problem: { code: 'consult_not_allowed' },
    });
    expect(resolveRoute(closed, { drafterId: U.jinjiShuji, amount: 100, consultDepartmentIds: [] }, town()).ok).toBe(true);
  });
});

describe('resolveRoute: step kinds', () => {
  it('keeps parallel groups, 供覧 blocking flags and office holders', () => {
    const t = template([
      single(step('kakaricho', 'approve', chain(P.kakaricho))),
      parallel('gougi', 'any', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
      parallel('kyoran', 'all', step('fyi', 'inform', named(U.somuHosa)), step('must', 'inform', office(P.fukuChocho), { blocking: true })),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const r = route(t, U.jinjiShuji, null);
    expect(r.stages.map((s) => [s.key, s.mode])).toEqual([
      ['kakaricho', 'all'],
      ['gougi', 'any'],
      ['kyoran', 'all'],
      ['kacho', 'all'],
    ]);
    const steps = r.stages.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.key, s.blocking])).toEqual([
      ['kakaricho', true],
      ['zaisei', true],
      ['kensetsu', true],
      ['fyi', false],
      ['must', true],
      ['kacho', true],
    ]);
    expect(steps.find((s) => s.key === 'must')).toMatchObject({ assigneeId: U.fukuChocho, position: '副町長', departmentId: null });
  });
});
