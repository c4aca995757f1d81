import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readPrefix } from '../printlog/file-head.js';
import { isGzip, openBytes } from '../printlog/line-reader.js';
import type { GlobMatcher } from '../printlog/source-config.js';

/** A log file on the branch server that the agent sends. */
export interface BranchFile {
  path: string;
  /** The name the hub keeps it under: relative to the folder, `/` between folders, without `.gz`. */
  name: string;
  gzip: boolean;
  /** On disk (compressed for .gz). */
  size: number;
  mtimeMs: number;
}

const nameOf = (rel: string): string => (isGzip(rel) ? rel.slice(0, -3) : rel);

/** The files under `folder` that match the glob, oldest first (daily files then go in the order they were written). */
export async function listBranchFiles(folder: string, glob: GlobMatcher): Promise<BranchFile[]> {
  const found: BranchFile[] = [];
  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (rel === '') throw err;
      return;
    }
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (glob.depth === undefined || depth < glob.depth) await walk(path, childRel, depth + 1);
      } else if (e.isFile() && glob.matches(childRel)) {
        try {
          const st = await stat(path);
          found.push({ path, name: nameOf(childRel), gzip: isGzip(childRel), size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          // Gone between listing and stat (rotated away): the next scan sees where it went.
        }
      }
    }
  }
  await walk(folder, '', 0);
  return found.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
}

/** SHA-256 of the file's first `length` bytes (decompressed), as the hub computes it over its copy. */
export async function headHashOf(file: BranchFile, length: number): Promise<{ hash: string; length: number }> {
  const head = await readPrefix(file.path, length);
  return { hash: createHash('sha256').update(head).digest('hex'), length: head.length };
}

/**
 * The file's bytes from `offset`, in pieces of at most `max` bytes: up to the
 * size it has now for a plain file (a writer may still be appending), to its
 * end for a .gz (an archive is complete once it has settled).
 */
export async function* chunksOf(file: BranchFile, offset: number, max: number): AsyncGenerator<Buffer> {
  if (!file.gzip) {
    const fh = await open(file.path, 'r');
    try {
      const end = (await fh.stat()).size;
      for (let at = offset; at < end; ) {
        const buf = Buffer.alloc(Math.min(max, end - at));
        const { bytesRead } = await fh.read(buf, 0, buf.length, at);
        if (bytesRead === 0) return;
        yield buf.subarray(0, bytesRead);
        at += bytesRead;
      }
    } finally {
      await fh.close();
    }
    return;
  }
  const { stream, skip } = openBytes(file.path, offset);
  let toSkip = skip;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      let rest = piece;
      if (toSkip > 0) {
        const dropped = Math.min(toSkip, rest.length);
        rest = rest.subarray(dropped);
        toSkip -= dropped;
      }
      while (rest.length > 0) {
        const take = Math.min(rest.length, max - pendingLength);
        pending.push(rest.subarray(0, take));
        pendingLength += take;
        rest = rest.subarray(take);
        if (pendingLength === max) {
          yield Buffer.concat(pending);
          pending = [];
          pendingLength = 0;
        }
      }
    }
    if (pendingLength > 0) yield Buffer.concat(pending);
  } finally {
    stream.destroy();
  }
}
