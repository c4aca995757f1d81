import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/app/app-error.js';
import { ChunkTooLarge, IngestStore, ingestFolderOf } from '../../../electron/app/printlog/ingest-store.js';

let root: string;
let store: IngestStore;
const now = new Date('2026-04-01T09:08:07.654Z');
const source = 7;
const max = 1024 * 1024;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kamiless-ingest-store-'));
  store = new IngestStore(root, () => now);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const copyPath = (rel: string) => join(ingestFolderOf(root, source), ...rel.split('/'));
const copyOf = (rel: string) => readFileSync(copyPath(rel));

/** The body as the server hands it over: a stream, here in the given pieces. */
const body = (...pieces: (string | Buffer)[]) => Readable.from(pieces.map((p) => Buffer.from(p)));

const append = (rel: string, offset: number, pieces: (string | Buffer)[], opts: { restart?: boolean; maxBytes?: number } = {}) =>
  store.append(source, rel, { offset, restart: opts.restart ?? false, body: body(...pieces), maxBytes: opts.maxBytes ?? max });

/** A call's failure whether it is thrown at once or as a rejected promise. */
async function failureOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure, got none');
}

/** A body that hands over its pieces slowly, so a second request can arrive while it is being written. */
function slowBody(pieces: Buffer[], delayMs: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      setTimeout(() => this.push(i < pieces.length ? pieces[i++] : null), delayMs);
    },
  });
}

/** Lines of a Print Logger style file, long enough to pass the 1024-byte head. */
const lines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => `2024-05-01 09:${String((from + k) % 60).padStart(2, '0')}:00,sato-k,${from + k},1,MFP01,"doc ${from + k}",PC-1,A4\r\n`).join('');

describe('IngestStore.state', () => {
  it('holds nothing of a file never sent', async () => {
    expect(await store.state(source, 'never.csv')).toEqual({ position: 0, headHash: '', headLength: 0 });
    expect(existsSync(ingestFolderOf(root, source))).toBe(false);
  });
});

describe('IngestStore.append', () => {
  it('creates the copy; state gives its size and the hash of its first bytes', async () => {
    const text = 'PaperCut Print Logger\r\nTime,User\r\n';
    const state = await append('day.csv', 0, [text]);
    expect(state).toEqual({ position: text.length, headHash: sha256(Buffer.from(text)), headLength: text.length });
    expect(copyOf('day.csv').toString()).toBe(text);
    expect(await store.state(source, 'day.csv')).toEqual(state);
  });

  it('hashes only the first 1024 bytes of a longer copy', async () => {
    const text = Buffer.from(lines(0, 60));
    expect(text.length).toBeGreaterThan(2048);
    const state = await append('day.csv', 0, [text.subarray(0, 1500), text.subarray(1500)]);
    expect(state).toEqual({ position: text.length, headHash: sha256(text.subarray(0, 1024)), headLength: 1024 });
  });

  it('grows the copy chunk by chunk, and keeps the files of each source apart', async () => {
    const text = Buffer.from(lines(0, 30));
    await append('day.csv', 0, [text.subarray(0, 100)]);
    await append('day.csv', 100, [text.subarray(100, 777)]);
    const state = await append('day.csv', 777, [text.subarray(777)]);
    expect(state.position).toBe(text.length);
    expect(copyOf('day.csv').equals(text)).toBe(true);
    expect(await store.state(source + 1, 'day.csv')).toEqual({ position: 0, headHash: '', headLength: 0 });
  });

  it('stores a chunk sent twice (a retry after a lost answer) once', async () => {
    const first = await append('day.csv', 0, ['line 1\r\nline 2\r\n']);
    const again = await append('day.csv', 0, ['line 1\r\nline 2\r\n']);
    expect(again).toEqual(first);
    expect(copyOf('day.csv').toString()).toBe('line 1\r\nline 2\r\n');
  });

  it('appends only the new part of a chunk that overlaps what is held, even across its pieces', async () => {
    const text = Buffer.from(lines(0, 20));
    await append('day.csv', 0, [text.subarray(0, 500)]);
    // Starts at 200: 300 bytes already held, spread over the first two pieces.
    const state = await append('day.csv', 200, [text.subarray(200, 350), text.subarray(350, 520), text.subarray(520, 800)]);
    expect(state.position).toBe(800);
    expect(copyOf('day.csv').equals(text.subarray(0, 800))).toBe(true);
  });

  it('skips a chunk that lies wholly inside what is held', async () => {
    const text = Buffer.from(lines(0, 10));
    await append('day.csv', 0, [text]);
    const state = await append('day.csv', 10, [text.subarray(10, 50)]);
    expect(state.position).toBe(text.length);
    expect(copyOf('day.csv').equals(text)).toBe(true);
  });

  it('refuses a chunk past the end of the copy (a gap): offset_mismatch, nothing written', async () => {
    await append('day.csv', 0, ['0123456789']);
    const err = await failureOf(() => append('day.csv', 11, ['abc']));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'offset_mismatch', field: 'query.offset' });
    expect((err as AppError).message).toContain('10 bytes');
    expect(copyOf('day.csv').toString()).toBe('0123456789');

    // A file the hub never saw holds 0 bytes: anything but offset 0 is a gap, and no copy appears.
    expect(await failureOf(() => append('new.csv', 5, ['abc']))).toMatchObject({ code: 'offset_mismatch' });
    expect(existsSync(copyPath('new.csv'))).toBe(false);
  });

  it('on restart keeps the old copy as <name>.<stamp>.replaced, intact, and starts a new copy', async () => {
    await append('day.csv', 0, ['old head\r\nold line\r\n']);
    const state = await append('day.csv', 0, ['new head\r\n'], { restart: true });
    expect(state).toEqual({ position: 10, headHash: sha256(Buffer.from('new head\r\n')), headLength: 10 });
    expect(copyOf('day.csv').toString()).toBe('new head\r\n');
    expect(readdirSync(ingestFolderOf(root, source)).sort()).toEqual(['day.csv', 'day.csv.20260401T090807Z.replaced']);
    expect(copyOf('day.csv.20260401T090807Z.replaced').toString()).toBe('old head\r\nold line\r\n');
  });

  it('keeps every replaced copy when a file restarts twice within one second (the stamp is per second; a counter follows it)', async () => {
    // E.g. the agent retries a restart whose answer was lost: the second rename must not overwrite the first
    // kept copy, whose bytes the watcher may not have read yet.
    await append('day.csv', 0, ['one\r\n']);
    await append('day.csv', 0, ['two\r\n'], { restart: true });
    await append('day.csv', 0, ['three\r\n'], { restart: true });
    const folder = ingestFolderOf(root, source);
    const kept = readdirSync(folder).filter((f) => f !== 'day.csv').map((f) => readFileSync(join(folder, f), 'utf8')).sort();
    expect(kept).toEqual(['one\r\n', 'two\r\n']);
    expect(copyOf('day.csv').toString()).toBe('three\r\n');
  });

  it('on restart of a file not held yet just creates it (nothing to keep)', async () => {
    const state = await append('day.csv', 0, ['first\r\n'], { restart: true });
    expect(state.position).toBe(7);
    expect(readdirSync(ingestFolderOf(root, source))).toEqual(['day.csv']);
  });

  it('refuses a restart that does not start at offset 0, and leaves the copy alone', async () => {
    await append('day.csv', 0, ['0123456789']);
    const err = await failureOf(() => append('day.csv', 4, ['abc'], { restart: true }));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'validation', field: 'query.offset' });
    expect(readdirSync(ingestFolderOf(root, source))).toEqual(['day.csv']);
    expect(copyOf('day.csv').toString()).toBe('0123456789');
  });

  it('writes two chunks of one file sent at once one after the other: the exact bytes', async () => {
    const text = Buffer.from(lines(0, 40));
    const cut = 1234;
    // The first body trickles in; unserialized, the second chunk would find a short copy and be refused as a gap.
    const first = store.append(source, 'day.csv', {
      offset: 0, restart: false, maxBytes: max,
      body: slowBody([text.subarray(0, 400), text.subarray(400, 900), text.subarray(900, cut)], 15),
    });
    const second = store.append(source, 'day.csv', { offset: cut, restart: false, maxBytes: max, body: body(text.subarray(cut)) });
    const [a, b] = await Promise.all([first, second]);
    expect(a.position).toBe(cut);
    expect(b.position).toBe(text.length);
    expect(copyOf('day.csv').equals(text)).toBe(true);
  });

  it('serializes a retry that arrives while the first attempt is still being written: stored once', async () => {
    const text = Buffer.from(lines(0, 10));
    const first = store.append(source, 'day.csv', { offset: 0, restart: false, maxBytes: max, body: slowBody([text.subarray(0, 200), text.subarray(200)], 15) });
    const retry = store.append(source, 'day.csv', { offset: 0, restart: false, maxBytes: max, body: body(text) });
    const [a, b] = await Promise.all([first, retry]);
    expect(a.position).toBe(text.length);
    expect(b.position).toBe(text.length);
    expect(copyOf('day.csv').equals(text)).toBe(true);
  });

  it('stops a chunk that carries more than maxBytes with ChunkTooLarge; what is kept is a prefix of it', async () => {
    const pieces = ['aaaa', 'bbbb', 'cccc'];
    const err = await failureOf(() => append('day.csv', 0, pieces, { maxBytes: 6 }));
    expect(err).toBeInstanceOf(ChunkTooLarge);
    const kept = copyOf('day.csv').toString();
    expect(kept.length).toBeLessThanOrEqual(6);
    expect('aaaabbbbcccc'.startsWith(kept)).toBe(true);
    // The copy stays usable: the agent resumes from what state() reports.
    const { position } = await store.state(source, 'day.csv');
    expect(position).toBe(kept.length);
    const resumed = await append('day.csv', position, ['aaaabbbbcccc'.slice(position)]);
    expect(resumed.position).toBe(12);
    expect(copyOf('day.csv').toString()).toBe('aaaabbbbcccc');
  });

  it('accepts a chunk of exactly maxBytes', async () => {
    const state = await append('day.csv', 0, ['abc', 'def'], { maxBytes: 6 });
    expect(state.position).toBe(6);
  });

  it('creates the folders of a relative path with folders', async () => {
    const state = await append('a/b.csv', 0, ['x,y\r\n']);
    expect(state.position).toBe(5);
    expect(readFileSync(join(ingestFolderOf(root, source), 'a', 'b.csv'), 'utf8')).toBe('x,y\r\n');
    expect(await store.state(source, 'a/b.csv')).toEqual(state);
  });

  it('refuses a path that leaves the source folder, and writes nothing outside it', async () => {
    writeFileSync(join(root, 'outside.csv'), 'keep');
    for (const rel of ['../outside.csv', 'a/../../outside.csv', '../8/x.csv', '']) {
      const err = await failureOf(() => append(rel, 0, ['evil']));
      expect(err, rel).toBeInstanceOf(AppError);
      expect(err, rel).toMatchObject({ code: 'validation', field: 'query.path' });
      expect(await failureOf(() => store.state(source, rel)), rel).toMatchObject({ code: 'validation', field: 'query.path' });
    }
    expect(readFileSync(join(root, 'outside.csv'), 'utf8')).toBe('keep');
    expect(readdirSync(root)).toEqual(['outside.csv']);
  });
});
