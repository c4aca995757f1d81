import { describe, expect, it } from 'vitest';
import { createCase, decide, type Case } from '../../../shared/domain/approval/index.js';
import { Desk, resolved, type Cmd } from './desk.js';
import { chain, D, dept, named, P, parallel, serialTemplate, single, step, template, town, U } from './town.js';

/** 人事係 主事 drafts on the serial route: 係長 6 → 課長 4 → 財政課長 9 (合議) → 部長 3 (決裁). */
const serialDesk = () => new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji });

describe('draft and submit', () => {
  it('createCase makes a draft with its route resolved, all steps waiting', () => {
    const desk = serialDesk();
    expect(desk.case).toMatchObject({ state: 'draft', version: 1, revision: 1, number: null, currentStage: null, drafterId: U.jinjiShuji, departmentId: D.jinji });
    expect(desk.keys()).toEqual(['kakaricho', 'kacho', 'zaisei', 'bucho']);
    expect(desk.pending()).toEqual([]);
    expect(desk.events.map((e) => e.type)).toEqual(['created']);
  });

  it('createCase refuses an empty title or a negative amount', () => {
    const route = resolved(serialTemplate(), town(), U.jinjiShuji, null);
    const init = { caseId: 1, typeId: 1, templateId: 1, departmentId: D.jinji, retention: '5', resubmitPolicy: 'restart' } as const;
    const ctx = { actorId: U.jinjiShuji, now: '2025-06-02T00:00:00Z' };
    expect(createCase(init, { title: '  ', amount: null, body: '', consultDepartmentIds: [] }, route, ctx)).toMatchObject({ ok: false, refusal: { code: 'validation', field: 'title' } });
    expect(createCase(init, { title: 't', amount: -1, body: '', consultDepartmentIds: [] }, route, ctx)).toMatchObject({ ok: false, refusal: { code: 'validation', field: 'amount' } });
    expect(createCase(init, { title: 't', amount: 0.5, body: '', consultDepartmentIds: [] }, route, ctx)).toMatchObject({ ok: false, refusal: { code: 'validation', field: 'amount' } });
  });

  it('the drafter may edit a draft: content and route change together', () => {
    const desk = serialDesk();
    const content = { title: '備品の購入について', amount: 12_000, body: '見積書添付', consultDepartmentIds: [] };
    desk.act(U.jinjiShuji, { action: 'edit', content, route: desk.route() });
    expect(desk.case).toMatchObject({ ...content, state: 'draft', version: 2 });
    expect(desk.refuse(U.jinjiKakaricho, { action: 'edit', content, route: desk.route() }).code).toBe('not_entitled');
    expect(desk.refuse(U.jinjiShuji, { action: 'edit', content: { ...content, title: '' }, route: desk.route() })).toMatchObject({ code: 'validation', field: 'title' });
    desk.submit();
    expect(desk.refuse(U.jinjiShuji, { action: 'edit', content, route: desk.route() }).code).toBe('wrong_state');
  });

  it('submit puts the case on its route with its number: the first stage is pending', () => {
    const desk = serialDesk();
    desk.submit();
    expect(desk.case).toMatchObject({ state: 'in_progress', version: 2, number: '総務第1号', numberFiscalYear: 2025, currentStage: 0, submittedAt: desk.now });
    expect(desk.statuses()).toEqual({ kakaricho: 'pending', kacho: 'waiting', zaisei: 'waiting', bucho: 'waiting' });
  });

  it('only the drafter submits, and only a draft', () => {
    const desk = serialDesk();
    const cmd: Cmd = { action: 'submit', number: 'x', fiscalYear: 2025, route: desk.route() };
    expect(desk.refuse(U.jinjiKakaricho, cmd).code).toBe('not_entitled');
    desk.submit();
    expect(desk.refuse(U.jinjiShuji, cmd).code).toBe('wrong_state');
  });

  it('a stage of non-blocking 供覧 only is opened and passed at once on submit', () => {
    const t = template([single(step('fyi', 'inform', named(U.somuHosa))), single(step('kacho', 'final', chain(P.kacho)))]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    expect(desk.case.currentStage).toBe(1);
    expect(desk.statuses()).toEqual({ fyi: 'pending', kacho: 'pending' });
  });
});

describe('approve and final_approve', () => {
  it('each approval moves the case to the next stage and records who, how and when', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve', comment: ' 確認しました ' });
    expect(desk.step('kakaricho')).toMatchObject({ status: 'approved', actedBy: U.jinjiKakaricho, actedVia: 'self', onBehalfOf: null, actedAt: desk.now, actedRevision: 1, comment: '確認しました' });
    expect(desk.case.currentStage).toBe(1);
    expect(desk.pending()).toEqual(['kacho']);
    expect(desk.events.at(-1)).toMatchObject({ type: 'acted', action: 'approve', stepId: 1, via: 'self', actorId: U.jinjiKakaricho, version: 3 });
  });

  it('refuses someone whose turn it is not, and the wrong action for the step', () => {
    const desk = serialDesk();
    desk.submit();
    expect(desk.refuse(U.somuKacho, { action: 'approve' }).code).toBe('not_your_turn');
    expect(desk.refuse(U.jinjiShuji, { action: 'approve' }).code).toBe('not_your_turn');
    expect(desk.refuse(U.chocho, { action: 'approve' }).code).toBe('not_your_turn');
    expect(desk.refuse(U.jinjiKakaricho, { action: 'final_approve' })).toMatchObject({ code: 'wrong_action', field: 'action' });
    expect(desk.refuse(U.jinjiKakaricho, { action: 'agree' }).code).toBe('wrong_action');
    expect(desk.refuse(U.jinjiKakaricho, { action: 'acknowledge' }).code).toBe('wrong_action');
  });

  it('the deciding step final-approves (not approves): the case is 決裁済 with its approval time and disposal date', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'agree' });
    expect(desk.refuse(U.somuBucho, { action: 'approve' }).code).toBe('wrong_action');
    desk.act(U.somuBucho, { action: 'final_approve' });
    expect(desk.case).toMatchObject({ state: 'approved', currentStage: null, approvedAt: desk.now, disposalOn: '2031-03-31' });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', kacho: 'approved', zaisei: 'agreed', bucho: 'final_approved' });
  });
});

describe('合議: agree and disagree', () => {
  const gougi = () =>
    new Desk({
      template: template([
        single(step('kakaricho', 'approve', chain(P.kakaricho))),
        parallel('gougi', 'all', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
        single(step('kacho', 'final', chain(P.kacho))),
      ]),
      org: town(),
      drafterId: U.jinjiShuji,
    });

  it('a disagreement needs a comment; it is recorded and the route goes on to the decider', () => {
    const desk = gougi();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.pending()).toEqual(['zaisei', 'kensetsu']);
    expect(desk.refuse(U.zaiseiKacho, { action: 'disagree' })).toMatchObject({ code: 'comment_required', field: 'comment' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'disagree', comment: '   ' }).code).toBe('comment_required');
    expect(desk.refuse(U.zaiseiKacho, { action: 'approve' }).code).toBe('wrong_action');
    desk.act(U.zaiseiKacho, { action: 'disagree', comment: '予算の裏付けがありません' });
    expect(desk.step('zaisei')).toMatchObject({ status: 'disagreed', comment: '予算の裏付けがありません' });
    expect(desk.case.currentStage).toBe(1);
    desk.act(U.kensetsuKacho, { action: 'agree' });
    expect(desk.pending()).toEqual(['kacho']);
  });

  it('an "any one" stage completes with the first answer; the others are skipped', () => {
    const t = template([
      parallel('gougi', 'any', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))),
      single(step('kacho', 'final', chain(P.kacho))),
    ]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.kensetsuKacho, { action: 'agree' });
    expect(desk.statuses()).toEqual({ zaisei: 'skipped', kensetsu: 'agreed', kacho: 'pending' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'agree' }).code).toBe('not_your_turn');
  });
});

describe('供覧: acknowledge', () => {
  const kyoran = (blocking: boolean) =>
    new Desk({
      template: template([
        single(step('kakaricho', 'approve', chain(P.kakaricho))),
        single(step('fyi', 'inform', named(U.somuHosa), { blocking })),
        single(step('kacho', 'final', chain(P.kacho))),
      ]),
      org: town(),
      drafterId: U.jinjiShuji,
    });

  it('a non-blocking 供覧 does not hold the route: the next step is pending at once, and the 供覧 can still be acknowledged', () => {
    const desk = kyoran(false);
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', fyi: 'pending', kacho: 'pending' });
    expect(desk.case.currentStage).toBe(2);
    expect(desk.refuse(U.somuHosa, { action: 'approve' }).code).toBe('wrong_action');
    desk.act(U.somuHosa, { action: 'acknowledge' });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', fyi: 'acknowledged', kacho: 'pending' });
  });

  it('a 供覧 still open when the case is decided closes (skipped) with it', () => {
    const desk = kyoran(false);
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'final_approve' });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', fyi: 'skipped', kacho: 'final_approved' });
    expect(desk.refuse(U.somuHosa, { action: 'acknowledge' }).code).toBe('wrong_state');
  });

  it('a blocking 供覧 holds the route until acknowledged', () => {
    const desk = kyoran(true);
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.pending()).toEqual(['fyi']);
    expect(desk.refuse(U.somuKacho, { action: 'final_approve' }).code).toBe('not_your_turn');
    desk.act(U.somuHosa, { action: 'acknowledge' });
    expect(desk.pending()).toEqual(['kacho']);
  });

  it('a non-blocking 供覧 cannot send back, and no one sends back to it', () => {
    const desk = kyoran(false);
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.refuse(U.somuHosa, { action: 'send_back', comment: '再考を' }).code).toBe('wrong_action');
    desk.act(U.somuHosa, { action: 'acknowledge' });
    expect(desk.refuse(U.somuKacho, { action: 'send_back', comment: '再確認を', toStepId: desk.step('fyi').id })).toMatchObject({ code: 'invalid_target', field: 'toStepId' });
  });
});

describe('reject (否決) and withdraw (取下げ)', () => {
  it('reject needs a comment and ends the case; nothing more happens on the route', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(desk.refuse(U.somuKacho, { action: 'reject' }).code).toBe('comment_required');
    desk.act(U.somuKacho, { action: 'reject', comment: '必要性が認められない' });
    expect(desk.case).toMatchObject({ state: 'rejected', currentStage: null });
    expect(desk.statuses()).toEqual({ kakaricho: 'approved', kacho: 'rejected', zaisei: 'waiting', bucho: 'waiting' });
    for (const [actor, cmd] of [
      [U.somuKacho, { action: 'approve' }],
      [U.jinjiShuji, { action: 'recall' }],
      [U.jinjiShuji, { action: 'withdraw' }],
      [U.jinjiShuji, { action: 'resubmit', route: desk.route() }],
      [U.jinjiShuji, { action: 'comment', comment: 'なぜ' }],
      [U.jinjiKakaricho, { action: 'recall' }],
    ] as [number, Cmd][]) {
      expect(desk.refuse(actor, cmd).code).toBe('wrong_state');
    }
  });

  it('a 合議 cannot reject (it disagrees); a 供覧 cannot either', () => {
    const desk = serialDesk();
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'approve' });
    expect(desk.refuse(U.zaiseiKacho, { action: 'reject', comment: 'x' }).code).toBe('wrong_action');
  });

  it('the deciding step may reject', () => {
    const desk = new Desk({ template: template([single(step('kacho', 'final', chain(P.kacho)))]), org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.somuKacho, { action: 'reject', comment: '不要' });
    expect(desk.case.state).toBe('rejected');
  });

  it('the drafter withdraws a draft, a case on its route or one sent back; nobody else can', () => {
    for (const setup of [
      (_d: Desk) => undefined,
      (d: Desk) => d.submit(),
      (d: Desk) => {
        d.submit();
        d.act(U.jinjiKakaricho, { action: 'send_back', comment: '添付漏れ' });
      },
    ]) {
      const desk = serialDesk();
      setup(desk);
      expect(desk.refuse(U.jinjiKakaricho, { action: 'withdraw' }).code).toBe('not_entitled');
      desk.act(U.jinjiShuji, { action: 'withdraw', comment: '重複のため' });
      expect(desk.case).toMatchObject({ state: 'withdrawn', currentStage: null });
      expect(desk.pending()).toEqual([]);
      expect(desk.events.at(-1)).toMatchObject({ type: 'withdrawn', comment: '重複のため' });
      expect(desk.refuse(U.jinjiShuji, { action: 'resubmit', route: desk.route() }).code).toBe('wrong_state');
      expect(desk.refuse(U.jinjiShuji, { action: 'withdraw' }).code).toBe('wrong_state');
    }
  });

  it('an approved case cannot be withdrawn', () => {
    const desk = new Desk({ template: template([single(step('kacho', 'final', chain(P.kacho)))]), org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.somuKacho, { action: 'final_approve' });
    expect(desk.refuse(U.jinjiShuji, { action: 'withdraw' }).code).toBe('wrong_state');
  });
});

describe('comment', () => {
  it('the drafter and the people on the route (and their proxies) comment; the route does not move', () => {
    const desk = serialDesk();
    desk.proxies = [{ actorId: U.somuHosa, principalId: U.somuKacho, from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }];
    desk.act(U.jinjiShuji, { action: 'comment', comment: '下書きです' });
    desk.submit();
    const route = structuredClone(desk.case.route);
    desk.act(U.somuBucho, { action: 'comment', comment: '急ぎで', stepId: desk.step('bucho').id });
    desk.act(U.somuHosa, { action: 'comment', comment: '課長不在中' });
    expect(desk.case.route).toEqual(route);
    expect(desk.events.at(-2)).toMatchObject({ type: 'commented', stepId: 4, comment: '急ぎで', actorId: U.somuBucho });
    expect(desk.events.at(-1)).toMatchObject({ type: 'commented', stepId: null });
  });

  it('refuses outsiders, empty comments and unknown steps', () => {
    const desk = serialDesk();
    desk.submit();
    expect(desk.refuse(U.kensetsuBucho, { action: 'comment', comment: 'x' }).code).toBe('not_entitled');
    expect(desk.refuse(U.jinjiShuji, { action: 'comment', comment: ' ' })).toMatchObject({ code: 'comment_required', field: 'comment' });
    expect(desk.refuse(U.jinjiShuji, { action: 'comment' }).code).toBe('comment_required');
    expect(desk.refuse(U.jinjiShuji, { action: 'comment', comment: 'x', stepId: 99 })).toMatchObject({ code: 'invalid_target', field: 'stepId' });
  });
});

describe('enforce (施行)', () => {
  const approvedAt = (iso: string) => {
    const desk = new Desk({ template: template([single(step('kacho', 'final', chain(P.kacho)))]), org: town(), drafterId: U.jinjiShuji, now: iso });
    desk.submit();
    desk.at(iso);
    desk.clock -= 60_000; // try() ticks one minute before acting
    desk.act(U.somuKacho, { action: 'final_approve' });
    expect(desk.case.approvedAt).toBe(iso);
    return desk;
  };

  it('the drafter enforces an approved case on a date not before its approval day in Tokyo', () => {
    // 2025-03-31T15:30Z is 1 April 2025, 00:30 in Tokyo.
    const desk = approvedAt('2025-03-31T15:30:00.000Z');
    expect(desk.refuse(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-03-31' })).toMatchObject({ code: 'validation', field: 'enforcedOn' });
    expect(desk.refuse(U.somuKacho, { action: 'enforce', enforcedOn: '2025-04-01' }).code).toBe('not_entitled');
    desk.act(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-04-01' });
    expect(desk.case).toMatchObject({ state: 'enforced', enforcedOn: '2025-04-01' });
    expect(desk.refuse(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-05-01' }).code).toBe('wrong_state');
  });

  it('a later date is fine; the same Tokyo day is fine', () => {
    const desk = approvedAt('2025-06-10T14:59:00.000Z'); // 23:59 on 10 June in Tokyo
    desk.act(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-06-10' });
    expect(desk.case.enforcedOn).toBe('2025-06-10');
  });

  it.each(['2025/07/01', '2025-7-1', '', 'tomorrow', '2025-13-01', '2026-02-30', '2025-06-31', '2025-09-31'])('refuses the date %j', (enforcedOn) => {
    const desk = approvedAt('2025-06-10T00:00:00.000Z');
    expect(desk.refuse(U.jinjiShuji, { action: 'enforce', enforcedOn })).toMatchObject({ code: 'validation', field: 'enforcedOn' });
  });

  it('only an approved case is enforced', () => {
    const desk = serialDesk();
    expect(desk.refuse(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-07-01' }).code).toBe('wrong_state');
    desk.submit();
    expect(desk.refuse(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-07-01' }).code).toBe('wrong_state');
  });
});

describe('stale version and final states', () => {
  it('a command on an older (or newer) version is refused before anything else, and changes nothing', () => {
    const desk = serialDesk();
    desk.submit();
    expect(desk.refuse(U.jinjiKakaricho, { action: 'approve' }, 1)).toMatchObject({ code: 'stale_version', field: 'version' });
    expect(desk.refuse(U.jinjiKakaricho, { action: 'approve' }, 3).code).toBe('stale_version');
    // Even a command that would be refused for another reason says "stale" first.
    expect(desk.refuse(U.kensetsuBucho, { action: 'reject' }, 1).code).toBe('stale_version');
    expect(desk.case.version).toBe(2);
  });

  it('two approvers deciding on the same version: the second is stale', () => {
    const t = template([parallel('gougi', 'all', step('zaisei', 'consult', dept(D.zaisei)), step('kensetsu', 'consult', dept(D.kensetsuKa))), single(step('kacho', 'final', chain(P.kacho)))]);
    const desk = new Desk({ template: t, org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    const seen = desk.case;
    const first = decide(seen, { action: 'agree', version: seen.version }, desk.ctx(U.zaiseiKacho));
    expect(first.ok).toBe(true);
    desk.act(U.zaiseiKacho, { action: 'agree' });
    expect(desk.refuse(U.kensetsuKacho, { action: 'agree' }, seen.version).code).toBe('stale_version');
  });

  it('an approved case changes no more, except 施行 and 後閲; an enforced one only takes 後閲', () => {
    const desk = serialDesk();
    desk.deputies = [[U.somuKacho, U.somuBucho]];
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    desk.act(U.somuKacho, { action: 'approve' });
    desk.act(U.zaiseiKacho, { action: 'agree' });
    desk.act(U.somuKacho, { action: 'final_approve', onBehalfOfUserId: U.somuBucho, reason: '出張中' });
    const everything: [number, Cmd][] = [
      [U.somuBucho, { action: 'final_approve' }],
      [U.somuKacho, { action: 'recall' }],
      [U.jinjiShuji, { action: 'recall' }],
      [U.somuBucho, { action: 'send_back', comment: 'x' }],
      [U.somuBucho, { action: 'reject', comment: 'x' }],
      [U.jinjiShuji, { action: 'withdraw' }],
      [U.jinjiShuji, { action: 'resubmit', route: desk.route() }],
      [U.jinjiShuji, { action: 'submit', number: 'x', fiscalYear: 2025, route: desk.route() }],
      [U.jinjiShuji, { action: 'edit', content: { title: 'x', amount: null, body: '', consultDepartmentIds: [] }, route: desk.route() }],
      [U.jinjiShuji, { action: 'comment', comment: 'x' }],
    ];
    for (const [actor, cmd] of everything) expect(desk.refuse(actor, cmd).code, cmd.action).toBe('wrong_state');
    desk.act(U.somuBucho, { action: 'review', comment: '了' });
    desk.act(U.jinjiShuji, { action: 'enforce', enforcedOn: '2025-07-01' });
    for (const [actor, cmd] of everything) expect(desk.refuse(actor, cmd).code, cmd.action).toBe('wrong_state');
    expect(desk.case.state).toBe('enforced');
  });

  it('decide never changes the case it is given', () => {
    const desk = serialDesk();
    desk.submit();
    const before: Case = structuredClone(desk.case);
    decide(desk.case, { action: 'approve', version: desk.case.version }, desk.ctx(U.jinjiKakaricho));
    expect(desk.case).toEqual(before);
  });
});
