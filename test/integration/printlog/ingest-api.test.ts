import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFolderOf } from '../../../electron/app/printlog/ingest-store.js';
import { newSourceToken } from '../../../electron/app/printlog/source-token.js';
import type { LogSource, SourceInput } from '../../../electron/app/printlog/sources.repo.js';
import { createServices } from '../../../electron/app/services.js';
import { api } from '../../../shared/api/endpoints.js';
import { ingestChunkMaxBytes } from '../../../shared/api/ingest.js';
import { fixturesDir, loadExpected } from '../../helpers/printlog-fixtures.js';
import { bodyOf, errorOf, makeTempDir, removeTempDir, testApp, testFileDb } from '../../helpers/test-app.js';
import { jobCount, rejectedCount, startWatching, waitFor, type Watching } from '../../helpers/watcher-harness.js';

type World = Awaited<ReturnType<typeof testApp>>;
const octet = 'application/octet-stream';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** An agent source straight in the repository, as `kamiless sources add --agent` makes it; its token is known only here. */
function addAgentSource(world: World, name: string, input: Partial<SourceInput> = {}): { source: LogSource; token: string } {
  const { token, hash } = newSourceToken();
  const { source } = createServices(world.db, world.clock).sources.add({
    name, kind: 'agent', folder: '', glob: 'papercut-print-log-*.csv', format: 'auto', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000,
    ...input,
  }, hash);
  return { source, token };
}

const sourceNamed = (world: World, name: string): LogSource => {
  const s = createServices(world.db, world.clock).sources.byName(name);
  if (!s) throw new Error(`no source ${name}`);
  return s;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function hello(world: World, token: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return world.app.inject({ method: 'POST', url: '/api/ingest/hello', headers: bearer(token), payload: body });
}

function fileState(world: World, token: string, path: string): Promise<LightMyRequestResponse> {
  return world.app.inject({ method: 'GET', url: `/api/ingest/files?${new URLSearchParams({ path }).toString()}`, headers: bearer(token) });
}

function sendChunk(
  world: World, token: string, path: string, offset: number, bytes: Buffer,
  extra: { restart?: boolean; backlog?: number; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ path, offset: String(offset) });
  if (extra.restart !== undefined) query.set('restart', String(extra.restart));
  if (extra.backlog !== undefined) query.set('backlog', String(extra.backlog));
  return world.app.inject({
    method: 'POST', url: `/api/ingest/files?${query.toString()}`,
    headers: { ...bearer(token), 'content-type': octet, ...extra.headers }, payload: bytes,
  });
}

/** Streams `total` bytes in 64 KiB pieces over real HTTP without a length (chunked), as a client that declares none would. */
function postChunked(port: number, token: string, path: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...bearer(token), 'content-type': octet } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += 64 * 1024;
        if (!req.write(Buffer.alloc(64 * 1024, 0x41))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the ingest API (what branch agents call)', () => {
  let dir: string;
  let world: World;
  let kita: { source: LogSource; token: string };
  const ingestRoot = () => join(dir, 'ingest');
  const copyPath = (rel: string) => join(ingestFolderOf(ingestRoot(), kita.source.id), ...rel.split('/'));
  const copyOf = (rel: string) => readFileSync(copyPath(rel));

  beforeAll(async () => {
    dir = makeTempDir('kamiless-ingest-api-');
    // A data folder of the test's own, so the copies land where the test can look (and nowhere shared).
    world = await testApp({ db: testFileDb(dir), dataDir: dir });
    kita = addAgentSource(world, 'branch-kita', { format: 'papercut-logger' });
  });
  afterAll(async () => {
    await world.app.close();
    world.db.close();
    removeTempDir(dir);
  });

  describe('POST /api/ingest/hello', () => {
    it("answers with the source's settings and records the agent's host and version, and its folder when the source names none", async () => {
      const res = await hello(world, kita.token, { host: 'kita-ps01', version: '1.2.3', path: 'D:\\PaperCut\\logs', glob: 'papercut-print-log-*.csv' });
      expect(bodyOf(api.ingestHello, res)).toEqual({ source: 'branch-kita', format: 'papercut-logger', siteCode: null });
      expect(sourceNamed(world, 'branch-kita')).toMatchObject({
        agentHost: 'kita-ps01', agentVersion: '1.2.3', agentSeenAt: new Date(world.clock.now()).toISOString(), folder: 'D:\\PaperCut\\logs',
      });
    });

    it('keeps the folder once set, while host and version follow the agent', async () => {
      world.clock.advance(60_000);
      const res = await hello(world, kita.token, { host: 'kita-ps02', version: '1.2.4', path: 'E:\\elsewhere', glob: '*.csv', format: 'papercut-logger' });
      expect(res.statusCode).toBe(200);
      expect(sourceNamed(world, 'branch-kita')).toMatchObject({
        agentHost: 'kita-ps02', agentVersion: '1.2.4', agentSeenAt: new Date(world.clock.now()).toISOString(), folder: 'D:\\PaperCut\\logs',
      });
    });

    it("refuses an agent whose --format differs from the source's: 409 conflict on body.format, nothing recorded", async () => {
      const before = sourceNamed(world, 'branch-kita');
      world.clock.advance(60_000);
      const res = await hello(world, kita.token, { host: 'other', version: '9', path: '/x', glob: '*.log', format: 'cups' });
      expect(res.statusCode).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'conflict', field: 'body.format' });
      expect(errorOf(res).detail).toContain('papercut-logger');
      expect(sourceNamed(world, 'branch-kita')).toEqual(before);
    });

    it("takes any --format for a source read as 'auto'", async () => {
      const auto = addAgentSource(world, 'branch-auto');
      const res = await hello(world, auto.token, { host: 'h', version: '1', path: '/var/log/cups', glob: 'page_log*', format: 'cups' });
      expect(bodyOf(api.ingestHello, res)).toEqual({ source: 'branch-auto', format: 'auto', siteCode: null });
    });
  });

  describe('the source token', () => {
    it('is required: none, a malformed one, an unknown one → 401', async () => {
      const none = await world.app.inject({ method: 'POST', url: '/api/ingest/hello', payload: { host: 'h', version: '1', path: '', glob: '*' } });
      expect(none.statusCode).toBe(401);
      expect(errorOf(none).code).toBe('unauthenticated');
      for (const authorization of ['Bearer short', `Basic ${kita.token}`, `Bearer ${newSourceToken().token}`]) {
        const res = await world.app.inject({ method: 'GET', url: '/api/ingest/files?path=a.csv', headers: { authorization } });
        expect(res.statusCode, authorization).toBe(401);
      }
    });

    it("of a folder source (watched by the hub itself) does not let anyone send as it", async () => {
      const { token, hash } = newSourceToken();
      createServices(world.db, world.clock).sources.add({
        name: 'honcho-folder', kind: 'folder', folder: dir, glob: '*.csv', format: 'auto', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000,
      }, hash);
      const res = await fileState(world, token, 'a.csv');
      expect(res.statusCode).toBe(401);
    });

    it('stops working the moment it is renewed; the new one works', async () => {
      const renewed = addAgentSource(world, 'branch-renewed');
      expect((await fileState(world, renewed.token, 'a.csv')).statusCode).toBe(200);
      const next = newSourceToken();
      createServices(world.db, world.clock).sources.setTokenHash(renewed.source.id, next.hash);
      const old = await sendChunk(world, renewed.token, 'a.csv', 0, Buffer.from('x\r\n'));
      expect(old.statusCode).toBe(401);
      expect(errorOf(old).code).toBe('unauthenticated');
      expect(existsSync(ingestFolderOf(ingestRoot(), renewed.source.id))).toBe(false);
      expect(bodyOf(api.ingestFileState, await fileState(world, next.token, 'a.csv'))).toEqual({ position: 0, headHash: '', headLength: 0 });
    });

    it("of a removed (deactivated) source → 401", async () => {
      const gone = addAgentSource(world, 'branch-gone');
      expect((await hello(world, gone.token, { host: 'h', version: '1', path: '/p', glob: '*' })).statusCode).toBe(200);
      createServices(world.db, world.clock).sources.deactivate('branch-gone');
      expect((await hello(world, gone.token, { host: 'h', version: '1', path: '/p', glob: '*' })).statusCode).toBe(401);
      expect((await sendChunk(world, gone.token, 'a.csv', 0, Buffer.from('x\r\n'))).statusCode).toBe(401);
      expect(existsSync(ingestFolderOf(ingestRoot(), gone.source.id))).toBe(false);
    });
  });

  describe('GET and POST /api/ingest/files', () => {
    const name = 'papercut-print-log-2024-05-01.csv';
    const text = Buffer.from(readFileSync(join(fixturesDir(), 'papercut-logger/daily/papercut-print-log-2024-03-30.csv')));

    it('holds nothing of a file never sent', async () => {
      expect(bodyOf(api.ingestFileState, await fileState(world, kita.token, name))).toEqual({ position: 0, headHash: '', headLength: 0 });
    });

    it('appends a chunk: the position grows and the copy holds exactly the bytes sent', async () => {
      const first = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, name, 0, text.subarray(0, 300)));
      expect(first).toEqual({ position: 300, headHash: sha256(text.subarray(0, 300)), headLength: 300 });
      const second = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, name, 300, text.subarray(300, 700)));
      expect(second).toEqual({ position: 700, headHash: sha256(text.subarray(0, 700)), headLength: 700 });
      expect(copyOf(name).equals(text.subarray(0, 700))).toBe(true);
      expect(bodyOf(api.ingestFileState, await fileState(world, kita.token, name))).toEqual(second);
    });

    it('stores a chunk sent again (its answer was lost) once', async () => {
      const res = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, name, 300, text.subarray(300, 700)));
      expect(res.position).toBe(700);
      expect(copyOf(name).equals(text.subarray(0, 700))).toBe(true);
    });

    it('refuses a chunk that leaves a gap: 409 offset_mismatch, nothing written', async () => {
      const res = await sendChunk(world, kita.token, name, 701, text.subarray(701));
      expect(res.statusCode).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'offset_mismatch', field: 'query.offset' });
      expect(errorOf(res).detail).toContain('700');
      expect(copyOf(name).equals(text.subarray(0, 700))).toBe(true);
    });

    it("records the agent's backlog, and keeps it when a chunk does not say", async () => {
      const res = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, name, 700, text.subarray(700), { backlog: 123_456 }));
      expect(res).toEqual({ position: text.length, headHash: sha256(text.subarray(0, 1024)), headLength: 1024 });
      expect(copyOf(name).equals(text)).toBe(true);
      expect(sourceNamed(world, 'branch-kita').agentBacklog).toBe(123_456);
      expect((await sendChunk(world, kita.token, name, text.length, Buffer.alloc(0))).statusCode).toBe(200);
      expect(sourceNamed(world, 'branch-kita').agentBacklog).toBe(123_456);
      expect((await sendChunk(world, kita.token, name, text.length, Buffer.alloc(0), { backlog: 0 })).statusCode).toBe(200);
      expect(sourceNamed(world, 'branch-kita').agentBacklog).toBe(0);
    });

    it('keeps files in folders under their relative path', async () => {
      const res = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, 'mfp1/2024/a.csv', 0, Buffer.from('x,y\r\n')));
      expect(res.position).toBe(5);
      expect(copyOf('mfp1/2024/a.csv').toString()).toBe('x,y\r\n');
    });

    it("on restart keeps the old copy under another name and starts a new one; a restart not at offset 0 is refused", async () => {
      const rel = 'rotating.csv';
      bodyOf(api.ingestChunk, await sendChunk(world, kita.token, rel, 0, Buffer.from('old 1\r\nold 2\r\n')));
      const bad = await sendChunk(world, kita.token, rel, 3, Buffer.from('new'), { restart: true });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad)).toMatchObject({ code: 'validation', field: 'query.offset' });
      expect(copyOf(rel).toString()).toBe('old 1\r\nold 2\r\n');

      const res = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, rel, 0, Buffer.from('new 1\r\n'), { restart: true }));
      expect(res.position).toBe(7);
      expect(copyOf(rel).toString()).toBe('new 1\r\n');
      const kept = readdirSync(ingestFolderOf(ingestRoot(), kita.source.id)).filter((f) => f.startsWith(`${rel}.`));
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatch(/^rotating\.csv\.\d{8}T\d{6}Z\.replaced$/);
      expect(copyOf(kept[0] ?? '').toString()).toBe('old 1\r\nold 2\r\n');
    });

    it("refuses a path that is not a plain relative one: 400 on query.path, for both routes, nothing written", async () => {
      const before = readdirSync(ingestFolderOf(ingestRoot(), kita.source.id)).sort();
      for (const path of ['../escape.csv', 'a/../../escape.csv', '/etc/escape.csv', 'a\\b.csv', '..\\escape.csv', 'C:/escape.csv', 'a//b.csv', './a.csv', 'a\u0001.csv', '']) {
        const post = await sendChunk(world, kita.token, path, 0, Buffer.from('evil\r\n'));
        expect(post.statusCode, JSON.stringify(path)).toBe(400);
        expect(errorOf(post), JSON.stringify(path)).toMatchObject({ code: 'validation', field: 'query.path' });
        const get = await fileState(world, kita.token, path);
        expect(get.statusCode, JSON.stringify(path)).toBe(400);
        expect(errorOf(get).field).toBe('query.path');
      }
      expect(readdirSync(ingestFolderOf(ingestRoot(), kita.source.id)).sort()).toEqual(before);
      expect(readdirSync(ingestRoot()).some((f) => f.includes('escape'))).toBe(false);
      expect(existsSync(join(dir, 'escape.csv'))).toBe(false);
    });

    it('refuses a chunk declared larger than the limit before reading it: 413 too_large, nothing written', async () => {
      const res = await sendChunk(world, kita.token, 'big.csv', 0, Buffer.from('x'), { headers: { 'content-length': String(ingestChunkMaxBytes + 1) } });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res)).toMatchObject({ code: 'too_large', field: 'body' });
      expect(errorOf(res).detail).toContain(String(ingestChunkMaxBytes));
      expect(existsSync(copyPath('big.csv'))).toBe(false);
    });

    it('stops a chunk without a length as soon as it passes the limit: 413 over real HTTP, the copy at most the limit', async () => {
      // Over a real socket: the 413 must reach the agent, so the request may not be destroyed with the socket under it.
      await world.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (world.app.server.address() as AddressInfo).port;
      const res = await postChunked(port, kita.token, '/api/ingest/files?path=streamed.csv&offset=0', ingestChunkMaxBytes + 256 * 1024);
      expect(res.status).toBe(413);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('too_large');
      const held = bodyOf(api.ingestFileState, await fileState(world, kita.token, 'streamed.csv')).position;
      expect(held).toBeLessThanOrEqual(ingestChunkMaxBytes);
      expect(copyOf('streamed.csv').every((b) => b === 0x41)).toBe(true);
    });

    it('takes a chunk larger than the JSON body limit (1 MiB) up to its own limit', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024, 0x42);
      const res = bodyOf(api.ingestChunk, await sendChunk(world, kita.token, 'large.csv', 0, big));
      expect(res.position).toBe(big.length);
      expect(copyOf('large.csv').equals(big)).toBe(true);
    });

    it('refuses a JSON body on the chunk route: 400 on body', async () => {
      const res = await world.app.inject({
        method: 'POST', url: '/api/ingest/files?path=json.csv&offset=0', headers: bearer(kita.token), payload: { bytes: 'x' },
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'validation', field: 'body' });
      expect(existsSync(copyPath('json.csv'))).toBe(false);
    });
  });
});

describe('agent to hub to watcher, in one process', () => {
  const daily = 'papercut-logger/daily';
  const names = ['papercut-print-log-2024-03-25.csv', 'papercut-print-log-2024-03-30.csv', 'papercut-print-log-2024-04-03.csv', 'papercut-print-log-2024-04-07.csv'];
  let dir: string;
  let world: World;
  let watching: Watching;
  let minami: { source: LogSource; token: string };

  beforeAll(async () => {
    dir = makeTempDir('kamiless-ingest-e2e-');
    world = await testApp({ db: testFileDb(dir), dataDir: dir });
    minami = addAgentSource(world, 'branch-minami');
    // The hub's watcher follows the same ingest folder the API writes to, on the same database.
    watching = await startWatching(world.db, { ingestDir: join(dir, 'ingest') });
  });
  afterAll(async () => {
    await watching.service.stop();
    await world.app.close();
    world.db.close();
    removeTempDir(dir);
  });

  /** Cut points inside lines (never just after a newline), so the watcher sees half lines at the copy's end. */
  function cutsOf(bytes: Buffer, parts: number): number[] {
    const cuts: number[] = [];
    for (let k = 1; k < parts; k++) {
      let at = Math.floor((bytes.length * k) / parts);
      while (bytes[at - 1] === 0x0a || bytes[at] === 0x0a || bytes[at] === 0x0d) at += 1;
      cuts.push(at);
    }
    return cuts;
  }

  it("stores exactly the fixture files' jobs, sent in chunks cut mid-line, under the source's name", async () => {
    expect(watching.service.watching()).toEqual(['branch-minami']);
    const expected = loadExpected();
    const want = { jobs: 0, pages: 0, sheets: 0 };
    const files = names.map((name, i) => {
      const e = expected[`${daily}/${name}`];
      if (e?.jobs === undefined || e.pages === undefined || e.sheets === undefined) throw new Error(`expected.json has no figures for ${name}`);
      want.jobs += e.jobs;
      want.pages += e.pages;
      want.sheets += e.sheets;
      const bytes = readFileSync(join(fixturesDir(), daily, name));
      return { name, bytes, e, cuts: cutsOf(bytes, i % 2 === 0 ? 3 : 2) };
    });

    bodyOf(api.ingestHello, await hello(world, minami.token, { host: 'minami-ps', version: '1.0.0', path: 'C:\\logs', glob: 'papercut-print-log-*.csv' }));
    // Interleaved as an agent with several files behind would never do, and the watcher must not mind.
    const maxParts = Math.max(...files.map((f) => f.cuts.length + 1));
    for (let part = 0; part < maxParts; part++) {
      for (const f of files) {
        const bounds = [0, ...f.cuts, f.bytes.length];
        if (part >= bounds.length - 1) continue;
        const from = bounds[part] ?? 0;
        const to = bounds[part + 1] ?? f.bytes.length;
        const state = bodyOf(api.ingestChunk, await sendChunk(world, minami.token, f.name, from, f.bytes.subarray(from, to), { backlog: 0 }));
        expect(state.position).toBe(to);
        // Lets the watcher read some half-sent files before the rest arrives.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    }

    await waitFor(`${want.jobs} jobs`, () => jobCount(world.db) >= want.jobs);
    await watching.service.idle();
    const totals = world.db.prepare('SELECT count(*) AS jobs, sum(pages) AS pages, sum(sheets) AS sheets FROM print_jobs').get();
    expect(totals).toEqual(want);
    expect(rejectedCount(world.db)).toBe(0);
    expect(watching.errors).toEqual([]);

    const folder = ingestFolderOf(join(dir, 'ingest'), minami.source.id);
    const stored = world.db.prepare(`SELECT f.path, f.source, count(j.id) AS jobs, coalesce(sum(j.sheets), 0) AS sheets
      FROM log_files f LEFT JOIN print_jobs j ON j.file_id = f.id GROUP BY f.id ORDER BY f.path`).all();
    expect(stored).toEqual(files.map((f) => ({ path: join(folder, f.name), source: 'branch-minami', jobs: f.e.jobs, sheets: f.e.sheets })));
    for (const f of files) expect(readFileSync(join(folder, f.name)).equals(f.bytes)).toBe(true);
  });
});
