import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isGzip, readHead } from './line-reader.js';

/**
 * The first `length` bytes of a file (decompressed for .gz): what its stored
 * identity (head_hash over head_length bytes) was computed from. Reads only
 * those bytes, since the watcher checks a file's head before every read.
 */
export async function readPrefix(path: string, length: number): Promise<Buffer> {
  if (isGzip(path)) return readHead(path, length);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Whether the file still starts with the bytes its stored identity was taken from. */
export async function hasHead(path: string, identity: { headHash: string; headLength: number }): Promise<boolean> {
  const head = await readPrefix(path, identity.headLength);
  return head.length === identity.headLength && createHash('sha256').update(head).digest('hex') === identity.headHash;
}
