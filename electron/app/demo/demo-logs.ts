import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../app-error.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSitesRepo } from '../org/sites.repo.js';
import { importFile } from '../printlog/import-file.js';
import { newSourceToken } from '../printlog/source-token.js';
import { createSourcesRepo } from '../printlog/sources.repo.js';
import {
  dayOf, demoPrintServers, isoDay, planDemoLogs, tokyoDayOf, workingDayFrom, ymdOf,
  type DemoJob, type DemoLogFormat, type DemoLogPlan, type DemoSiteCode,
} from './demo-logs-plan.js';

/**
 * Writes the demo town's print-server logs (demo-logs-plan.ts) in the real
 * formats and imports them through the real pipeline:
 *
 * - 本庁: PaperCut Print Logger daily CSV files (`papercut-print-log-YYYY-MM-DD.csv`,
 *   CP932, CRLF), and the all-time file, which the logger started afresh when the
 *   print server was replaced early in the last month: it repeats that month's
 *   daily files, so the import shows its jobs as duplicates, counted once;
 * - 芸北・大朝・豊平 支所: CUPS ≥ 2.3 `page_log` (one `total` line per job),
 *   rotated monthly to `page_log-YYYYMM`; this month's is still `page_log`;
 * - 千代田保健センター: PaperCut NG `printlog_yyyy_mm_dd.log` (tab-separated, UTF-8).
 *
 * Three lines are broken on purpose (a row cut off by a power failure, a
 * page_log line cut short by a full disk, a NUL-filled line after an unclean
 * shutdown), so the rejected-lines view has something to show. They are
 * extra lines, not jobs of the plan: the sheets still add up.
 *
 * Rendering is pure (plan in, bytes out); only writeDemoLogFiles and
 * installDemoLogs touch the disk and the database.
 */

/** A demo log file: where it goes under the demo-logs folder, and its bytes. */
export interface DemoLogFile {
  /** The log source (print server) it belongs to. */
  source: string;
  site: DemoSiteCode;
  format: DemoLogFormat;
  /** `SITE/file name`, with a forward slash. */
  path: string;
  bytes: Buffer;
  /** Jobs of the plan written in it. */
  jobs: number;
  /** Lines written broken on purpose. */
  badLines: number;
}

/** The sources the demo registers: one per print server, watching its site's folder. */
export const demoLogSources: readonly { name: string; site: DemoSiteCode; format: DemoLogFormat; folder: string; glob: string }[] = demoPrintServers.map((s) => ({
  name: s.server,
  site: s.site,
  format: s.format,
  folder: s.site,
  glob: s.format === 'papercut-logger' ? 'papercut-print-log-*.csv' : s.format === 'cups' ? 'page_log*' : 'printlog_*.log',
}));

const p2 = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clockOf(second: number): { h: number; m: number; s: number } {
  return { h: Math.floor(second / 3600), m: Math.floor((second % 3600) / 60), s: second % 60 };
}

/** `YYYY-MM-DD HH:MM:SS`, Tokyo time as the Windows print server's clock shows it. */
function localStamp(job: DemoJob): string {
  const { h, m, s } = clockOf(job.second);
  return `${isoDay(job.day)} ${p2(h)}:${p2(m)}:${p2(s)}`;
}

// ---------------------------------------------------------------------------
// PaperCut Print Logger (本庁)
// ---------------------------------------------------------------------------

/** When (seconds into the day) the reinstalled Print Logger's all-time file starts: 12:00. */
const ALL_TIME_FROM_SECOND = 12 * 3600;

export const PRINT_LOGGER_HEAD = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';

/** One Print Logger row (without its CRLF): Pages is one copy's, the document quoted, a trailing comma as the logger writes. */
export function printLoggerRow(job: DemoJob): string {
  const language = job.printer.endsWith('PRN01') ? 'PostScript' : 'PCL6';
  const kb = Math.max(8, Math.round(job.pagesPerCopy * (job.color ? 96 : 38) * (job.a3 ? 1.8 : 1)));
  return [
    localStamp(job), job.user, job.pagesPerCopy, job.copies, job.printer, `"${job.document.replaceAll('"', '""')}"`, job.client,
    job.a3 ? 'A3' : 'A4', language, '', '', job.duplex ? 'DUPLEX' : 'NOT DUPLEX', job.color ? 'NOT GRAYSCALE' : 'GRAYSCALE', `${kb}kb`, '',
  ].join(',');
}

// ---------------------------------------------------------------------------
// CUPS page_log (支所)
// ---------------------------------------------------------------------------

/**
 * One CUPS ≥ 2.3 page_log line (default PageLogFormat): `total` is the
 * impressions, copies included; no billing code ('-'); the client's address.
 */
export function cupsLine(job: DemoJob, jobId: number): string {
  const { year, month, day } = ymdOf(job.day);
  const { h, m, s } = clockOf(job.second);
  const media = job.a3 ? 'iso_a3_297x420mm' : 'iso_a4_210x297mm';
  const sides = job.duplex ? 'two-sided-long-edge' : 'one-sided';
  return `${job.printer} ${job.user} ${jobId} [${p2(day)}/${MONTHS[month - 1] ?? 'Jan'}/${year}:${p2(h)}:${p2(m)}:${p2(s)} +0900] total ${job.pagesPerCopy * job.copies} - ${job.client} ${job.document} ${media} ${sides}`;
}

// ---------------------------------------------------------------------------
// PaperCut NG print log (保健センター)
// ---------------------------------------------------------------------------

/** One PaperCut NG row: date, 12-hour time, server, printer, user, account, client, document, total pages, colour pages. */
export function papercutNgRow(job: DemoJob, server: string): string {
  const { h, m, s } = clockOf(job.second);
  const pages = job.pagesPerCopy * job.copies;
  // A colour job seldom prints every page in colour.
  const colourPages = job.color ? Math.max(1, Math.round(pages * 0.6)) : 0;
  return [isoDay(job.day), `${h % 12 === 0 ? 12 : h % 12}:${p2(m)}:${p2(s)} ${h < 12 ? 'AM' : 'PM'}`, server, job.printer, job.user, job.user, job.client, job.document, pages, colourPages].join('\t');
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/** A deliberately broken line: its site, the day and second it was written at (its place in the file), and its text. */
interface BadLine {
  site: DemoSiteCode;
  day: number;
  second: number;
  text: string;
}

function badLines(plan: DemoLogPlan): BadLine[] {
  const lines: BadLine[] = [];
  const add = (site: DemoSiteCode, from: number, second: number, text: (day: number) => string) => {
    const day = workingDayFrom(from);
    // Only into a day the plan has logs for (a demo made before that day has no such file).
    if (day <= plan.lastDay && plan.jobs[site].some((j) => j.day === day)) lines.push({ site, day, second, text: text(day) });
  };
  // The print server lost power while the logger wrote a row: it stops mid-printer-name.
  add('HONCHO', dayOf(2023, 2, 27), 11 * 3600 + 42 * 60 + 7, (day) => `${isoDay(day)} 11:42:07,KITAHIROSHIMA\\tanaka.daisuke,3,1,HONCHO-SO`);
  // The branch server's disk filled up mid-line: what is left is the printer and the user.
  add('OASA', dayOf(2024, 1, 15), 10 * 3600 + 15 * 60, () => 'OASA-MFP01 goto.makoto');
  // After an unclean shutdown Windows leaves the unwritten end of the file as NUL bytes: the day's last line.
  add('CHIYODA-HC', dayOf(2022, 7, 19), 86_400, () => '\u0000'.repeat(64));
  return lines;
}

function groupBy<K>(jobs: readonly DemoJob[], keyOf: (j: DemoJob) => K): Map<K, DemoJob[]> {
  const groups = new Map<K, DemoJob[]>();
  for (const j of jobs) {
    const g = groups.get(keyOf(j));
    if (g) g.push(j);
    else groups.set(keyOf(j), [j]);
  }
  return groups;
}

/** The file's rows (one per job, in time order) with its bad lines put where their time falls. */
function withBadLines(jobs: readonly DemoJob[], rows: readonly string[], bad: readonly BadLine[]): string[] {
  const out = [...rows];
  const at = (b: BadLine) => jobs.filter((j) => j.day < b.day || (j.day === b.day && j.second <= b.second)).length;
  // From the back, so an insertion does not move the place of one before it.
  for (const b of [...bad].map((x) => ({ x, i: at(x) })).sort((a, c) => c.i - a.i)) out.splice(b.i, 0, b.x.text);
  return out;
}

/**
 * Every log file of the plan, in the order they are imported (per source,
 * oldest first; the all-time file last). Pure: the same plan gives the same
 * bytes. A generator, so each file's bytes can be written and dropped before
 * the next is made (the whole set is some 30 MB).
 */
export function* renderDemoLogFiles(plan: DemoLogPlan): Generator<DemoLogFile> {
  const bad = badLines(plan);
  const today = plan.lastDay + 1;
  const thisMonth = ymdOf(today);
  for (const source of demoLogSources) {
    const jobs = plan.jobs[source.site];
    const badHere = bad.filter((b) => b.site === source.site);
    const file = (name: string, bytes: Buffer, jobCount: number, badCount: number): DemoLogFile => ({
      source: source.name, site: source.site, format: source.format, path: `${source.folder}/${name}`, bytes, jobs: jobCount, badLines: badCount,
    });
    if (source.format === 'papercut-logger') {
      for (const [day, dayJobs] of groupBy(jobs, (j) => j.day)) {
        const b = badHere.filter((x) => x.day === day);
        const rows = withBadLines(dayJobs, dayJobs.map(printLoggerRow), b);
        yield file(`papercut-print-log-${isoDay(day)}.csv`, iconv.encode(PRINT_LOGGER_HEAD + rows.map((r) => `${r}\r\n`).join(''), 'cp932'), dayJobs.length, b.length);
      }
      // The print server was replaced over lunch on the last month's first working day: the reinstalled
      // logger's all-time file starts then. Not at the day's start: a file whose first KiB is another's
      // is taken by the import for that file renamed (file-identity.ts), and that day's daily file would be.
      const { year, month } = ymdOf(plan.lastDay);
      const since = workingDayFrom(dayOf(year, month, 1));
      const recent = jobs.filter((j) => j.day > since || (j.day === since && j.second >= ALL_TIME_FROM_SECOND));
      if (recent.length > 0) {
        yield file('papercut-print-log-all-time.csv', iconv.encode(PRINT_LOGGER_HEAD + recent.map((j) => `${printLoggerRow(j)}\r\n`).join(''), 'cp932'), recent.length, 0);
      }
    } else if (source.format === 'cups') {
      // The CUPS server numbers jobs on from its installation; a cancelled job now and then leaves a gap.
      let jobId = 1000 + 137 * (demoPrintServers.findIndex((s) => s.site === source.site) + 1);
      const monthOf = (day: number): number => {
        const { year, month } = ymdOf(day);
        return year * 100 + month;
      };
      for (const [ym, monthJobs] of groupBy(jobs, (j) => monthOf(j.day))) {
        const rows = monthJobs.map((j) => {
          jobId += (j.second + j.day) % 23 === 0 ? 2 : 1;
          return cupsLine(j, jobId);
        });
        const b = badHere.filter((x) => monthOf(x.day) === ym);
        // Rotated monthly by logrotate; the month in progress is still page_log.
        const live = ym === thisMonth.year * 100 + thisMonth.month;
        yield file(live ? 'page_log' : `page_log-${ym}`, Buffer.from(withBadLines(monthJobs, rows, b).map((r) => `${r}\n`).join(''), 'utf8'), monthJobs.length, b.length);
      }
    } else {
      for (const [day, dayJobs] of groupBy(jobs, (j) => j.day)) {
        const b = badHere.filter((x) => x.day === day);
        const { year, month, day: d } = ymdOf(day);
        const rows = withBadLines(dayJobs, dayJobs.map((j) => papercutNgRow(j, source.name)), b);
        yield file(`printlog_${year}_${p2(month)}_${p2(d)}.log`, Buffer.from(rows.map((r) => `${r}\n`).join(''), 'utf8'), dayJobs.length, b.length);
      }
    }
  }
}

/** A file written: its absolute path and what it holds (its bytes are not kept). */
export type WrittenDemoLog = Omit<DemoLogFile, 'bytes'> & { absolutePath: string };

/** Writes the files under `dir` (one folder per site), in order; returns them without their bytes. */
export function writeDemoLogFiles(dir: string, files: Iterable<DemoLogFile>): WrittenDemoLog[] {
  const root = resolve(dir);
  const made = new Set<string>();
  const written: WrittenDemoLog[] = [];
  for (const { bytes, ...f } of files) {
    const parts = f.path.split('/');
    const folder = join(root, ...parts.slice(0, -1));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const absolutePath = join(root, ...parts);
    writeFileSync(absolutePath, bytes);
    written.push({ ...f, absolutePath });
  }
  return written;
}

export interface DemoLogsOptions {
  /** The folder to write the logs to (`DATA/demo-logs`). */
  dir: string;
  /** Same seed, same files. */
  seed?: number;
}

export const DEMO_LOG_SEED = 20210401;

export interface DemoLogsSummary {
  folder: string;
  files: number;
  /** Jobs written (the all-time file's repeats not counted), and what the import made of every line. */
  plannedJobs: number;
  stored: number;
  duplicates: number;
  rejected: number;
  sources: string[];
  firstDay: string;
  lastDay: string;
  /**
   * Per fiscal year: the plan's sheets for the days written (`planned`), for
   * the whole year (`yearPlanned`: more for the year in progress), and the
   * stored jobs' sheets read back from the database.
   */
  years: { fiscalYear: number; planned: number; yearPlanned: number; stored: number; complete: boolean }[];
}

/**
 * Sheets of the stored jobs per fiscal year (Tokyo time, April–March), read
 * from print_jobs: the figure the demo promises, checked against the plan.
 */
export function storedSheetsByFiscalYear(db: Db): Map<number, number> {
  const rows = db.prepare(`SELECT CASE WHEN CAST(strftime('%m', time, '+9 hours') AS INTEGER) >= 4
      THEN CAST(strftime('%Y', time, '+9 hours') AS INTEGER) ELSE CAST(strftime('%Y', time, '+9 hours') AS INTEGER) - 1 END AS fy,
    sum(sheets) AS sheets FROM print_jobs GROUP BY fy ORDER BY fy`).all() as { fy: number; sheets: number }[];
  return new Map(rows.map((r) => [r.fy, r.sheets]));
}

/**
 * Refuses a logs folder that already holds files: the demo's sources watch
 * every file there, so older logs would be mixed into the town's figures.
 */
export function assertNoDemoLogs(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (names.length > 0) throw new AppError('conflict', { field: 'logs.dir', detail: `${resolve(dir)} already holds files; the demo writes its logs into a folder of its own` });
}

/**
 * Plans, writes and imports the demo logs into a town that has the demo's
 * sites: registers one log source per print server (so the hub shows them
 * and goes on watching the folders), then reads every file once with
 * importFile under that source's name, so the import is complete when this
 * resolves and a hub started later finds nothing new to read.
 */
export async function installDemoLogs(db: Db, clock: Clock, opts: DemoLogsOptions): Promise<DemoLogsSummary> {
  const plan = planDemoLogs({ seed: opts.seed ?? DEMO_LOG_SEED, today: tokyoDayOf(clock.now()) });
  const folder = resolve(opts.dir);
  const files = writeDemoLogFiles(folder, renderDemoLogFiles(plan));

  const siteIds = new Map(createSitesRepo(db, clock).list().map((s) => [s.code, s.id]));
  const sources = createSourcesRepo(db, clock);
  for (const s of demoLogSources) {
    if (sources.byName(s.name)?.active) continue;
    sources.add({
      name: s.name, kind: 'folder', folder: join(folder, s.folder), glob: s.glob, format: s.format, mapping: null,
      siteId: siteIds.get(s.site) ?? null, polling: false, pollIntervalMs: 1000,
    }, newSourceToken().hash);
  }

  let stored = 0;
  let duplicates = 0;
  let rejected = 0;
  for (const f of files) {
    const r = await importFile(db, f.absolutePath, { source: f.source, format: f.format, clock });
    stored += r.jobs;
    duplicates += r.duplicates;
    rejected += r.rejected.length;
  }
  const back = storedSheetsByFiscalYear(db);
  return {
    folder, files: files.length, plannedJobs: Object.values(plan.jobs).reduce((a, j) => a + j.length, 0), stored, duplicates, rejected,
    sources: demoLogSources.map((s) => s.name), firstDay: isoDay(plan.firstDay), lastDay: isoDay(plan.lastDay),
    years: plan.years.map((y) => ({ fiscalYear: y.fiscalYear, planned: y.sheets, yearPlanned: y.yearSheets, stored: back.get(y.fiscalYear) ?? 0, complete: y.complete })),
  };
}
