import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const fallbackName = 'upload.log';
// Windows refuses these as file names whatever the extension.
const reservedOnWindows = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const maxNameLength = 120;

/**
 * A file name from the browser made safe as the last segment of a path on any
 * OS: no folders, no control or reserved characters. The extension is kept,
 * since it decides how the file is read (`.gz`).
 */
export function safeUploadName(given: string | undefined): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let name = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '') return fallbackName;
  if (reservedOnWindows.test(name)) name = `_${name}`;
  if (name.length > maxNameLength) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, maxNameLength - ext.length) + ext;
  }
  return name;
}

/** The name in the `x-file-name` header, which is percent-encoded since header values are ASCII. */
export function headerFileName(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the upload is larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLarge';
  }
}

/** The sender went away before the last byte (a cancelled upload, a closed tab). */
export class UploadAborted extends Error {
  constructor() {
    super('the upload was aborted before its end');
    this.name = 'UploadAborted';
  }
}

/** Passes bytes through and fails as soon as more than `maxBytes` have gone by. */
function byteLimit(maxBytes: number, seen: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen.bytes += chunk.length;
      if (seen.bytes > maxBytes) done(new UploadTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
}

export interface SpooledUpload {
  path: string;
  bytes: number;
  /** Removes the file and its folder; the imported rows do not need it. */
  remove(): Promise<void>;
}

/**
 * Writes an upload to `DIR/upload-XXXX/NAME` as it arrives (constant memory
 * whatever its size), each upload in a folder of its own so two files of the
 * same name never meet. Nothing is left behind when it fails.
 */
export async function spoolUpload(body: Readable, dir: string, name: string, maxBytes: number): Promise<SpooledUpload> {
  await mkdir(dir, { recursive: true });
  const folder = await mkdtemp(join(dir, 'upload-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, name);
  const seen = { bytes: 0 };
  const limit = byteLimit(maxBytes, seen);
  // Not pipeline(body, …): on a refusal it would destroy the request and with it the
  // socket, so the 413 might never arrive. Instead the rest is read and discarded.
  const onError = () => limit.destroy(new UploadAborted());
  const onClose = () => {
    if (!body.readableEnded) limit.destroy(new UploadAborted());
  };
  body.on('error', onError);
  body.on('close', onClose);
  body.pipe(limit);
  try {
    await pipeline(limit, createWriteStream(path, { flags: 'wx' }));
  } catch (err) {
    body.unpipe(limit);
    body.resume();
    await remove();
    throw err;
  } finally {
    body.off('error', onError);
    body.off('close', onClose);
  }
  return { path, bytes: seen.bytes, remove };
}

/** Spool folders older than `maxAgeMs` were left by a crash mid-import: remove them. */
export async function sweepSpool(dir: string, now: number, maxAgeMs = 24 * 60 * 60 * 1000): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries.filter((e) => e.startsWith('upload-'))) {
    const folder = join(dir, entry);
    try {
      if (now - (await stat(folder)).mtimeMs > maxAgeMs) await rm(folder, { recursive: true, force: true });
    } catch {
      // Another sweep or an import finishing may have removed it first.
    }
  }
}
