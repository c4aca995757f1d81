import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { loadMigrations, migrate } from '../../../electron/app/db/migrate.js';
import { importFile, LogFileSession } from '../../../electron/app/printlog/import-file.js';
import { testClock, testDb } from '../../helpers/test-app.js';

// The job writer stores jobs and sightings many rows per statement, infers the ids of new jobs from
// the last rowid, and skips lookups it can prove unneeded: these cases would show any of that wrong.

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

/** Every sighting points at the job of its content and occurrence, and every job has one sighting in its own file. */
function consistent(db: Db) {
  const wrong = db.prepare(`SELECT count(*) AS n FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id
    WHERE j.content_hash <> s.content_hash OR j.dedup_key <> s.content_hash || ':' || s.n`).get() as { n: number };
  const orphans = db.prepare(`SELECT count(*) AS n FROM print_jobs j
    WHERE NOT EXISTS (SELECT 1 FROM job_sightings s WHERE s.job_id = j.id AND s.file_id = j.file_id AND s.line = j.line)`).get() as { n: number };
  return { wrong: wrong.n, orphans: orphans.n };
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
    expect(consistent(db)).toEqual({ wrong: 0, orphans: 0 });
  });

  it('stores identical jobs of one file once each, close together and far apart', async () => {
    const db = testDb();
    const jobs = [...range(0, 100), 5, 5, 7, ...range(100, 200), 5, 150, 150];
    const result = await importLog(db, logFile('repeats.csv', jobs));
    expect(result).toMatchObject({ jobs: jobs.length, duplicates: 0 });
    expect(db.prepare("SELECT max(n) AS n FROM job_sightings WHERE content_hash = (SELECT content_hash FROM job_sightings WHERE line = 3 + 100)").get()).toEqual({ n: 4 });
    // The same file again, and a copy of it under another name: nothing new either time.
    expect(await importLog(db, join(dir, 'repeats.csv'))).toMatchObject({ jobs: 0, duplicates: jobs.length });
    expect(await importLog(db, logFile('repeats-copy.csv', jobs))).toMatchObject({ jobs: 0, duplicates: jobs.length });
    expect(consistent(db)).toEqual({ wrong: 0, orphans: 0 });
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
    expect(consistent(db)).toEqual({ wrong: 0, orphans: 0 });
  });
});

describe('migration 0004 (job keys led by the hour)', () => {
  it('turns the keys of jobs stored before it into the new ones, so they still count as the same jobs', async () => {
    const db = testDb();
    const path = logFile('before-0004.csv', [...range(0, 120), 7, 7]);
    expect((await importLog(db, path)).jobs).toBe(122);
    // The keys as version 3 wrote them: the same SHA-1, without the YYYYMMDDHH in front.
    db.exec(`UPDATE print_jobs SET content_hash = substr(content_hash, 11), dedup_key = substr(dedup_key, 11);
      UPDATE job_sightings SET content_hash = substr(content_hash, 11);
      DELETE FROM schema_migrations WHERE version = 4;`);
    expect(migrate(db, loadMigrations()).applied).toEqual([4]);
    expect(consistent(db)).toEqual({ wrong: 0, orphans: 0 });
    expect(await importLog(db, logFile('before-0004-copy.csv', [...range(0, 120), 7, 7]))).toMatchObject({ jobs: 0, duplicates: 122 });
  });
});
