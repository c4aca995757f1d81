import { usersListBench } from './users-list.bench.js';

/** `npm run bench`: one line per benchmark, the figure and its ratio to a baseline measured in the same run. */
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const line = await usersListBench(seconds);
const { figure: f, baseline: b } = line;
console.log(
  `${line.name}: ${f.requestsPerSecond.toFixed(0)} req/s, p99 ${f.p99Ms} ms | baseline bare Fastify same JSON: ${b.requestsPerSecond.toFixed(0)} req/s, p99 ${b.p99Ms} ms | ratio ${(f.requestsPerSecond / b.requestsPerSecond).toFixed(2)}× throughput, ${(f.p99Ms / Math.max(b.p99Ms, 1)).toFixed(2)}× p99`,
);
