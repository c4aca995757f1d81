import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { newSourceToken } from '../../electron/app/printlog/source-token.js';
import { createSourcesRepo } from '../../electron/app/printlog/sources.repo.js';
import { WatcherService } from '../../electron/app/printlog/watcher.js';
import { systemClock } from '../../electron/app/clock.js';

export interface WatcherBenchResult {
  p50Ms: number;
  p99Ms: number;
  /** Lines appended (each one a job) and all seen in the database. */
  lines: number;
}

const header = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';

function line(i: number): string {
  const t = new Date(Date.UTC(2024, 4, 1) + i * 1000 + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${t},sato-k,${1 + (i % 9)},1,HONCHO-SOUMU-MFP01,"報告書 ${i}.pdf",PC-${i % 7},A4,PCL6,,,NOT DUPLEX,GRAYSCALE,12kb,\r\n`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * A Print Logger file in a watched folder gets 1,000 lines a second; for each
 * line, the time from its append to the moment a query on a second connection
 * sees its job (checked on every commit event of the watcher). Goal: p99 ≤ 1 s.
 * The writer runs in this process, appending what is due every few
 * milliseconds, as a busy print server's logger flushes.
 */
export async function watcherBench(seconds = Number(process.env['BENCH_SECONDS'] ?? 30), linesPerSecond = 1000): Promise<WatcherBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-bench-watch-'));
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const db = openDatabase(join(dir, 'kamiless.db'));
  migrate(db);
  createSourcesRepo(db, systemClock).add(
    { name: 'bench', kind: 'folder', folder: logs, glob: 'papercut-print-log-*.csv', format: 'auto', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000 },
    newSourceToken().hash,
  );
  const reader = openDatabase(join(dir, 'kamiless.db'), { readonly: true });
  const countJobs = reader.prepare('SELECT count(*) AS n FROM print_jobs');
  const file = join(logs, 'papercut-print-log-2024-05-01.csv');
  appendFileSync(file, header);

  const service = new WatcherService(db);
  const total = Math.round(seconds * linesPerSecond);
  const appendedAt = new Float64Array(total);
  const latencies: number[] = [];
  let visible = 0;
  service.on('commit', () => {
    const n = Math.min(total, (countJobs.get() as { n: number }).n);
    const now = performance.now();
    for (; visible < n; visible++) latencies.push(now - (appendedAt[visible] ?? now));
  });
  await service.start();

  const start = performance.now();
  let written = 0;
  while (written < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * linesPerSecond));
    if (due > written) {
      let chunk = '';
      const at = performance.now();
      for (let i = written; i < due; i++) {
        chunk += line(i);
        appendedAt[i] = at;
      }
      appendFileSync(file, chunk);
      written = due;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const deadline = performance.now() + 30_000;
  while (visible < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await service.stop();
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  if (visible < total) throw new Error(`watcher bench: only ${visible} of ${total} lines became visible`);
  latencies.sort((a, b) => a - b);
  return { p50Ms: Math.round(percentile(latencies, 50) * 10) / 10, p99Ms: Math.round(percentile(latencies, 99) * 10) / 10, lines: total };
}
