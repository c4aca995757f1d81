import { mkdirSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/app/core.js';
import { makeTempDir, removeTempDir, seedTown, testPassword } from '../../helpers/test-app.js';
import { addSource, appendCp932, openTestDb, printLoggerHead, printLoggerLine } from '../../helpers/watcher-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Opens the event stream and collects what arrives. */
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

async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /api/events', () => {
  it('streams a printlog event to a signed-in window when a watched file gets a job, and refuses a stranger', async () => {
    const data = makeTempDir('kamiless-events-');
    cleanup.push(() => removeTempDir(data));
    const logs = join(data, 'logs');
    mkdirSync(logs);
    const db = openTestDb(data);
    await seedTown(db);
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    db.close();
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead);

    const core = await startCore({ dataDir: data, host: '127.0.0.1', port: 0, mode: 'hub', logger: false });
    cleanup.push(() => core.close());
    const url = `${core.url}api/events`;

    const stranger = await openStream(url, '');
    expect(stranger.res.statusCode).toBe(401);
    stranger.close();

    const login = await fetch(`${core.url}api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'dx', password: testPassword }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stream = await openStream(url, cookie);
    cleanup.push(() => stream.close());
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);

    appendCp932(file, printLoggerLine(0));
    await until('the printlog event', () => stream.received().includes('event: printlog'));
    const line = stream.received().split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line?.slice(6) ?? 'null')).toEqual({ source: 'honcho', jobs: 1, rejected: 0 });
  });
});
