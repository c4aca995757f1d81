import fs, { appendFileSync, copyFileSync, mkdirSync, renameSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';
import {
  addSource, appendCp932, cupsDocument, cupsLine, expectExactly, openTestDb, printLoggerDocument, printLoggerHead, printLoggerLine, startWatching,
  waitFor, jobCount, type Watching,
} from '../../helpers/watcher-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function setup(): { logs: string; db: Db } {
  const dir = makeTempDir('kamiless-rotate-');
  const logs = join(dir, 'cups');
  mkdirSync(logs);
  const db = openTestDb(dir);
  cleanup.push(() => removeTempDir(dir), () => { db.close(); });
  return { logs, db };
}

async function watching(db: Db): Promise<Watching> {
  const w = await startWatching(db);
  cleanup.push(() => w.service.stop());
  return w;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const lines = (from: number, to: number, tag = 'a') => range(from, to).map((i) => cupsLine(i, tag)).join('');
const docs = (from: number, to: number, tag = 'a') => range(from, to).map((i) => cupsDocument(i, tag));
const filesTable = (db: Db) => db.prepare('SELECT id, path FROM log_files ORDER BY id').all() as { id: number; path: string }[];

describe('folder watcher: rotation', () => {
  it('rename rotation (page_log → page_log.1, a new page_log): nothing lost, nothing twice, the renamed file keeps its identity', async () => {
    const { logs, db } = setup();
    const log = join(logs, 'page_log');
    // Longer than the 1 KiB that identifies a file, so the renamed file is recognised by its head.
    writeFileSync(log, lines(0, 20));
    addSource(db, { name: 'cups', folder: logs, glob: 'page_log*' });
    const w = await watching(db);
    await waitFor('the first twenty jobs', () => jobCount(db) === 20);
    const [original] = filesTable(db);

    // Jobs written just before the rotation may not have been read yet: they must come from page_log.1.
    appendFileSync(log, lines(20, 25));
    renameSync(log, join(logs, 'page_log.1'));
    writeFileSync(log, lines(0, 12, 'new'));
    await expectExactly(db, w, [...docs(0, 25), ...docs(0, 12, 'new')], 'jobs across the rename');

    appendFileSync(log, lines(12, 15, 'new'));
    await expectExactly(db, w, [...docs(0, 25), ...docs(0, 15, 'new')], 'jobs appended to the new page_log');
    const files = filesTable(db);
    expect(files).toHaveLength(2);
    expect(files[0]).toEqual({ id: original?.id, path: join(logs, 'page_log.1') });
    expect(files[1]?.path).toBe(log);
  });

  for (const [what, rewritten] of [['shorter than before', 10], ['longer than before', 60]] as const) {
    it(`copy-truncate rotation, the file rewritten ${what}: nothing lost, nothing twice`, async () => {
      const { logs, db } = setup();
      const log = join(logs, 'page_log');
      writeFileSync(log, lines(0, 20));
      addSource(db, { name: 'cups', folder: logs, glob: 'page_log*' });
      const w = await watching(db);
      await waitFor('the first twenty jobs', () => jobCount(db) === 20);

      // logrotate's copytruncate: copy, then truncate in place, and the writer goes on at offset 0.
      appendFileSync(log, lines(20, 25));
      copyFileSync(log, join(logs, 'page_log.1'));
      truncateSync(log, 0);
      appendFileSync(log, lines(0, rewritten, 'new'));
      await expectExactly(db, w, [...docs(0, 25), ...docs(0, rewritten, 'new')], 'jobs across the copy-truncate');

      appendFileSync(log, lines(rewritten, rewritten + 3, 'new'));
      await expectExactly(db, w, [...docs(0, 25), ...docs(0, rewritten + 3, 'new')], 'jobs appended after the rotation');
    });
  }

  it('imports a .gz archive that appears once, and does not read it again when it is touched', async () => {
    const { logs, db } = setup();
    const log = join(logs, 'page_log');
    writeFileSync(log, lines(0, 3));
    addSource(db, { name: 'cups', folder: logs, glob: 'page_log*' });
    const w = await watching(db);
    await waitFor('page_log', () => jobCount(db) === 3);

    const archive = join(logs, 'page_log.2.gz');
    writeFileSync(archive, gzipSync(Buffer.from(lines(0, 40, 'gz'))));
    await expectExactly(db, w, [...docs(0, 3), ...docs(0, 40, 'gz')], 'the archive');
    expect(db.prepare('SELECT finished FROM log_files WHERE path = ?').get(archive)).toEqual({ finished: 1 });

    const later = new Date(Date.now() + 60_000);
    utimesSync(archive, later, later);
    // A second archive after the touch: once it is in, the touch has been handled too (one queue, in order).
    const second = join(logs, 'page_log.3.gz');
    writeFileSync(second, gzipSync(Buffer.from(lines(0, 5, 'gz3'))));
    await expectExactly(db, w, [...docs(0, 3), ...docs(0, 40, 'gz'), ...docs(0, 5, 'gz3')], 'the second archive');
    expect(w.commits.filter((c) => c.file === archive)).toEqual([{ source: 'cups', file: archive, jobs: 40, rejected: 0, duplicates: 0, lines: 40 }]);
  });

  it('polling mode (network shares) follows appended lines and new files', async () => {
    // Polling means fs.watchFile; spy on it so the test fails if the source were watched by notifications.
    const watchFile = vi.spyOn(fs, 'watchFile');
    syncBuiltinESMExports();
    cleanup.push(() => {
      watchFile.mockRestore();
      syncBuiltinESMExports();
    });
    const { logs, db } = setup();
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead + printLoggerLine(0));
    addSource(db, { name: 'share', folder: logs, glob: 'papercut-print-log-*.csv', polling: true, pollIntervalMs: 100 });
    const w = await watching(db);
    await waitFor('the first job', () => jobCount(db) === 1);
    expect(watchFile.mock.calls.some(([path]) => path === file)).toBe(true);

    appendCp932(file, printLoggerLine(1) + printLoggerLine(2));
    await waitFor('appended jobs', () => jobCount(db) === 3);
    const day2 = join(logs, 'papercut-print-log-2024-05-02.csv');
    appendCp932(day2, printLoggerHead + printLoggerLine(0, 'd2'));
    await expectExactly(db, w, [...range(0, 3).map((i) => printLoggerDocument(i)), printLoggerDocument(0, 'd2')], 'the new file on the share');
  });
});
