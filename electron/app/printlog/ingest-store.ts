import { createHash } from 'node:crypto';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { ingestHeadBytes, type IngestFileState } from '../../../shared/api/ingest.js';
import { AppError } from '../app-error.js';

/** The data folder's folder of agents' files: `DATA/ingest/<source id>/…`. */
export const ingestFolderName = 'ingest';

/** Where the hub keeps the copies of one agent source's files; the watcher reads them from here. */
export function ingestFolderOf(ingestRoot: string, sourceId: number): string {
  return join(ingestRoot, String(sourceId));
}

/** A chunk carried more than allowed; the bytes before the limit stay written (they are the file's own bytes, in place). */
export class ChunkTooLarge extends Error {}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function headOf(path: string, size: number): Promise<{ headHash: string; headLength: number }> {
  const headLength = Math.min(size, ingestHeadBytes);
  if (headLength === 0) return { headHash: '', headLength: 0 };
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(headLength);
    const { bytesRead } = await fh.read(buf, 0, headLength, 0);
    return { headHash: createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex'), headLength: bytesRead };
  } finally {
    await fh.close();
  }
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** `<path>.<time>.replaced`, with a counter when that name is taken (rename would overwrite it). */
async function replacedName(path: string, now: Date): Promise<string> {
  for (let n = 0; ; n++) {
    const name = `${path}.${stamp(now)}${n === 0 ? '' : `-${n}`}.replaced`;
    if ((await sizeOf(name)) === null) return name;
  }
}

/**
 * The hub's copies of the files branch agents send. A copy only ever grows by
 * the bytes at its end, so its size is exactly how much of the branch file the
 * hub holds: the agent resumes there after any failure, and a chunk sent twice
 * (a retry after a lost answer) is stored once. The copies sit in a folder the
 * hub's watcher follows like any other, so positions, rotation and dedup are
 * those of the watched folders.
 */
export class IngestStore {
  /** One write at a time per file: a retry may arrive while the first attempt is still being written. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string, private readonly now: () => Date = () => new Date()) {}

  private pathOf(sourceId: number, relPath: string): string {
    const folder = resolve(ingestFolderOf(this.root, sourceId));
    const path = resolve(folder, ...relPath.split('/'));
    // The schema already refuses '..'; this keeps a copy inside its folder whatever the platform makes of a name.
    if (!path.startsWith(folder + sep)) {
      throw new AppError('validation', { field: 'query.path', detail: 'the path leaves the source folder' });
    }
    return path;
  }

  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    this.locks.set(key, next);
    void next.catch(() => undefined).finally(() => {
      if (this.locks.get(key) === next) this.locks.delete(key);
    });
    return next;
  }

  async state(sourceId: number, relPath: string): Promise<IngestFileState> {
    const path = this.pathOf(sourceId, relPath);
    const size = (await sizeOf(path)) ?? 0;
    return { position: size, ...(await headOf(path, size)) };
  }

  /**
   * Appends a chunk that starts at `offset` of the branch file: bytes the copy
   * already holds are skipped, a gap (offset past the copy's end) is refused.
   * With `restart`, the copy so far is kept under another name (the hub's
   * watcher reads it to its end as a rotated file) and a new copy begins.
   */
  async append(sourceId: number, relPath: string, chunk: { offset: number; restart: boolean; body: Readable; maxBytes: number }): Promise<IngestFileState> {
    const path = this.pathOf(sourceId, relPath);
    return this.serial(path, async () => {
      await mkdir(dirname(path), { recursive: true });
      if (chunk.restart) {
        if (chunk.offset !== 0) throw new AppError('validation', { field: 'query.offset', detail: 'a restart starts at offset 0' });
        if (((await sizeOf(path)) ?? 0) > 0) await rename(path, await replacedName(path, this.now()));
      }
      const size = (await sizeOf(path)) ?? 0;
      if (chunk.offset > size) {
        chunk.body.resume();
        throw new AppError('offset_mismatch', { field: 'query.offset', detail: `the hub holds ${size} bytes of ${relPath}; send from there` });
      }
      await this.write(path, size, chunk);
      return this.state(sourceId, relPath);
    });
  }

  private async write(path: string, size: number, chunk: { offset: number; body: Readable; maxBytes: number }): Promise<void> {
    let skip = size - chunk.offset;
    let received = 0;
    const fh = await open(path, 'a');
    try {
      for await (const piece of chunk.body as AsyncIterable<Buffer>) {
        received += piece.length;
        if (received > chunk.maxBytes) throw new ChunkTooLarge(`a chunk may carry at most ${chunk.maxBytes} bytes`);
        const fresh = skip >= piece.length ? null : piece.subarray(Math.max(0, skip));
        skip -= piece.length;
        if (fresh) await fh.write(fresh);
      }
    } finally {
      // Before answering: the agent forgets what the hub says it holds, so it must be on disk.
      await fh.datasync();
      await fh.close();
    }
  }
}
