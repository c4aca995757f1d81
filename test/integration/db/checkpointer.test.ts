import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Checkpointer, checkpointStep } from '../../../electron/app/db/checkpointer.js';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';

function fileDb(): { db: Db; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'kamiless-checkpoint-')), 'k.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return { db, file };
}

/** 200 rows of 1 KB: about 50 pages a commit. */
const insert = (db: Db, from: number) => db.transaction(() => {
  const add = db.prepare('INSERT INTO t (id, text) VALUES (?, ?)');
  for (let i = from; i < from + 200; i++) add.run(i, 'x'.repeat(1000));
})();

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await sleep(20);
}

describe('the checkpointer of a large write', () => {
  it('copies the log into the database file on its own thread while the writer does not, and gives the writer its checkpoints back', async () => {
    const { db, file } = fileDb();
    const before = db.pragma('wal_autocheckpoint', { simple: true });
    const checkpointer = Checkpointer.start(db, { every: 2 });
    expect(checkpointer).not.toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const startSize = statSync(file).size;
    for (let c = 0; c < 20; c++) {
      insert(db, c * 200);
      checkpointer?.committed();
      await sleep(5);
    }
    // 4,000 rows of 1 KB: only the other thread can have put them in the database file.
    await until(() => statSync(file).size > startSize + 3_000_000);
    expect(statSync(file).size).toBeGreaterThan(startSize + 3_000_000);
    await checkpointer?.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 4000 });
    db.close();
  });

  it('keeps the log small while the writer commits in bursts', async () => {
    const { db, file } = fileDb();
    const checkpointer = Checkpointer.start(db, { every: 1, restartFrames: 200 });
    insert(db, 0);
    checkpointer?.committed();
    await until(() => statSync(file).size > 100_000);
    // Commits in bursts, the thread's checkpoints overlapping them: the log still starts over again and again.
    for (let burst = 0; burst < 30; burst++) {
      for (let c = 0; c < 5; c++) {
        insert(db, 200 + (burst * 5 + c) * 200);
        checkpointer?.committed();
      }
      await sleep(40);
    }
    await checkpointer?.close();
    // 151 commits of about 50 pages each: 30 MB of log had it never started over.
    expect(statSync(`${file}-wal`).size).toBeLessThan(10_000_000);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 30_200 });
    db.close();
  });

  it('is not started for a database without a log file', () => {
    const db = openDatabase(':memory:');
    expect(Checkpointer.start(db, { every: 1 })).toBeNull();
  });
});

describe('what the writer does after a commit', () => {
  const opts = { every: 4, restartFrames: 1000 };
  it('asks the thread every few commits, unless it is at a checkpoint', () => {
    expect([1, 2, 3, 4, 5, 8].map((commits) => checkpointStep({ commits, running: false, walFrames: 10 }, opts))).toEqual(['none', 'none', 'none', 'thread', 'none', 'thread']);
    expect(checkpointStep({ commits: 8, running: true, walFrames: 10 }, opts)).toBe('none');
  });

  it('copies the rest itself once the log is long and the thread is done, and asks nothing of the thread before', () => {
    expect(checkpointStep({ commits: 8, running: true, walFrames: 1000 }, opts)).toBe('none');
    expect(checkpointStep({ commits: 9, running: false, walFrames: 1000 }, opts)).toBe('here');
    expect(checkpointStep({ commits: 8, running: false, walFrames: 5000 }, opts)).toBe('here');
  });
});
