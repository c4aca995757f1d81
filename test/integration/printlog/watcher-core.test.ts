import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/app/core.js';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';
import { addSource, appendCp932, jobCount, openTestDb, printLoggerHead, printLoggerLine, waitFor } from '../../helpers/watcher-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function dataWithSource(): { data: string; file: string } {
  const data = makeTempDir('kamiless-core-watch-');
  cleanup.push(() => removeTempDir(data));
  const logs = join(data, 'logs');
  mkdirSync(logs);
  const db = openTestDb(data);
  addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
  db.close();
  const file = join(logs, 'papercut-print-log-2024-05-01.csv');
  appendCp932(file, printLoggerHead + printLoggerLine(0));
  return { data, file };
}

describe('startCore and the watchers', () => {
  it('follows the sources while running and stops on close', async () => {
    const { data, file } = dataWithSource();
    const core = await startCore({ dataDir: data, host: '127.0.0.1', port: 0, mode: 'hub', logger: false });
    let closed = false;
    cleanup.push(() => (closed ? undefined : core.close()));
    const reader = openDatabase(databaseFile(data), { readonly: true });
    cleanup.push(() => { reader.close(); });
    await waitFor('the job already in the file', () => jobCount(reader) === 1);
    appendCp932(file, printLoggerLine(1));
    await waitFor('the appended job', () => jobCount(reader) === 2);

    expect(await core.watcher?.refresh()).toEqual(['honcho']);

    // Off the API's thread: the next job is stored while this thread never yields to its event loop.
    appendCp932(file, printLoggerLine(2));
    const deadline = Date.now() + 10_000;
    while (jobCount(reader) < 3 && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    expect(jobCount(reader)).toBe(3);

    await core.close();
    closed = true;
    expect(core.watcher?.watching()).toEqual([]);
  });

  it('leaves the folders alone with watchers: false', async () => {
    const { data } = dataWithSource();
    const core = await startCore({ dataDir: data, host: '127.0.0.1', port: 0, mode: 'standalone', logger: false, watchers: false });
    await core.close();
    expect(core.watcher).toBeNull();
    const db = openDatabase(databaseFile(data), { readonly: true });
    try {
      expect(jobCount(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});
