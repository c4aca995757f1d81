import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, type Client } from '../../helpers/test-app.js';
import { draft, openTown, refused, submitted, unchanged, type Res } from '../approvals/harness.js';

// 関連文書: links between two cases, stored once and listed from both sides. Whoever may see both cases
// links or unlinks them; a case the caller may not see answers like one that does not exist and is only
// counted (hiddenCount) in a list.

let t: Awaited<ReturnType<typeof openTown>>;
let a: CaseView;
let b: CaseView;
let hidden: CaseView;

beforeAll(async () => {
  t = await openTown();
  const clerk = await t.as('clerk');
  a = await submitted(clerk, { typeId: t.town.types.notice.id, title: '道路補修の照会への回答' });
  b = await submitted(clerk, { typeId: t.town.types.notice.id, title: '道路補修工事の見積依頼' });
  // Drafted in 財政課: the clerk (人事係) may not see it, the admin may.
  hidden = await draft(await t.as('outsider'), { typeId: t.town.types.notice.id, title: '財政課の内部検討' });
});
afterAll(async () => t.close());

const related = (c: Client, id: number): Promise<Res> => c.inject({ method: 'GET', url: `/api/cases/${id}/related` });
const link = (c: Client, id: number, payload: Record<string, unknown>): Promise<Res> => c.inject({ method: 'POST', url: `/api/cases/${id}/related`, payload });
const unlink = (c: Client, id: number, other: number): Promise<Res> => c.inject({ method: 'DELETE', url: `/api/cases/${id}/related/${other}` });
const listOf = async (c: Client, id: number) => bodyOf(api.listRelated, await related(c, id));
const auditOf = (action: string) => t.db.prepare('SELECT case_id, actor_id, data FROM audit_log WHERE action = ? ORDER BY id').all(action);

describe('linking two cases', () => {
  it('links by id, shows the link from both sides, stores it once and audits it on both cases', async () => {
    const clerk = await t.as('clerk');
    const list = bodyOf(api.addRelated, await link(clerk, b.id, { caseId: a.id, note: '前回の照会' }));
    expect(list).toMatchObject({ hiddenCount: 0, items: [{ caseId: a.id, number: a.number, title: a.title, state: 'in_progress', type: { name: '通知・照会への回答' }, note: '前回の照会', linkedBy: { login: 'clerk' }, disposed: false }] });
    expect((await listOf(clerk, a.id)).items.map((i) => [i.caseId, i.note])).toEqual([[b.id, '前回の照会']]);
    expect(t.db.prepare('SELECT case_a, case_b FROM case_links').all()).toEqual([{ case_a: a.id, case_b: b.id }]);
    expect(auditOf('case.link.add')).toEqual([
      { case_id: b.id, actor_id: t.town.users.clerk.id, data: JSON.stringify({ note: '前回の照会', otherCaseId: a.id }) },
      { case_id: a.id, actor_id: t.town.users.clerk.id, data: JSON.stringify({ note: '前回の照会', otherCaseId: b.id }) },
    ]);
    // Someone on the route (the 係長) sees the link too.
    expect((await listOf(await t.as('kakaricho'), a.id)).items.map((i) => i.caseId)).toEqual([b.id]);
  });

  it('links by document number, typed with full-width digits', async () => {
    const clerk = await t.as('clerk');
    const c = await submitted(clerk, { typeId: t.town.types.notice.id, title: '番号で関連付け' });
    const typed = ` ${(a.number ?? '').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} `;
    expect(typed).not.toContain(a.number ?? '');
    const list = bodyOf(api.addRelated, await link(clerk, c.id, { number: typed }));
    expect(list.items.map((i) => i.caseId)).toEqual([a.id]);
    expect((await listOf(clerk, a.id)).items.map((i) => i.caseId)).toEqual([b.id, c.id]);
  });

  it('refuses a link to itself, a second link of the same pair (either way), and an empty request, changing nothing', async () => {
    const clerk = await t.as('clerk');
    await unchanged(t.db, async () => {
      expect(refused(await link(clerk, a.id, { caseId: a.id }), 400, 'validation').field).toBe('body.caseId');
      expect(refused(await link(clerk, a.id, { number: a.number }), 400, 'validation').field).toBe('body.number');
      expect(refused(await link(clerk, a.id, { caseId: b.id }), 409, 'duplicate').field).toBe('body.caseId');
      expect(refused(await link(clerk, b.id, { caseId: a.id }), 409, 'duplicate').field).toBe('body.caseId');
      expect(refused(await link(clerk, a.id, {}), 400, 'validation').field).toBe('body.caseId');
      expect(refused(await link(clerk, a.id, { caseId: b.id, note: 'x'.repeat(201) }), 400, 'validation').field).toBe('body.note');
      expect(refused(await link(clerk, a.id, { number: '存在しない第9号' }), 404, 'not_found').field).toBe('body.number');
    });
  });
});

describe('cases the caller may not see', () => {
  it('answers a hidden case exactly like a missing one, and links nothing', async () => {
    const clerk = await t.as('clerk');
    await unchanged(t.db, async () => {
      const toHidden = refused(await link(clerk, a.id, { caseId: hidden.id }), 404, 'not_found');
      const toMissing = refused(await link(clerk, a.id, { caseId: 99_999 }), 404, 'not_found');
      expect(toHidden).toEqual(toMissing);
      expect((await related(clerk, hidden.id)).json()).toEqual((await related(clerk, 99_999)).json());
      refused(await link(clerk, hidden.id, { caseId: a.id }), 404, 'not_found');
      // An outsider may not link the clerk's cases to anything, not even to their own.
      refused(await link(await t.as('outsider'), hidden.id, { caseId: a.id }), 404, 'not_found');
      refused(await link(await t.as('outsider'), a.id, { caseId: b.id }), 404, 'not_found');
    });
  });

  it('lists a link to a hidden case only as a count, on both sides, and refuses to remove it', async () => {
    const admin = await t.as('admin');
    bodyOf(api.addRelated, await link(admin, a.id, { caseId: hidden.id, note: '内部検討' }));
    expect((await listOf(admin, a.id)).items.map((i) => i.caseId)).toContain(hidden.id);

    const clerk = await t.as('clerk');
    const seen = await listOf(clerk, a.id);
    expect(seen.items.map((i) => i.caseId)).not.toContain(hidden.id);
    expect(seen.hiddenCount).toBe(1);
    expect(JSON.stringify(seen)).not.toContain('内部検討');
    await unchanged(t.db, async () => {
      expect(refused(await unlink(clerk, a.id, hidden.id), 404, 'not_found').field).toBe('params.otherId');
    });

    const outsider = await t.as('outsider');
    expect(await listOf(outsider, hidden.id)).toEqual({ items: [], hiddenCount: 1 });
    // The lookup never offers it either.
    const found = bodyOf(api.lookupCases, await clerk.inject({ method: 'GET', url: `/api/cases/lookup?q=${encodeURIComponent('財政課の内部')}` }));
    expect(found.items).toEqual([]);
  });
});

describe('removing a link', () => {
  it('removes it from both sides with an audit row on each, then answers 404', async () => {
    const clerk = await t.as('clerk');
    const list = bodyOf(api.removeRelated, await unlink(clerk, a.id, b.id));
    expect(list.items.map((i) => i.caseId)).not.toContain(b.id);
    expect((await listOf(clerk, b.id)).items).toEqual([]);
    expect(auditOf('case.link.remove').map((r) => (r as { case_id: number }).case_id)).toEqual([a.id, b.id]);
    await unchanged(t.db, async () => {
      refused(await unlink(clerk, a.id, b.id), 404, 'not_found');
    });
  });
});

describe('GET /api/cases/lookup', () => {
  it('finds visible cases by part of the title or number, leaving out the case being edited', async () => {
    const clerk = await t.as('clerk');
    const byTitle = bodyOf(api.lookupCases, await clerk.inject({ method: 'GET', url: `/api/cases/lookup?q=${encodeURIComponent('道路補修')}&exclude=${a.id}` }));
    expect(byTitle.items.map((i) => i.caseId)).toEqual([b.id]);
    const byNumber = bodyOf(api.lookupCases, await clerk.inject({ method: 'GET', url: `/api/cases/lookup?q=${encodeURIComponent(a.number ?? '')}` }));
    expect(byNumber.items.map((i) => i.caseId)).toEqual([a.id]);
    refused(await clerk.inject({ method: 'GET', url: '/api/cases/lookup?q=' }), 400, 'validation');
  });
});
