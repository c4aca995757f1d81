import { hash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { loadMigrations, migrate } from '../../../electron/app/db/migrate.js';
import { normalizeEncoding } from '../../../electron/app/printlog/encoding.js';
import { importFile, type ImportOptions } from '../../../electron/app/printlog/import-file.js';
import { createImportsRepo } from '../../../electron/app/printlog/imports.repo.js';
import { papercutLogger } from '../../../shared/domain/printlog/formats/papercut-logger.js';
import { contentBits, unixSeconds } from '../../../shared/domain/printlog/job-key.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import { fixturesDir, loadExpected } from '../../helpers/printlog-fixtures.js';
import { testClock } from '../../helpers/test-app.js';
import { countedTotals, storedTotals, summaryMatchesRows } from './file-totals.js';
import { jobOfRow, keysConsistent } from './job-keys.js';

/**
 * data/printlogs-schema-v4.sql is a database as Kamiless wrote it at schema
 * version 4 (`sqlite3 .dump`): every fixture imported once, the daily Print
 * Logger files before the all-time file (which then holds only jobs already
 * stored), the all-time file and cups/page_log read a second time, six
 * rejected lines. The fixture paths are written @FIXTURES@.
 */
function databaseAtVersion4(): Db {
  const db = openDatabase(':memory:');
  const dump = readFileSync(new URL('./data/printlogs-schema-v4.sql', import.meta.url), 'utf8');
  db.exec(dump.replaceAll('@FIXTURES@', fixturesDir()));
  return db;
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('migration 0006 (per-file totals)', () => {
  it('fills in the figures of the files imported before it', () => {
    const db = databaseAtVersion4();
    const before = db.prepare('SELECT count(*) AS jobs, sum(pages) AS pages, sum(sheets) AS sheets FROM print_jobs').get();
    const sightingsBefore = count(db, 'SELECT count(*) AS n FROM job_sightings');
    expect(migrate(db, loadMigrations()).applied).toContain(6);

    expect(storedTotals(db)).toEqual(countedTotals(db));
    const stored = storedTotals(db);
    expect(stored.reduce((n, f) => n + f.sightings, 0)).toBe(sightingsBefore);
    expect(stored.reduce((n, f) => n + f.rejected, 0)).toBe(6);
    expect(db.prepare('SELECT sum(jobs) AS jobs, sum(pages) AS pages, sum(sheets) AS sheets FROM log_files').get()).toEqual(before);
    const { summary, rows } = summaryMatchesRows(db);
    expect(summary).toEqual(rows);
    // The all-time file stored nothing itself, but saw its 40 jobs (read twice, counted once).
    const allTime = createImportsRepo(db).listFiles({ page: 1, pageSize: 100 }).items.find((f) => f.path.endsWith('papercut-print-log-all-time.csv'));
    expect(allTime).toMatchObject({ jobs: 0, pages: 0, sheets: 0, sightings: 40, rejected: 0 });
  });
});

function mappingFor(file: string): Pick<ImportOptions, 'mapping' | 'encoding'> {
  const name = file.startsWith('csv/counter') ? 'csv/counter-mapping.json' : file.startsWith('csv/') ? 'csv/joblog-mapping.json' : null;
  if (!name) return {};
  const parsed = parseMapping(JSON.parse(readFileSync(join(fixturesDir(), name), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const encoding = parsed.mapping.encoding ? normalizeEncoding(parsed.mapping.encoding) : null;
  return { mapping: parsed.mapping, ...(encoding && { encoding }) };
}

const importAt = (db: Db, path: string, file: string) => importFile(db, path, { clock: testClock(), ...mappingFor(file) });
const allTime = 'papercut-logger/papercut-print-log-all-time.csv';

/** The jobs as a user sees them, whatever their ids. */
const jobList = (db: Db) => db.prepare(`SELECT time, user, printer, client, document, pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line
  FROM print_jobs ORDER BY file_id, line, time, document`).all();

describe('migration 0007 (integer job keys, sightings of duplicates only)', () => {
  it('keeps every job where it was first read, and the same jobs count as the same after it', async () => {
    const db = databaseAtVersion4();
    const jobs = jobList(db);
    const otherFiles = count(db, 'SELECT count(*) AS n FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id WHERE s.file_id <> j.file_id');
    // The all-time file saw the 40 jobs of the daily files (its second read added no sighting).
    expect(otherFiles).toBe(40);
    expect(migrate(db, loadMigrations()).applied).toContain(7);

    expect(jobList(db)).toEqual(jobs);
    expect(keysConsistent(db)).toEqual([]);
    expect(count(db, 'SELECT count(*) AS n FROM job_sightings')).toBe(otherFiles);
    expect(count(db, 'SELECT count(*) AS n FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id WHERE s.file_id = j.file_id')).toBe(0);
    expect(db.prepare("SELECT name FROM pragma_table_info('print_jobs') WHERE name IN ('dedup_key', 'content_hash')").all()).toEqual([]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_jobs'").all()).toEqual([{ name: 'print_jobs_time' }]);

    // Every fixture read again, where it was and as a copy elsewhere: not one job more.
    const totals = storedTotals(db);
    for (const file of Object.keys(loadExpected())) {
      const again = await importAt(db, join(fixturesDir(), file), file);
      expect(again.jobs, file).toBe(0);
    }
    expect(storedTotals(db)).toEqual(totals);
    const copies = mkdtempSync(join(tmpdir(), 'kamiless-0007-'));
    const copy = join(copies, 'all-time-copy.csv');
    copyFileSync(join(fixturesDir(), allTime), copy);
    expect(await importAt(db, copy, allTime)).toMatchObject({ jobs: 0, duplicates: 40 });
    expect(jobList(db)).toEqual(jobs);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });

  it('follows 0004 on a database of schema version 3, whose keys had no hour in front', async () => {
    const db = databaseAtVersion4();
    // The keys as version 3 wrote them: the same SHA-1, without the YYYYMMDDHH in front.
    db.exec(`UPDATE print_jobs SET content_hash = substr(content_hash, 11), dedup_key = substr(dedup_key, 11);
      UPDATE job_sightings SET content_hash = substr(content_hash, 11);
      DELETE FROM schema_migrations WHERE version = 4;`);
    const jobs = jobList(db);
    const applied = migrate(db, loadMigrations()).applied;
    expect(applied).toContain(4);
    expect(applied).toContain(7);
    expect(jobList(db)).toEqual(jobs);
    expect(keysConsistent(db)).toEqual([]);
    const copies = mkdtempSync(join(tmpdir(), 'kamiless-0004-'));
    const copy = join(copies, 'all-time-copy.csv');
    copyFileSync(join(fixturesDir(), allTime), copy);
    expect(await importAt(db, copy, allTime)).toMatchObject({ jobs: 0, duplicates: 40 });
  });
});

describe('migration 0008 (each file\'s newest job)', () => {
  it('fills in the newest job read from each file, the jobs first stored from other files included', () => {
    const db = databaseAtVersion4();
    expect(migrate(db, loadMigrations()).applied).toContain(8);

    const stored = storedTotals(db);
    expect(stored).toEqual(countedTotals(db));
    const files = db.prepare('SELECT id, path, last_job_time AS last FROM log_files').all() as { id: number; path: string; last: string | null }[];
    const newestOf = (ids: number[]) => (db.prepare(`SELECT max(time) AS t FROM print_jobs WHERE file_id IN (${ids.join(', ')})`).get() as { t: string }).t;
    // The all-time file stored no job of its own, but read the daily files' jobs: its newest is theirs.
    const allTimeFile = files.find((f) => f.path.endsWith('papercut-print-log-all-time.csv'));
    const daily = files.filter((f) => f.path.includes('/daily/'));
    expect(daily.length).toBeGreaterThan(1);
    expect(allTimeFile?.last).toBe(newestOf(daily.map((f) => f.id)));
    for (const f of daily) expect(f.last).toBe(newestOf([f.id]));
    // A file of counter readings has no job: nothing to show.
    expect(files.find((f) => f.path.endsWith('counter-2024.csv'))?.last).toBeNull();
  });

  it('is kept by the import afterwards: a re-read of a file of duplicates only leaves it as it was', async () => {
    const db = databaseAtVersion4();
    migrate(db, loadMigrations());
    const last = () => (db.prepare("SELECT last_job_time AS t FROM log_files WHERE path LIKE '%all-time%'").get() as { t: string | null }).t;
    const before = last();
    expect(before).not.toBeNull();
    // The all-time file renamed (the same first KiB): read again from the start, every job a duplicate.
    const copies = mkdtempSync(join(tmpdir(), 'kamiless-0008-'));
    const copy = join(copies, 'all-time-copy.csv');
    copyFileSync(join(fixturesDir(), allTime), copy);
    expect(await importAt(db, copy, allTime)).toMatchObject({ jobs: 0, duplicates: 40 });
    expect(last()).toBe(before);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });
});

/** The key of schema versions 7 to 14: the second × 2^21 and the first 21 bits of the content's SHA-1. */
function sha1Key(r: Parameters<typeof jobOfRow>[0]): number {
  const j = jobOfRow(r);
  const content = [j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides ?? '', j.nUp, j.color ?? '', j.paperSize].join('\u001f');
  const digest = hash('sha1', content);
  const seconds = Math.floor(Date.parse(j.time) / 1000) - 946_684_800;
  return (seconds > 0 ? Math.min(2 ** 32 - 2, seconds) : 0) * 2 ** 21 + (parseInt(digest.slice(0, 6), 16) >>> 3);
}

const upTo = (version: number) => loadMigrations().filter((m) => m.version <= version);

/** Each job's content with the files and lines it was seen at (first read, then sightings): what must survive a re-keying. */
const seenWhere = (db: Db) => db.prepare(`SELECT j.time, j.user, j.document, j.pages, j.copies, j.file_id AS firstFile, j.line AS firstLine,
    (SELECT group_concat(s.file_id || ':' || s.line, ' ') FROM (SELECT * FROM job_sightings WHERE job_id = j.id ORDER BY file_id) s) AS sightings
  FROM print_jobs j ORDER BY j.file_id, j.line, j.time, j.document`).all();

describe('migration 0015 (job keys without SHA-1)', () => {
  it('moves every job stored under its SHA-1 key to its new key, and the same jobs count as the same after it', async () => {
    const db = databaseAtVersion4();
    migrate(db, upTo(14));
    const rows = db.prepare('SELECT * FROM print_jobs').all() as Parameters<typeof jobOfRow>[0][];
    // As versions 7 to 14 placed them: at their SHA-1 key or the first free id after it, and not where the new keys look.
    expect(rows.every((r) => r.id >= sha1Key(r) && r.id - sha1Key(r) < rows.length)).toBe(true);
    expect(keysConsistent(db).length).toBeGreaterThan(rows.length / 2);
    const jobs = jobList(db);
    const seen = seenWhere(db);

    expect(migrate(db, loadMigrations()).applied).toEqual([15]);
    expect(jobList(db)).toEqual(jobs);
    expect(seenWhere(db)).toEqual(seen);
    expect(keysConsistent(db)).toEqual([]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name IN ('print_jobs', 'job_sightings') ORDER BY name").all())
      .toEqual([{ name: 'job_sightings' }, { name: 'print_jobs' }, { name: 'print_jobs_time' }]);

    const totals = storedTotals(db);
    for (const file of Object.keys(loadExpected())) {
      const again = await importAt(db, join(fixturesDir(), file), file);
      expect(again.jobs, file).toBe(0);
    }
    expect(storedTotals(db)).toEqual(totals);
    const copy = join(mkdtempSync(join(tmpdir(), 'kamiless-0015-')), 'all-time-copy.csv');
    copyFileSync(join(fixturesDir(), allTime), copy);
    expect(await importAt(db, copy, allTime)).toMatchObject({ jobs: 0, duplicates: 40 });
    expect(jobList(db)).toEqual(jobs);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });

  it('packs jobs whose new keys meet, and a content read twice, so that a search from each key finds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-0015-'));
    const header = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';
    const row = (doc: string) => `2024-05-01 09:00:00,sato-k,3,1,HONCHO-SOUMU-MFP01,"${doc}",PC-1,A4,PCL6,,,NOT DUPLEX,GRAYSCALE,12kb,\r\n`;
    const parser = papercutLogger.createParser({ timeZone: 'Asia/Tokyo' });
    const bitsOf = (doc: string) => {
      const event = parser.push(row(doc).trimEnd(), 3)[0];
      if (event?.kind !== 'job') throw new Error(`not a job: ${doc}`);
      return contentBits(event.job, unixSeconds(event.job.time));
    };
    // Two documents of the same second whose contents hash to the same 21 bits: one key for both.
    const byBits = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const doc = `文書 ${i}.pdf`;
      const other = byBits.get(bitsOf(doc));
      if (other !== undefined) pair = [other, doc];
      else byBits.set(bitsOf(doc), doc);
    }
    const [a, b] = pair;
    const path = join(dir, 'collide.csv');
    writeFileSync(path, header + [a, b, a].map(row).join(''));

    const db = openDatabase(':memory:');
    migrate(db, upTo(14));
    expect(await importFile(db, path, { clock: testClock() })).toMatchObject({ jobs: 3 });
    // As an older version might have left them: anywhere, the second reading of `a` before the first.
    const ids = db.prepare('SELECT id FROM print_jobs ORDER BY line').pluck().all() as number[];
    const key = ids[0] ?? 0;
    db.prepare('UPDATE print_jobs SET id = id + ? WHERE line = ?').run(2 ** 40, 3);
    db.prepare('UPDATE print_jobs SET id = id - ? WHERE line = ?').run(2 ** 35, 4);
    db.prepare('UPDATE print_jobs SET id = id - ? WHERE line = ?').run(2 ** 36, 5);
    expect(keysConsistent(db)).toHaveLength(3);

    migrate(db, loadMigrations());
    // From the key on, in the order of their ids before (the rows of one content in the order they were first read, as stored).
    expect(db.prepare('SELECT id - ? AS at, line, document FROM print_jobs ORDER BY id').all(key)).toEqual([
      { at: 0, line: 5, document: a }, { at: 1, line: 4, document: b }, { at: 2, line: 3, document: a },
    ]);
    expect(keysConsistent(db)).toEqual([]);
    expect(await importFile(db, path, { clock: testClock() })).toMatchObject({ jobs: 0, duplicates: 3 });
    const copy = join(dir, 'collide-copy.csv');
    copyFileSync(path, copy);
    expect(await importFile(db, copy, { clock: testClock() })).toMatchObject({ jobs: 0, duplicates: 3 });
    expect(db.prepare('SELECT count(*) AS n FROM print_jobs').get()).toEqual({ n: 3 });
  });
});
