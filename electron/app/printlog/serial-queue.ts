/**
 * Runs async tasks one at a time, in the order given. The watcher sends every
 * read of every file through one queue, so the database sees one writer and a
 * file is never read by two tasks at once.
 */
export interface SerialQueue {
  push(task: () => Promise<void>): void;
  /** Tasks waiting or running. */
  readonly size: number;
  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void>;
}

export function createSerialQueue(onError: (err: unknown) => void): SerialQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = false;
  let idleWaiters: (() => void)[] = [];

  const drain = async (): Promise<void> => {
    running = true;
    for (let task = waiting.shift(); task; task = waiting.shift()) {
      try {
        await task();
      } catch (err) {
        onError(err);
      }
    }
    running = false;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  return {
    push(task) {
      waiting.push(task);
      if (!running) void drain();
    },
    get size() {
      return waiting.length + (running ? 1 : 0);
    },
    idle() {
      return running || waiting.length > 0 ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve();
    },
  };
}
