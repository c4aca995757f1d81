import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import type { CaseView } from '../../../shared/api/approvals.js';
import { approvalApp } from '../../helpers/approval-town.js';
import { bodyOf, dbSnapshot, errorOf, removeTempDir, type Client } from '../../helpers/test-app.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup() {
  const t = await approvalApp();
  cleanup = async () => {
    await t.app.close();
    removeTempDir(t.dataDir);
  };
  return t;
}

const act = async (c: Client, id: number, payload: Record<string, unknown>) => c.inject({ method: 'POST', url: `/api/cases/${id}/actions`, payload });
const caseOf = (res: Awaited<ReturnType<Client['inject']>>): CaseView => bodyOf(api.getCase, res);

describe('a spending case from draft to enforcement over HTTP', () => {
  it('resolves the 部長専決 route, numbers it on submit, and walks every step to 施行', async () => {
    const t = await setup();
    const clerk = await t.as('clerk');
    const created = bodyOf(
      api.createCase,
      await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId: t.town.types.spending.id, title: '公用車購入', amount: 3_200_000, body: '老朽化のため' } }),
    );
    expect(created.state).toBe('draft');
    expect(created.number).toBeNull();
    expect(created.route.finalRule?.label).toBe('部長専決');
    const steps = created.route.stages.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.key, s.kind, s.assignee.login])).toEqual([
      ['kakaricho', 'approve', 'kakaricho'],
      ['hosa', 'approve', 'hosa'],
      ['kacho', 'approve', 'kacho'],
      ['zaisei', 'consult', 'zaisei'],
      ['bucho', 'final', 'bucho'],
    ]);

    const submitted = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${created.id}/submit`, payload: { version: created.version } }));
    expect(submitted.state).toBe('in_progress');
    expect(submitted.number).toBe('総務課第1号');

    const kakaricho = await t.as('kakaricho');
    const inbox = bodyOf(api.inbox, await kakaricho.inject({ method: 'GET', url: '/api/inbox' }));
    expect(inbox.items.map((i) => i.caseId)).toEqual([created.id]);

    let c = caseOf(await act(kakaricho, created.id, { action: 'approve', version: submitted.version }));
    c = caseOf(await act(await t.as('hosa'), created.id, { action: 'approve', version: c.version }));
    c = caseOf(await act(await t.as('kacho'), created.id, { action: 'approve', version: c.version }));
    const wrong = await act(await t.as('zaisei'), created.id, { action: 'approve', version: c.version });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).code).toBe('wrong_action');
    c = caseOf(await act(await t.as('zaisei'), created.id, { action: 'agree', version: c.version, comment: '予算確認済' }));
    c = caseOf(await act(await t.as('bucho'), created.id, { action: 'final_approve', version: c.version }));
    expect(c.state).toBe('approved');
    expect(c.disposalOn).toBe('2032-03-31'); // decided in FY2026, kept 5 years: to the end of FY2031

    c = caseOf(await act(clerk, created.id, { action: 'enforce', version: c.version, enforcedOn: '2026-04-10' }));
    expect(c.state).toBe('enforced');
    expect(c.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'approve', 'approve', 'approve', 'agree', 'final_approve', 'enforce']);

    const verify = bodyOf(api.auditVerify, await (await t.as('admin')).inject({ method: 'GET', url: '/api/audit/verify' }));
    expect(verify).toEqual({ ok: true, rows: 8, brokenId: null, reason: null, cases: 1, brokenCaseId: null });
  });

  it('refuses a stale version with 409 and the current case, changing nothing', async () => {
    const t = await setup();
    const clerk = await t.as('clerk');
    const created = bodyOf(api.createCase, await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId: t.town.types.notice.id, title: '照会回答' } }));
    const submitted = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${created.id}/submit`, payload: { version: created.version } }));
    const kakaricho = await t.as('kakaricho');
    const before = dbSnapshot(t.db);
    const res = await act(kakaricho, created.id, { action: 'approve', version: created.version });
    expect(res.statusCode).toBe(409);
    const err = errorOf(res);
    expect(err.code).toBe('stale_version');
    expect((err.current as { version: number }).version).toBe(submitted.version);
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('hides a case from someone not on it (404) and lists it for those who are', async () => {
    const t = await setup();
    const clerk = await t.as('clerk');
    const created = bodyOf(api.createCase, await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId: t.town.types.notice.id, title: '照会回答' } }));
    const outsider = await t.as('outsider');
    expect((await outsider.inject({ method: 'GET', url: `/api/cases/${created.id}` })).statusCode).toBe(404);
    expect(bodyOf(api.listCases, await outsider.inject({ method: 'GET', url: '/api/cases' })).total).toBe(0);
    expect(bodyOf(api.listCases, await clerk.inject({ method: 'GET', url: '/api/cases' })).total).toBe(1);
    expect((await (await t.as('kacho')).inject({ method: 'GET', url: `/api/cases/${created.id}` })).statusCode).toBe(200);
  });

  it('keeps a running case on the template version it was drafted under when the type gets a new one', async () => {
    const t = await setup();
    const clerk = await t.as('clerk');
    const admin = await t.as('admin');
    const typeId = t.town.types.notice.id;
    const running = bodyOf(api.createCase, await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId, title: '旧様式の回答' } }));
    const submitted = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${running.id}/submit`, payload: { version: running.version } }));
    const before = submitted.route.stages.flatMap((s) => s.steps.map((x) => x.assignee.login));
    expect(before).toEqual(['kakaricho', 'kacho']);
    const drafted = bodyOf(api.createCase, await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId, title: '起案中の回答' } }));

    // Version 2: the 課長補佐 now looks at every answer before the 課長 decides.
    const current = bodyOf(api.listDocumentTypes, await admin.inject({ method: 'GET', url: '/api/document-types' })).items.find((d) => d.id === typeId);
    if (!current) throw new Error('no type');
    const hosaStage = { key: 'hosa', mode: 'all', steps: [{ key: 'hosa', kind: 'approve', assignee: { kind: 'chain', positionId: t.town.positions.hosa.id }, optional: false }] };
    const template = { ...current.template, stages: [current.template.stages[0], hosaStage, current.template.stages[1]] };
    const updated = bodyOf(api.updateDocumentType, await admin.inject({ method: 'PATCH', url: `/api/document-types/${typeId}`, payload: { template } }));
    expect(updated.templateVersion).toBe(2);

    // The running case goes on by version 1 to its end …
    let c = caseOf(await act(await t.as('kakaricho'), running.id, { action: 'approve', version: submitted.version }));
    expect(c.route.stages.flatMap((s) => s.steps.map((x) => x.assignee.login))).toEqual(before);
    c = caseOf(await act(await t.as('kacho'), running.id, { action: 'final_approve', version: c.version }));
    expect(c.state).toBe('approved');
    // A draft started before the change is submitted (its route resolved again) under its own version 1 …
    const late = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${drafted.id}/submit`, payload: { version: drafted.version } }));
    expect(late.route.stages.flatMap((s) => s.steps.map((x) => x.assignee.login))).toEqual(before);
    // … and a case drafted now takes version 2.
    const fresh = bodyOf(api.createCase, await clerk.inject({ method: 'POST', url: '/api/cases', payload: { typeId, title: '新様式の回答' } }));
    expect(fresh.route.stages.flatMap((s) => s.steps.map((x) => x.assignee.login))).toEqual(['kakaricho', 'hosa', 'kacho']);
  });
});
