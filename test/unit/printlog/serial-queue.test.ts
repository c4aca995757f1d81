import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../electron/app/printlog/serial-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the watcher queue', () => {
  it('runs tasks one at a time, in order, and reports idle only when all are done', async () => {
    const errors: unknown[] = [];
    const q = createSerialQueue((e) => errors.push(e));
    const log: string[] = [];
    let running = 0;
    let most = 0;
    for (const name of ['a', 'b', 'c']) {
      q.push(async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
        running -= 1;
      });
    }
    expect(q.size).toBe(3);
    await q.idle();
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(most).toBe(1);
    expect(q.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reports a failing task and goes on with the next', async () => {
    const errors: unknown[] = [];
    const q = createSerialQueue((e) => errors.push(e));
    const done: string[] = [];
    q.push(async () => {
      throw new Error('unreadable');
    });
    q.push(async () => {
      done.push('next');
    });
    await q.idle();
    expect(done).toEqual(['next']);
    expect((errors[0] as Error).message).toBe('unreadable');
  });

  it('takes tasks pushed while it runs and is idle at once when empty', async () => {
    const q = createSerialQueue(() => undefined);
    await q.idle();
    const done: number[] = [];
    q.push(async () => {
      q.push(async () => {
        done.push(2);
      });
      done.push(1);
    });
    await q.idle();
    expect(done).toEqual([1, 2]);
  });
});
