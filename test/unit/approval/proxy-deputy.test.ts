import { describe, expect, it } from 'vitest';
import { Desk, type Proxy } from './desk.js';
import { chain, D, dept, named, P, serialTemplate, single, step, template, town, U } from './town.js';

/** 課長補佐 5 stands in for 課長 4 (代理) from 1 to 5 June 2025. */
const hosaForKacho: Proxy = { actorId: U.somuHosa, principalId: U.somuKacho, from: '2025-06-01T00:00:00Z', to: '2025-06-05T00:00:00Z' };

/** Serial route 係長 6 → 課長 4 → 財政課長 9 → 部長 3 (決裁), submitted and approved by the 係長 on 2 June. */
function atKacho(o: { proxies?: Proxy[]; deputies?: [number, number][] } = {}): Desk {
  const desk = new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji, now: '2025-06-02T00:00:00Z', ...o });
  desk.submit();
  desk.act(U.jinjiKakaricho, { action: 'approve' });
  return desk;
}

describe('代理: standing proxies', () => {
  it('a proxy acts for the assignee without naming them; the record says 代理 and for whom', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    desk.act(U.somuHosa, { action: 'approve' });
    expect(desk.step('kacho')).toMatchObject({ status: 'approved', actedBy: U.somuHosa, actedVia: 'proxy', onBehalfOf: U.somuKacho });
    expect(desk.events.at(-1)).toMatchObject({ type: 'acted', via: 'proxy', onBehalfOf: U.somuKacho, reason: null, actorId: U.somuHosa });
    expect(desk.pending()).toEqual(['zaisei']);
  });

  it('naming the principal works the same, and needs no reason', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    desk.act(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuKacho });
    expect(desk.step('kacho')).toMatchObject({ actedVia: 'proxy', onBehalfOf: U.somuKacho });
    expect(desk.case.reviews).toEqual([]);
  });

  it('only within its dates (from inclusive, to exclusive)', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    desk.at('2025-06-04T23:58:59Z'); // the next action happens a minute later: 23:59:59
    const ok = desk.try(U.somuHosa, { action: 'approve' });
    expect(ok.ok).toBe(true);

    const late = atKacho({ proxies: [hosaForKacho] });
    late.at('2025-06-04T23:59:00Z'); // acts at 00:00:00 on 5 June
    expect(late.refuse(U.somuHosa, { action: 'approve' }).code).toBe('not_your_turn');
    expect(late.refuse(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuKacho })).toMatchObject({ code: 'not_entitled', field: 'onBehalfOfUserId' });

    const early = atKacho({ proxies: [{ ...hosaForKacho, from: '2025-06-03T00:00:00Z' }] });
    expect(early.refuse(U.somuHosa, { action: 'approve' }).code).toBe('not_your_turn');
  });

  it('the assignee may still act while a proxy stands for them', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    desk.act(U.somuKacho, { action: 'approve' });
    expect(desk.step('kacho')).toMatchObject({ actedBy: U.somuKacho, actedVia: 'self', onBehalfOf: null });
  });

  it('naming someone with nothing pending, or oneself, is refused', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    expect(desk.refuse(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuBucho })).toMatchObject({ code: 'not_your_turn', field: 'onBehalfOfUserId' });
    expect(desk.refuse(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuHosa })).toMatchObject({ code: 'validation', field: 'onBehalfOfUserId' });
  });

  it('a proxy takes the step\'s own action: the wrong one is refused', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    expect(desk.refuse(U.somuHosa, { action: 'agree' }).code).toBe('wrong_action');
    expect(desk.refuse(U.somuHosa, { action: 'final_approve', onBehalfOfUserId: U.somuKacho }).code).toBe('wrong_action');
  });

  it('a proxy may send back (with a comment) and may acknowledge a non-blocking 供覧', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    expect(desk.refuse(U.somuHosa, { action: 'send_back' }).code).toBe('comment_required');
    desk.act(U.somuHosa, { action: 'send_back', comment: '課長不在のため代理で差戻し' });
    expect(desk.step('kacho')).toMatchObject({ status: 'sent_back', actedVia: 'proxy', onBehalfOf: U.somuKacho });

    const t = template([single(step('fyi', 'inform', named(U.somuKacho))), single(step('bucho', 'final', chain(P.bucho)))]);
    const k = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji, proxies: [hosaForKacho] });
    k.submit();
    k.act(U.somuHosa, { action: 'acknowledge' });
    expect(k.step('fyi')).toMatchObject({ status: 'acknowledged', actedVia: 'proxy' });
  });

  it('a proxy recalls the action they took as proxy; the principal cannot recall it as theirs', () => {
    const desk = atKacho({ proxies: [hosaForKacho] });
    desk.act(U.somuHosa, { action: 'approve' });
    expect(desk.refuse(U.somuKacho, { action: 'recall' }).code).toBe('not_entitled');
    desk.act(U.somuHosa, { action: 'recall' });
    expect(desk.pending()).toEqual(['kacho']);
  });
});

describe('代決: acting for an absent approver', () => {
  /** 総務課長 may decide for the 部長. */
  const atBucho = () => {
    const desk = atKacho({ deputies: [[U.somuKacho, U.somuBucho]] });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'agree' });
    return desk;
  };

  it('needs the absent approver named and a reason; creates a 後閲 task for them', () => {
    const desk = atBucho();
    expect(desk.refuse(U.somuKacho, { action: 'final_approve' }).code).toBe('not_your_turn');
    expect(desk.refuse(U.somuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho })).toMatchObject({ code: 'reason_required', field: 'reason' });
    expect(desk.refuse(U.somuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '  ' }).code).toBe('reason_required');
    desk.act(U.somuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '出張のため' });
    expect(desk.case.state).toBe('approved');
    expect(desk.step('bucho')).toMatchObject({ status: 'final_approved', actedBy: U.somuKacho, actedVia: 'deputy', onBehalfOf: U.somuBucho });
    expect(desk.events.at(-1)).toMatchObject({ type: 'acted', via: 'deputy', reason: '出張のため' });
    expect(desk.case.reviews).toEqual([{ stepId: 4, userId: U.somuBucho, deputyId: U.somuKacho, createdAt: desk.now, doneAt: null, comment: null }]);
  });

  it('only a permitted deputy', () => {
    const desk = atBucho();
    expect(desk.refuse(U.kensetsuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '出張' })).toMatchObject({ code: 'not_entitled', field: 'onBehalfOfUserId' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '出張' }).code).toBe('not_entitled');
  });

  it('後閲: the absent approver reviews it, once; nobody else can; it works on a decided and an enforced case', () => {
    const desk = atBucho();
    desk.act(U.somuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '出張のため' });
    expect(desk.refuse(U.somuKacho, { action: 'review' }).code).toBe('not_entitled');
    expect(desk.refuse(U.somuBucho, { action: 'review', stepId: 3 })).toMatchObject({ code: 'not_entitled', field: 'stepId' });
    desk.act(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-07-01' });
    desk.act(U.somuBucho, { action: 'review', stepId: 4, comment: '了解' });
    expect(desk.case.reviews).toEqual([{ stepId: 4, userId: U.somuBucho, deputyId: U.somuKacho, createdAt: expect.any(String), doneAt: desk.now, comment: '了解' }]);
    expect(desk.events.at(-1)).toMatchObject({ type: 'reviewed', stepId: 4, comment: '了解' });
    expect(desk.case.state).toBe('enforced');
    expect(desk.refuse(U.somuBucho, { action: 'review' }).code).toBe('not_entitled');
  });

  it('a draft has nothing to review', () => {
    const desk = new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji });
    expect(desk.refuse(U.somuBucho, { action: 'review' }).code).toBe('wrong_state');
  });

  it('recalling a deputy action removes its open 後閲 task', () => {
    const desk = atKacho({ deputies: [[U.somuHosa, U.somuKacho]] });
    desk.act(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuKacho, reason: '休暇' });
    expect(desk.case.reviews).toHaveLength(1);
    desk.act(U.somuHosa, { action: 'recall' });
    expect(desk.case.reviews).toEqual([]);
    expect(desk.pending()).toEqual(['kacho']);
  });

  it('a deputy send-back needs a comment and a reason, and also leaves a 後閲 task', () => {
    const desk = atKacho({ deputies: [[U.somuHosa, U.somuKacho]] });
    expect(desk.refuse(U.somuHosa, { action: 'send_back', onBehalfOfUserId: U.somuKacho, reason: '休暇' }).code).toBe('comment_required');
    expect(desk.refuse(U.somuHosa, { action: 'send_back', onBehalfOfUserId: U.somuKacho, comment: '要修正' }).code).toBe('reason_required');
    desk.act(U.somuHosa, { action: 'send_back', onBehalfOfUserId: U.somuKacho, comment: '要修正', reason: '休暇' });
    expect(desk.step('kacho')).toMatchObject({ status: 'sent_back', actedVia: 'deputy', onBehalfOf: U.somuKacho });
    expect(desk.case.reviews.map((r) => [r.stepId, r.userId, r.doneAt])).toEqual([[2, U.somuKacho, null]]);
  });

  it('a deputy 合議 disagreement needs both a comment and a reason', () => {
    const desk = atKacho({ deputies: [[U.zaiseiShuji, U.zaiseiKacho]] });
    desk.act(U.somuKacho, { action: 'approve' });
    expect(desk.refuse(U.zaiseiShuji, { action: 'disagree', onBehalfOfUserId: U.zaiseiKacho, reason: '不在' }).code).toBe('comment_required');
    desk.act(U.zaiseiShuji, { action: 'disagree', onBehalfOfUserId: U.zaiseiKacho, reason: '不在', comment: '財源未確保' });
    expect(desk.step('zaisei')).toMatchObject({ status: 'disagreed', actedVia: 'deputy' });
  });

  it('nobody decides on behalf of a non-blocking 供覧 (there is nothing to decide)', () => {
    const t = template([single(step('fyi', 'inform', dept(D.zaisei))), single(step('kacho', 'final', chain(P.kacho)))]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji, deputies: [[U.zaiseiShuji, U.zaiseiKacho]] });
    desk.submit();
    expect(desk.refuse(U.zaiseiShuji, { action: 'acknowledge', onBehalfOfUserId: U.zaiseiKacho, reason: '不在' }).code).toBe('not_entitled');
  });

  it('someone who is both a standing proxy and a deputy acts as proxy, without a reason or a 後閲', () => {
    const desk = atKacho({ proxies: [hosaForKacho], deputies: [[U.somuHosa, U.somuKacho]] });
    desk.act(U.somuHosa, { action: 'approve', onBehalfOfUserId: U.somuKacho });
    expect(desk.step('kacho').actedVia).toBe('proxy');
    expect(desk.case.reviews).toEqual([]);
  });
});
