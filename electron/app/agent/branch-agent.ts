import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestFileState } from '../../../shared/api/ingest.js';
import type { SourceFormatName } from '../../../shared/api/sources.js';
import { compileGlob } from '../printlog/source-config.js';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff.js';
import { chunksOf, headHashOf, listBranchFiles, type BranchFile } from './branch-files.js';
import { HubRefused, HubUnavailable, type HubClient } from './hub-client.js';

export interface AgentOptions {
  client: HubClient;
  folder: string;
  glob: string;
  format?: SourceFormatName;
  host: string;
  version: string;
  /** Between two looks at the folder. */
  intervalMs: number;
  chunkBytes: number;
  /** Send what is there now and return, instead of following the folder. */
  once: boolean;
  /** A .gz is sent once it has not changed for this long (it may still be being written). */
  archiveSettleMs?: number;
  backoff?: BackoffPolicy;
  signal: AbortSignal;
  log: (line: string) => void;
  now?: () => number;
}

/** The agent cannot go on: its token was refused, its format differs from the hub's, its folder is gone. */
export class AgentStopped extends Error {}

interface Sent {
  state: IngestFileState;
  /** The file as it was when the hub had all of it: unchanged since, there is nothing to send. */
  complete: { size: number; mtimeMs: number } | null;
}

/**
 * A branch agent: follows a folder of print logs on a branch server and sends
 * every byte of the matching files to the hub. It keeps nothing on disk; the
 * hub says how much of each file it holds, so after a restart of either side
 * the agent resumes exactly there. When the hub cannot be reached it waits
 * (doubling, up to a minute) and tries again, so nothing is lost while the
 * line to 本庁 is down.
 */
export async function runAgent(opts: AgentOptions): Promise<void> {
  const glob = compileGlob(opts.glob);
  const policy = opts.backoff ?? defaultBackoff;
  const now = opts.now ?? Date.now;
  const settleMs = opts.archiveSettleMs ?? 2_000;
  const sent = new Map<string, Sent>();
  /** Files the hub refused (a name it does not accept): not sent again until they change. */
  const refused = new Map<string, number>();
  let outage = 0;
  let lastOutageLog = 0;
  let sentSinceLog = 0;
  let lastSentLog = 0;

  const pause = async (ms: number) => {
    try {
      await sleep(ms, undefined, { signal: opts.signal });
    } catch {
      // Stopped while waiting.
    }
  };

  /** Runs `fn` until the hub answers, waiting longer after each failure; false when stopped. */
  async function withRetry<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    for (;;) {
      if (opts.signal.aborted) return { ok: false };
      try {
        const value = await fn();
        if (outage > 0) opts.log(`the hub answers again; resuming`);
        outage = 0;
        return { ok: true, value };
      } catch (err) {
        if (!(err instanceof HubUnavailable) || opts.signal.aborted) throw err;
        if (opts.once) throw new AgentStopped(`the hub cannot be reached: ${err.message}`);
        outage += 1;
        const wait = backoffDelay(outage, policy);
        // One line when it starts, then at most one a minute while it lasts.
        if (outage === 1 || now() - lastOutageLog >= 60_000) {
          opts.log(`the hub cannot be reached (${err.message}); trying again in ${Math.ceil(wait / 1000)} s, nothing is lost meanwhile`);
          lastOutageLog = now();
        }
        await pause(wait);
      }
    }
  }

  async function sendFile(file: BranchFile, backlog: number): Promise<void> {
    let state = sent.get(file.name)?.state ?? (await opts.client.fileState(file.name));
    let restart = false;
    if (state.headLength > 0) {
      const head = await headHashOf(file, state.headLength);
      // Not the file the hub has the start of (replaced, or truncated and rewritten): it starts again.
      restart = head.length !== state.headLength || head.hash !== state.headHash;
    }
    if (!file.gzip && file.size < state.position) restart = true;
    let offset = restart ? 0 : state.position;
    for await (const bytes of chunksOf(file, offset, opts.chunkBytes)) {
      if (opts.signal.aborted) return;
      state = await opts.client.sendChunk(file.name, { offset, restart, backlog: Math.max(0, backlog - bytes.length), bytes });
      restart = false;
      backlog = Math.max(0, backlog - bytes.length);
      sentSinceLog += bytes.length;
      offset += bytes.length;
      sent.set(file.name, { state, complete: null });
      // The hub holds a different amount than this agent thought (another copy of the agent, a restored hub): ask again next time.
      if (state.position !== offset) {
        sent.delete(file.name);
        return;
      }
    }
    sent.set(file.name, { state, complete: { size: file.size, mtimeMs: file.mtimeMs } });
  }

  /** One look at the folder: sends whatever the hub does not hold yet. */
  async function pass(): Promise<void> {
    let files: BranchFile[];
    try {
      files = await listBranchFiles(opts.folder, glob);
    } catch (err) {
      throw new AgentStopped(`cannot read ${opts.folder}: ${(err as Error).message}`);
    }
    const todo = files.filter((f) => {
      const known = sent.get(f.name)?.complete;
      if (known && known.size === f.size && known.mtimeMs === f.mtimeMs) return false;
      if (refused.get(f.path) === f.mtimeMs) return false;
      return !(f.gzip && now() - f.mtimeMs < settleMs && !opts.once);
    });
    // For the hub's lag figure: a file's bytes not yet held (compressed size for an archive, as an estimate).
    let backlog = todo.reduce((sum, f) => sum + Math.max(0, f.size - (f.gzip ? 0 : (sent.get(f.name)?.state.position ?? 0))), 0);
    for (const file of todo) {
      if (opts.signal.aborted) return;
      try {
        await sendFile(file, backlog);
      } catch (err) {
        if (err instanceof HubRefused) {
          if (err.status === 401) throw new AgentStopped(`the hub refused the token (${err.message}): the source was removed or its token renewed; get a new token on the hub (ログ取込 → 取込元)`);
          sent.delete(file.name);
          if (err.code === 'offset_mismatch') continue;
          refused.set(file.path, file.mtimeMs);
          opts.log(`${file.path}: the hub refused it (${err.message}); it is sent again once it changes`);
          continue;
        }
        // The answer may be lost after the hub stored the chunk (or began a new copy): ask it again next time.
        if (err instanceof HubUnavailable) {
          sent.delete(file.name);
          throw err;
        }
        const code = (err as NodeJS.ErrnoException).code;
        // Rotated away or still being compressed: the next look finds it again.
        if (code !== 'ENOENT') opts.log(`${file.path}: cannot be read now (${(err as Error).message}); trying again`);
      }
      backlog = Math.max(0, backlog - file.size);
    }
    if (sentSinceLog > 0 && (opts.once || now() - lastSentLog >= 60_000)) {
      opts.log(`sent ${sentSinceLog.toLocaleString('en-US')} bytes to the hub`);
      sentSinceLog = 0;
      lastSentLog = now();
    }
  }

  const hello = await withRetry(() => opts.client.hello({
    host: opts.host, version: opts.version, path: opts.folder, glob: opts.glob, ...(opts.format !== undefined && { format: opts.format }),
  })).catch((err: unknown) => {
    if (err instanceof HubRefused) {
      throw new AgentStopped(err.status === 401
        ? 'the hub refused the token: check --token, or get a new one on the hub (ログ取込 → 取込元)'
        : `the hub refused this agent: ${err.message}`);
    }
    throw err;
  });
  if (!hello.ok) return;
  opts.log(`connected to ${hello.value.source} (format ${hello.value.format}${hello.value.siteCode ? `, site ${hello.value.siteCode}` : ''}); following ${opts.folder} (${opts.glob})`);

  for (;;) {
    const done = await withRetry(pass);
    if (!done.ok || opts.once || opts.signal.aborted) return;
    await pause(opts.intervalMs);
  }
}
