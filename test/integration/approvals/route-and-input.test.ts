import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, RoutePreview } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, type Client } from '../../helpers/test-app.js';
import { act, acted, draft, openTown, refused, step, submitted, unchanged, type Res } from './harness.js';

// The route a case would take (専決 bands, added 合議) before it is drafted, and bad input refused with a
// clear code while the database stays exactly as it was.

let t: Awaited<ReturnType<typeof openTown>>;
beforeAll(async () => {
  t = await openTown();
});
afterAll(async () => t.close());

const preview = (c: Client, payload: Record<string, unknown>): Promise<Res> => c.inject({ method: 'POST', url: '/api/cases/route-preview', payload });
const shape = (r: RoutePreview | CaseView['route']) => r.stages.map((s) => s.steps.map((x) => `${x.key}:${x.kind}:${x.assignee.login}`));

describe('POST /api/cases/route-preview', () => {
  it('picks the deciding step by 専決 band and cuts the route after it', async () => {
    const clerk = await t.as('clerk');
    const spending = t.town.types.spending.id;
    const at = async (amount: number) => bodyOf(api.previewRoute, await preview(clerk, { typeId: spending, amount }));

    const under = await at(499_999);
    expect(under.finalRule).toEqual({ label: '課長専決', stepKey: 'kacho', below: 500_000, escalatedFrom: null });
    expect(shape(under)).toEqual([['kakaricho:approve:kakaricho'], ['hosa:approve:hosa'], ['kacho:final:kacho']]);
    expect(under.omitted).toEqual(['zaisei', 'bucho', 'fuku', 'chocho'].map((key) => ({ key, reason: 'after_final' })));

    const edge = await at(500_000);
    expect(edge.finalRule).toMatchObject({ label: '部長専決', stepKey: 'bucho', below: 5_000_000 });
    expect(shape(edge)).toEqual([['kakaricho:approve:kakaricho'], ['hosa:approve:hosa'], ['kacho:approve:kacho'], ['zaisei:consult:zaisei'], ['bucho:final:bucho']]);
    // Names and posts, to show the drafter before submitting.
    expect(edge.stages[3]?.steps[0]).toMatchObject({ assignee: { name: '財政 九郎' }, position: '財政課 課長', department: { name: '財政課' }, status: 'waiting' });

    const mid = await at(3_200_000);
    expect(mid.finalRule?.label).toBe('部長専決');
    expect(shape(mid)).toEqual(shape(edge));

    const vice = await at(9_999_999);
    expect(vice.finalRule).toMatchObject({ label: '副町長決裁', stepKey: 'fuku' });
    expect(shape(vice).at(-1)).toEqual(['fuku:final:fuku']);

    const top = await at(12_000_000);
    expect(top.finalRule).toMatchObject({ label: '町長決裁', stepKey: 'chocho', below: null });
    expect(shape(top).slice(-3)).toEqual([['bucho:approve:bucho'], ['fuku:approve:fuku'], ['chocho:final:chocho']]);
    expect(top.omitted).toEqual([]);
  });

  it('is relative to who drafts: at a 支所 with no 係長 or 課長補佐 the posts are left out as vacant', async () => {
    const kita = bodyOf(api.previewRoute, await preview(await t.as('kitaclerk'), { typeId: t.town.types.spending.id, amount: 499_999 }));
    expect(shape(kita)).toEqual([['kacho:final:kita']]);
    expect(kita.omitted).toEqual(expect.arrayContaining([{ key: 'kakaricho', reason: 'vacant' }, { key: 'hosa', reason: 'vacant' }]));
  });

  it('puts added 合議 departments in a parallel stage before the deciding step; the draft gets the same route', async () => {
    const clerk = await t.as('clerk');
    const { kita } = t.town.departments;
    const body = { typeId: t.town.types.spending.id, amount: 3_200_000, consultDepartmentIds: [kita.id] };
    const p = bodyOf(api.previewRoute, await preview(clerk, body));
    expect(p.stages.map((s) => s.key)).toEqual(['kakaricho', 'hosa', 'kacho', 'zaisei', 'added-consult', 'bucho']);
    expect(p.stages[4]).toMatchObject({ mode: 'all', steps: [{ kind: 'consult', assignee: { login: 'kita' }, department: { id: kita.id } }] });

    const created = await draft(clerk, { ...body, title: '公用車購入（支所合議）' });
    expect(shape(created.route)).toEqual(shape(p));
    expect(created.consultDepartments).toEqual([{ id: kita.id, name: kita.name }]);

    // The 支所's 課長 agrees like any 合議, and the case goes on to the 部長.
    // A draft is submitted, not resubmitted.
    refused(await act(clerk, created.id, { action: 'resubmit', version: created.version }), 409, 'wrong_state');
    let c = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${created.id}/submit`, payload: { version: created.version } }));
    for (const login of ['kakaricho', 'hosa', 'kacho']) c = await acted(await t.as(login), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('zaisei'), c.id, { action: 'agree', version: c.version });
    c = await acted(await t.as('kita'), c.id, { action: 'agree', version: c.version });
    expect(step(c, 'bucho').status).toBe('pending');
  });

  it('refuses 合議 where the type does not allow it, unknown departments and departments without the post; changes nothing', async () => {
    const clerk = await t.as('clerk');
    const { departments } = t.town;
    await unchanged(t.db, async () => {
      const notAllowed = refused(await preview(clerk, { typeId: t.town.types.notice.id, consultDepartmentIds: [departments.kita.id] }), 400, 'validation');
      expect(notAllowed.field).toBe('body.consultDepartmentIds');
      const unknown = refused(await preview(clerk, { typeId: t.town.types.spending.id, amount: 1, consultDepartmentIds: [9999] }), 400, 'unknown_reference');
      expect(unknown.field).toBe('body.consultDepartmentIds.0');
      // 総務部 has no 課長 to answer.
      refused(await preview(clerk, { typeId: t.town.types.spending.id, amount: 1, consultDepartmentIds: [departments.somuBu.id] }), 422, 'route_unresolvable');
      const unknownType = refused(await preview(clerk, { typeId: 9999, amount: 1 }), 400, 'unknown_reference');
      expect(unknownType.field).toBe('body.typeId');
      const noAmount = refused(await preview(clerk, { typeId: t.town.types.spending.id }), 400, 'validation');
      expect(noAmount.field).toBe('body.amount');
    });
  });
});

describe('bad input changes nothing', () => {
  it('an unknown document type: 400 unknown_reference', async () => {
    const clerk = await t.as('clerk');
    await unchanged(t.db, async () => {
      const err = refused(await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId: 9999, title: '件名' } }), 400, 'unknown_reference');
      expect(err.field).toBe('body.typeId');
    });
  });

  it('a negative, fractional or missing amount: 400 validation naming body.amount', async () => {
    const clerk = await t.as('clerk');
    const typeId = t.town.types.spending.id;
    await unchanged(t.db, async () => {
      for (const amount of [-1, 1.5, undefined]) {
        const err = refused(await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId, title: '件名', amount } }), 400, 'validation');
        expect(err.field).toBe('body.amount');
      }
      refused(await preview(clerk, { typeId, amount: -500 }), 400, 'validation');
      refused(await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId, title: '  ', amount: 1 } }), 400, 'validation');
    });
    const d = await draft(clerk, { typeId, amount: 1000 });
    await unchanged(t.db, async () => {
      const err = refused(await clerk.inject({ method: 'PATCH', url: `/api/cases/${d.id}`, payload: { version: d.version, amount: -1 } }), 400, 'validation');
      expect(err.field).toBe('body.amount');
    });
  });

  it('acting out of turn: 403 not_your_turn', async () => {
    const c = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id });
    const kacho = await t.as('kacho');
    await unchanged(t.db, async () => {
      refused(await act(kacho, c.id, { action: 'final_approve', version: c.version }), 403, 'not_your_turn');
      refused(await act(kacho, c.id, { action: 'send_back', version: c.version, comment: '早すぎる' }), 403, 'not_your_turn');
    });
  });

  it('a stale version: 409 stale_version with the case as it is now (actions, edits and submits)', async () => {
    const clerk = await t.as('clerk');
    const d0 = await draft(clerk, { typeId: t.town.types.notice.id, title: '一版' });
    const d1 = bodyOf(api.updateCase, await clerk.inject({ method: 'PATCH', url: `/api/cases/${d0.id}`, payload: { version: d0.version, title: '二版' } }));
    await unchanged(t.db, async () => {
      const edit = refused(await clerk.inject({ method: 'PATCH', url: `/api/cases/${d0.id}`, payload: { version: d0.version, title: '三版' } }), 409, 'stale_version');
      expect(edit.current).toMatchObject({ id: d0.id, version: d1.version, title: '二版' });
      const sub = refused(await clerk.inject({ method: 'POST', url: `/api/cases/${d0.id}/submit`, payload: { version: d0.version } }), 409, 'stale_version');
      expect(sub.current).toMatchObject({ version: d1.version, state: 'draft', number: null });
    });
    const s = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${d0.id}/submit`, payload: { version: d1.version } }));
    const kakaricho = await t.as('kakaricho');
    await unchanged(t.db, async () => {
      const err = refused(await act(kakaricho, s.id, { action: 'approve', version: d1.version }), 409, 'stale_version');
      expect(err.current).toMatchObject({ id: s.id, version: s.version, state: 'in_progress', number: s.number });
    });
  });

  it('a send-back without a comment: 400 comment_required', async () => {
    const c = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id });
    const kakaricho = await t.as('kakaricho');
    await unchanged(t.db, async () => {
      const err = refused(await act(kakaricho, c.id, { action: 'send_back', version: c.version }), 400, 'comment_required');
      expect(err.field).toBe('body.comment');
      expect(err.message).not.toBe('');
    });
  });

  it('a state-changing request without the CSRF token: 403, nothing changed', async () => {
    const clerk = await t.as('clerk');
    await unchanged(t.db, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk.cookie }, payload: { typeId: t.town.types.notice.id, title: '件名' } });
      expect(res.statusCode).toBe(403);
    });
  });
});
