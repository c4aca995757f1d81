import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { importMaxBytes } from '../../../shared/api/printlog.js';
import { fixturesDir, loadExpected } from '../../helpers/printlog-fixtures.js';
import { writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { bodyOf, errorOf, makeTempDir, removeTempDir, signIn, testApp, testClock, testFileDb, type Client } from '../../helpers/test-app.js';

const fixture = 'papercut-logger/bad-lines-utf8.csv';
const expected = loadExpected()[fixture];
const bytes = readFileSync(join(fixturesDir(), fixture));
const octet = { 'content-type': 'application/octet-stream' };

let dir: string;
let world: Awaited<ReturnType<typeof testApp>>;
let dx: Client;
let admin: Client;
let clerk: Client;

beforeAll(async () => {
  dir = makeTempDir('kamiless-import-api-');
  // "Today" in Tokyo is 2 May 2024: five of the fixture's jobs fall on it.
  world = await testApp({ db: testFileDb(dir), clock: testClock(Date.parse('2024-05-02T12:00:00+09:00')) });
  dx = await signIn(world.app, 'dx');
  admin = await signIn(world.app, 'admin');
  clerk = await signIn(world.app, 'clerk');
});
afterAll(async () => {
  await world.app.close();
  world.db.close();
  removeTempDir(dir);
});

const spoolEntries = () => (existsSync(join(dir, 'imports')) ? readdirSync(join(dir, 'imports')) : []);
const upload = (client: Client, payload: Buffer | string | Readable, url = '/api/printlog/import?name=bad-lines-utf8.csv', headers: Record<string, string> = octet) =>
  client.inject({ method: 'POST', url, headers, payload });

describe('POST /api/printlog/import', () => {
  it('imports an uploaded Print Logger file in a worker: 10 jobs, 6 rejected lines with their reasons', async () => {
    const res = await upload(dx, bytes);
    const result = bodyOf(api.importLogFile, res);
    expect(result).toMatchObject({
      name: 'bad-lines-utf8.csv',
      format: 'papercut-logger',
      encoding: 'utf-8',
      jobs: expected?.jobs,
      pages: expected?.pages,
      sheets: expected?.sheets,
      duplicates: 0,
      rejectedCount: 6,
    });
    expect(result.formatReason).not.toBe('');
    expect(result.encodingReason).toMatch(/byte-order mark/i);
    expect(result.rejected.map((r) => r.line)).toEqual(expected?.rejected);
    for (const r of result.rejected) expect(r.reason.length).toBeGreaterThan(3);
    expect(result.fileId).toEqual(expect.any(Number));
    // The upload is not kept: the rows are what was imported.
    expect(spoolEntries()).toEqual([]);
  });

  it('lists the file with its jobs, sightings and rejected count', async () => {
    const list = bodyOf(api.listLogFiles, await dx.inject({ method: 'GET', url: '/api/printlog/files?page=1&pageSize=10' }));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      source: 'upload:dx',
      format: 'papercut-logger',
      encoding: 'utf-8',
      finished: true,
      jobs: 10,
      pages: expected?.pages,
      sheets: expected?.sheets,
      sightings: 10,
      rejected: 6,
    });
    expect(list.items[0]?.path.endsWith('bad-lines-utf8.csv')).toBe(true);
    expect(list.items[0]?.lines).toBeGreaterThanOrEqual(18);
  });

  it("lists the file's rejected lines in order, with reason and raw text", async () => {
    const files = bodyOf(api.listLogFiles, await dx.inject({ method: 'GET', url: '/api/printlog/files' }));
    const fileId = files.items[0]?.id ?? 0;
    const rejected = bodyOf(api.listRejectedLines, await dx.inject({ method: 'GET', url: `/api/printlog/rejected?fileId=${fileId}` }));
    expect(rejected.total).toBe(6);
    expect(rejected.items.map((r) => r.line)).toEqual(expected?.rejected);
    expect(rejected.items[0]).toMatchObject({ fileId, line: 4 });
    expect(rejected.items[0]?.raw).toContain('25:61:00');
    expect(rejected.items.find((r) => r.line === 12)?.raw).toContain('garbage');
    for (const r of rejected.items) expect(r.path.endsWith('bad-lines-utf8.csv')).toBe(true);

    const all = bodyOf(api.listRejectedLines, await admin.inject({ method: 'GET', url: '/api/printlog/rejected?pageSize=2&page=2' }));
    expect(all.total).toBe(6);
    expect(all.items.map((r) => r.line)).toEqual(expected?.rejected.slice(2, 4));

    const missing = await dx.inject({ method: 'GET', url: '/api/printlog/rejected?fileId=999' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).field).toBe('query.fileId');
  });

  it('sums the stored jobs for the header cards, today counted in Tokyo time', async () => {
    const summary = bodyOf(api.printlogSummary, await dx.inject({ method: 'GET', url: '/api/printlog/summary' }));
    expect(summary).toEqual({
      files: 1,
      jobs: 10,
      pages: expected?.pages,
      sheets: expected?.sheets,
      jobsToday: 5,
      rejected: 6,
      // 2024-05-02 17:32:43 in Tokyo, the last job that is not rejected.
      latestJobTime: '2024-05-02T08:32:43.000Z',
    });
  });

  it('counts a second upload of the same file as duplicates, by content, and keeps one file', async () => {
    const res = await upload(admin, bytes, '/api/printlog/import', { ...octet, 'x-file-name': encodeURIComponent('再送 bad-lines.csv') });
    const result = bodyOf(api.importLogFile, res);
    expect(result).toMatchObject({ name: '再送 bad-lines.csv', jobs: 0, duplicates: 10, rejectedCount: 6 });
    const summary = bodyOf(api.printlogSummary, await dx.inject({ method: 'GET', url: '/api/printlog/summary' }));
    expect(summary).toMatchObject({ files: 1, jobs: 10, rejected: 6 });
    const files = bodyOf(api.listLogFiles, await dx.inject({ method: 'GET', url: '/api/printlog/files' }));
    expect(files.items[0]).toMatchObject({ source: 'upload:dx', jobs: 10, sightings: 10 });
  });

  it('refuses a clerk (403) without storing anything', async () => {
    const res = await upload(clerk, bytes);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
    expect(spoolEntries()).toEqual([]);
    for (const url of ['/api/printlog/files', '/api/printlog/rejected', '/api/printlog/summary']) {
      expect((await clerk.inject({ method: 'GET', url })).statusCode).toBe(403);
    }
  });

  it('refuses a body declared larger than the limit before reading it: 413 too_large', async () => {
    const res = await upload(dx, 'x', '/api/printlog/import?name=big.csv', { ...octet, 'content-length': String(importMaxBytes + 1) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'too_large', field: 'body', message: 'ファイルが大きすぎるため受け付けられません' });
    expect(errorOf(res).detail).toContain(String(importMaxBytes));
  });

  it('names the reason when the format is not recognised: 422 import_failed, nothing stored', async () => {
    const res = await dx.inject({
      method: 'POST',
      url: '/api/printlog/import?name=notes.txt',
      headers: { ...octet, 'accept-language': 'en' },
      payload: 'Dear all,\nthe printer on the 2nd floor is out of toner.\n',
    });
    expect(res.statusCode).toBe(422);
    const error = errorOf(res);
    expect(error).toMatchObject({ code: 'import_failed', message: 'The log file could not be imported' });
    expect(error.detail).toMatch(/no known log format matches/);
    expect(error.detail).not.toContain('imports');
    expect(bodyOf(api.printlogSummary, await dx.inject({ method: 'GET', url: '/api/printlog/summary' })).files).toBe(1);
    expect(spoolEntries()).toEqual([]);
  });

  it('refuses an unknown ?format= (400 naming it) and a JSON body (400 naming the body)', async () => {
    const badFormat = await upload(dx, bytes, '/api/printlog/import?name=a.csv&format=lotus');
    expect(badFormat.statusCode).toBe(400);
    expect(errorOf(badFormat)).toMatchObject({ code: 'validation', field: 'query.format' });

    const json = await dx.inject({ method: 'POST', url: '/api/printlog/import', payload: { file: 'a,b,c' } });
    expect(json.statusCode).toBe(400);
    expect(errorOf(json)).toMatchObject({ code: 'validation', field: 'body' });
    expect(errorOf(json).detail).toContain('application/octet-stream');
  });

  it('honours ?format= over detection', async () => {
    const res = await upload(dx, bytes, '/api/printlog/import?name=as-cups.csv&format=cups');
    const result = bodyOf(api.importLogFile, res);
    expect(result.format).toBe('cups');
    expect(result.formatReason).toMatch(/given/);
  });
});

describe('the upload limit while streaming', () => {
  it('stops reading a body without a length as soon as it passes the limit: 413, nothing left on disk', async () => {
    const small = makeTempDir('kamiless-import-limit-');
    const { app, db } = await testApp({ db: testFileDb(small), importMaxBytes: 64 * 1024 });
    try {
      const client = await signIn(app, 'dx');
      let sent = 0;
      const body = new Readable({
        read() {
          // 1 MiB in 16 KiB chunks, far past the 64 KiB limit.
          if (sent >= 1024 * 1024) return this.push(null);
          sent += 16 * 1024;
          this.push(Buffer.alloc(16 * 1024, 0x41));
        },
      });
      const res = await client.inject({ method: 'POST', url: '/api/printlog/import?name=huge.csv', headers: { ...octet, 'transfer-encoding': 'chunked' }, payload: body });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res).code).toBe('too_large');
      expect(readdirSync(join(small, 'imports'))).toEqual([]);
    } finally {
      await app.close();
      db.close();
      removeTempDir(small);
    }
  });
});

/** Streams `total` bytes in 16 KiB chunks over real HTTP (chunked: no length) and returns the answer. */
function postChunked(port: number, client: Client, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/printlog/import?name=huge.csv', headers: { ...octet, cookie: client.cookie, 'x-csrf-token': client.csrf } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += 16 * 1024;
        if (!req.write(Buffer.alloc(16 * 1024, 0x41))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the upload limit over real HTTP', () => {
  it('answers 413 to a chunked upload past the limit, the connection intact to deliver it', async () => {
    const small = makeTempDir('kamiless-import-http-');
    const { app, db } = await testApp({ db: testFileDb(small), importMaxBytes: 64 * 1024 });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const client = await signIn(app, 'dx');
      const res = await postChunked((app.server.address() as AddressInfo).port, client, 2 * 1024 * 1024);
      expect(res.status).toBe(413);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('too_large');
      expect(readdirSync(join(small, 'imports'))).toEqual([]);
    } finally {
      await app.close();
      db.close();
      removeTempDir(small);
    }
  });
});

describe('a browser that goes away mid-import', () => {
  it('stops the import: what was committed stays consistent, the upload is removed', async () => {
    const dir2 = makeTempDir('kamiless-import-gone-');
    const { app, db } = await testApp({ db: testFileDb(dir2) });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const client = await signIn(app, 'dx');
      const log = join(dir2, 'all-time.csv');
      const totals = await writePrintLoggerFile(log, 60_000, 3);
      const content = readFileSync(log);
      const req = request({
        host: '127.0.0.1', port: (app.server.address() as AddressInfo).port, method: 'POST', path: '/api/printlog/import?name=all-time.csv',
        headers: { ...octet, 'content-length': String(content.length), cookie: client.cookie, 'x-csrf-token': client.csrf },
      });
      req.on('error', () => undefined);
      req.end(content);
      const committed = () => (db.prepare('SELECT coalesce(max(line), 0) AS line FROM log_files').get() as { line: number }).line;
      while (committed() === 0) await new Promise((r) => setTimeout(r, 5));
      req.destroy();
      while (readdirSync(join(dir2, 'imports')).length > 0) await new Promise((r) => setTimeout(r, 10));
      const stored = db.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number };
      expect(stored.n).toBeGreaterThan(0);
      expect(stored.n).toBeLessThan(totals.jobs);
      expect((db.prepare('SELECT finished FROM log_files').get() as { finished: number }).finished).toBe(0);
    } finally {
      await app.close();
      db.close();
      removeTempDir(dir2);
    }
  });
});

describe('a large import', () => {
  it("reports the import's progress to its uploader only, rising in bytes and lines, gone once answered", async () => {
    const big = makeTempDir('kamiless-import-progress-');
    const { app, db } = await testApp({ db: testFileDb(big) });
    try {
      const dxClient = await signIn(app, 'dx');
      const adminClient = await signIn(app, 'admin');
      const log = join(big, 'papercut-print-log-all-time.csv');
      const totals = await writePrintLoggerFile(log, 60_000, 13);
      const size = readFileSync(log).length;
      const uploadId = 'progress-test-0001';
      const progressUrl = `/api/printlog/import/progress?uploadId=${uploadId}`;
      const pending = dxClient.inject({ method: 'POST', url: `/api/printlog/import?name=all-time.csv&uploadId=${uploadId}`, headers: octet, payload: readFileSync(log) });
      let done = false;
      void pending.then(() => (done = true));
      const seen: { bytesRead: number; lines: number; jobs: number }[] = [];
      while (!done) {
        const res = await dxClient.inject({ method: 'GET', url: progressUrl });
        if (res.statusCode === 200) {
          const p = bodyOf(api.importProgress, res);
          expect(p.bytesTotal).toBe(size);
          seen.push(p);
          const other = await adminClient.inject({ method: 'GET', url: progressUrl });
          expect(other.statusCode).toBe(404);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(bodyOf(api.importLogFile, await pending)).toMatchObject({ jobs: totals.jobs });
      const midway = seen.filter((p) => p.bytesRead > 0 && p.bytesRead < size);
      expect(midway.length).toBeGreaterThan(0);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]?.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]?.bytesRead ?? 0);
        expect(seen[i]?.lines).toBeGreaterThanOrEqual(seen[i - 1]?.lines ?? 0);
      }
      expect(midway.every((p) => p.lines > 0 && p.jobs <= totals.jobs)).toBe(true);
      expect((await dxClient.inject({ method: 'GET', url: progressUrl })).statusCode).toBe(404);
    } finally {
      await app.close();
      db.close();
      removeTempDir(big);
    }
  });

  it('leaves the API answering while it runs, and stores every job exactly once', async () => {
    const big = makeTempDir('kamiless-import-big-');
    const { app, db } = await testApp({ db: testFileDb(big) });
    try {
      const client = await signIn(app, 'dx');
      const log = join(big, 'papercut-print-log-all-time.csv');
      const totals = await writePrintLoggerFile(log, 60_000, 11);
      const pending = client.inject({ method: 'POST', url: '/api/printlog/import?name=all-time.csv', headers: octet, payload: readFileSync(log) });
      let done = false;
      void pending.then(() => (done = true));
      const latencies: number[] = [];
      while (!done) {
        const t0 = performance.now();
        const res = await client.inject({ method: 'GET', url: '/api/health' });
        latencies.push(performance.now() - t0);
        expect(res.statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 5));
      }
      const result = bodyOf(api.importLogFile, await pending);
      expect(result).toMatchObject({ jobs: totals.jobs, pages: totals.pages, sheets: totals.sheets, rejectedCount: 0 });
      // Answered many times during the import, never held up by it for long.
      expect(latencies.length).toBeGreaterThan(5);
      expect(Math.max(...latencies)).toBeLessThan(1000);
    } finally {
      await app.close();
      db.close();
      removeTempDir(big);
    }
  });
});
