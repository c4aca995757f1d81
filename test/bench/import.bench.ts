import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../electron/app/clock.js';
import { databaseFile } from '../../electron/app/data-folder.js';
import { openDatabase } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { createDemoTown } from '../../electron/app/demo/demo.js';
import { buildApp } from '../../electron/app/server/app.js';
import { writePrintLoggerFile, type GeneratedTotals } from '../helpers/printlog-generate.js';
import { load, type LoadResult } from './load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Cli {
  argv: string[];
  /** Which CLI ran, for the printed line. */
  how: string;
}

/** The compiled file of a source file, and whether it is at least as new. */
function builtIsCurrent(source: string): boolean {
  const rel = relative(root, source);
  const built = join(root, 'dist', rel.endsWith('.ts') ? `${rel.slice(0, -3)}.js` : rel);
  return existsSync(built) && statSync(built).mtimeMs >= statSync(source).mtimeMs;
}

/**
 * The real `kamiless` command: the build (bin/kamiless.js) when dist/ has it
 * and it is not older than any source file of the app (migrations included),
 * since timing a stale build would time other code; otherwise the sources
 * through tsx, which starts slower and uses more memory.
 */
export function kamilessCli(): Cli {
  const sources = ['electron/app', 'shared'].flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true }) as string[])
      .filter((f) => (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.endsWith('.sql'))
      .map((f) => join(root, dir, f)),
  );
  if (!existsSync(join(root, 'dist'))) {
    return { argv: [process.execPath, '--import', 'tsx', join(root, 'test/helpers/run-cli.ts')], how: 'from source with tsx: no dist/' };
  }
  if (!sources.every(builtIsCurrent)) {
    return { argv: [process.execPath, '--import', 'tsx', join(root, 'test/helpers/run-cli.ts')], how: 'from source with tsx: dist/ is older than the sources, run `npm run build`' };
  }
  return { argv: [process.execPath, join(root, 'bin/kamiless.js')], how: 'built bin/kamiless.js' };
}

const gnuTime = '/usr/bin/time';

interface Measured {
  seconds: number;
  /** The process's peak resident set, or null where it cannot be read. */
  peakRssMb: number | null;
  stdout: string;
}

/**
 * Runs a command to its end: wall time from spawn to exit (its start-up
 * included, as a user waits for it) and peak RSS. GNU time reports the peak
 * after the process ends; without it, VmHWM is polled from /proc, which can
 * miss a peak in the last 20 ms.
 */
function measure(argv: string[], stdin?: string): Promise<Measured> {
  const rssDir = mkdtempSync(join(tmpdir(), 'kamiless-bench-rss-'));
  const rssFile = join(rssDir, 'rss');
  const timed = existsSync(gnuTime) ? [gnuTime, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const [cmd, ...args] = timed;
  if (cmd === undefined) throw new Error('measure: empty command');
  const start = performance.now();
  const child = spawn(cmd, args, { stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (stdin !== undefined) child.stdin?.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let polledKb = 0;
  const poll = timed === argv ? setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid))), 20) : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      clearInterval(poll);
      const kb = poll || code !== 0 ? polledKb : Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
      rmSync(rssDir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ seconds, peakRssMb: kb > 0 ? kb / 1024 : null, stdout });
    });
  });
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Why the sqlite3 command-line shell cannot be the baseline, or null when it can. */
function sqlite3Missing(): string | null {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'the sqlite3 command-line shell is not installed (apt-get install sqlite3), so there is no baseline';
}

export interface GeneratedLog {
  file: string;
  totals: GeneratedTotals;
  remove(): void;
}

/** A Print Logger file of `jobs` jobs (CP932, CRLF; see printlog-generate.ts) in a temp folder, written once per run. */
export async function generateLog(jobs: number): Promise<GeneratedLog> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-bench-log-'));
  const file = join(dir, 'papercut-print-log-all-time.csv');
  const totals = await writePrintLoggerFile(file, jobs, 1);
  return { file, totals, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ImportFigure {
  jobs: number;
  fileMb: number;
  /** The median of the runs, and each run's time. */
  seconds: number;
  runs: number[];
  /** The largest peak RSS of the runs. */
  peakRssMb: number | null;
  /** sqlite3 .import of the same file (the median of as many runs, alternating with Kamiless's), or why there is none. */
  baseline: { seconds: number; runs: number[] } | { missing: string };
  cli: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * `kamiless import` of the file, end to end in a child process: decoding,
 * parsing, deduplication, insertion and positions, into a fresh data folder.
 * The baseline is the sqlite3 shell's `.import --csv` of the same file, in the
 * same run, into a table of the file's columns (the 14 Print Logger columns
 * and the empty field after each row's trailing comma). sqlite3 does not
 * decode CP932, so it imports the same bytes into TEXT columns unconverted:
 * the baseline reads exactly the bytes Kamiless reads, and is the cost of
 * getting them into SQLite at all, without parsing, indexes or dedup.
 *
 * Both run `runs` times, one after the other in turn, and each is its
 * median: on a shared machine one run of either can take half as long again.
 * The generated file is on disk before the first run, so that neither pays
 * for writing it out.
 */
export async function importBench(log: GeneratedLog, cli: Cli = kamilessCli(), runs = Number(process.env['BENCH_IMPORT_RUNS'] ?? 3)): Promise<ImportFigure> {
  const fd = openSync(log.file, 'r');
  fsyncSync(fd);
  closeSync(fd);
  const missing = sqlite3Missing();
  const times: number[] = [];
  const baselineTimes: number[] = [];
  let peakRssMb: number | null = null;
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-bench-import-'));
    try {
      const run = await measure([...cli.argv, 'import', log.file, '--data', join(dir, 'data'), '--json']);
      checkImported(run.stdout, log.totals);
      times.push(run.seconds);
      if (run.peakRssMb !== null) peakRssMb = Math.max(peakRssMb ?? 0, run.peakRssMb);
      if (missing === null) {
        const script = [
          'CREATE TABLE logger (time TEXT, user TEXT, pages TEXT, copies TEXT, printer TEXT, document TEXT, client TEXT, paper_size TEXT,',
          '  language TEXT, height TEXT, width TEXT, duplex TEXT, grayscale TEXT, size TEXT, trailing TEXT);',
          `.import --csv --skip 2 '${log.file}' logger`,
          'SELECT count(*) FROM logger;',
        ].join('\n');
        const shell = await measure(['sqlite3', join(dir, 'baseline.db')], script);
        if (Number(shell.stdout.trim()) !== log.totals.jobs) throw new Error(`sqlite3 .import stored ${shell.stdout.trim()} rows, not ${log.totals.jobs}`);
        baselineTimes.push(shell.seconds);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const baseline: ImportFigure['baseline'] = missing !== null ? { missing } : { seconds: median(baselineTimes), runs: baselineTimes };
  return { jobs: log.totals.jobs, fileMb: statSync(log.file).size / 1e6, seconds: median(times), runs: times, peakRssMb, baseline, cli: cli.how };
}

/** A bench that imports wrong figures fast would be worse than none. */
function checkImported(json: string, want: GeneratedTotals): void {
  const got = (JSON.parse(json) as { total: { jobs: number; pages: number; sheets: number; rejected: number } }).total;
  if (got.jobs !== want.jobs || got.pages !== want.pages || got.sheets !== want.sheets || got.rejected !== 0) {
    throw new Error(`import stored ${JSON.stringify(got)}, the file holds ${JSON.stringify(want)}`);
  }
}

export interface ApiDuringImport {
  health: { idle: LoadResult; importing: LoadResult };
  users: { idle: LoadResult; importing: LoadResult };
  /** False when the import ended before the load did (a fast machine): the figures then include idle time. */
  overlapped: boolean;
  cli: string;
}

/**
 * The hub's API (buildApp on loopback, this process) under load from
 * autocannon, idle and then while `kamiless import` of the file runs
 * in a child process on the same database file, as a branch upload or a
 * watcher's catch-up would: GET /api/health (no database) and the
 * authenticated users list (a query on the database the import writes).
 */
export async function apiDuringImportBench(log: GeneratedLog, seconds: number, cli: Cli = kamilessCli()): Promise<ApiDuringImport> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-bench-api-import-'));
  const dataDir = join(dir, 'data');
  const db = openDatabase(databaseFile(dataDir));
  migrate(db);
  const password = 'bench-password-1';
  await createDemoTown(db, systemClock, password);
  const app = await buildApp({ db, mode: 'hub' });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password } });
    const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };

    const opts = { seconds, connections: 10 };
    await load(`${base}/api/health`, { ...opts, seconds: 1 }); // warm-up
    const idle = { health: await load(`${base}/api/health`, opts), users: await load(`${base}/api/users?pageSize=25`, { ...opts, headers }) };
    const importing = measure([...cli.argv, 'import', log.file, '--data', dataDir]);
    let ended = false;
    void importing.then(() => (ended = true), () => (ended = true));
    const health = await load(`${base}/api/health`, opts);
    const users = await load(`${base}/api/users?pageSize=25`, { ...opts, headers });
    const overlapped = !ended;
    await importing;
    for (const r of [health, users]) if (r.non2xx > 0 || r.errors > 0) throw new Error(`API during import: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { health: { idle: idle.health, importing: health }, users: { idle: idle.users, importing: users }, overlapped, cli: cli.how };
  } finally {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
