import { describe, expect, it } from 'vitest';
import { Desk, resolved } from './desk.js';
import { chain, D, dept, expenseTemplate, named, P, parallel, serialTemplate, single, step, template, town, U } from './town.js';
import type { ResubmitPolicy } from '../../../shared/domain/approval/index.js';

/** 係長 6 (step 1) → 課長 4 (2) → 財政課長 9 合議 (3) → 部長 3 決裁 (4). */
const serialDesk = (resubmit: ResubmitPolicy = 'restart') => new Desk({ template: serialTemplate({ resubmit }), org: town(), drafterId: U.jinjiShuji });

/** Submitted, and approved by 係長 and 課長: 財政課長 has it. */
function atZaisei(resubmit: ResubmitPolicy = 'restart'): Desk {
  const desk = serialDesk(resubmit);
  desk.submit();
  desk.act(U.jinjiKakaricho, { action: 'approve' });
  desk.act(U.somuKacho, { action: 'approve' });
  return desk;
}

describe('send back (差戻し)', () => {
  it('to the drafter: needs a comment; the case waits for the drafter and nobody on the route can act', () => {
    const desk = atZaisei();
    expect(desk.refuse(U.zaiseiKacho, { action: 'send_back' })).toMatchObject({ code: 'comment_required', field: 'comment' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'send_back', comment: '\n ' }).code).toBe('comment_required');
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '積算根拠を添付してください' });
    expect(desk.case).toMatchObject({ state: 'sent_back', currentStage: null, returned: { kind: 'send_back', fromStepId: 3, at: desk.now } });
    expect(desk.step('zaisei')).toMatchObject({ status: 'sent_back', actedBy: U.zaiseiKacho, actedVia: 'self', comment: '積算根拠を添付してください' });
    expect(desk.pending()).toEqual([]);
    expect(desk.events.at(-1)).toMatchObject({ type: 'sent_back', stepId: 3, toStepId: null });
    expect(desk.refuse(U.somuBucho, { action: 'final_approve' }).code).toBe('wrong_state');
    expect(desk.refuse(U.zaiseiKacho, { action: 'recall' }).code).toBe('wrong_state');
  });

  it('to an earlier step: that step is pending again and every approval after it resets', () => {
    const desk = atZaisei();
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '係で再確認を', toStepId: 1 });
    expect(desk.case).toMatchObject({ state: 'in_progress', currentStage: 0, returned: null });
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting' });
    expect(desk.step('kacho').actedBy).toBeNull();
    expect(desk.events.at(-1)).toMatchObject({ type: 'sent_back', stepId: 3, toStepId: 1, comment: '係で再確認を' });
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.pending()).toEqual(['kacho']);
  });

  it('refuses targets that are not earlier steps that acted', () => {
    const desk = atZaisei();
    for (const toStepId of [3, 4, 99, 0, -1]) {
      expect(desk.refuse(U.zaiseiKacho, { action: 'send_back', comment: 'x', toStepId }), `to ${toStepId}`).toMatchObject({ code: 'invalid_target', field: 'toStepId' });
    }
  });

  it('refuses a step in the same parallel stage, and a skipped step of an "any one" stage', () => {
    const t = template([
      parallel('kakari', 'any', step('a', 'approve', named(U.jinjiKakaricho)), step('b', 'approve', named(U.somuHosa))),
      parallel('gougi', 'all', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.somuHosa, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'agree' });
    expect(desk.refuse(U.kensetsuKacho, { action: 'send_back', comment: 'x', toStepId: desk.step('zaisei').id }).code).toBe('invalid_target');
    expect(desk.refuse(U.kensetsuKacho, { action: 'send_back', comment: 'x', toStepId: desk.step('a').id }).code).toBe('invalid_target');
    // The step that answered the "any one" stage is a target; its skipped partner comes back with it.
    desk.act(U.kensetsuKacho, { action: 'send_back', comment: 'x', toStepId: desk.step('b').id });
    expect(desk.statuses()).toEqual({ a: 'pending', b: 'pending', zaisei: 'waiting', kensetsu: 'waiting', kacho: 'waiting' });
  });

  it('the drafter and people not on turn cannot send back', () => {
    const desk = atZaisei();
    expect(desk.refuse(U.jinjiShuji, { action: 'send_back', comment: 'x' }).code).toBe('not_your_turn');
    expect(desk.refuse(U.somuKacho, { action: 'send_back', comment: 'x' }).code).toBe('not_your_turn');
  });

  it('a send back inside an "all" stage keeps the other answers until the drafter resubmits', () => {
    const t = template([
      parallel('gougi', 'all', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.kensetsuKacho, { action: 'send_back', comment: '工期を明記' });
    expect(desk.statuses()).toEqual({ zaisei: 'agreed', kensetsu: 'sent_back', kacho: 'waiting' });
    desk.resubmit();
    expect(desk.statuses()).toEqual({ zaisei: 'pending', kensetsu: 'pending', kacho: 'waiting' });
  });
});

describe('recall (引戻し) by the drafter', () => {
  it('before anyone has acted: the case comes back to the drafter', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiShuji, { action: 'recall' });
    expect(desk.case).toMatchObject({ state: 'sent_back', currentStage: null, returned: { kind: 'recall', fromStepId: null } });
    expect(desk.pending()).toEqual([]);
    desk.resubmit();
    expect(desk.case).toMatchObject({ state: 'in_progress', revision: 2, number: '総務第1号' });
    expect(desk.pending()).toEqual(['kakaricho']);
  });

  it('not once someone has acted on this revision, and not a draft', () => {
    const desk = serialDesk();
    expect(desk.refuse(U.jinjiShuji, { action: 'recall' }).code).toBe('wrong_state');
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.refuse(U.jinjiShuji, { action: 'recall' }).code).toBe('wrong_state');
  });
});

describe('recall (引戻し) by an approver', () => {
  it('takes back their own last action while the next person has not acted', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.jinjiKakaricho, { action: 'recall' });
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting' });
    expect(desk.step('kakaricho').actedBy).toBeNull();
    expect(desk.case.currentStage).toBe(0);
    expect(desk.events.at(-1)).toMatchObject({ type: 'recalled', stepId: 1, actorId: U.jinjiKakaricho });
  });

  it('not once the next person has acted; the next person may recall theirs', () => {
    const desk = atZaisei();
    expect(desk.refuse(U.jinjiKakaricho, { action: 'recall' }).code).toBe('wrong_state');
    desk.act(U.somuKacho, { action: 'recall' });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', kacho: 'pending', zaisei: 'waiting', bucho: 'waiting' });
  });

  it('someone with no action on the case has nothing to recall', () => {
    const desk = atZaisei();
    expect(desk.refuse(U.somuBucho, { action: 'recall' }).code).toBe('not_entitled');
    expect(desk.refuse(U.kensetsuBucho, { action: 'recall' }).code).toBe('not_entitled');
  });

  it('inside an "all" stage, while the others are still answering, and after it while the next stage waits', () => {
    const t = template([
      parallel('gougi', 'all', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.zaiseiKacho, { action: 'recall' });
    expect(desk.statuses()).toEqual({ zaisei: 'pending', kensetsu: 'pending', kacho: 'waiting' });
    desk.act(U.zaiseiKacho, { action: 'disagree', comment: '再検討を' });
    desk.act(U.kensetsuKacho, { action: 'agree' });
    expect(desk.pending()).toEqual(['kacho']);
    desk.act(U.zaiseiKacho, { action: 'recall' });
    expect(desk.statuses()).toEqual({ zaisei: 'pending', kensetsu: 'agreed', kacho: 'waiting' });
    expect(desk.case.currentStage).toBe(0);
  });

  it('after an "any one" stage: the skipped steps come back with it', () => {
    const t = template([
      parallel('kakari', 'any', step('a', 'approve', named(U.jinjiKakaricho)), step('b', 'approve', named(U.somuHosa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.somuHosa, { action: 'approve' });
    expect(desk.statuses()).toEqual({ a: 'skipped', b: 'approved', kacho: 'pending' });
    expect(desk.refuse(U.jinjiKakaricho, { action: 'recall' }).code).toBe('not_entitled');
    desk.act(U.somuHosa, { action: 'recall' });
    expect(desk.statuses()).toEqual({ a: 'pending', b: 'pending', kacho: 'waiting' });
  });

  it('over a non-blocking 供覧 stage: the 供覧 starts over too', () => {
    const t = template([
      single(step('kakaricho', 'approve', chain(P.kakaricho))),
      single(step('fyi', 'inform', named(U.somuHosa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuHosa, { action: 'acknowledge' });
    expect(desk.refuse(U.somuHosa, { action: 'recall' }).code).toBe('not_entitled');
    desk.act(U.jinjiKakaricho, { action: 'recall' });
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', fyi: 'waiting', kacho: 'waiting' });
  });

  it('the deciding step cannot recall a decision', () => {
    const desk = atZaisei();
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.somuBucho, { action: 'final_approve' });
    expect(desk.refuse(U.somuBucho, { action: 'recall' }).code).toBe('wrong_state');
  });
});

describe('resubmit', () => {
  it('restart (the default): every approval resets and the route starts again, as a new revision with the same number', () => {
    const desk = atZaisei();
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '根拠不足' });
    desk.resubmit();
    expect(desk.case).toMatchObject({ state: 'in_progress', revision: 2, number: '総務第1号', currentStage: 0, returned: null });
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting' });
  });

  it('only the drafter, and only a case that came back', () => {
    const desk = atZaisei();
    expect(desk.refuse(U.jinjiShuji, { action: 'resubmit', route: desk.route() }).code).toBe('wrong_state');
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '根拠不足' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'resubmit', route: desk.route() }).code).toBe('not_entitled');
  });

  it('resume_at_sender: approvals before the step that sent it back stand (of revision 1) and it resumes there', () => {
    const desk = atZaisei('resume_at_sender');
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '根拠不足' });
    desk.act(U.jinjiShuji, { action: 'edit', content: desk.content({ body: '根拠を追記' }), route: desk.route() });
    desk.resubmit();
    expect(desk.case).toMatchObject({ revision: 2, currentStage: 2 });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', kacho: 'approved', zaisei: 'pending', bucho: 'waiting' });
    expect(desk.step('kacho')).toMatchObject({ actedRevision: 1, actedBy: U.somuKacho });
    // Approvals of an earlier revision are not the approver's to recall now, nor does the drafter's recall reset them.
    expect(desk.refuse(U.somuKacho, { action: 'recall' }).code).toBe('not_entitled');
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.somuBucho, { action: 'final_approve' });
    expect(desk.case.state).toBe('approved');
  });

  it('resume_at_sender after a send-back to an earlier step and a later send-back to the drafter resumes at the later sender', () => {
    const desk = atZaisei('resume_at_sender');
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: 'x', toStepId: 2 });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.somuBucho, { action: 'send_back', comment: '起案者へ' });
    desk.resubmit();
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', kacho: 'approved', zaisei: 'agreed', bucho: 'pending' });
  });

  it('resume_at_sender restarts when the route has a different shape now (another amount band)', () => {
    const desk = new Desk({ template: expenseTemplate({ resubmit: 'resume_at_sender' }), org: town(), drafterId: U.jinjiShuji, amount: 500_000 });
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuHosa, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '金額を見直して' });
    desk.act(U.jinjiShuji, { action: 'edit', content: desk.content({ amount: 5_000_000 }), route: resolved(desk.template, desk.org, U.jinjiShuji, 5_000_000) });
    expect(desk.keys()).toEqual(['kakaricho', 'hosa', 'kacho', 'zaisei', 'bucho', 'fuku']);
    desk.resubmit();
    expect(desk.case.currentStage).toBe(0);
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', hosa: 'waiting', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting', fuku: 'waiting' });
  });

  it('resume_at_sender restarts when someone on the route changed', () => {
    const desk = atZaisei('resume_at_sender');
    desk.act(U.zaiseiKacho, { action: 'send_back', comment: '根拠不足' });
    desk.org = town({ without: [U.somuKacho], add: [{ id: 16, name: '新総務課長', departmentId: D.somuKa, positionId: P.kacho }] });
    desk.resubmit();
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting' });
    expect(desk.step('kacho').assigneeId).toBe(16);
  });

  it('resume_at_sender after the drafter\'s own recall restarts (nobody sent it back)', () => {
    const desk = serialDesk('resume_at_sender');
    desk.submit();
    desk.act(U.jinjiShuji, { action: 'recall' });
    desk.resubmit();
    expect(desk.pending()).toEqual(['kakaricho']);
  });

  it('resume_at_sender: a non-blocking 供覧 that was still open when the case came back is open again', () => {
    const t = template(
      [
        single(step('kakaricho', 'approve', chain(P.kakaricho))),
        single(step('fyi', 'inform', named(U.somuHosa))),
        single(step('kacho', 'approve', chain(P.kacho))),
        single(step('bucho', 'final', chain(P.bucho))),
      ],
      { resubmit: 'resume_at_sender' },
    );
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.somuBucho, { action: 'send_back', comment: '再考' });
    expect(desk.step('fyi').status).toBe('waiting');
    desk.resubmit();
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', fyi: 'pending', kacho: 'approved', bucho: 'pending' });
    desk.act(U.somuHosa, { action: 'acknowledge' });
    expect(desk.step('fyi').status).toBe('acknowledged');
  });
});
