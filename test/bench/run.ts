import { approvalsBench } from './approvals.bench.js';
import { apiDuringImportBench, generateLog, importBench, kamilessCli, type ImportFigure } from './import.bench.js';
import { kpiBench } from './kpi.bench.js';
import { pdfViewerBench, pdfViewerLine } from './pdf-viewer.bench.js';
import { searchBench, searchLine } from './search.bench.js';
import { usersListBench } from './users-list.bench.js';
import { watcherBench } from './watcher.bench.js';

/**
 * `npm run bench`: one line per benchmark, the figure and its ratio to a baseline measured in the same run.
 * BENCH_ONLY=import runs only the 1M-job import (no API load), the figure an import change is judged by;
 * BENCH_ONLY=approvals only the e-approval inbox and actions.
 */
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const only = process.env['BENCH_ONLY'];
const importOnly = only === 'import';
const approvalsOnly = only === 'approvals';
// BENCH_ONLY=pdf: only the PDF viewer's first page against pdf.js's own viewer components (BENCH_PDF_RUNS runs, 7 by default).
const pdfRuns = Number(process.env['BENCH_PDF_RUNS'] ?? 7);
// BENCH_ONLY=search: only full-text search over BENCH_SEARCH_CASES cases (100,000 by default).
if (only === 'search') {
  console.log(searchLine(await searchBench(Number(process.env['BENCH_SEARCH_CASES'] ?? 100_000))));
  process.exit(0);
}
if (only === 'pdf') {
  console.log(pdfViewerLine(await pdfViewerBench(pdfRuns)));
  process.exit(0);
}
if (!importOnly && !approvalsOnly) {
  const line = await usersListBench(seconds);
  const { figure: f, baseline: b } = line;
  console.log(
    `${line.name}: ${f.requestsPerSecond.toFixed(0)} req/s, p99 ${f.p99Ms} ms | baseline bare Fastify same JSON: ${b.requestsPerSecond.toFixed(0)} req/s, p99 ${b.p99Ms} ms | ratio ${(f.requestsPerSecond / b.requestsPerSecond).toFixed(2)}× throughput, ${(f.p99Ms / Math.max(b.p99Ms, 1)).toFixed(2)}× p99`,
  );

  // BENCH_SECONDS shortens the watcher's 30 s of appending as well.
  const watched = await watcherBench(Number(process.env['BENCH_SECONDS'] ?? 30));
  console.log(
    `Watcher, ${watched.lines} Print Logger lines appended at 1,000/s: append → visible in a query p50 ${watched.p50Ms} ms, p99 ${watched.p99Ms} ms | goal p99 ≤ 1000 ms | ratio ${(watched.p99Ms / 1000).toFixed(3)}× the goal`,
  );
}

// The import benches write temp files of 125 MB (and 625 MB with BENCH_IMPORT_5M=1) and databases three times that.
if (!approvalsOnly) {
  const cli = kamilessCli();
  const importLine = (label: string, r: ImportFigure) => {
    const rss = r.peakRssMb === null ? 'peak RSS not measured' : `peak RSS ${r.peakRssMb.toFixed(0)} MB (goal ≤ 200 MB)`;
    const each = (runs: number[]) => runs.map((t) => t.toFixed(2)).join(', ');
    const base = 'missing' in r.baseline
      ? `no baseline: ${r.baseline.missing}`
      : `baseline sqlite3 .import: ${r.baseline.seconds.toFixed(2)} s (${each(r.baseline.runs)}) | ratio ${(r.seconds / r.baseline.seconds).toFixed(2)}× (goal ≤ 1.5×)`;
    console.log(`import ${label} Print Logger jobs (${r.fileMb.toFixed(0)} MB file, ${r.cli}), median of ${r.runs.length}: ${r.seconds.toFixed(2)} s (${each(r.runs)}), ${rss} | ${base}`);
  };
  const oneMillion = await generateLog(1_000_000);
  try {
    importLine('1M', await importBench(oneMillion, cli));
    if (!importOnly) {
      const api = await apiDuringImportBench(oneMillion, Math.min(seconds, 5), cli);
      const p99 = (name: string, r: { idle: { p99Ms: number }; importing: { p99Ms: number } }) =>
        `${name} p99 ${r.importing.p99Ms} ms (idle ${r.idle.p99Ms} ms, ${(r.importing.p99Ms / Math.max(r.idle.p99Ms, 1)).toFixed(2)}×)`;
      console.log(
        `API during a 1M-job import in a child process on the same database (${api.cli}): ${p99('GET /api/health', api.health)}, ${p99('GET /api/users', api.users)}${api.overlapped ? '' : ' | the import ended before the load did: partly idle'}`,
      );
    }
  } finally {
    oneMillion.remove();
  }
  if (process.env['BENCH_IMPORT_5M'] === '1') {
    const fiveMillion = await generateLog(5_000_000);
    try {
      importLine('5M', await importBench(fiveMillion, cli));
    } finally {
      fiveMillion.remove();
    }
  }
}

// The paper KPI dashboard over many jobs (written with SQL; BENCH_KPI_JOBS, 10,000,000 by default).
if (!importOnly && !approvalsOnly) {
  const k = await kpiBench(Number(process.env['BENCH_KPI_JOBS'] ?? 10_000_000));
  console.log(
    `KPI report over ${k.jobs.toLocaleString('en-US')} jobs (GET /api/kpi/report, one fiscal year with breakdowns): p50 ${k.reportP50Ms.toFixed(1)} ms, max ${k.reportMaxMs.toFixed(1)} ms (goal ≤ 50 ms) | baseline plain SUM of the year's jobs by month: ${k.plainSumMs.toFixed(0)} ms | ratio ${(k.reportP50Ms / k.plainSumMs).toFixed(3)}× | after a mapping change: ${k.afterMappingMs.toFixed(1)} ms (no re-roll needed) | full re-roll of the monthly rollups: ${k.rerollSeconds.toFixed(1)} s`,
  );
}

// e-approval: one approver's inbox among BENCH_APPROVALS_CASES cases (100,000 by default, ten steps each),
// and BENCH_APPROVALS_ACTIONS approve actions through the case service (10,000 by default).
if (!importOnly) {
  const a = await approvalsBench({ cases: Number(process.env['BENCH_APPROVALS_CASES'] ?? 100_000), actions: Number(process.env['BENCH_APPROVALS_ACTIONS'] ?? 10_000) });
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `Inbox of one approver among ${n(a.cases)} cases and ${n(a.steps)} steps (${a.pendingOwn} pending for them, ${a.pendingAsProxy} as a standing proxy; ${a.engineCases} cases made through the engine, the rest with SQL in ${a.buildSeconds.toFixed(1)} s, ${a.dbMb.toFixed(0)} MB): GET /api/inbox (${a.inbox.items} items, signed in, ${a.requests} requests) p50 ${a.inbox.p50Ms.toFixed(2)} ms, p99 ${a.inbox.p99Ms.toFixed(2)} ms (goal ≤ 20 ms) | baseline the bare indexed SQL it wraps (${a.bare.rows} rows): p50 ${a.bare.p50Ms.toFixed(3)} ms, p99 ${a.bare.p99Ms.toFixed(3)} ms | ratio ${(a.inbox.p99Ms / a.bare.p99Ms).toFixed(1)}× p99, ${(a.inbox.p99Ms / 20).toFixed(2)}× the goal | plan: ${a.plan.join('; ')} | count: ${a.countPlan.join('; ')}`,
  );
  console.log(
    `Approve actions applied sequentially through the case service (transaction, snapshot, event, steps, audit row) on that database: ${n(Math.round(a.actions.perSecond))} actions/s (${n(a.actions.count)} actions on ${n(a.actions.cases)} cases in ${a.actions.seconds.toFixed(2)} s) | goal 2,000/s | ratio ${(a.actions.perSecond / 2000).toFixed(2)}× the goal | baseline the same writes in plain SQL, one transaction each: ${n(Math.round(a.floor.perSecond))}/s (the engine at ${(a.actions.perSecond / a.floor.perSecond).toFixed(2)}× that)`,
  );
}

// The PDF viewer: first page of a 300-page scan on screen, against pdf.js's own viewer components (a headless Chromium).
if (!importOnly && !approvalsOnly) console.log(pdfViewerLine(await pdfViewerBench(pdfRuns)));
