import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { systemClock, type Clock } from '../../electron/app/clock.js';
import { openDatabase, type Db } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { newSourceToken } from '../../electron/app/printlog/source-token.js';
import { createSourcesRepo, type LogSource, type SourceInput } from '../../electron/app/printlog/sources.repo.js';
import { WatcherService, type CommitEvent, type SourceErrorEvent, type WatcherOptions } from '../../electron/app/printlog/watcher.js';

/**
 * Real folders, a real SQLite file and a real watcher for the watcher tests.
 * Nothing here sleeps to decide an outcome: `waitFor` polls a condition until
 * a deadline and fails with what it was waiting for.
 */

export const printLoggerHead =
  'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';

/** Job `i` of a Print Logger file: its document name ("㈱北広 報告書 7") is unique per i and tag, and holds CP932-only characters. */
export function printLoggerLine(i: number, tag = 'a'): string {
  const t = new Date(Date.UTC(2024, 4, 1, 0, 0, 0) + i * 7_000 + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${t},sato-k,${1 + (i % 9)},1,HONCHO-SOUMU-MFP01,"㈱北広 報告書 ${tag}${i}①",PC-${i % 7},A4,PCL6,,,NOT DUPLEX,GRAYSCALE,12kb,\r\n`;
}

export const printLoggerDocument = (i: number, tag = 'a') => `㈱北広 報告書 ${tag}${i}①`;

/** Job `i` of a CUPS ≥ 2.3 page_log (one `total` line per job). */
export function cupsLine(i: number, tag = 'a'): string {
  const t = new Date(Date.UTC(2024, 6, 1, 0, 0, 0) + i * 61_000);
  const mon = 'Jul';
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `[${p2(t.getUTCDate())}/${mon}/2024:${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} +0000]`;
  return `HONCHO-MFP01 sato-k ${i} ${stamp} total ${1 + (i % 5)} - 10.1.2.3 cups-${tag}-${i}.pdf iso_a4_210x297mm one-sided\n`;
}

export const cupsDocument = (i: number, tag = 'a') => `cups-${tag}-${i}.pdf`;

export function appendCp932(path: string, text: string): void {
  appendFileSync(path, iconv.encode(text, 'cp932'));
}

export function openTestDb(dir: string): Db {
  const db = openDatabase(join(dir, 'kamiless.db'));
  migrate(db);
  return db;
}

export function addSource(db: Db, input: Partial<SourceInput> & Pick<SourceInput, 'name' | 'folder' | 'glob'>, clock: Clock = systemClock): LogSource {
  const { hash } = newSourceToken();
  return createSourcesRepo(db, clock).add({ kind: 'folder', format: 'auto', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000, ...input }, hash).source;
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function documents(db: Db): string[] {
  return (db.prepare('SELECT document FROM print_jobs ORDER BY document').all() as { document: string }[]).map((r) => r.document);
}

export const jobCount = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number }).n;

export const rejectedCount = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM rejected_lines').get() as { n: number }).n;

export interface Watching {
  service: WatcherService;
  commits: CommitEvent[];
  errors: SourceErrorEvent[];
}

/** Starts a watcher that records its events; short timers so tests run fast. */
export async function startWatching(db: Db, options: WatcherOptions = {}): Promise<Watching> {
  const service = new WatcherService(db, { refreshMs: 0, trailingMs: 50, archiveSettleMs: 100, ...options });
  const commits: CommitEvent[] = [];
  const errors: SourceErrorEvent[] = [];
  service.on('commit', (e) => commits.push(e));
  service.on('sourceError', (e) => errors.push(e));
  await service.start();
  return { service, commits, errors };
}

/** Waits until the stored jobs are exactly `docs` (each once) and the watcher has nothing left to do. */
export async function expectExactly(db: Db, w: Watching, docs: string[], what: string): Promise<void> {
  const want = [...docs].sort();
  await waitFor(what, () => jobCount(db) >= want.length);
  await w.service.idle();
  const got = documents(db);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const missing = want.filter((d) => !got.includes(d));
    const twice = got.filter((d, i) => got.indexOf(d) !== i);
    const extra = got.filter((d) => !want.includes(d));
    throw new Error(`${what}: ${got.length} jobs stored, ${want.length} expected; missing ${JSON.stringify(missing)}, twice ${JSON.stringify(twice)}, unexpected ${JSON.stringify(extra)}`);
  }
}
