import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, signIn, type Client } from '../../helpers/test-app.js';
import { act, acted, caseOf, getCase, openTown, refused, step, submitted, unchanged, type Town } from './harness.js';

// Standing proxies (代理) over HTTP: set by the principal for themselves, seen in the proxy's inbox,
// acted on as 'proxy', only on the days given, and ended by revoking.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
async function town() {
  const t = await openTown();
  close = t.close;
  return t;
}

const DAY = 24 * 60 * 60 * 1000;
const inboxOf = async (c: Client) => bodyOf(api.inbox, await c.inject({ method: 'GET', url: '/api/inbox' }));
const createProxy = (c: Client, payload: Record<string, unknown>) => c.inject({ method: 'POST', url: '/api/proxies', payload });
/** A notice case of the clerk's, approved by the 係長: it now waits for the 課長 (final). */
async function atKacho(t: Town) {
  const c = await submitted(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '照会回答' });
  return acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
}

describe('standing proxies (代理)', () => {
  it('a user names their own proxy, who sees their inbox items and approves as 代理', async () => {
    const t = await town();
    const { users } = t.town;
    const [kacho, hosa] = [await t.as('kacho'), await t.as('hosa')];
    const c = await atKacho(t);
    // Before: the 課長補佐 is not on this case and cannot see it.
    expect((await inboxOf(hosa)).items).toEqual([]);
    refused(await getCase(hosa, c.id), 404, 'not_found');

    const proxy = bodyOf(api.createProxy, await createProxy(kacho, { proxyId: users.hosa.id, fromDate: '2026-04-01', toDate: '2026-04-03', reason: '研修' }));
    expect(proxy).toMatchObject({ principal: { login: 'kacho' }, proxy: { login: 'hosa' }, active: true, revokedAt: null });
    expect(bodyOf(api.listProxies, await hosa.inject({ method: 'GET', url: '/api/proxies' })).items.map((p) => p.id)).toEqual([proxy.id]);

    const inbox = await inboxOf(hosa);
    expect(inbox.items).toEqual([expect.objectContaining({ caseId: c.id, stepId: step(c, 'kacho').id, kind: 'final', asProxyFor: expect.objectContaining({ login: 'kacho' }) })]);
    // The principal still has it too, as their own.
    expect((await inboxOf(kacho)).items).toEqual([expect.objectContaining({ caseId: c.id, asProxyFor: null })]);

    const seen = caseOf(await getCase(hosa, c.id));
    expect(seen.myStepId).toBe(step(c, 'kacho').id);
    expect(seen.available).toContain('final_approve');

    const done = await acted(hosa, c.id, { action: 'final_approve', version: c.version });
    expect(done.state).toBe('approved');
    expect(step(done, 'kacho')).toMatchObject({ status: 'final_approved', actedBy: { login: 'hosa' }, onBehalfOf: { login: 'kacho' }, actedVia: 'proxy' });
    expect(done.timeline.at(-1)).toMatchObject({ action: 'final_approve', via: 'proxy', actor: { login: 'hosa' }, onBehalfOf: { login: 'kacho' } });
    expect(done.reviews).toEqual([]); // 代理 is not 代決: no 後閲
    const row = t.db.prepare("SELECT actor_id, on_behalf_of FROM audit_log WHERE case_id = ? AND action = 'case.acted' ORDER BY id DESC LIMIT 1").get(c.id);
    expect(row).toEqual({ actor_id: users.hosa.id, on_behalf_of: users.kacho.id });
  });

  it('refuses a proxy for someone else (unless admin), for oneself, backwards dates and unknown people — changing nothing', async () => {
    const t = await town();
    const { users } = t.town;
    const [kacho, admin] = [await t.as('kacho'), await t.as('admin')];
    await unchanged(t.db, async () => {
      refused(await createProxy(kacho, { principalId: users.bucho.id, proxyId: users.hosa.id, fromDate: '2026-04-01', toDate: '2026-04-02' }), 403, 'forbidden');
      refused(await createProxy(kacho, { proxyId: users.kacho.id, fromDate: '2026-04-01', toDate: '2026-04-02' }), 400, 'validation');
      const back = refused(await createProxy(kacho, { proxyId: users.hosa.id, fromDate: '2026-04-05', toDate: '2026-04-02' }), 400, 'validation');
      expect(back.field).toBe('body.toDate');
      refused(await createProxy(kacho, { proxyId: 9999, fromDate: '2026-04-01', toDate: '2026-04-02' }), 400, 'unknown_reference');
    });
    const forBucho = bodyOf(api.createProxy, await createProxy(admin, { principalId: users.bucho.id, proxyId: users.kacho.id, fromDate: '2026-04-01', toDate: '2026-04-30' }));
    expect(forBucho).toMatchObject({ principal: { login: 'bucho' }, proxy: { login: 'kacho' }, active: true });
  });

  it('works only on the days from fromDate to toDate (Tokyo)', async () => {
    const t = await town();
    const { users } = t.town;
    bodyOf(api.createProxy, await createProxy(await t.as('kacho'), { proxyId: users.hosa.id, fromDate: '2026-04-02', toDate: '2026-04-03' }));
    const c = await atKacho(t);
    // 1 April: not yet.
    const hosa = await t.as('hosa');
    expect((await inboxOf(hosa)).items).toEqual([]);
    await unchanged(t.db, async () => {
      refused(await act(hosa, c.id, { action: 'final_approve', version: c.version }), 404, 'not_found');
      refused(await act(hosa, c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: users.kacho.id }), 404, 'not_found');
    });

    // 4 April, 00:30 in Tokyo: over.
    t.clock.advance(2 * DAY + 15.5 * 60 * 60 * 1000);
    const late = await signIn(t.app, 'hosa');
    expect((await inboxOf(late)).items).toEqual([]);
    refused(await act(late, c.id, { action: 'final_approve', version: c.version }), 404, 'not_found');

    // Between (tests may not move a clock back: a new town, moved to 3 April 23:30).
    await close?.();
    const u = await town();
    bodyOf(api.createProxy, await createProxy(await u.as('kacho'), { proxyId: u.town.users.hosa.id, fromDate: '2026-04-02', toDate: '2026-04-03' }));
    const d = await atKacho(u);
    u.clock.advance(2 * DAY + 14.5 * 60 * 60 * 1000);
    const inRange = await signIn(u.app, 'hosa');
    expect((await inboxOf(inRange)).items.map((i) => [i.caseId, i.asProxyFor?.login])).toEqual([[d.id, 'kacho']]);
    const done = await acted(inRange, d.id, { action: 'final_approve', version: d.version });
    expect(step(done, 'kacho').actedVia).toBe('proxy');
  });

  it('revoking ends it at once; only the principal (or an admin) may revoke', async () => {
    const t = await town();
    const { users } = t.town;
    const [kacho, hosa] = [await t.as('kacho'), await t.as('hosa')];
    const proxy = bodyOf(api.createProxy, await createProxy(kacho, { proxyId: users.hosa.id, fromDate: '2026-04-01', toDate: '2026-04-30' }));
    const c = await atKacho(t);
    expect((await inboxOf(hosa)).items.map((i) => i.caseId)).toEqual([c.id]);

    await unchanged(t.db, async () => {
      refused(await hosa.inject({ method: 'DELETE', url: `/api/proxies/${proxy.id}` }), 404, 'not_found');
      refused(await (await t.as('clerk')).inject({ method: 'DELETE', url: `/api/proxies/${proxy.id}` }), 404, 'not_found');
    });
    const revoked = bodyOf(api.revokeProxy, await kacho.inject({ method: 'DELETE', url: `/api/proxies/${proxy.id}` }));
    expect(revoked).toMatchObject({ id: proxy.id, active: false, revokedAt: expect.any(String) });

    expect((await inboxOf(hosa)).items).toEqual([]);
    await unchanged(t.db, async () => refused(await act(hosa, c.id, { action: 'final_approve', version: c.version }), 404, 'not_found'));
    // The principal's own inbox is unaffected.
    expect((await inboxOf(kacho)).items.map((i) => i.caseId)).toEqual([c.id]);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('proxy.create', 'proxy.revoke')").get()).toEqual({ n: 2 });
  });
});
