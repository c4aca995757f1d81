import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { ingestFolderOf } from '../../../electron/app/printlog/ingest-store.js';
import { prng, writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { addSource, openTestDb } from '../../helpers/watcher-harness.js';
import { newSourceToken } from '../../../electron/app/printlog/source-token.js';
import { createSourcesRepo } from '../../../electron/app/printlog/sources.repo.js';
import { systemClock } from '../../../electron/app/clock.js';

const runCli = new URL('../../helpers/run-cli.ts', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cli(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', runCli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function until<T>(what: string, probe: () => T | false | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== false && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function stored(dataDir: string) {
  const db = openDatabase(databaseFile(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS jobs, coalesce(sum(pages), 0) AS pages, coalesce(sum(sheets), 0) AS sheets FROM print_jobs').get() as {
      jobs: number; pages: number; sheets: number;
    };
  } finally {
    db.close();
  }
}

/** Appends `bytes` to `path` in random pieces (cutting lines anywhere), with pauses, while the agent reads. */
async function trickle(path: string, bytes: Buffer, rnd: () => number, pieces: number): Promise<void> {
  let at = 0;
  for (let i = 0; i < pieces && at < bytes.length; i++) {
    const size = i === pieces - 1 ? bytes.length - at : Math.max(1, Math.floor((bytes.length / pieces) * (0.5 + rnd())));
    appendFileSync(path, bytes.subarray(at, at + size));
    at += size;
    await sleep(Math.floor(rnd() * 40));
  }
  if (at < bytes.length) appendFileSync(path, bytes.subarray(at));
}

describe('branch agent', () => {
  it('delivers every job exactly once through agent and hub SIGKILLs, a hub outage, a new daily file and a rotation by rename', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-agent-'));
    const data = join(dir, 'data');
    const branch = join(dir, 'branch');
    mkdirSync(data);
    mkdirSync(branch);
    const staged = join(dir, 'staged-a.csv');
    const stagedB = join(dir, 'staged-b.csv');
    const a = await writePrintLoggerFile(staged, 12_000, 11);
    const b = await writePrintLoggerFile(stagedB, 3_000, 12);
    const bytesA = readFileSync(staged);
    const bytesB = readFileSync(stagedB);

    const db = openTestDb(data);
    const { token, hash } = newSourceToken();
    const source = createSourcesRepo(db, systemClock).add({
      name: '芸北支所', kind: 'agent', folder: '', glob: 'papercut-print-log-*.csv', format: 'papercut-logger', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000,
    }, hash).source;
    // A folder source beside it must not pick up the agent's files.
    addSource(db, { name: 'other', folder: dir, glob: 'nothing-*.csv' });
    db.close();
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, token);

    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${port}`;
    const startHub = async () => {
      const hub = cli(['hub', '--data', data, '--port', String(port)]);
      await until('the hub to listen', () => hub.output().includes('Kamiless hub:') || hub.child.exitCode !== null, 30_000);
      if (hub.child.exitCode !== null) throw new Error(`hub exited: ${hub.output()}`);
      return hub;
    };
    const startAgent = () => cli([
      'agent', '--hub', hubUrl, '--token-file', tokenFile, '--path', branch, '--glob', 'papercut-print-log-*.csv',
      '--format', 'papercut-logger', '--interval', '100', '--chunk-size', '8192',
    ]);
    const rnd = prng(5);
    const fileA = join(branch, 'papercut-print-log-2024-04-01.csv');
    const fileB = join(branch, 'papercut-print-log-2024-04-02.csv');
    const copies = ingestFolderOf(join(data, 'ingest'), source.id);
    const copyA = join(copies, 'papercut-print-log-2024-04-01.csv');

    let hub = await startHub();
    let agent = startAgent();
    const third = Math.floor(bytesA.length / 3);
    await trickle(fileA, bytesA.subarray(0, third), rnd, 10);

    // The agent is killed three times mid-file and started again while lines keep arriving.
    let killedAgent = 0;
    for (let i = 0; i < 3; i++) {
      await until('the hub to receive more', () => existsSync(copyA) && readFileSync(copyA).length > (i * third) / 3, 20_000)
        .catch((err: Error) => Promise.reject(new Error(`${err.message}\nagent:\n${agent.output()}\nhub:\n${hub.output()}`)));
      await sleep(Math.floor(rnd() * 100));
      agent.child.kill('SIGKILL');
      await agent.exited;
      killedAgent += 1;
      await trickle(fileA, bytesA.subarray(third + Math.floor((i * third) / 3), third + Math.floor(((i + 1) * third) / 3)), rnd, 5);
      agent = startAgent();
    }

    // The hub dies mid-stream; the branch keeps writing; the agent waits and resumes when it is back.
    await sleep(100 + Math.floor(rnd() * 200));
    hub.child.kill('SIGKILL');
    await hub.exited;
    await trickle(fileA, bytesA.subarray(2 * third), rnd, 5);
    writeFileSync(fileB, bytesB.subarray(0, 1000));
    await until('the agent to notice the outage', () => agent.output().includes('cannot be reached'), 20_000);
    hub = await startHub();
    appendFileSync(fileB, bytesB.subarray(1000));

    const expected = { jobs: a.jobs + b.jobs, pages: a.pages + b.pages, sheets: a.sheets + b.sheets };
    await until('every job at the hub', () => stored(data).jobs >= expected.jobs, 60_000);

    // A rotation by rename: the same bytes under a new name are sent again and add no job.
    renameSync(fileA, join(branch, 'papercut-print-log-2024-04-01-rotated.csv'));
    const rotatedCopy = join(copies, 'papercut-print-log-2024-04-01-rotated.csv');
    await until('the rotated file at the hub', () => existsSync(rotatedCopy) && readFileSync(rotatedCopy).length === bytesA.length, 30_000);
    await sleep(1500);

    try {
      expect(killedAgent).toBe(3);
      expect(agent.output()).toContain('the hub answers again');
      expect(stored(data)).toEqual(expected);
      expect(readFileSync(copyA).equals(bytesA)).toBe(true);
      expect(readFileSync(join(copies, 'papercut-print-log-2024-04-02.csv')).equals(bytesB)).toBe(true);
      expect(readdirSync(copies).filter((f) => f.endsWith('.replaced'))).toEqual([]);
      const check = openDatabase(databaseFile(data), { readonly: true });
      const sources = check.prepare('SELECT DISTINCT source FROM log_files').all() as { source: string }[];
      const agentRow = check.prepare('SELECT agent_host, agent_seen_at FROM log_sources WHERE id = ?').get(source.id) as { agent_host: string | null; agent_seen_at: string | null };
      check.close();
      expect(sources.map((s) => s.source)).toEqual(['芸北支所']);
      expect(agentRow.agent_host).not.toBeNull();
      expect(agentRow.agent_seen_at).not.toBeNull();
    } finally {
      agent.child.kill('SIGTERM');
      hub.child.kill('SIGTERM');
      await Promise.all([agent.exited, hub.exited]);
    }
  }, 180_000);

  it('stops with exit 1 and a clear message when the hub refuses its token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-agent-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    openTestDb(data).close();
    const port = await freePort();
    const hub = cli(['hub', '--data', data, '--port', String(port)]);
    await until('the hub to listen', () => hub.output().includes('Kamiless hub:'), 30_000);
    try {
      const agent = cli(['agent', '--hub', `http://127.0.0.1:${port}`, '--token', 'x'.repeat(43), '--path', dir, '--glob', '*.csv']);
      expect(await agent.exited).toBe(1);
      expect(agent.output()).toContain('the hub refused the token');
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  }, 60_000);
});
