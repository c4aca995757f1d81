import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { ImportOptions } from './import-file.js';
import { isGzip } from './line-reader.js';
import type { PrintlogRepo } from './printlog.repo.js';
import type { SerialQueue } from './serial-queue.js';
import { planSource, type WatchPlan } from './source-config.js';
import type { LogSource, SourcesRepo } from './sources.repo.js';
import { TailedFile, type CommitEvent, type TailContext } from './tailed-file.js';

/** What every watched source shares: the database, the one queue, the event sinks. */
export interface SourceEnv {
  db: Db;
  clock: Clock;
  files: PrintlogRepo;
  sources: SourcesRepo;
  queue: SerialQueue;
  importDefaults: Pick<ImportOptions, 'batchLines' | 'timeZone'>;
  /**
   * chokidar drops a file's change events that come within 50 ms of the one
   * it emitted before (with no trailing event), so the last write of a burst
   * could go unseen until the next write: each event also re-reads the file
   * this long after the last one.
   */
  trailingMs: number;
  /** A .gz is read once, when it has not changed for this long (it may still be being compressed). */
  archiveSettleMs: number;
  emit(event: CommitEvent): void;
  fail(source: string, file: string | null, err: unknown): void;
}

async function checkFolder(folder: string): Promise<void> {
  let st: Stats;
  try {
    st = await stat(folder);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `folder ${folder} does not exist` : `folder ${folder} cannot be read: ${(err as Error).message}`);
  }
  if (!st.isDirectory()) throw new Error(`${folder} is not a folder`);
  try {
    await readdir(folder);
  } catch (err) {
    throw new Error(`folder ${folder} cannot be read: ${(err as Error).message}`);
  }
}

/** One active source: a chokidar watcher on its folder and the files in it that match its glob. */
export class WatchedSource {
  private watcher: FSWatcher | null = null;
  private readonly files = new Map<string, TailedFile>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly ctx: TailContext;

  private constructor(readonly def: LogSource, private readonly plan: WatchPlan, private readonly env: SourceEnv) {
    this.ctx = {
      db: env.db,
      clock: env.clock,
      files: env.files,
      sources: env.sources,
      source: def.name,
      importOptions: { ...env.importDefaults, ...plan.importOptions, source: def.name, clock: env.clock },
      matchingFiles: () => this.matchingFiles(),
      emit: env.emit,
    };
  }

  /**
   * Checks the source (format, mapping, glob, folder), says so through
   * `onChecked`, and starts watching; throws with a message for the source's
   * last error. Resolves once chokidar has listed the folder: every matching
   * file is then queued to be opened.
   */
  static async start(def: LogSource, env: SourceEnv, onChecked: () => void): Promise<WatchedSource> {
    const plan = planSource(def);
    await checkFolder(def.folder);
    // Before the first file is read, so that file's errors are not cleared with the old ones.
    onChecked();
    const source = new WatchedSource(def, plan, env);
    await source.watch();
    return source;
  }

  private async watch(): Promise<void> {
    const watcher = watch(this.def.folder, {
      depth: this.plan.glob.depth,
      usePolling: this.def.polling,
      interval: this.def.pollIntervalMs,
      binaryInterval: this.def.pollIntervalMs,
      ignoreInitial: false,
      // Keeps chokidar from watching every other file of a busy folder (one stat poller each when polling).
      ignored: (path: string, stats?: Stats) => stats?.isFile() === true && !this.matches(path),
    });
    this.watcher = watcher;
    const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    watcher.on('add', (path) => this.onEvent(path, false));
    watcher.on('change', (path) => this.onEvent(path, false));
    watcher.on('unlink', (path) => this.onEvent(path, true));
    watcher.on('error', (err) => this.env.fail(this.def.name, null, err));
    await ready;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.watcher?.close();
  }

  /**
   * Queues the files nobody has written for `idleMs` to be finished (read to
   * the end, marked complete). Only queued work touches a file, so this never
   * races a read.
   */
  sweep(idleMs: number): void {
    const now = this.env.clock.now();
    for (const file of this.files.values()) {
      if (!file.isOpen || now - file.touchedAt < idleMs) continue;
      this.run(file, async () => {
        if (!(await file.finishIdle(idleMs))) await file.step();
      });
    }
  }

  /** A re-read is due or queued for one of its files. */
  hasPendingWork(): boolean {
    if (this.timers.size > 0) return true;
    for (const file of this.files.values()) if (file.scheduled) return true;
    return false;
  }

  openFiles(): TailedFile[] {
    return [...this.files.values()].filter((f) => f.isOpen);
  }

  /** Forgets a file's session (the watcher keeps the open ones bounded); it reopens at its position. */
  forget(file: TailedFile): void {
    this.run(file, async () => file.drop());
  }

  private relativePath(path: string): string | null {
    const rel = relative(this.def.folder, path);
    if (rel === '' || rel.startsWith('..')) return null;
    return sep === '/' ? rel : rel.split(sep).join('/');
  }

  private matches(path: string): boolean {
    const rel = this.relativePath(path);
    return rel !== null && this.plan.glob.matches(rel);
  }

  private async matchingFiles(): Promise<string[]> {
    const names = await readdir(this.def.folder, { recursive: this.plan.glob.depth !== 0 });
    return names.map((name) => join(this.def.folder, name)).filter((path) => this.matches(path));
  }

  private onEvent(path: string, gone: boolean): void {
    if (this.closed || !this.matches(path)) return;
    let file = this.files.get(path);
    if (!file) {
      file = new TailedFile(path, this.ctx);
      this.files.set(path, file);
    }
    const target = file;
    const archive = isGzip(path) && !gone;
    if (!archive) this.schedule(target);
    clearTimeout(this.timers.get(path));
    this.timers.set(path, setTimeout(() => {
      this.timers.delete(path);
      this.schedule(target);
    }, archive ? this.env.archiveSettleMs : this.env.trailingMs));
  }

  /** One waiting task per file is enough: it reads everything there is when it runs. */
  private schedule(file: TailedFile): void {
    if (file.scheduled || this.closed) return;
    file.scheduled = true;
    this.run(file, async () => {
      file.scheduled = false;
      const outcome = await file.step();
      if (outcome === 'gone' && !file.scheduled && this.files.get(file.path) === file) this.files.delete(file.path);
    });
  }

  private run(file: TailedFile, work: () => Promise<void>): void {
    this.env.queue.push(async () => {
      if (this.closed) return;
      try {
        await work();
      } catch (err) {
        // The next session continues from the committed position; a half-done one could not be trusted.
        file.drop();
        this.env.fail(this.def.name, file.path, err);
      }
    });
  }
}
