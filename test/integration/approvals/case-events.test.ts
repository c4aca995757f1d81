import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../electron/app/server/app.js';
import { EventHub } from '../../../electron/app/server/event-hub.js';
import { approvalTown } from '../../helpers/approval-town.js';
import { makeTempDir, removeTempDir, testClock, testDb, testPassword } from '../../helpers/test-app.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function openStream(url: string, cookie: string): Promise<{ res: IncomingMessage; received: () => string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      resolve({ res, received: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const caseEvents = (text: string): { caseId: number; state: string; notify: { userId: number; kind: string; asProxyFor: number | null }[] }[] =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('event: case\n'))
    .map((block) => JSON.parse(block.split('\ndata: ')[1] ?? '{}') as never);

async function until(what: string, probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('case events on GET /api/events', () => {
  it('tell the next approver (and their proxy) it arrived and the drafter it came back, and nobody else anything', async () => {
    const db = testDb();
    const town = await approvalTown(db, testClock());
    const dataDir = makeTempDir('kamiless-case-events-');
    const app = await buildApp({ db, mode: 'hub', events: new EventHub(), dataDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(async () => {
      await app.close();
      removeTempDir(dataDir);
    });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const session = async (login: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: testPassword }) });
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
        return (await r.json()) as { id: number; version: number };
      };
      return { cookie, call };
    };
    const clerk = await session('clerk');
    const kakaricho = await session('kakaricho');
    const hosa = await session('hosa');
    const outsider = await session('outsider');
    // The 課長補佐 stands in for the 係長 this month.
    await kakaricho.call('POST', '/api/proxies', { proxyId: town.users.hosa.id, fromDate: '2026-01-01', toDate: '2026-12-31' });

    const streams = {
      clerk: await openStream(`${base}/api/events`, clerk.cookie),
      kakaricho: await openStream(`${base}/api/events`, kakaricho.cookie),
      hosa: await openStream(`${base}/api/events`, hosa.cookie),
      outsider: await openStream(`${base}/api/events`, outsider.cookie),
    };
    cleanup.push(() => Object.values(streams).forEach((s) => s.close()));

    const draft = await clerk.call('POST', '/api/cases', { typeId: town.types.notice.id, title: '照会への回答' });
    const submitted = await clerk.call('POST', `/api/cases/${draft.id}/submit`, { version: draft.version });
    await until('the 係長 hears of it', () => caseEvents(streams.kakaricho.received()).some((e) => e.notify.length > 0));
    expect(caseEvents(streams.kakaricho.received()).flatMap((e) => e.notify)).toEqual([{ userId: town.users.kakaricho.id, kind: 'arrived', asProxyFor: null }]);
    await until('the proxy hears of it', () => caseEvents(streams.hosa.received()).length > 0);
    expect(caseEvents(streams.hosa.received()).flatMap((e) => e.notify)).toEqual([{ userId: town.users.hosa.id, kind: 'arrived', asProxyFor: town.users.kakaricho.id }]);

    await kakaricho.call('POST', `/api/cases/${draft.id}/actions`, { action: 'send_back', version: submitted.version, comment: '根拠条文を追記してください' });
    await until('the drafter hears it came back', () => caseEvents(streams.clerk.received()).some((e) => e.notify.some((n) => n.kind === 'sent_back')));
    // Each stream carries its own user's notices only.
    for (const e of caseEvents(streams.clerk.received())) for (const n of e.notify) expect(n.userId).toBe(town.users.clerk.id);
    expect(caseEvents(streams.outsider.received())).toEqual([]);
  });
});
