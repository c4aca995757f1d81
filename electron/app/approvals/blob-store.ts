import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files stored once by their SHA-256 under `DATA/blobs/ab/abcdef…`. A blob is
 * never overwritten (its name is its content), so a changed document is a new
 * blob and every old version stays readable.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError(`not a SHA-256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (fsync'd before the rename, so a stored hash always has its whole file) and returns their hash. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return sha256;
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  read(sha256: string): ReadStream {
    // 1 MiB reads: a 15 MB scan streams in a few dozen chunks, not hundreds of 64 KiB ones (the viewer waits for it).
    return createReadStream(this.pathOf(sha256), { highWaterMark: 1024 * 1024 });
  }
}
