import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { createSourcesRepo } from '../../../electron/app/printlog/sources.repo.js';
import { systemClock } from '../../../electron/app/clock.js';
import { makeTempDir, removeTempDir, testClock } from '../../helpers/test-app.js';
import {
  addSource, appendCp932, documents, expectExactly, jobCount, openTestDb, printLoggerDocument, printLoggerHead, printLoggerLine,
  rejectedCount, startWatching, waitFor, type Watching,
} from '../../helpers/watcher-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function setup(): { dir: string; logs: string; db: Db } {
  const dir = makeTempDir('kamiless-watch-');
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const db = openTestDb(dir);
  cleanup.push(() => removeTempDir(dir), () => { db.close(); });
  return { dir, logs, db };
}

async function watching(db: Db, opts: Parameters<typeof startWatching>[1] = {}): Promise<Watching> {
  const w = await startWatching(db, opts);
  cleanup.push(() => w.service.stop());
  return w;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('folder watcher: Print Logger files', () => {
  it('imports lines as they are appended; a last line without its newline waits for it', async () => {
    const { logs, db } = setup();
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead);
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    const w = await watching(db);
    // The file is open before the first job arrives: read as UTF-8 so far (its banner and header are ASCII).
    await w.service.idle();
    expect(db.prepare('SELECT encoding, line FROM log_files').all()).toEqual([{ encoding: 'utf-8', line: 2 }]);

    for (const i of range(0, 8)) {
      appendCp932(file, printLoggerLine(i));
      await waitFor(`job ${i}`, () => jobCount(db) === i + 1);
    }
    // Line 8 complete and line 9 cut before its final comma and CRLF, in one write: the read that
    // takes line 8 sees line 9's bytes too, and must leave them for later.
    const last = printLoggerLine(9);
    appendCp932(file, printLoggerLine(8) + last.slice(0, -3));
    await waitFor('job 8', () => jobCount(db) >= 9);
    await w.service.idle();
    expect(documents(db)).not.toContain(printLoggerDocument(9));
    expect(rejectedCount(db)).toBe(0);

    appendCp932(file, last.slice(-3));
    await expectExactly(db, w, range(0, 10).map((i) => printLoggerDocument(i)), 'all ten jobs once');
    // The CP932 names survived a file that began as ASCII only (banner and header).
    expect(documents(db)).toContain('㈱北広 報告書 a9①');
    expect(rejectedCount(db)).toBe(0);
    // Reopened as CP932 when the first Japanese name showed: the file says so now.
    expect(db.prepare('SELECT encoding FROM log_files').all()).toEqual([{ encoding: 'cp932' }]);
    const sources = db.prepare('SELECT DISTINCT source FROM log_files').all();
    expect(sources).toEqual([{ source: 'honcho' }]);
    expect(w.commits.every((c) => c.source === 'honcho' && c.file === file)).toBe(true);
    expect(w.commits.reduce((n, c) => n + c.jobs, 0)).toBe(10);
  });

  it('picks up a new daily file and ignores files that do not match the glob', async () => {
    const { logs, db } = setup();
    const day1 = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(day1, printLoggerHead + range(0, 3).map((i) => printLoggerLine(i)).join(''));
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    const w = await watching(db);
    await waitFor('day 1', () => jobCount(db) === 3);

    // Written first, so its events are handled before the new daily file's.
    const other = join(logs, 'papercut-print-log-2024-05-02.csv.bak');
    appendCp932(other, printLoggerHead + range(0, 5).map((i) => printLoggerLine(i, 'bak')).join(''));
    const day2 = join(logs, 'papercut-print-log-2024-05-02.csv');
    appendCp932(day2, printLoggerHead);
    appendCp932(day2, range(0, 4).map((i) => printLoggerLine(i, 'd2')).join(''));
    await expectExactly(db, w, [...range(0, 3).map((i) => printLoggerDocument(i)), ...range(0, 4).map((i) => printLoggerDocument(i, 'd2'))], 'both days');
    expect((db.prepare('SELECT path FROM log_files ORDER BY path').all() as { path: string }[]).map((r) => r.path)).toEqual([day1, day2]);
  });

  it('after a restart continues from the stored position, not from the start', async () => {
    const { logs, db } = setup();
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead + range(0, 10).map((i) => printLoggerLine(i)).join(''));
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    const first = await startWatching(db);
    await waitFor('first ten', () => jobCount(db) === 10);
    await first.service.stop();

    appendCp932(file, range(10, 15).map((i) => printLoggerLine(i)).join(''));
    const second = await watching(db);
    await expectExactly(db, second, range(0, 15).map((i) => printLoggerDocument(i)), 'fifteen jobs after the restart');
    // Only the five new lines were read again: the file was not re-read from its start.
    expect(second.commits.reduce((n, c) => n + c.lines, 0)).toBe(5);
    expect(second.commits.reduce((n, c) => n + c.duplicates, 0)).toBe(0);
  });

  it('records an error on a source whose folder is missing, keeps the others working, and starts it once the folder appears', async () => {
    const { dir, logs, db } = setup();
    const missing = join(dir, 'branch-share');
    addSource(db, { name: 'geihoku', folder: missing, glob: 'page_log*' });
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    // A file whose format nobody can tell: an error of that file, not of the source's other files.
    writeFileSync(join(logs, 'papercut-print-log-garbage.csv'), 'this is not a print log\r\nnor is this\r\n');
    const w = await watching(db, { refreshMs: 100 });
    const repo = createSourcesRepo(db, systemClock);

    const good = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(good, printLoggerHead + range(0, 4).map((i) => printLoggerLine(i)).join(''));
    await waitFor('the working source', () => jobCount(db) === 4);
    expect(w.service.watching()).toEqual(['honcho']);
    expect(repo.byName('geihoku')?.lastError).toContain(`folder ${missing} does not exist`);
    expect(repo.byName('geihoku')?.lastErrorAt).toBeTruthy();
    await waitFor('the unreadable file reported', () => w.errors.find((e) => e.file?.endsWith('papercut-print-log-garbage.csv')));
    expect(repo.byName('honcho')?.lastError).toMatch(/papercut-print-log-garbage\.csv: .*format not recognised/);

    mkdirSync(missing);
    await waitFor('the branch source to start', () => w.service.watching().includes('geihoku'));
    expect(repo.byName('geihoku')?.lastError).toBeNull();
    appendCp932(good, printLoggerLine(4));
    await waitFor('honcho still working', () => jobCount(db) === 5);
  });

  it('records a source with settings it cannot use (a csv source without mapping) and stops watching a removed source', async () => {
    const { dir, logs, db } = setup();
    const csvFolder = join(dir, 'csv');
    mkdirSync(csvFolder);
    addSource(db, { name: 'copier', folder: csvFolder, glob: '*.csv', format: 'csv' });
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    const w = await watching(db, { refreshMs: 100 });
    const repo = createSourcesRepo(db, systemClock);
    expect(repo.byName('copier')?.lastError).toContain('needs a mapping file');
    expect(w.service.watching()).toEqual(['honcho']);

    repo.deactivate('honcho');
    await waitFor('honcho to stop', () => w.service.watching().length === 0);
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead + printLoggerLine(0));
    // A source that is watched again reads the file, so nothing was read while it was removed.
    addSource(db, { name: 'honcho-2', folder: join(dir, 'csv'), glob: 'marker-*.csv' });
    await waitFor('the new source', () => w.service.watching().includes('honcho-2'));
    await w.service.idle();
    expect(jobCount(db)).toBe(0);
  });

  it('keeps at most maxOpenFiles sessions; a forgotten file reopens at its position', async () => {
    const { logs, db } = setup();
    const files = [1, 2, 3].map((d) => join(logs, `papercut-print-log-2024-05-0${d}.csv`));
    files.forEach((f, d) => appendCp932(f, printLoggerHead + printLoggerLine(0, `d${d}`)));
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' });
    const w = await watching(db, { maxOpenFiles: 1 });
    await waitFor('three files', () => jobCount(db) === 3);
    await w.service.idle();
    expect(w.service.openFiles()).toHaveLength(3);
    w.service.sweep();
    await w.service.idle();
    expect(w.service.openFiles()).toHaveLength(1);

    files.forEach((f, d) => appendCp932(f, printLoggerLine(1, `d${d}`)));
    await expectExactly(db, w, [0, 1, 2].flatMap((d) => [printLoggerDocument(0, `d${d}`), printLoggerDocument(1, `d${d}`)]), 'one new job per file');
    expect(w.commits.reduce((n, c) => n + c.duplicates, 0)).toBe(0);
  });

  it('finishes a file nobody has written for a while, taking its last line even without a newline', async () => {
    const { logs, db } = setup();
    const clock = testClock(Date.now());
    const file = join(logs, 'papercut-print-log-2024-05-01.csv');
    appendCp932(file, printLoggerHead + range(0, 3).map((i) => printLoggerLine(i)).join('') + printLoggerLine(3).slice(0, -2));
    addSource(db, { name: 'honcho', folder: logs, glob: 'papercut-print-log-*.csv' }, clock);
    const w = await watching(db, { clock, idleMs: 60_000 });
    await waitFor('three complete lines', () => jobCount(db) === 3);
    await w.service.idle();
    expect(jobCount(db)).toBe(3);

    clock.advance(120_000);
    w.service.sweep();
    await w.service.idle();
    expect(documents(db)).toContain(printLoggerDocument(3));
    expect(db.prepare('SELECT finished FROM log_files').get()).toEqual({ finished: 1 });

    // Written again after all: read again, the four already stored count as duplicates.
    appendCp932(file, '\r\n' + printLoggerLine(4));
    await expectExactly(db, w, range(0, 5).map((i) => printLoggerDocument(i)), 'the line after the idle finish');
  });
});
