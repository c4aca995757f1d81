import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { detectEncoding } from './encoding.js';
import { hasHead, readPrefix } from './file-head.js';
import { LogFileSession, type ImportOptions } from './import-file.js';
import { isGzip } from './line-reader.js';
import type { PrintlogRepo } from './printlog.repo.js';
import type { SourcesRepo, StoredIdentity } from './sources.repo.js';

/** What one commit of a watched file added; the paper dashboard subscribes to these. */
export interface CommitEvent {
  source: string;
  file: string;
  /** Jobs newly stored. */
  jobs: number;
  /** Lines newly rejected. */
  rejected: number;
  /** Jobs read that were already stored (another file, an earlier read). */
  duplicates: number;
  /** Lines read. */
  lines: number;
}

/** What a watched file needs from its source and the watcher. */
export interface TailContext {
  db: Db;
  clock: Clock;
  files: PrintlogRepo;
  sources: SourcesRepo;
  source: string;
  /** Format, mapping, encoding, clock… of the source; the session's onCommit is the file's own. */
  importOptions: ImportOptions;
  /** The source's matching files on disk now, to tell where a renamed or copied file went. */
  matchingFiles(): Promise<string[]>;
  emit(event: CommitEvent): void;
}

/** How much of a file's start encoding detection reads (readHead's default). */
const detectionWindow = 64 * 1024;

type Counts = Pick<CommitEvent, 'jobs' | 'rejected' | 'duplicates' | 'lines'>;

interface Open {
  session: LogFileSession;
  /** What the commit events have reported of this session so far. */
  reported: Counts;
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * One file of a watched source. Its methods are only ever called from the
 * watcher's queue, one at a time, so a file is never read twice at once.
 * Sessions keep no file handle open; dropping one loses nothing, since its
 * position is committed with its rows and a new session continues there.
 */
export class TailedFile {
  /** A task for this file is waiting in the queue (more events only need that one). */
  scheduled = false;
  /** When the watcher last read or checked the file (clock time). */
  touchedAt: number;
  private current: Open | null = null;
  /** A finished .gz archive as it was read: the same size and time again has nothing new. */
  private archiveRead: { size: number; mtimeMs: number } | null = null;

  constructor(readonly path: string, private readonly ctx: TailContext) {
    this.touchedAt = ctx.clock.now();
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Reads what is new. 'gone' when the file no longer exists (deleted or renamed away). */
  async step(): Promise<'read' | 'gone'> {
    const st = await statOrNull(this.path);
    if (!st || !st.isFile()) {
      await this.retire();
      return 'gone';
    }
    this.touchedAt = this.ctx.clock.now();
    if (isGzip(this.path)) {
      await this.readArchive(st);
      return 'read';
    }
    if (this.current) {
      const verdict = await this.check(this.current.session, st.size);
      if (verdict === 'moved') this.drop();
      else if (verdict === 'replaced') await this.retire();
      else if (await this.encodingChanged(this.current.session)) this.drop();
    }
    if (!this.current) {
      // A new daily file is often created empty, then written: nothing to detect a format from yet.
      if (st.size === 0 || (await this.unchangedSinceStored(st.size))) return 'read';
      this.current = await this.open();
    }
    await this.current.session.readAvailable('hold');
    return 'read';
  }

  /**
   * Closes a file nobody has written for a while (yesterday's daily file): a
   * last line without its newline is taken as complete and the file is marked
   * read to its end. Returns false when the file did change (events were
   * missed) and needs a normal read instead.
   */
  async finishIdle(idleMs: number): Promise<boolean> {
    const open = this.current;
    if (!open) return true;
    const st = await statOrNull(this.path);
    if (!st) {
      await this.retire();
      return true;
    }
    if (this.ctx.clock.now() - st.mtimeMs < idleMs) return false;
    const check = await this.check(open.session, st.size);
    if (check !== 'same') {
      if (check === 'moved') this.drop();
      else await this.retire();
      return true;
    }
    await open.session.readAvailable('emit');
    open.session.finish();
    this.current = null;
    return true;
  }

  /** Forgets the session without marking the file finished; its committed position stays. */
  drop(): void {
    this.current = null;
  }

  /**
   * The file at this path is no longer the one the session reads (deleted,
   * renamed, truncated for copy-truncate rotation). When a matching file
   * starts with the same bytes, that is it under its new name and it will
   * continue at the stored position; otherwise nothing will read it again, so
   * the session is finished (the parser hands over what it still holds).
   */
  async retire(): Promise<void> {
    const open = this.current;
    if (!open) return;
    this.current = null;
    const identity = this.ctx.sources.identity(open.session.fileId);
    if (!identity || identity.path !== this.path) return;
    if (await this.continuedElsewhere(identity)) return;
    open.session.finish();
  }

  private async open(): Promise<Open> {
    let opened: Open | null = null;
    const session = await LogFileSession.open(this.ctx.db, this.path, {
      ...this.ctx.importOptions,
      onCommit: () => {
        if (opened) this.report(opened);
      },
    });
    opened = { session, reported: { jobs: 0, rejected: 0, duplicates: 0, lines: 0 } };
    return opened;
  }

  /**
   * A Print Logger file starts with an ASCII banner and header, so a session
   * opened on a new file reads it as UTF-8; the first document name in CP932
   * proves otherwise. Until the read passes the bytes detection looks at, the
   * watcher checks again before reading, and reopens (at the committed
   * position) when the answer changed, so no line is decoded wrongly.
   */
  private async encodingChanged(session: LogFileSession): Promise<boolean> {
    if (this.ctx.importOptions.encoding !== undefined || session.readPosition >= detectionWindow) return false;
    return detectEncoding(await readPrefix(this.path, detectionWindow)).encoding !== session.result.encoding;
  }

  /** 'moved': another path took the file over; 'replaced': this path now holds other bytes. */
  private async check(session: LogFileSession, size: number): Promise<'same' | 'moved' | 'replaced'> {
    const identity = this.ctx.sources.identity(session.fileId);
    if (!identity || identity.path !== this.path) return 'moved';
    if (size < session.readPosition) return 'replaced';
    return (await hasHead(this.path, identity)) ? 'same' : 'replaced';
  }

  private async continuedElsewhere(identity: StoredIdentity): Promise<boolean> {
    for (const other of await this.ctx.matchingFiles()) {
      if (other === this.path) continue;
      try {
        if (await hasHead(other, identity)) return true;
      } catch {
        // Unreadable or half-written (a .gz being compressed): not the file's new name.
      }
    }
    return false;
  }

  /** The stored state of this path already covers the file: opening it would read nothing new. */
  private async unchangedSinceStored(size: number | null): Promise<boolean> {
    const row = this.ctx.files.filesAtPath(this.path)[0];
    if (!row) return false;
    if (size === null ? row.finished !== 1 : row.position !== size) return false;
    return hasHead(this.path, { headHash: row.head_hash, headLength: row.head_length });
  }

  /** .gz files are complete archives: read once to the end. */
  private async readArchive(st: Stats): Promise<void> {
    if (this.archiveRead?.size === st.size && this.archiveRead.mtimeMs === st.mtimeMs) return;
    if (!(await this.unchangedSinceStored(null))) {
      this.current = await this.open();
      try {
        await this.current.session.readAvailable('emit');
        this.current.session.finish();
      } finally {
        this.current = null;
      }
    }
    this.archiveRead = { size: st.size, mtimeMs: st.mtimeMs };
  }

  private report(open: Open): void {
    const r = open.session.result;
    const now: Counts = { jobs: r.jobs, rejected: r.rejected.length, duplicates: r.duplicates, lines: r.lines };
    const was = open.reported;
    const delta: Counts = { jobs: now.jobs - was.jobs, rejected: now.rejected - was.rejected, duplicates: now.duplicates - was.duplicates, lines: now.lines - was.lines };
    if (delta.jobs === 0 && delta.rejected === 0 && delta.duplicates === 0 && delta.lines === 0) return;
    open.reported = now;
    this.ctx.emit({ source: this.ctx.source, file: this.path, ...delta });
  }
}
