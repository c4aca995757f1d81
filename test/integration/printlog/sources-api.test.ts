import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/app/core.js';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { importFile, LogFileSession } from '../../../electron/app/printlog/import-file.js';
import { createSourcesRepo } from '../../../electron/app/printlog/sources.repo.js';
import { api } from '../../../shared/api/endpoints.js';
import { previewMaxBytes, type SourceInput } from '../../../shared/api/sources.js';
import { fixturesDir, loadExpected } from '../../helpers/printlog-fixtures.js';
import { bodyOf, dbSnapshot, errorOf, makeTempDir, removeTempDir, seedTown, signIn, testApp, testClock, testFileDb, testPassword, type Client } from '../../helpers/test-app.js';
import { addSource, appendCp932, jobCount, openTestDb, printLoggerHead, printLoggerLine, waitFor } from '../../helpers/watcher-harness.js';

const fixture = 'papercut-logger/bad-lines-utf8.csv';
const expected = loadExpected()[fixture];
// "Today" in Tokyo is 2 May 2024: five of the fixture's jobs fall on it.
const now = Date.parse('2024-05-02T12:00:00+09:00');

let dir: string;
let logs: string;
let world: Awaited<ReturnType<typeof testApp>>;
let dx: Client;
let admin: Client;
let clerk: Client;
let changes = 0;
const clock = testClock(now);

beforeAll(async () => {
  dir = makeTempDir('kamiless-sources-api-');
  logs = join(dir, 'logs');
  mkdirSync(logs);
  world = await testApp({ db: testFileDb(dir), clock, onSourcesChanged: () => (changes += 1) });
  dx = await signIn(world.app, 'dx');
  admin = await signIn(world.app, 'admin');
  clerk = await signIn(world.app, 'clerk');
});
afterAll(async () => {
  await world.app.close();
  world.db.close();
  removeTempDir(dir);
});

const input = (over: Partial<SourceInput> = {}): SourceInput => ({
  name: 'honcho', kind: 'folder', folder: logs, glob: 'papercut-print-log-*.csv', format: 'auto', mapping: null,
  siteId: world.town.site.id, polling: false, pollIntervalMs: 1000, ...over,
});
const repo = () => createSourcesRepo(world.db, testClock(now));
const create = (client: Client, payload: unknown) => client.inject({ method: 'POST', url: '/api/printlog/sources', payload: payload as Record<string, unknown> });
const list = async (client: Client = dx) => bodyOf(api.listSources, await client.inject({ method: 'GET', url: '/api/printlog/sources' })).items;
const statusNamed = async (name: string) => {
  const found = (await list()).find((s) => s.name === name);
  if (!found) throw new Error(`no source ${name} listed`);
  return found;
};
const adminLog = () => world.db.prepare('SELECT action, target, detail FROM admin_log ORDER BY id').all() as { action: string; target: string; detail: string }[];

/** Refused, naming the field, and nothing stored. */
async function refusedWith(payload: unknown, status: number, code: string, field: string, detail?: RegExp) {
  const before = dbSnapshot(world.db);
  const res = await create(dx, payload);
  expect(res.statusCode, res.body).toBe(status);
  expect(errorOf(res)).toMatchObject({ code, field });
  if (detail) expect(errorOf(res).detail).toMatch(detail);
  expect(dbSnapshot(world.db)).toEqual(before);
}

let honchoId = 0;
let honchoToken = '';

describe('creating a source', () => {
  it('adds a folder source: its status, a token shown once (only its hash stored), the admin log, the watchers told', async () => {
    const before = changes;
    const created = bodyOf(api.createSource, await create(dx, input()));
    expect(created.source).toMatchObject({
      name: 'honcho', kind: 'folder', folder: logs, glob: 'papercut-print-log-*.csv', format: 'auto', mapping: null,
      siteId: world.town.site.id, siteCode: 'HQ', siteName: '本庁', polling: false, pollIntervalMs: 1000, active: true,
      lastError: null, files: 0, jobs: 0, jobsToday: 0, rejected: 0, lastJobTime: null, lastReadAt: null, lagBytes: 0, agent: null,
      createdAt: '2024-05-02T03:00:00.000Z',
    });
    expect(created.token).toMatch(/^[\w-]{40,}$/);
    honchoId = created.source.id;
    honchoToken = created.token;
    expect(repo().byToken(created.token)?.id).toBe(honchoId);
    const stored = world.db.prepare('SELECT token_hash FROM log_sources WHERE id = ?').get(honchoId) as { token_hash: string };
    expect(stored.token_hash).not.toContain(created.token);
    expect(changes).toBe(before + 1);
    expect(adminLog().at(-1)).toMatchObject({ action: 'source.create', target: `source:${honchoId}` });
    expect(adminLog().at(-1)?.detail).not.toContain(created.token);
  });

  it('adds an agent source whose folder is only the branch\'s (may be empty): lag unknown until the agent calls', async () => {
    const created = bodyOf(api.createSource, await create(admin, input({ name: 'geihoku', kind: 'agent', folder: '', glob: 'page_log*', format: 'cups', siteId: null })));
    expect(created.source).toMatchObject({ kind: 'agent', folder: '', siteName: null, lagBytes: null, agent: { host: null, version: null, seenAt: null } });
    repo().agentSeen(created.source.id, { host: 'GEIHOKU-PRT01', version: '0.1.0', backlog: 4096 });
    expect(await statusNamed('geihoku')).toMatchObject({
      lagBytes: 4096, agent: { host: 'GEIHOKU-PRT01', version: '0.1.0', seenAt: new Date(now).toISOString() },
    });
  });

  it('refuses what the CLI refuses, naming the field, and stores nothing', async () => {
    const file = join(dir, 'a-file.txt');
    writeFileSync(file, 'x');
    await refusedWith(input({ name: 'x', folder: 'logs' }), 400, 'validation', 'body.folder', /full path/);
    await refusedWith(input({ name: 'x', folder: join(dir, 'missing') }), 400, 'validation', 'body.folder', /no such folder on this machine/);
    await refusedWith(input({ name: 'x', folder: file }), 400, 'validation', 'body.folder', /not a folder/);
    await refusedWith(input({ name: 'x', glob: '../*.csv' }), 400, 'validation', 'body.glob', /pattern/);
    await refusedWith(input({ name: 'x', glob: '/var/log/*.csv' }), 400, 'validation', 'body.glob', /not an absolute path/);
    await refusedWith(input({ name: 'x', mapping: '{"format": "csv", "columns": {"time": "日時"}}' }), 400, 'validation', 'body.mapping', /columns\.pages: required/);
    await refusedWith(input({ name: 'x', mapping: 'not json' }), 400, 'validation', 'body.mapping', /not valid JSON/);
    await refusedWith(input({ name: 'x', format: 'csv' }), 400, 'validation', 'body.format', /needs a mapping file/);
    await refusedWith(input({ name: 'x', format: 'lotus' as 'auto' }), 400, 'validation', 'body.format');
    await refusedWith(input({ name: 'a\u0007b' }), 400, 'validation', 'body.name', /printable/);
    await refusedWith(input({ name: '   ' }), 400, 'validation', 'body.name');
    await refusedWith(input({ name: 'x', siteId: 999 }), 400, 'unknown_reference', 'body.siteId');
    await refusedWith(input({ name: 'HONCHO' }), 409, 'duplicate', 'body.name');
  });

  it('refuses a clerk: 403', async () => {
    expect((await create(clerk, input({ name: 'clerks' }))).statusCode).toBe(403);
    expect((await clerk.inject({ method: 'GET', url: '/api/printlog/sources' })).statusCode).toBe(403);
    expect((await clerk.inject({ method: 'POST', url: '/api/printlog/preview', payload: { sample: '' } })).statusCode).toBe(403);
  });
});

describe('status figures', () => {
  let unfinished: string;

  beforeAll(async () => {
    const clock = testClock(now);
    await importFile(world.db, join(fixturesDir(), fixture), { clock, source: 'honcho' });
    // Another source's file, not counted for honcho.
    await importFile(world.db, join(fixturesDir(), 'cups/page_log'), { clock, source: 'elsewhere' });
    // A file the watcher is still reading: 3 lines read, 2 more written since.
    unfinished = join(logs, 'papercut-print-log-2024-05-02.csv');
    writeFileSync(unfinished, '');
    appendCp932(unfinished, printLoggerHead + [0, 1, 2].map((i) => printLoggerLine(i)).join(''));
    const session = await LogFileSession.open(world.db, unfinished, { clock, source: 'honcho' });
    await session.readAvailable('hold');
    appendCp932(unfinished, printLoggerLine(3) + printLoggerLine(4));
  });

  it('counts files, jobs, today\'s jobs (Tokyo), rejected lines, the newest job and read, and the unread bytes', async () => {
    const appended = Buffer.byteLength(readFileSync(unfinished)) - (world.db.prepare('SELECT position FROM log_files WHERE path = ?').get(unfinished) as { position: number }).position;
    expect(appended).toBeGreaterThan(100);
    expect(await statusNamed('honcho')).toMatchObject({
      files: 2,
      jobs: (expected?.jobs ?? 0) + 3,
      jobsToday: 5,
      rejected: expected?.rejected.length,
      // 2024-05-02 17:32:43 in Tokyo: the fixture's newest job (the generated ones are of 1 May).
      lastJobTime: '2024-05-02T08:32:43.000Z',
      lastReadAt: new Date(now).toISOString(),
      lagBytes: appended,
    });
    expect(await statusNamed('geihoku')).toMatchObject({ files: 0, jobs: 0, rejected: 0, lagBytes: 4096 });
  });

  it('counts a file gone from disk as nothing left to read', async () => {
    const kept = readFileSync(unfinished);
    rmSync(unfinished);
    try {
      expect((await statusNamed('honcho')).lagBytes).toBe(0);
    } finally {
      writeFileSync(unfinished, kept);
    }
  });

  it('lists the rejected lines of one source\'s files', async () => {
    const rejected = bodyOf(api.listRejectedLines, await dx.inject({ method: 'GET', url: `/api/printlog/rejected?sourceId=${honchoId}` }));
    expect(rejected.total).toBe(expected?.rejected.length);
    expect(rejected.items.map((r) => r.line)).toEqual(expected?.rejected);
    expect(rejected.items.every((r) => r.path.endsWith('bad-lines-utf8.csv'))).toBe(true);
    const paged = bodyOf(api.listRejectedLines, await dx.inject({ method: 'GET', url: `/api/printlog/rejected?sourceId=${honchoId}&pageSize=2&page=2` }));
    expect(paged.items.map((r) => r.line)).toEqual(expected?.rejected.slice(2, 4));

    const geihoku = (await statusNamed('geihoku')).id;
    expect(bodyOf(api.listRejectedLines, await dx.inject({ method: 'GET', url: `/api/printlog/rejected?sourceId=${geihoku}` })).total).toBe(0);
    const fileId = rejected.items[0]?.fileId ?? 0;
    const both = await dx.inject({ method: 'GET', url: `/api/printlog/rejected?sourceId=${geihoku}&fileId=${fileId}` });
    expect(bodyOf(api.listRejectedLines, both).total).toBe(0);

    const unknown = await dx.inject({ method: 'GET', url: '/api/printlog/rejected?sourceId=999' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'not_found', field: 'query.sourceId' });
  });
});

describe('changing, removing and renewing', () => {
  it('renames a source: its files, jobs and rejected lines follow it', async () => {
    const before = changes;
    const res = await dx.inject({ method: 'PUT', url: `/api/printlog/sources/${honchoId}`, payload: input({ name: 'honcho-2f', polling: true, pollIntervalMs: 2000 }) });
    const updated = bodyOf(api.updateSource, res);
    expect(updated).toMatchObject({ id: honchoId, name: 'honcho-2f', polling: true, pollIntervalMs: 2000, files: 2, jobs: (expected?.jobs ?? 0) + 3, rejected: 6 });
    expect(changes).toBe(before + 1);
    const sources = world.db.prepare("SELECT DISTINCT source FROM log_files WHERE source LIKE 'honcho%'").all();
    expect(sources).toEqual([{ source: 'honcho-2f' }]);
    expect(adminLog().at(-1)).toMatchObject({ action: 'source.update', target: `source:${honchoId}` });
  });

  it('refuses a name in use (an active or a removed source\'s), an unknown id and what creating refuses', async () => {
    const url = `/api/printlog/sources/${honchoId}`;
    const taken = await dx.inject({ method: 'PUT', url, payload: input({ name: 'GEIHOKU' }) });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken)).toMatchObject({ code: 'duplicate', field: 'body.name' });
    const badGlob = await dx.inject({ method: 'PUT', url, payload: input({ name: 'honcho-2f', glob: 'a//b' }) });
    expect(errorOf(badGlob)).toMatchObject({ code: 'validation', field: 'body.glob' });
    const unknown = await dx.inject({ method: 'PUT', url: '/api/printlog/sources/999', payload: input({ name: 'zzz' }) });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'not_found', field: 'params.id' });
    expect((await statusNamed('honcho-2f')).glob).toBe('papercut-print-log-*.csv');
  });

  it('removes a source: listed after the active ones, its history kept', async () => {
    const before = changes;
    const geihoku = await statusNamed('geihoku');
    clock.advance(60_000);
    const removed = bodyOf(api.removeSource, await dx.inject({ method: 'DELETE', url: `/api/printlog/sources/${geihoku.id}` }));
    expect(removed).toMatchObject({ id: geihoku.id, active: false, updatedAt: new Date(now + 60_000).toISOString() });
    expect(changes).toBe(before + 1);
    expect(adminLog().at(-1)).toMatchObject({ action: 'source.remove' });
    // Removing it again changes nothing and tells no one.
    const again = bodyOf(api.removeSource, await dx.inject({ method: 'DELETE', url: `/api/printlog/sources/${geihoku.id}` }));
    expect(again).toMatchObject({ active: false });
    expect(changes).toBe(before + 1);
    // Removed sources come after active ones, whatever their names.
    bodyOf(api.createSource, await create(dx, input({ name: 'aaa', glob: '*.log' })));
    expect((await list()).map((s) => [s.name, s.active])).toEqual([['aaa', true], ['honcho-2f', true], ['geihoku', false]]);

    const taken = await dx.inject({ method: 'PUT', url: `/api/printlog/sources/${honchoId}`, payload: input({ name: 'geihoku' }) });
    expect(errorOf(taken)).toMatchObject({ code: 'duplicate', field: 'body.name' });
    const unknown = await dx.inject({ method: 'DELETE', url: '/api/printlog/sources/999' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'not_found', field: 'params.id' });
  });

  it('revives a removed source of the same name: same id, new settings and token, history kept', async () => {
    const old = await statusNamed('geihoku');
    const revived = bodyOf(api.createSource, await create(dx, input({ name: 'geihoku', glob: 'page_log*', format: 'cups' })));
    expect(revived.source).toMatchObject({ id: old.id, active: true, kind: 'folder', folder: logs, lagBytes: 0 });
    expect(repo().byToken(revived.token)?.id).toBe(old.id);
    expect(adminLog().at(-1)).toMatchObject({ action: 'source.revive', target: `source:${old.id}` });
  });

  it('renews a token: the old one stops working at once', async () => {
    const before = changes;
    const res = await admin.inject({ method: 'POST', url: `/api/printlog/sources/${honchoId}/token` });
    const { token } = bodyOf(api.renewSourceToken, res);
    expect(token).not.toBe(honchoToken);
    expect(repo().byToken(token)?.id).toBe(honchoId);
    expect(repo().byToken(honchoToken)).toBeUndefined();
    expect(changes).toBe(before + 1);
    expect(adminLog().at(-1)).toMatchObject({ action: 'source.token-renew', target: `source:${honchoId}` });
    const unknown = await admin.inject({ method: 'POST', url: '/api/printlog/sources/999/token' });
    expect(errorOf(unknown)).toMatchObject({ code: 'not_found', field: 'params.id' });
  });
});

describe('preview', () => {
  const preview = (payload: Record<string, unknown>) => dx.inject({ method: 'POST', url: '/api/printlog/preview', payload });

  it('reads the newest matching file of a folder on this machine, storing nothing', async () => {
    const folder = join(dir, 'preview');
    mkdirSync(folder);
    writeFileSync(join(folder, 'papercut-print-log-2024-05-01.csv'), readFileSync(join(fixturesDir(), fixture)));
    const before = dbSnapshot(world.db);
    const r = bodyOf(api.previewSource, await preview({ folder, glob: 'papercut-print-log-*.csv' }));
    expect(r).toMatchObject({ file: join(folder, 'papercut-print-log-2024-05-01.csv'), format: 'papercut-logger', encoding: 'utf-8', error: null });
    expect(r.jobs).toHaveLength(expected?.jobs ?? -1);
    expect(r.rejected.map((x) => x.line)).toEqual(expected?.rejected);
    expect(r.columns).toEqual(['PaperCut Print Logger - http://www.papercut.com/']);
    expect(dbSnapshot(world.db)).toEqual(before);
  });

  it('parses an uploaded sample with a mapping (CP932)', async () => {
    const sample = readFileSync(join(fixturesDir(), 'csv/joblog-honcho-2024-10.csv')).toString('base64');
    const mapping = readFileSync(join(fixturesDir(), 'csv/joblog-mapping.json'), 'utf8');
    const r = bodyOf(api.previewSource, await preview({ sample, mapping }));
    expect(r).toMatchObject({ file: null, format: 'csv', encoding: 'cp932', error: null });
    expect(r.jobs[0]).toMatchObject({ line: 2, user: 'yamada-m', sheets: 3 });
    expect(r.columns[4]).toBe('ページ数');
  });

  it('answers a problem as `error` with 200, not as an HTTP error', async () => {
    const none = bodyOf(api.previewSource, await preview({ folder: logs, glob: 'printlog_*.log' }));
    expect(none).toMatchObject({ format: null, file: null, lines: [], jobs: [] });
    expect(none.error).toContain('no file in');
    const noGlob = bodyOf(api.previewSource, await preview({ folder: logs }));
    expect(noGlob.error).toMatch(/pattern/);
    const badMapping = bodyOf(api.previewSource, await preview({ sample: Buffer.from('a,b\n1,2\n').toString('base64'), mapping: '{"format":"csv","columns":{}}' }));
    expect(badMapping.error).toContain('columns.time: required');
    expect(badMapping.columns).toEqual(['a', 'b']);
  });

  it('refuses a sample over the preview size (413 naming it) and a request with nothing to read (400)', async () => {
    const big = await preview({ sample: Buffer.alloc(previewMaxBytes + 1, 0x41).toString('base64') });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'too_large', field: 'body.sample' });
    const nothing = await preview({ format: 'cups' });
    expect(nothing.statusCode).toBe(400);
    expect(errorOf(nothing)).toMatchObject({ code: 'validation', field: 'body.sample' });
  });
});

describe('after the source\'s file grows', () => {
  it('the unread bytes grow with it', async () => {
    const honcho = await statusNamed('honcho-2f');
    const path = join(logs, 'papercut-print-log-2024-05-02.csv');
    appendFileSync(path, Buffer.from(printLoggerLine(5)));
    expect((await statusNamed('honcho-2f')).lagBytes).toBe((honcho.lagBytes ?? 0) + Buffer.byteLength(printLoggerLine(5)));
  });
});

describe('the core', () => {
  it('has its watchers follow a source added through the API at once, not at their next periodic refresh', async () => {
    const data = makeTempDir('kamiless-sources-core-');
    const folder = join(data, 'logs');
    mkdirSync(folder);
    const db = openTestDb(data);
    await seedTown(db);
    addSource(db, { name: 'first', folder, glob: 'first-*.csv' });
    db.close();
    appendCp932(join(folder, 'papercut-print-log-2024-05-01.csv'), printLoggerHead + printLoggerLine(0) + printLoggerLine(1));
    const core = await startCore({ dataDir: data, host: '127.0.0.1', port: 0, mode: 'hub', logger: false });
    try {
      const watcher = core.watcher;
      if (!watcher) throw new Error('the core runs no watchers');
      // The watchers' first pass is over: the next periodic one is 5 s away.
      await waitFor('the first source watched', () => watcher.watching().includes('first'));
      const login = await fetch(`${core.url}api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'dx', password: testPassword }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const res = await fetch(`${core.url}api/printlog/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: 'honcho', folder, glob: 'papercut-print-log-*.csv' }),
      });
      expect(res.status).toBe(200);
      await waitFor('the new source watched', () => watcher.watching().includes('honcho'), 2_000);
      const check = openDatabase(databaseFile(data));
      try {
        await waitFor('its jobs read', () => jobCount(check) === 2, 2_000);
      } finally {
        check.close();
      }
    } finally {
      await core.close();
      removeTempDir(data);
    }
  });
});
