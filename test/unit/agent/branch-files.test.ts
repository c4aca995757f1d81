import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunksOf, headHashOf, listBranchFiles, type BranchFile } from '../../../electron/app/agent/branch-files.js';
import { compileGlob } from '../../../electron/app/printlog/source-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kamiless-branch-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Writes a file under `dir` with the given modification time (seconds since the epoch). */
function put(rel: string, content: string | Uint8Array, mtimeSec = 1_700_000_000): string {
  const path = join(dir, ...rel.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  utimesSync(path, mtimeSec, mtimeSec);
  return path;
}

/** Bytes that are not a repeated pattern, so a chunk taken from the wrong place shows. */
function bytesOf(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
}

async function collect(file: BranchFile, offset: number, max: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of chunksOf(file, offset, max)) out.push(Buffer.from(chunk));
  return out;
}

async function only(glob: string, name: string): Promise<BranchFile> {
  const files = await listBranchFiles(dir, compileGlob(glob, 'linux'));
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`${name} not listed; listed ${JSON.stringify(files.map((f) => f.name))}`);
  return file;
}

describe('listBranchFiles', () => {
  it('lists only the top folder for a glob without folders', async () => {
    put('papercut-print-log-2024-05-01.csv', 'a');
    put('notes.txt', 'b');
    put('old/papercut-print-log-2024-04-01.csv', 'c');
    const files = await listBranchFiles(dir, compileGlob('papercut-print-log-*.csv', 'linux'));
    expect(files.map((f) => f.name)).toEqual(['papercut-print-log-2024-05-01.csv']);
    expect(files[0]).toMatchObject({ path: join(dir, 'papercut-print-log-2024-05-01.csv'), gzip: false, size: 1 });
  });

  it('goes exactly as deep as the glob names folders', async () => {
    put('top.csv', 'a', 1_700_000_000);
    put('mfp1/a.csv', 'bb', 1_700_000_100);
    put('mfp1/deeper/b.csv', 'ccc', 1_700_000_200);
    const one = await listBranchFiles(dir, compileGlob('*/*.csv', 'linux'));
    expect(one.map((f) => f.name)).toEqual(['mfp1/a.csv']);
    expect(one[0]?.path).toBe(join(dir, 'mfp1', 'a.csv'));
    const any = await listBranchFiles(dir, compileGlob('**/*.csv', 'linux'));
    expect(any.map((f) => f.name)).toEqual(['top.csv', 'mfp1/a.csv', 'mfp1/deeper/b.csv']);
  });

  it('ignores dot files and dot folders', async () => {
    put('a.csv', 'a');
    put('.hidden.csv', 'h');
    put('.sync/b.csv', 's');
    put('sub/.c.csv', 'c');
    const files = await listBranchFiles(dir, compileGlob('**/*.csv', 'linux'));
    expect(files.map((f) => f.name)).toEqual(['a.csv']);
  });

  it('names a .gz without .gz, flags it, and reports its size on disk', async () => {
    const gz = gzipSync(Buffer.from('Time,User\r\n'.repeat(50)));
    put('papercut-print-log-2024-04-30.csv.gz', gz, 1_700_000_000);
    put('papercut-print-log-2024-05-01.csv', 'plain', 1_700_000_100);
    const files = await listBranchFiles(dir, compileGlob('papercut-print-log-*.csv*', 'linux'));
    expect(files.map(({ name, gzip, size }) => ({ name, gzip, size }))).toEqual([
      { name: 'papercut-print-log-2024-04-30.csv', gzip: true, size: gz.length },
      { name: 'papercut-print-log-2024-05-01.csv', gzip: false, size: 5 },
    ]);
    expect(files[0]?.path).toBe(join(dir, 'papercut-print-log-2024-04-30.csv.gz'));
  });

  it('sorts oldest first by modification time, whatever the names say; equal times by name', async () => {
    put('c.csv', 'x', 1_700_000_000);
    put('a.csv', 'x', 1_700_000_300);
    put('b.csv', 'x', 1_700_000_100);
    put('e.csv', 'x', 1_700_000_200);
    put('d.csv', 'x', 1_700_000_200);
    const files = await listBranchFiles(dir, compileGlob('*.csv', 'linux'));
    expect(files.map((f) => f.name)).toEqual(['c.csv', 'b.csv', 'd.csv', 'e.csv', 'a.csv']);
    expect(files.map((f) => f.mtimeMs)).toEqual([1_700_000_000_000, 1_700_000_100_000, 1_700_000_200_000, 1_700_000_200_000, 1_700_000_300_000]);
  });

  it('fails when the folder itself is missing (the agent must say so, not send nothing)', async () => {
    await expect(listBranchFiles(join(dir, 'nope'), compileGlob('*.csv', 'linux'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('chunksOf a plain file', () => {
  const content = bytesOf(1000);
  let file: BranchFile;
  beforeEach(async () => {
    put('log.csv', content);
    file = await only('*.csv', 'log.csv');
  });

  for (const offset of [0, 1, 437, 999]) {
    for (const max of [1, 7, 100, 250, 1000, 4096]) {
      it(`from ${offset} in pieces of at most ${max}: the file's bytes from there`, async () => {
        const chunks = await collect(file, offset, max);
        expect(Buffer.concat(chunks).equals(content.subarray(offset))).toBe(true);
        // Every piece is full except maybe the last: no needless small requests.
        for (const c of chunks.slice(0, -1)) expect(c.length).toBe(max);
        expect(chunks.at(-1)?.length).toBeGreaterThan(0);
        expect(chunks.at(-1)?.length).toBeLessThanOrEqual(max);
        expect(chunks.length).toBe(Math.ceil((1000 - offset) / max));
      });
    }
  }

  it('yields nothing from the end of the file (or past it)', async () => {
    expect(await collect(file, 1000, 100)).toEqual([]);
    expect(await collect(file, 5000, 100)).toEqual([]);
  });

  it('reads up to the size the file has now, taking in bytes appended since it was listed', async () => {
    const more = bytesOf(300, 7);
    writeFileSync(file.path, Buffer.concat([content, more]));
    const chunks = await collect(file, 900, 128);
    expect(Buffer.concat(chunks).equals(Buffer.concat([content.subarray(900), more]))).toBe(true);
  });
});

describe('chunksOf a .gz', () => {
  // Larger than one 256 KiB read of the decompressing stream, so pieces and skips cross its reads.
  const plain = bytesOf(700_000, 3);
  let file: BranchFile;
  beforeEach(async () => {
    put('log.csv.gz', gzipSync(plain));
    file = await only('*.csv.gz', 'log.csv');
  });

  for (const offset of [0, 12_345, 300_000, 699_999]) {
    for (const max of [65_536, 100_000, 1_000_000]) {
      it(`sends the decompressed bytes from ${offset} in pieces of at most ${max}`, async () => {
        const chunks = await collect(file, offset, max);
        expect(Buffer.concat(chunks).equals(plain.subarray(offset))).toBe(true);
        for (const c of chunks.slice(0, -1)) expect(c.length).toBe(max);
        expect(chunks.length).toBe(Math.ceil((plain.length - offset) / max));
      });
    }
  }

  it('yields nothing from the end of the decompressed bytes', async () => {
    expect(await collect(file, plain.length, 1000)).toEqual([]);
  });

  it('splits a small archive exactly at max', async () => {
    put('small.csv.gz', gzipSync(Buffer.from('0123456789abcdef')));
    const small = await only('*.csv.gz', 'small.csv');
    expect((await collect(small, 3, 5)).map((c) => c.toString())).toEqual(['34567', '89abc', 'def']);
  });
});

describe('headHashOf', () => {
  it('is the SHA-256 of the first n bytes of a plain file', async () => {
    const content = bytesOf(5000, 11);
    put('log.csv', content);
    const file = await only('*.csv', 'log.csv');
    expect(await headHashOf(file, 1024)).toEqual({ hash: sha256(content.subarray(0, 1024)), length: 1024 });
    expect(await headHashOf(file, 10)).toEqual({ hash: sha256(content.subarray(0, 10)), length: 10 });
  });

  it('covers the whole file when it is shorter than n', async () => {
    put('short.csv', 'Time,User\r\n');
    const file = await only('*.csv', 'short.csv');
    expect(await headHashOf(file, 1024)).toEqual({ hash: sha256(Buffer.from('Time,User\r\n')), length: 11 });
  });

  it('is over the decompressed bytes of a .gz (what the hub holds), not the compressed ones', async () => {
    const plain = bytesOf(3000, 5);
    const gz = gzipSync(plain);
    put('log.csv.gz', gz);
    const file = await only('*.csv.gz', 'log.csv');
    const head = await headHashOf(file, 1024);
    expect(head).toEqual({ hash: sha256(plain.subarray(0, 1024)), length: 1024 });
    expect(head.hash).not.toBe(sha256(gz.subarray(0, 1024)));
  });

  it('is the hash of nothing for an empty file', async () => {
    put('empty.csv', '');
    const file = await only('*.csv', 'empty.csv');
    expect(await headHashOf(file, 1024)).toEqual({ hash: sha256(Buffer.alloc(0)), length: 0 });
  });
});
