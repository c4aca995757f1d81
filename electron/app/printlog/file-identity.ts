import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { isGzip } from './line-reader.js';
import type { LogFileRow, PrintlogRepo } from './printlog.repo.js';

/** Bytes of a file's start that identify it; 1 KiB holds a log's header and first rows. */
export const identityLength = 1024;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export type Identity =
  | { kind: 'known'; file: LogFileRow; headHash: string; headLength: number }
  | { kind: 'new'; headHash: string; headLength: number };

/**
 * The first `length` bytes at `path` now (decompressed for .gz), or null when
 * nothing can be read there: whether a stored file's old path still holds it.
 */
function headNow(path: string, length: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    // An archive's first KiB is in its first compressed bytes; a partial stream is enough.
    const buf = Buffer.alloc(isGzip(path) ? 64 * 1024 : length);
    const read = readSync(fd, buf, 0, buf.length, 0);
    if (!isGzip(path)) return buf.subarray(0, read);
    return gunzipSync(buf.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, length);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Which stored file this is. The same path whose start is unchanged is the
 * same file, grown; a file elsewhere with the same first KiB is the same file
 * renamed or rotated, unless its old path still holds it (then it is a copy:
 * the Print Logger's all-time file starts like its first daily file, and both
 * stay); anything else (a truncated and rewritten file, a new
 * daily file) is new. A file shorter than its committed position was
 * truncated in place (copy-truncate rotation): new as well. That test does
 * not apply to a .gz archive, whose position counts uncompressed bytes.
 */
export function identify(repo: PrintlogRepo, path: string, head: Uint8Array, size: number): Identity {
  const start = head.subarray(0, identityLength);
  const headHash = sha(start);
  const headLength = start.length;
  const reaches = (file: LogFileRow) => isGzip(path) || size >= file.position;
  for (const file of repo.filesAtPath(path)) {
    if (start.length >= file.head_length && sha(start.subarray(0, file.head_length)) === file.head_hash && reaches(file)) {
      return { kind: 'known', file, headHash, headLength };
    }
  }
  if (headLength === identityLength) {
    const moved = repo.fileByHead(headHash, headLength);
    if (moved && moved.path !== path && reaches(moved)) {
      const there = headNow(moved.path, moved.head_length);
      const stillThere = there !== null && there.length === moved.head_length && sha(there) === moved.head_hash;
      if (!stillThere) return { kind: 'known', file: moved, headHash, headLength };
    }
  }
  return { kind: 'new', headHash, headLength };
}
