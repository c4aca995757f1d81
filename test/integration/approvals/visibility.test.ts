import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, settled, type Client } from '../../helpers/test-app.js';
import { acted, draft, filesUnder, getCase, openTown, pdfBytes, refused, submitted, unchanged, upload, type Res } from './harness.js';

// Visibility, route by route: a case is visible to its drafter, the people on its route and their
// proxies, the managers of the drafting department (rank ≥ approval.managerMinRank, in it or above it)
// and admins. Anyone else gets 404 (never 403) by id and never sees it in a list.

let t: Awaited<ReturnType<typeof openTown>>;
/** Decided (for the disposal list), waiting at the 係長 (for the inbox and actions), and a draft with a PDF. */
let decided: CaseView;
let pending: CaseView;
let drafted: CaseView;
let attachmentId: number;
let pdf: Buffer;

beforeAll(async () => {
  t = await openTown();
  const clerk = await t.as('clerk');
  // The 係長's standing proxy is the 課長補佐 (not otherwise on these cases, and not a manager: rank 60).
  bodyOf(api.createProxy, await (await t.as('kakaricho')).inject({ method: 'POST', url: '/api/proxies', payload: { proxyId: t.town.users.hosa.id, fromDate: '2026-04-01', toDate: '2026-04-30' } }));
  const notice = t.town.types.notice.id;
  decided = await submitted(clerk, { typeId: notice, title: '可視性・決裁済' });
  decided = await acted(await t.as('kakaricho'), decided.id, { action: 'approve', version: decided.version });
  decided = await acted(await t.as('kacho'), decided.id, { action: 'final_approve', version: decided.version });
  pending = await submitted(clerk, { typeId: notice, title: '可視性・進行中' });
  drafted = await draft(clerk, { typeId: notice, title: '可視性・起案中' });
  pdf = await pdfBytes(1);
  attachmentId = bodyOf(api.addAttachment, await upload(clerk, drafted.id, 'memo.pdf', pdf)).id;
  drafted = bodyOf(api.getCase, await getCase(clerk, drafted.id));
});
afterAll(async () => t.close());

const all = () => [decided, pending, drafted];
const listIds = async (c: Client, query = ''): Promise<number[]> => bodyOf(api.listCases, await c.inject({ method: 'GET', url: `/api/cases${query}` })).items.map((i) => i.id);
const disposalIds = async (c: Client): Promise<number[]> => bodyOf(api.disposalList, await c.inject({ method: 'GET', url: '/api/cases/disposal?fy=2027' })).items.map((i) => i.id);
const inboxIds = async (c: Client): Promise<number[]> => bodyOf(api.inbox, await c.inject({ method: 'GET', url: '/api/inbox' })).items.map((i) => i.caseId);
const download = (c: Client, caseId: number, id: number): Promise<Res> => c.inject({ method: 'GET', url: `/api/cases/${caseId}/attachments/${id}` });

/** Same 係, another 課's clerk and 課長 (a manager, of another department), the 支所's 課長 and clerk. */
const outsiders = ['clerk2', 'outsider', 'zaisei', 'kita', 'kitaclerk'];

describe('someone who may not see the case', () => {
  it.each(outsiders)('%s gets 404 from every route by id and never sees it in a list', async (login) => {
    const u = await t.as(login);
    for (const c of all()) refused(await getCase(u, c.id), 404, 'not_found');
    // The same answer as for a case that does not exist.
    expect((await getCase(u, 99_999)).json()).toEqual((await getCase(u, decided.id)).json());

    const ids = all().map((c) => c.id);
    for (const query of ['', '?box=department', '?box=mine', '?box=review', `?q=${encodeURIComponent('可視性')}`, '?state=approved', `?type=${t.town.types.notice.id}`]) {
      const listed = await listIds(u, query);
      expect(ids.filter((id) => listed.includes(id)), query).toEqual([]);
    }
    expect(await disposalIds(u)).not.toContain(decided.id);
    expect(await inboxIds(u)).not.toContain(pending.id);
    refused(await download(u, drafted.id, attachmentId), 404, 'not_found');

    // The decided case's archive PDF may still be being made: its blob is not what this test is about.
    await settled(t.db);
    const blobs = filesUnder(`${t.dataDir}/blobs`);
    await unchanged(t.db, async () => {
      refused(await u.inject({ method: 'POST', url: `/api/cases/${pending.id}/actions`, payload: { action: 'approve', version: pending.version } }), 404, 'not_found');
      refused(await u.inject({ method: 'POST', url: `/api/cases/${decided.id}/actions`, payload: { action: 'comment', version: decided.version, comment: '覗き見' } }), 404, 'not_found');
      refused(await u.inject({ method: 'PATCH', url: `/api/cases/${drafted.id}`, payload: { version: drafted.version, title: '乗っ取り' } }), 404, 'not_found');
      refused(await u.inject({ method: 'POST', url: `/api/cases/${drafted.id}/submit`, payload: { version: drafted.version } }), 404, 'not_found');
      refused(await upload(u, drafted.id, 'x.pdf', pdf), 404, 'not_found');
      refused(await u.inject({ method: 'DELETE', url: `/api/cases/${drafted.id}/attachments/${attachmentId}` }), 404, 'not_found');
    });
    expect(filesUnder(`${t.dataDir}/blobs`)).toEqual(blobs);
  });
});

describe('who may see it', () => {
  /** drafter, route members, a route member's proxy, managers of the department or above, an admin. */
  const viewers = [
    { login: 'clerk', why: 'drafter', seesDraft: true },
    { login: 'kakaricho', why: 'on the route', seesDraft: false },
    { login: 'kacho', why: 'on the route, and manager of the 課 above', seesDraft: true },
    { login: 'hosa', why: 'proxy of the 係長', seesDraft: false },
    { login: 'bucho', why: 'manager of the 部 above', seesDraft: true },
    { login: 'chocho', why: 'manager placed in the 課 above', seesDraft: true },
    { login: 'admin', why: 'admin', seesDraft: true },
  ];

  it.each(viewers)('$login ($why) gets it by id, in lists, and its attachment', async ({ login, seesDraft }) => {
    const u = await t.as(login);
    // A draft is its drafter's work in progress: the route sees it once submitted; managers and admins always.
    const visible = seesDraft ? all() : [decided, pending];
    for (const c of visible) expect((await getCase(u, c.id)).statusCode).toBe(200);
    expect(await listIds(u)).toEqual(expect.arrayContaining(visible.map((c) => c.id)));
    expect(await listIds(u, `?q=${encodeURIComponent('可視性・決裁')}`)).toEqual([decided.id]);
    expect(await disposalIds(u)).toContain(decided.id);
    const res = await download(u, drafted.id, attachmentId);
    if (!seesDraft) {
      refused(await getCase(u, drafted.id), 404, 'not_found');
      expect(await listIds(u)).not.toContain(drafted.id);
      refused(res, 404, 'not_found');
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
  });

  it('the changing routes answer a viewer who is not entitled with 403, not 404: the case is found', async () => {
    const bucho = await t.as('bucho');
    await unchanged(t.db, async () => {
      refused(await bucho.inject({ method: 'POST', url: `/api/cases/${pending.id}/actions`, payload: { action: 'approve', version: pending.version } }), 403, 'not_your_turn');
      refused(await bucho.inject({ method: 'PATCH', url: `/api/cases/${drafted.id}`, payload: { version: drafted.version, title: 'x' } }), 403, 'not_entitled');
      refused(await bucho.inject({ method: 'POST', url: `/api/cases/${drafted.id}/submit`, payload: { version: drafted.version } }), 403, 'not_entitled');
      refused(await upload(bucho, drafted.id, 'x.pdf', pdf), 403, 'not_entitled');
      refused(await bucho.inject({ method: 'DELETE', url: `/api/cases/${drafted.id}/attachments/${attachmentId}` }), 403, 'not_entitled');
    });
  });

  it('the inbox holds what waits for me: the assignee and their proxy, nobody else', async () => {
    expect(await inboxIds(await t.as('kakaricho'))).toEqual([pending.id]);
    const proxied = bodyOf(api.inbox, await (await t.as('hosa')).inject({ method: 'GET', url: '/api/inbox' }));
    expect(proxied.items.map((i) => [i.caseId, i.asProxyFor?.login])).toEqual([[pending.id, 'kakaricho']]);
    for (const login of ['clerk', 'kacho', 'bucho', 'admin']) expect(await inboxIds(await t.as(login)), login).toEqual([]);
  });

  it('managers are those ranked at least approval.managerMinRank', async () => {
    const bucho = await t.as('bucho');
    const fuku = await t.as('fuku');
    expect(await listIds(bucho, '?box=department')).toEqual(expect.arrayContaining(all().map((c) => c.id)));
    t.db.prepare("UPDATE settings SET value = '85' WHERE key = 'approval.managerMinRank'").run();
    try {
      refused(await getCase(bucho, pending.id), 404, 'not_found');
      expect(await listIds(bucho)).toEqual([]);
      // The 副町長 (90) still is one; the 課長 still sees the cases they are on.
      expect((await getCase(fuku, pending.id)).statusCode).toBe(200);
      expect((await getCase(await t.as('kacho'), decided.id)).statusCode).toBe(200);
    } finally {
      t.db.prepare("UPDATE settings SET value = '70' WHERE key = 'approval.managerMinRank'").run();
    }
    expect((await getCase(bucho, pending.id)).statusCode).toBe(200);
  });
});
