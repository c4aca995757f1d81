import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema, type CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { errorBodySchema } from '../../../shared/api/errors.js';
import { bodyOf, type Client } from '../../helpers/test-app.js';
import { acted, draft, openTown, step, submitted } from './harness.js';

// A real listening hub and truly concurrent HTTP requests (separate connections, fired together):
// of two approvers on one step exactly one wins; concurrent submissions get distinct, consecutive numbers.

let t: Awaited<ReturnType<typeof openTown>>;
let base: string;
beforeAll(async () => {
  t = await openTown();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

async function post(c: Client, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('concurrent requests against a listening hub', () => {
  it('two approvers (the 課長 and their 代理) on the same step with the same version: exactly one 200, the other 409', async () => {
    const { users } = t.town;
    const [kacho, hosa] = [await t.as('kacho'), await t.as('hosa')];
    bodyOf(api.createProxy, await kacho.inject({ method: 'POST', url: '/api/proxies', payload: { proxyId: users.hosa.id, fromDate: '2026-04-01', toDate: '2026-04-30' } }));
    const clerk = await t.as('clerk');
    const kakaricho = await t.as('kakaricho');
    const cases: CaseView[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await submitted(clerk, { typeId: t.town.types.notice.id, title: `競合${i}` });
      cases.push(await acted(kakaricho, c.id, { action: 'approve', version: c.version }));
    }

    const answers = await Promise.all(
      cases.flatMap((c) => [kacho, hosa].map((who) => post(who, `/api/cases/${c.id}/actions`, { action: 'final_approve', version: c.version }))),
    );
    cases.forEach((c, i) => {
      const pair = [answers[2 * i], answers[2 * i + 1]];
      expect(pair.map((a) => a?.status).sort()).toEqual([200, 409]);
      const won = pair.find((a) => a?.status === 200);
      const lost = pair.find((a) => a?.status === 409);
      const winner = caseSchema.parse(won?.json);
      const err = errorBodySchema.parse(lost?.json).error;
      expect(err.code).toBe('stale_version');
      expect(caseSchema.parse(err.current)).toMatchObject({ version: winner.version, state: 'approved' });
      expect(winner.version).toBe(c.version + 1);
      // The stored case has the one action, by whoever won.
      const stored = t.db.prepare("SELECT count(*) AS n FROM case_events WHERE case_id = ? AND type = 'acted'").get(c.id);
      expect(stored).toEqual({ n: 2 });
      expect(step(winner, 'kacho').actedBy?.login).toBe(pair[0]?.status === 200 ? 'kacho' : 'hosa');
    });
    expect(bodyOf(api.auditVerify, await (await t.as('admin')).inject({ method: 'GET', url: '/api/audit/verify' })).ok).toBe(true);
  });

  it('N concurrent submissions in one department get N distinct, consecutive numbers (and another department its own)', async () => {
    const notice = t.town.types.notice.id;
    const somu = await Promise.all(['clerk', 'clerk2', 'hosa'].map((login) => t.as(login)));
    const zaisei = await t.as('outsider');
    const drafts: { who: Client; c: CaseView }[] = [];
    for (let i = 0; i < 12; i++) {
      const who = somu[i % somu.length] as Client;
      drafts.push({ who, c: await draft(who, { typeId: notice, title: `同時提出${i}` }) });
    }
    for (let i = 0; i < 4; i++) drafts.push({ who: zaisei, c: await draft(zaisei, { typeId: notice, title: `財政${i}` }) });
    const before = (t.db.prepare('SELECT coalesce(max(number_seq), 0) AS n FROM cases WHERE number_dept = ?').get(t.town.departments.somu.id) as { n: number }).n;

    const answers = await Promise.all(drafts.map(({ who, c }) => post(who, `/api/cases/${c.id}/submit`, { version: c.version })));
    expect(answers.map((a) => a.status)).toEqual(drafts.map(() => 200));
    const numbers = answers.map((a) => caseSchema.parse(a.json).number);
    const somuNumbers = numbers.filter((n) => n?.startsWith('総務課')).sort((a, b) => (a ?? '').localeCompare(b ?? '', 'ja', { numeric: true }));
    expect(somuNumbers).toEqual(Array.from({ length: 12 }, (_, i) => `総務課第${before + i + 1}号`));
    expect(numbers.filter((n) => n?.startsWith('財政課')).sort()).toEqual(['財政課第1号', '財政課第2号', '財政課第3号', '財政課第4号']);
  });
});
