import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';
import type { Db } from './connection.js';

export interface CheckpointerData {
  dbFile: string;
  nativeBinding?: string | undefined;
}

export interface CheckpointDone {
  /** Frames in the write-ahead log when the checkpoint ended. */
  walFrames: number;
}

/**
 * Frames (pages) the write-ahead log may hold before the writer brings it
 * back to its start itself: 64 MiB. The background checkpoints copy the
 * frames, but the log only starts over when a checkpoint has copied all of
 * it before the next commit, which a writer committing without pause
 * seldom leaves time for.
 */
const WAL_RESTART_FRAMES = 16_384;

/**
 * What the writer does after a commit: nothing, ask the thread for a
 * checkpoint (every `every` commits, when it is not at one), or, once the log
 * holds `restartFrames` frames and the thread's checkpoint has ended, one of
 * its own. Between two of its transactions nothing is appended, so that one
 * copies the few frames the thread did not and the next commit starts the
 * log over; meanwhile the thread is not asked again.
 */
export function checkpointStep(
  state: { commits: number; running: boolean; walFrames: number },
  opts: { every: number; restartFrames: number },
): 'none' | 'thread' | 'here' {
  if (state.walFrames >= opts.restartFrames) return state.running ? 'none' : 'here';
  return state.running || state.commits % opts.every !== 0 ? 'none' : 'thread';
}

/**
 * Copies a large write's write-ahead log into the database file on a thread
 * of its own (checkpoint-worker.ts), instead of at the writer's commits
 * (SQLite's wal_autocheckpoint): a whole-file import commits about 180 MB of
 * pages per million jobs, and copying them again and syncing both files took
 * a sixth of the writer's time, the import's slowest thread. The writer's
 * own automatic checkpoints are off meanwhile; `close` turns them back on.
 *
 * Crash safety is SQLite's: a checkpoint only copies committed pages, from
 * either thread, and a database opened after a crash recovers its log.
 */
export class Checkpointer {
  private readonly autocheckpoint: number;
  private commits = 0;
  private running = false;
  private walFrames = 0;
  private failed = false;

  private constructor(private readonly db: Db, private readonly worker: Worker, private readonly every: number, private readonly restartFrames: number) {
    this.autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma('wal_autocheckpoint = 0');
    worker.on('message', (done: CheckpointDone) => {
      this.running = false;
      this.walFrames = done.walFrames;
    });
    // Without its thread, the writer checkpoints as before.
    const fallBack = () => {
      this.failed = true;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
  }

  /**
   * A checkpointer for `db`, asked to copy the log every `every` commits; null
   * where there is no log file to copy (an in-memory database, another
   * journal mode).
   */
  static start(db: Db, opts: { every: number; restartFrames?: number; nativeBinding?: string | undefined }): Checkpointer | null {
    if (db.memory || db.readonly || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    const data: CheckpointerData = { dbFile: db.name, nativeBinding: opts.nativeBinding };
    return new Checkpointer(db, startWorker(new URL('./checkpoint-worker.js', import.meta.url), data), opts.every, opts.restartFrames ?? WAL_RESTART_FRAMES);
  }

  /** Call after each commit of the writer, outside its transactions. */
  committed(): void {
    if (this.failed) return;
    this.commits += 1;
    const step = checkpointStep({ commits: this.commits, running: this.running, walFrames: this.walFrames }, { every: this.every, restartFrames: this.restartFrames });
    if (step === 'here') {
      this.db.pragma('wal_checkpoint(PASSIVE)');
      this.walFrames = 0;
    } else if (step === 'thread') {
      this.running = true;
      this.worker.postMessage('checkpoint');
    }
  }

  /** Stops the thread and gives the writer its automatic checkpoints back. */
  async close(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
  }
}
