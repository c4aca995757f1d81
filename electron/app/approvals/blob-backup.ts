import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Where a backup file's attachments go: beside it, `<file>.blobs/`. */
export const blobsBeside = (backupFile: string): string => `${backupFile}.blobs`;

/**
 * Copies the named blobs from one blob folder to another (`ab/abcdef…` layout).
 * Blobs never change, so one already at the target is left as it is; a blob
 * the source lacks is reported, not invented.
 */
export async function copyBlobs(from: string, to: string, sha256s: Iterable<string>): Promise<{ copied: number; kept: number; missing: string[] }> {
  let copied = 0;
  let kept = 0;
  const missing: string[] = [];
  for (const sha of new Set(sha256s)) {
    if (!SHA256.test(sha)) continue;
    const source = join(from, sha.slice(0, 2), sha);
    const target = join(to, sha.slice(0, 2), sha);
    if (await exists(target)) {
      kept++;
      continue;
    }
    if (!(await exists(source))) {
      missing.push(sha);
      continue;
    }
    await mkdir(join(to, sha.slice(0, 2)), { recursive: true });
    // Through a temp name: a copy cut short never sits under a blob's name.
    await copyFile(source, `${target}.tmp`);
    await rename(`${target}.tmp`, target);
    copied++;
  }
  return { copied, kept, missing };
}

/**
 * The blobs a backup holds, each checked against its name (a backup on a USB
 * stick may have suffered): the good ones to restore, and the damaged.
 */
export async function blobsIn(dir: string): Promise<{ good: string[]; damaged: string[] }> {
  const good: string[] = [];
  const damaged: string[] = [];
  if (!(await exists(dir))) return { good, damaged };
  for (const prefix of await readdir(dir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of await readdir(join(dir, prefix))) {
      if (!SHA256.test(name) || !name.startsWith(prefix)) continue;
      const hash = createHash('sha256').update(await readFile(join(dir, prefix, name))).digest('hex');
      (hash === name ? good : damaged).push(name);
    }
  }
  return { good, damaged };
}
