import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { isoAt, systemClock, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ingestFolderOf } from './ingest-store.js';
import { createPrintlogRepo } from './printlog.repo.js';
import { createSerialQueue, type SerialQueue } from './serial-queue.js';
import { createSourcesRepo, type LogSource, type SourcesRepo } from './sources.repo.js';
import type { CommitEvent } from './tailed-file.js';
import { WatchedSource, type SourceEnv } from './watched-source.js';

export type { CommitEvent } from './tailed-file.js';

/** A problem of one source (its folder, a file, its format or mapping); the other sources go on. */
export interface SourceErrorEvent {
  source: string;
  /** The file it is about, or null for the source as a whole (its folder, its settings). */
  file: string | null;
  message: string;
  at: string;
}

export interface WatcherEvents {
  /** After each committed batch of a watched file. */
  commit: [CommitEvent];
  /** Named so, not 'error': an EventEmitter throws on an 'error' nobody listens to. */
  sourceError: [SourceErrorEvent];
}

export interface WatcherOptions {
  clock?: Clock;
  /** How often the sources table is read again, so sources added or removed meanwhile (CLI, API) are picked up; 0 = never. */
  refreshMs?: number;
  /** A file nobody has written for this long is read to its end and closed. */
  idleMs?: number;
  /** Open files kept beyond this are forgotten, least recently read first (they reopen at their position). */
  maxOpenFiles?: number;
  batchLines?: number;
  timeZone?: string;
  trailingMs?: number;
  archiveSettleMs?: number;
  /**
   * Where the hub keeps the files branch agents send (`DATA/ingest`): an agent
   * source is watched in its folder there. Without it agent sources are not watched.
   */
  ingestDir?: string;
}

const defaults = { refreshMs: 5_000, idleMs: 15 * 60_000, maxOpenFiles: 256, trailingMs: 75, archiveSettleMs: 500 };

/**
 * Follows every active log source: new files, appended lines, daily files,
 * rotation by rename and by copy-truncate, .gz archives. Runs in the hub and
 * in the desktop core. All reads of all files go through one queue, so the
 * database sees one writer; an error of one source is recorded on it and
 * never stops the others.
 */
export class WatcherService extends EventEmitter<WatcherEvents> {
  private readonly running = new Map<string, WatchedSource>();
  private readonly queue: SerialQueue;
  private readonly sources: SourcesRepo;
  private readonly env: SourceEnv;
  private readonly opts: Required<Pick<WatcherOptions, 'refreshMs' | 'idleMs' | 'maxOpenFiles'>>;
  private timers: NodeJS.Timeout[] = [];
  private refreshing: Promise<void> | null = null;
  private again: Promise<void> | null = null;
  /** The last error of each source and file, so a folder that stays missing is not reported at every refresh. */
  private readonly reported = new Map<string, string>();
  private stopped = false;
  private readonly ingestDir: string | undefined;

  constructor(db: Db, options: WatcherOptions = {}) {
    super();
    const clock = options.clock ?? systemClock;
    this.opts = {
      refreshMs: options.refreshMs ?? defaults.refreshMs,
      idleMs: options.idleMs ?? defaults.idleMs,
      maxOpenFiles: options.maxOpenFiles ?? defaults.maxOpenFiles,
    };
    this.ingestDir = options.ingestDir;
    this.sources = createSourcesRepo(db, clock);
    this.queue = createSerialQueue((err) => this.fail('', null, err));
    this.env = {
      db,
      clock,
      files: createPrintlogRepo(db),
      sources: this.sources,
      queue: this.queue,
      importDefaults: {
        ...(options.batchLines !== undefined && { batchLines: options.batchLines }),
        ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
      },
      trailingMs: options.trailingMs ?? defaults.trailingMs,
      archiveSettleMs: options.archiveSettleMs ?? defaults.archiveSettleMs,
      emit: (event) => this.emit('commit', event),
      fail: (source, file, err) => this.fail(source, file, err),
    };
  }

  /** Starts every active source; resolves once each has listed its folder (its files are then queued). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.refresh();
    if (this.opts.refreshMs > 0) this.every(this.opts.refreshMs, () => void this.refresh());
    this.every(Math.min(60_000, Math.max(1_000, Math.floor(this.opts.idleMs / 4))), () => this.sweep());
  }

  /** Stops watching; resolves once the file being read (if any) is committed. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.refreshing;
    await Promise.all([...this.running.values()].map((s) => s.close()));
    this.running.clear();
    await this.queue.idle();
  }

  /**
   * Resolves when no read is waiting or running and none is due (the re-read
   * after a burst, a settling archive): nothing more happens until a file
   * changes. For tests and the bench.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.queue.idle();
      if (![...this.running.values()].some((s) => s.hasPendingWork())) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The files a session is open on now, per source. */
  openFiles(): { source: string; file: string }[] {
    return [...this.running.values()].flatMap((source) => source.openFiles().map((file) => ({ source: source.def.name, file: file.path })));
  }

  /** Names of the sources being watched now. */
  watching(): string[] {
    return [...this.running.keys()].sort();
  }

  /**
   * Brings the running sources in line with the table: starts new ones and
   * ones that failed to start (a share that was offline), restarts changed
   * ones, stops removed ones.
   */
  refresh(): Promise<void> {
    // One running at a time; a call during a run may come from a change that run read too early, so it gets a run of its own after it.
    if (this.refreshing) {
      this.again ??= this.refreshing.then(() => {
        this.again = null;
        return this.refresh();
      });
      return this.again;
    }
    this.refreshing = this.reconcile().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Finishes files idle for idleMs and keeps the open ones within maxOpenFiles. */
  sweep(): void {
    for (const source of this.running.values()) source.sweep(this.opts.idleMs);
    const open = [...this.running.values()].flatMap((source) => source.openFiles().map((file) => ({ source, file })));
    if (open.length <= this.opts.maxOpenFiles) return;
    open.sort((a, b) => a.file.touchedAt - b.file.touchedAt);
    for (const { source, file } of open.slice(0, open.length - this.opts.maxOpenFiles)) source.forget(file);
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    let wanted: LogSource[];
    try {
      wanted = this.sources.listActive().flatMap((def) => this.watchable(def));
    } catch (err) {
      this.fail('', null, err);
      return;
    }
    const byName = new Map(wanted.map((s) => [s.name, s]));
    for (const [name, source] of this.running) {
      if (byName.get(name)?.updatedAt === source.def.updatedAt) continue;
      this.running.delete(name);
      await source.close();
    }
    // In parallel: a share that is slow to list must not hold up the other sources.
    await Promise.all(wanted.filter((def) => !this.running.has(def.name)).map(async (def) => {
      try {
        const source = await WatchedSource.start(def, this.env, () => this.cleared(def.name));
        if (this.stopped) await source.close();
        else this.running.set(def.name, source);
      } catch (err) {
        this.fail(def.name, null, err);
      }
    }));
  }

  /**
   * What the watcher follows for a source: its folder, or for an agent source
   * the hub's copies of the files the agent sent (every file there, named as at
   * the branch; the agent already chose them by its glob).
   */
  private watchable(def: LogSource): LogSource[] {
    if (def.kind === 'folder') return [def];
    if (this.ingestDir === undefined) return [];
    const folder = ingestFolderOf(this.ingestDir, def.id);
    mkdirSync(folder, { recursive: true });
    return [{ ...def, folder, glob: '**/*', polling: false }];
  }

  private cleared(source: string): void {
    this.sources.clearError(source);
    for (const key of this.reported.keys()) if (key.startsWith(`${source}\u0000`)) this.reported.delete(key);
  }

  private fail(source: string, file: string | null, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (source !== '') {
      const key = `${source}\u0000${file ?? ''}`;
      if (this.reported.get(key) === message) return;
      this.reported.set(key, message);
    }
    const at = isoAt(this.env.clock);
    if (source !== '') {
      try {
        // An ImportError already starts with the file's path.
        this.sources.recordError(source, file && !message.startsWith(file) ? `${file}: ${message}` : message);
      } catch {
        // The database itself failing is reported through the event below.
      }
    }
    this.emit('sourceError', { source, file, message, at });
  }

  private every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    // Watching must not keep a process alive that is otherwise done (the CLI, tests).
    timer.unref();
    this.timers.push(timer);
  }
}
