import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';
import type { CommitEvent, SourceErrorEvent, WatcherEvents, WatcherOptions } from './watcher.js';

/** What the worker is given (structured-cloned into it). */
export interface WatcherThreadData {
  dbFile: string;
  nativeBinding?: string | undefined;
  options: Omit<WatcherOptions, 'clock'>;
}

export type ToWatcher = { type: 'refresh'; id: number } | { type: 'stop'; id: number };

export type FromWatcher =
  | { type: 'started'; watching: string[] }
  | { type: 'failed'; message: string }
  | { type: 'commit'; event: CommitEvent }
  | { type: 'sourceError'; event: SourceErrorEvent }
  | { type: 'answer'; id: number; watching: string[] };

/**
 * The log-source watchers in a worker thread of their own, with their own
 * database connection: a large file dropped into a watched folder is parsed
 * and stored there, and the API's thread stays free to answer. Events and
 * requests cross the thread boundary as messages; the interface is the
 * WatcherService's that the core needs.
 */
export class WatcherThread extends EventEmitter<WatcherEvents & { failed: [string] }> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (watching: string[]) => void>();
  private nextId = 1;
  private names: string[] = [];
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(data: WatcherThreadData) {
    super();
    this.worker = startWorker(new URL('./watcher-worker.js', import.meta.url), data);
    this.worker.on('message', (message: FromWatcher) => this.receive(message));
    this.worker.on('error', (err) => this.emit('failed', err.message));
    this.exit = new Promise((resolve) => this.worker.once('exit', () => {
      this.exited = true;
      for (const answer of this.pending.values()) answer(this.names);
      this.pending.clear();
      resolve();
    }));
  }

  /** Reads the sources table again now (a source was added, changed or removed); resolves with the sources watched. */
  refresh(): Promise<string[]> {
    return this.ask('refresh');
  }

  /** Stops watching; resolves once the file being read (if any) is committed and the thread has ended. */
  async stop(): Promise<void> {
    if (!this.exited) await this.ask('stop');
    await this.exit;
  }

  /** The sources watched at the last answer from the thread. */
  watching(): string[] {
    return this.names;
  }

  private ask(type: ToWatcher['type']): Promise<string[]> {
    if (this.exited) return Promise.resolve(this.names);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type, id } satisfies ToWatcher);
    });
  }

  private receive(message: FromWatcher): void {
    switch (message.type) {
      case 'started':
        this.names = message.watching;
        break;
      case 'failed':
        this.emit('failed', message.message);
        break;
      case 'commit':
        this.emit('commit', message.event);
        break;
      case 'sourceError':
        this.emit('sourceError', message.event);
        break;
      case 'answer': {
        this.names = message.watching;
        const answer = this.pending.get(message.id);
        this.pending.delete(message.id);
        answer?.(message.watching);
        break;
      }
      default: {
        const never: never = message;
        throw new Error(`unknown message ${String(never)}`);
      }
    }
  }
}
