import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf } from '../../helpers/test-app.js';
import { act, acted, caseOf, draft, getCase, openTown, refused, step, steps, submitted, unchanged } from './harness.js';

// Every action of POST /api/cases/:id/actions over HTTP: what it does, and each refusal with its code.
// One town for the file; every test drafts its own cases.

let t: Awaited<ReturnType<typeof openTown>>;
beforeAll(async () => {
  t = await openTown();
});
afterAll(async () => t.close());

/** 通知・照会への回答: clerk → 係長 (approve) → 課長 (final). */
const notice = async () => submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '照会回答' });
/** 支出負担行為 under ¥500,000 (課長専決): 係長 → 課長補佐 → 課長 (final). */
const small = async () => submitted(await t.as('clerk'), { typeId: t.town.types.spending.id, title: '消耗品購入', amount: 120_000 });
/** 支出負担行為 of ¥3,200,000 (部長専決): 係長 → 課長補佐 → 課長 → 財政課長 (合議) → 部長 (final). */
const large = async () => submitted(await t.as('clerk'), { typeId: t.town.types.spending.id, title: '公用車購入', amount: 3_200_000 });

describe('approve and final_approve', () => {
  it('walk a case to 決裁済, refusing the wrong person, the wrong action and a decided case', async () => {
    const c0 = await notice();
    const [kakaricho, kacho] = [await t.as('kakaricho'), await t.as('kacho')];
    expect(steps(c0).map((s) => [s.key, s.kind, s.status])).toEqual([
      ['kakaricho', 'approve', 'pending'],
      ['kacho', 'final', 'waiting'],
    ]);

    refused(await act(kacho, c0.id, { action: 'final_approve', version: c0.version }), 403, 'not_your_turn');
    refused(await act(kakaricho, c0.id, { action: 'final_approve', version: c0.version }), 400, 'wrong_action');

    const c1 = await acted(kakaricho, c0.id, { action: 'approve', version: c0.version, comment: '確認しました' });
    expect(c1.version).toBe(c0.version + 1);
    expect(step(c1, 'kakaricho')).toMatchObject({ status: 'approved', actedBy: { login: 'kakaricho' }, actedVia: 'self', comment: '確認しました' });
    expect(step(c1, 'kacho').status).toBe('pending');
    expect(c1.state).toBe('in_progress');

    refused(await act(kacho, c0.id, { action: 'approve', version: c1.version }), 400, 'wrong_action');
    const c2 = await acted(kacho, c0.id, { action: 'final_approve', version: c1.version });
    expect(c2.state).toBe('approved');
    expect(c2.approvedAt).not.toBeNull();
    expect(step(c2, 'kacho')).toMatchObject({ status: 'final_approved', actedBy: { login: 'kacho' } });
    expect(c2.disposalOn).toBe('2028-03-31'); // 1-year retention, decided in FY2026

    // A decided case no longer changes.
    refused(await act(kacho, c0.id, { action: 'final_approve', version: c2.version }), 409, 'wrong_state');
    refused(await act(kacho, c0.id, { action: 'reject', version: c2.version, comment: '取消' }), 409, 'wrong_state');
    refused(await act(await t.as('clerk'), c0.id, { action: 'withdraw', version: c2.version }), 409, 'wrong_state');
    refused(await act(await t.as('clerk'), c0.id, { action: 'comment', version: c2.version, comment: '追記' }), 409, 'wrong_state');
  });

  it('refuses an unknown action name and a missing version as validation errors', async () => {
    const c = await notice();
    const kakaricho = await t.as('kakaricho');
    await unchanged(t.db, async () => {
      const bad = refused(await act(kakaricho, c.id, { action: 'bless', version: c.version }), 400, 'validation');
      expect(bad.field).toBe('body.action');
      const none = refused(await act(kakaricho, c.id, { action: 'approve' }), 400, 'validation');
      expect(none.field).toBe('body.version');
    });
  });
});

describe('agree and disagree (合議)', () => {
  it('records agreement or disagreement; a disagreement needs a comment and does not stop the route', async () => {
    let c = await large();
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('hosa'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'approve', version: c.version });
    const zaisei = await t.as('zaisei');
    expect(step(c, 'zaisei')).toMatchObject({ kind: 'consult', status: 'pending' });

    refused(await act(zaisei, c.id, { action: 'approve', version: c.version }), 400, 'wrong_action');
    await unchanged(t.db, async () => {
      const noComment = refused(await act(zaisei, c.id, { action: 'disagree', version: c.version }), 400, 'comment_required');
      expect(noComment.field).toBe('body.comment');
      refused(await act(zaisei, c.id, { action: 'disagree', version: c.version, comment: '   ' }), 400, 'comment_required');
    });
    c = await acted(zaisei, c.id, { action: 'disagree', version: c.version, comment: '予算残額が不足' });
    expect(step(c, 'zaisei')).toMatchObject({ status: 'disagreed', comment: '予算残額が不足' });
    expect(step(c, 'bucho').status).toBe('pending');
    expect(c.timeline.at(-1)).toMatchObject({ action: 'disagree', comment: '予算残額が不足', actor: { login: 'zaisei' } });

    // The other answer, on a second case.
    let d = await large();
    d = await acted(await t.as('kakaricho'), d.id, { action: 'approve', version: d.version });
    d = await acted(await t.as('hosa'), d.id, { action: 'approve', version: d.version });
    d = await acted(await t.as('kacho'), d.id, { action: 'approve', version: d.version });
    d = await acted(zaisei, d.id, { action: 'agree', version: d.version });
    expect(step(d, 'zaisei').status).toBe('agreed');
    expect(step(d, 'bucho').status).toBe('pending');
  });
});

describe('acknowledge (供覧)', () => {
  it('a document type made over HTTP with a 供覧 step: the route waits for the acknowledgement when the template says so', async () => {
    const admin = await t.as('admin');
    const { positions, departments } = t.town;
    const template = {
      stages: [
        { key: 'kakaricho', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: positions.kakaricho.id }, optional: true }] },
        {
          key: 'kyoran',
          steps: [
            { key: 'zaisei-kyoran', kind: 'inform', blocking: true, assignee: { kind: 'department', departmentId: departments.zaisei.id, positionId: positions.kacho.id } },
            { key: 'kita-kyoran', kind: 'inform', assignee: { kind: 'department', departmentId: departments.kita.id, positionId: positions.kacho.id } },
          ],
        },
        { key: 'kacho', steps: [{ key: 'kacho', kind: 'final', assignee: { kind: 'chain', positionId: positions.kacho.id } }] },
      ],
    };
    const input = { code: 'KOHO', name: '広報掲載', retention: '3', template };
    refused(await (await t.as('clerk')).inject({ method: 'POST', url: '/api/document-types', payload: input }), 403, 'forbidden');
    const type = bodyOf(api.createDocumentType, await admin.inject({ method: 'POST', url: '/api/document-types', payload: input }));
    expect(type.templateVersion).toBe(1);

    let c = await submitted(await t.as('clerk'), { typeId: type.id, title: '広報誌5月号' });
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    expect(step(c, 'zaisei-kyoran')).toMatchObject({ kind: 'inform', blocking: true, status: 'pending' });
    expect(step(c, 'kita-kyoran')).toMatchObject({ kind: 'inform', blocking: false, status: 'pending' });
    // The blocking 供覧 holds the route: the 課長 is not yet asked.
    expect(step(c, 'kacho').status).toBe('waiting');
    refused(await act(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version }), 403, 'not_your_turn');

    const zaisei = await t.as('zaisei');
    refused(await act(zaisei, c.id, { action: 'approve', version: c.version }), 400, 'wrong_action');
    c = await acted(zaisei, c.id, { action: 'acknowledge', version: c.version });
    expect(step(c, 'zaisei-kyoran')).toMatchObject({ status: 'acknowledged', actedBy: { login: 'zaisei' } });
    expect(step(c, 'kacho').status).toBe('pending');
    // The non-blocking one may still acknowledge while the case goes on.
    c = await acted(await t.as('kita'), c.id, { action: 'acknowledge', version: c.version });
    expect(step(c, 'kita-kyoran').status).toBe('acknowledged');
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
    expect(c.state).toBe('approved');
    expect(c.retention).toBe('3');
  });
});

describe('send_back (差戻し)', () => {
  it('to the drafter needs a comment; the drafter edits while it is sent back and resubmits as revision 2', async () => {
    let c = await notice();
    const number = c.number;
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    const kacho = await t.as('kacho');
    const clerk = await t.as('clerk');

    await unchanged(t.db, async () => {
      refused(await act(kacho, c.id, { action: 'send_back', version: c.version }), 400, 'comment_required');
      refused(await act(kacho, c.id, { action: 'send_back', version: c.version, comment: '' }), 400, 'comment_required');
    });
    // Editing is for drafts and cases sent back.
    refused(await clerk.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: c.version, title: '改題' } }), 409, 'wrong_state');
    refused(await act(clerk, c.id, { action: 'resubmit', version: c.version }), 409, 'wrong_state');

    c = await acted(kacho, c.id, { action: 'send_back', version: c.version, comment: '根拠条文を追記のこと' });
    expect(c.state).toBe('sent_back');
    expect(c.returned).toMatchObject({ kind: 'send_back', fromStepId: step(c, 'kacho').id });
    expect(step(c, 'kacho')).toMatchObject({ status: 'sent_back', comment: '根拠条文を追記のこと' });
    refused(await act(kacho, c.id, { action: 'final_approve', version: c.version }), 409, 'wrong_state');

    // Only the drafter edits.
    refused(await kacho.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: c.version, title: '改題' } }), 403, 'not_entitled');
    refused(await act(kacho, c.id, { action: 'resubmit', version: c.version }), 403, 'not_entitled');
    const edited = bodyOf(api.updateCase, await clerk.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: c.version, title: '照会回答（根拠追記）', body: '第5条による' } }));
    expect(edited).toMatchObject({ state: 'sent_back', title: '照会回答（根拠追記）', body: '第5条による', version: c.version + 1, revision: 1 });
    refused(await act(clerk, c.id, { action: 'resubmit', version: c.version }), 409, 'stale_version');

    const again = await acted(clerk, c.id, { action: 'resubmit', version: edited.version });
    expect(again).toMatchObject({ state: 'in_progress', revision: 2, number, returned: null });
    // Default policy (restart): every approval of the first revision is reset.
    expect(steps(again).map((s) => [s.key, s.status])).toEqual([
      ['kakaricho', 'pending'],
      ['kacho', 'waiting'],
    ]);
    expect(again.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'approve', 'send_back', 'edit', 'resubmit']);
    expect(again.timeline.at(-1)?.revision).toBe(2);
    const done = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: again.version });
    expect(step(done, 'kakaricho').actedRevision).toBe(2);
  });

  it('to an earlier step that acted: that step is asked again and the steps after it start over; a bad target is invalid_target', async () => {
    let c = await small();
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('hosa'), c.id, { action: 'approve', version: c.version });
    const kacho = await t.as('kacho');
    const ids = Object.fromEntries(steps(c).map((s) => [s.key, s.id]));

    await unchanged(t.db, async () => {
      for (const toStepId of [ids['kacho'], 999]) {
        const err = refused(await act(kacho, c.id, { action: 'send_back', version: c.version, comment: '再確認', toStepId }), 400, 'invalid_target');
        expect(err.field).toBe('body.toStepId');
      }
      refused(await act(kacho, c.id, { action: 'send_back', version: c.version, toStepId: ids['kakaricho'] }), 400, 'comment_required');
    });

    c = await acted(kacho, c.id, { action: 'send_back', version: c.version, comment: '数量を係で再確認', toStepId: ids['kakaricho'] });
    expect(c.state).toBe('in_progress');
    expect(steps(c).map((s) => [s.key, s.status])).toEqual([
      ['kakaricho', 'pending'],
      ['hosa', 'waiting'],
      ['kacho', 'waiting'],
    ]);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'send_back', toStepId: ids['kakaricho'], comment: '数量を係で再確認' });
    // A step that has not acted yet is no target either.
    refused(await act(await t.as('kakaricho'), c.id, { action: 'send_back', version: c.version, comment: 'x', toStepId: ids['hosa'] }), 400, 'invalid_target');
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    expect(step(c, 'hosa').status).toBe('pending');
  });
});

describe('recall (引戻し)', () => {
  it('by the drafter before anyone acts; not after', async () => {
    const clerk = await t.as('clerk');
    let c = await notice();
    refused(await act(await t.as('kakaricho'), c.id, { action: 'recall', version: c.version }), 403, 'not_entitled');
    c = await acted(clerk, c.id, { action: 'recall', version: c.version });
    expect(c.state).toBe('sent_back');
    expect(c.returned).toMatchObject({ kind: 'recall', fromStepId: null });
    expect(steps(c).every((s) => s.status === 'waiting')).toBe(true);
    c = await acted(clerk, c.id, { action: 'resubmit', version: c.version });
    expect(c).toMatchObject({ state: 'in_progress', revision: 2 });

    let d = await notice();
    d = await acted(await t.as('kakaricho'), d.id, { action: 'approve', version: d.version });
    await unchanged(t.db, async () => refused(await act(clerk, d.id, { action: 'recall', version: d.version }), 409, 'wrong_state'));
  });

  it('by an approver for their own last approval while the next person has not acted; 409 once they have', async () => {
    const [kakaricho, hosa] = [await t.as('kakaricho'), await t.as('hosa')];
    let c = await small();
    c = await acted(kakaricho, c.id, { action: 'approve', version: c.version });
    refused(await act(hosa, c.id, { action: 'recall', version: c.version }), 403, 'not_entitled');
    c = await acted(kakaricho, c.id, { action: 'recall', version: c.version });
    expect(c.state).toBe('in_progress');
    expect(steps(c).map((s) => [s.key, s.status])).toEqual([
      ['kakaricho', 'pending'],
      ['hosa', 'waiting'],
      ['kacho', 'waiting'],
    ]);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'recall', stepId: step(c, 'kakaricho').id, actor: { login: 'kakaricho' } });

    c = await acted(kakaricho, c.id, { action: 'approve', version: c.version });
    c = await acted(hosa, c.id, { action: 'approve', version: c.version });
    await unchanged(t.db, async () => refused(await act(kakaricho, c.id, { action: 'recall', version: c.version }), 409, 'wrong_state'));
    // The 課長補佐 may still take theirs back: the 課長 has not acted.
    c = await acted(hosa, c.id, { action: 'recall', version: c.version });
    expect(step(c, 'hosa').status).toBe('pending');
  });
});

describe('reject (否決) and withdraw (取下げ)', () => {
  it('reject needs a comment and ends the case', async () => {
    let c = await notice();
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    const kacho = await t.as('kacho');
    await unchanged(t.db, async () => refused(await act(kacho, c.id, { action: 'reject', version: c.version }), 400, 'comment_required'));
    c = await acted(kacho, c.id, { action: 'reject', version: c.version, comment: '必要性が認められない' });
    expect(c.state).toBe('rejected');
    expect(step(c, 'kacho')).toMatchObject({ status: 'rejected', comment: '必要性が認められない' });
    refused(await act(await t.as('clerk'), c.id, { action: 'resubmit', version: c.version }), 409, 'wrong_state');
    refused(await act(await t.as('clerk'), c.id, { action: 'withdraw', version: c.version }), 409, 'wrong_state');
  });

  it('withdraw is the drafter’s, from a draft or a running case', async () => {
    const clerk = await t.as('clerk');
    const c = await notice();
    refused(await act(await t.as('kakaricho'), c.id, { action: 'withdraw', version: c.version }), 403, 'not_entitled');
    const w = await acted(clerk, c.id, { action: 'withdraw', version: c.version, comment: '照会が取り下げられた' });
    expect(w.state).toBe('withdrawn');
    expect(steps(w).every((s) => s.status !== 'pending')).toBe(true);
    expect(w.timeline.at(-1)).toMatchObject({ action: 'withdraw', comment: '照会が取り下げられた' });
    // Nothing waits in the 係長's inbox any more.
    const inbox = bodyOf(api.inbox, await (await t.as('kakaricho')).inject({ method: 'GET', url: '/api/inbox' }));
    expect(inbox.items.map((i) => i.caseId)).not.toContain(c.id);

    const d = await draft(clerk, { typeId: t.town.types.notice.id });
    expect((await acted(clerk, d.id, { action: 'withdraw', version: d.version })).state).toBe('withdrawn');
    expect(d.number).toBeNull();
  });
});

describe('enforce (施行)', () => {
  it('the drafter enforces an approved case, not before its approval day; an enforced case no longer changes', async () => {
    const clerk = await t.as('clerk');
    let c = await notice();
    refused(await act(clerk, c.id, { action: 'enforce', version: c.version, enforcedOn: '2026-04-10' }), 409, 'wrong_state');
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
    refused(await act(await t.as('kacho'), c.id, { action: 'enforce', version: c.version, enforcedOn: '2026-04-10' }), 403, 'not_entitled');
    await unchanged(t.db, async () => {
      const early = refused(await act(clerk, c.id, { action: 'enforce', version: c.version, enforcedOn: '2026-03-31' }), 400, 'validation');
      expect(early.field).toBe('body.enforcedOn');
      refused(await act(clerk, c.id, { action: 'enforce', version: c.version, enforcedOn: '2026-02-30' }), 400, 'validation');
    });
    // Without a date: today in Tokyo (the test clock says 2026-04-01).
    const e = await acted(clerk, c.id, { action: 'enforce', version: c.version });
    expect(e).toMatchObject({ state: 'enforced', enforcedOn: '2026-04-01' });
    expect(e.available).toEqual([]);
    refused(await act(clerk, c.id, { action: 'enforce', version: e.version, enforcedOn: '2026-04-02' }), 409, 'wrong_state');
    refused(await clerk.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: e.version, title: 'x' } }), 409, 'wrong_state');
  });
});

describe('代決 and review (後閲)', () => {
  it('an approver decides for an absent one with a reason; the absent one gets a 後閲 task and reviews', async () => {
    const users = t.town.users;
    let c = await large();
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('hosa'), c.id, { action: 'approve', version: c.version });
    const kacho = await t.as('kacho');
    c = await acted(kacho, c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('zaisei'), c.id, { action: 'agree', version: c.version });
    expect(step(c, 'bucho').status).toBe('pending');

    await unchanged(t.db, async () => {
      // 代決 needs the reason the approver is absent.
      const noReason = refused(await act(kacho, c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: users.bucho.id }), 400, 'reason_required');
      expect(noReason.field).toBe('body.reason');
      // Only who org-view's mayDeputize allows: a 課長 of the 部 for the 部長, not the 係長.
      refused(await act(await t.as('kakaricho'), c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: users.bucho.id, reason: '出張' }), 403, 'not_entitled');
      // Nothing waits for the 課長 themself now.
      refused(await act(kacho, c.id, { action: 'final_approve', version: c.version }), 403, 'not_your_turn');
      // Naming someone with nothing pending.
      refused(await act(kacho, c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: users.fuku.id, reason: '出張' }), 403, 'not_your_turn');
    });

    c = await acted(kacho, c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: users.bucho.id, reason: '部長出張のため' });
    expect(c.state).toBe('approved');
    expect(step(c, 'bucho')).toMatchObject({ status: 'final_approved', actedBy: { login: 'kacho' }, onBehalfOf: { login: 'bucho' }, actedVia: 'deputy' });
    expect(c.timeline.at(-1)).toMatchObject({ action: 'final_approve', via: 'deputy', reason: '部長出張のため', onBehalfOf: { login: 'bucho' } });
    expect(c.reviews).toEqual([expect.objectContaining({ user: expect.objectContaining({ login: 'bucho' }), deputy: expect.objectContaining({ login: 'kacho' }), doneAt: null })]);

    const bucho = await t.as('bucho');
    const waiting = bodyOf(api.listCases, await bucho.inject({ method: 'GET', url: '/api/cases?box=review' }));
    expect(waiting.items.map((i) => i.id)).toEqual([c.id]);
    expect(caseOf(await getCase(bucho, c.id)).available).toContain('review');
    refused(await act(kacho, c.id, { action: 'review', version: c.version }), 403, 'not_entitled');

    const r = await acted(bucho, c.id, { action: 'review', version: c.version, comment: '了' });
    expect(r.state).toBe('approved');
    expect(r.reviews[0]).toMatchObject({ comment: '了', doneAt: expect.any(String) });
    expect(r.timeline.at(-1)).toMatchObject({ action: 'review', actor: { login: 'bucho' }, stepId: step(r, 'bucho').id });
    expect(bodyOf(api.listCases, await bucho.inject({ method: 'GET', url: '/api/cases?box=review' })).items).toEqual([]);
    refused(await act(bucho, c.id, { action: 'review', version: r.version }), 403, 'not_entitled');

    // The audit row of the 代決 names whom it was done for.
    const row = t.db.prepare("SELECT actor_id, on_behalf_of, action, version, client_ip FROM audit_log WHERE case_id = ? AND action = 'case.acted' ORDER BY id DESC LIMIT 1").get(c.id);
    expect(row).toEqual({ actor_id: users.kacho.id, on_behalf_of: users.bucho.id, action: 'case.acted', version: c.version, client_ip: '127.0.0.1' });
  });
});

describe('comment', () => {
  it('the drafter and the people on the route comment on a step; others on the case may not; text is required', async () => {
    const c = await notice();
    const clerk = await t.as('clerk');
    const kakarichoStep = step(c, 'kakaricho').id;
    await unchanged(t.db, async () => {
      refused(await act(clerk, c.id, { action: 'comment', version: c.version }), 400, 'comment_required');
      refused(await act(clerk, c.id, { action: 'comment', version: c.version, comment: '補足', stepId: 99 }), 400, 'invalid_target');
      // The 部長 sees the case as a manager of the department but is not on its route.
      refused(await act(await t.as('bucho'), c.id, { action: 'comment', version: c.version, comment: '見た' }), 403, 'not_entitled');
    });
    const c1 = await acted(clerk, c.id, { action: 'comment', version: c.version, comment: '添付資料は後日', stepId: kakarichoStep });
    expect(c1.state).toBe('in_progress');
    expect(c1.version).toBe(c.version + 1);
    expect(c1.timeline.at(-1)).toMatchObject({ action: 'comment', comment: '添付資料は後日', stepId: kakarichoStep, actor: { login: 'clerk' } });
    // A comment moves the version on like any change, and does not act on the step.
    expect(step(c1, 'kakaricho').status).toBe('pending');
    const c2 = await acted(await t.as('kacho'), c.id, { action: 'comment', version: c1.version, comment: '急ぎで' });
    expect(c2.timeline.at(-1)).toMatchObject({ action: 'comment', stepId: null, actor: { login: 'kacho' } });
  });
});
