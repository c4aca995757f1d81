import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { importFile, LogFileSession } from '../../../electron/app/printlog/import-file.js';
import { jobKey } from '../../../shared/domain/printlog/job-key.js';
import { papercutLogger } from '../../../shared/domain/printlog/formats/papercut-logger.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';
import { fixturesDir } from '../../helpers/printlog-fixtures.js';
import { testClock, testDb } from '../../helpers/test-app.js';
import { keysConsistent } from './job-keys.js';
import { countedTotals, storedTotals } from './file-totals.js';

// The file writer inserts jobs many rows per statement and searches only for the jobs whose key is
// taken: these cases would show it wrong.

const dir = mkdtempSync(join(tmpdir(), 'kamiless-dedup-'));
const header = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';

/** Job `i` of a made-up day: the same i gives the same job in every file. */
function row(i: number): string {
  const t = new Date(Date.UTC(2024, 4, 1, 0, 0, 0) + i * 7000 + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${t},sato-k,${1 + (i % 9)},1,HONCHO-SOUMU-MFP01,"文書 ${i}.pdf",PC-${i % 7},A4,PCL6,,,${i % 2 ? 'DUPLEX' : 'NOT DUPLEX'},GRAYSCALE,12kb,\r\n`;
}

function logFile(name: string, jobs: number[]): string {
  const path = join(dir, name);
  writeFileSync(path, header + jobs.map(row).join(''));
  return path;
}

const importLog = (db: Db, path: string) => importFile(db, path, { clock: testClock() });

/** Every job sits where a search from its key finds it, and a sighting is only ever of another file's job. */
function consistent(db: Db) {
  const ownSightings = db.prepare('SELECT count(*) AS n FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id WHERE s.file_id = j.file_id').get() as { n: number };
  return { misplaced: keysConsistent(db).length, ownSightings: ownSightings.n };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('deduplication in batches', () => {
  it('stores the new jobs of a file that interleaves them with jobs already stored', async () => {
    const db = testDb();
    expect((await importLog(db, logFile('a.csv', range(0, 200)))).jobs).toBe(200);
    // Every third job of b.csv is one of a.csv's: a multi-row statement holds both kinds.
    const b = range(0, 300).map((i) => (i % 3 === 0 ? i / 3 : 1000 + i));
    const result = await importLog(db, logFile('b.csv', b));
    expect(result).toMatchObject({ jobs: 200, duplicates: 100 });
    expect((db.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number }).n).toBe(400);
    expect(consistent(db)).toEqual({ misplaced: 0, ownSightings: 0 });
  });

  it('stores identical jobs of one file once each, close together and far apart', async () => {
    const db = testDb();
    const jobs = [...range(0, 100), 5, 5, 7, ...range(100, 200), 5, 150, 150];
    const result = await importLog(db, logFile('repeats.csv', jobs));
    expect(result).toMatchObject({ jobs: jobs.length, duplicates: 0 });
    // Job 5 is read four times (lines 8, 103, 104 and 208): four rows of one content.
    expect(db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE document = (SELECT document FROM print_jobs WHERE line = 103)`).get()).toEqual({ n: 4 });
    // The same file again, and a copy of it under another name: nothing new either time.
    expect(await importLog(db, join(dir, 'repeats.csv'))).toMatchObject({ jobs: 0, duplicates: jobs.length });
    expect(await importLog(db, logFile('repeats-copy.csv', jobs))).toMatchObject({ jobs: 0, duplicates: jobs.length });
    expect(consistent(db)).toEqual({ misplaced: 0, ownSightings: 0 });
  });

  it('notices another session storing the same file meanwhile, and counts its jobs as already there', async () => {
    const db = testDb();
    const path = logFile('shared.csv', range(0, 150));
    const first = await LogFileSession.open(db, path, { clock: testClock() });
    // A second reader of the file (a manual import while a watcher holds it open) gets there first.
    expect((await importLog(db, path)).jobs).toBe(150);
    await first.readAvailable('emit');
    expect(first.finish()).toMatchObject({ jobs: 0, duplicates: 150 });
    expect((db.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number }).n).toBe(150);
    expect(consistent(db)).toEqual({ misplaced: 0, ownSightings: 0 });
  });

  it('stores a job whose key another content holds at the next free id, and finds it there again', async () => {
    const db = testDb();
    const parsed = papercutLogger.createParser({ timeZone: 'Asia/Tokyo' }).push(row(7).trimEnd(), 3)[0];
    if (parsed?.kind !== 'job') throw new Error('row 7 is not a job');
    const job: PrintJob = parsed.job;
    const key = jobKey(job);
    // Two other jobs hold job 7's key and the id after it, as a different content whose key is the
    // same or one less would.
    expect((await importLog(db, logFile('other.csv', [1000, 1001]))).jobs).toBe(2);
    db.prepare('UPDATE print_jobs SET id = ? WHERE document = ?').run(key, '文書 1000.pdf');
    db.prepare('UPDATE print_jobs SET id = ? WHERE document = ?').run(key + 1, '文書 1001.pdf');

    const jobs = [6, 7, 8, 7, 9];
    expect(await importLog(db, logFile('collide.csv', jobs))).toMatchObject({ jobs: 5, duplicates: 0 });
    const sevens = db.prepare('SELECT id, line FROM print_jobs WHERE document = ? ORDER BY id').all('文書 7.pdf');
    expect(sevens).toEqual([{ id: key + 2, line: 4 }, { id: key + 3, line: 6 }]);
    expect(await importLog(db, join(dir, 'collide.csv'))).toMatchObject({ jobs: 0, duplicates: 5 });
    expect(await importLog(db, logFile('collide-copy.csv', [7, 7, 7]))).toMatchObject({ jobs: 1, duplicates: 2 });
    // Only the two rows moved by hand are away from their own keys.
    expect(keysConsistent(db)).toEqual([key, key + 1]);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });

  it('counts identical jobs on one line (a one-line XML export) as many jobs, and a re-read of the line as none', async () => {
    const db = testDb();
    const xml = readFileSync(join(fixturesDir(), 'windows-307/printservice-307.xml'), 'utf8');
    const events = xml.match(/<Event [\s\S]*?<\/Event>/g) ?? [];
    const [first, second] = events;
    if (first === undefined || second === undefined) throw new Error('fixture without events');
    const path = join(dir, 'twice-on-line-1.xml');
    writeFileSync(path, `<root>${first}${first}${second}${first}</root>\r\n`);
    expect(await importLog(db, path)).toMatchObject({ jobs: 4, duplicates: 0 });
    expect(await importLog(db, path)).toMatchObject({ jobs: 0, duplicates: 4 });
    const copy = join(dir, 'twice-copy.xml');
    writeFileSync(copy, `<root>${second}${first}${first}${first}${first}</root>\r\n`);
    expect(await importLog(db, copy)).toMatchObject({ jobs: 1, duplicates: 4 });
    expect(consistent(db)).toEqual({ misplaced: 0, ownSightings: 0 });
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });
});
