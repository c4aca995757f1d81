import Fastify from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoTown } from '../../electron/app/demo/demo.js';
import { systemClock } from '../../electron/app/clock.js';
import { openDatabase } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { buildApp } from '../../electron/app/server/app.js';
import { load, type LoadResult } from './load.js';

export interface BenchLine {
  name: string;
  figure: LoadResult;
  baseline: LoadResult;
}

/**
 * Authenticated GET /api/users (session lookup, role check, zod validation,
 * SQL, response schema) against a bare Fastify route returning the same JSON:
 * the ratio is what the framework around the query costs.
 */
export async function usersListBench(seconds: number): Promise<BenchLine> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-bench-'));
  const db = openDatabase(join(dir, 'kamiless.db'));
  migrate(db);
  const password = 'bench-password-1';
  await createDemoTown(db, systemClock, password);
  const app = await buildApp({ db, mode: 'hub' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const url = `http://127.0.0.1:${port}/api/users?pageSize=25`;
  const sample = await app.inject({ method: 'GET', url: '/api/users?pageSize=25', headers: { cookie } });
  if (sample.statusCode !== 200) throw new Error(`users list: ${sample.statusCode} ${sample.body}`);

  const bare = Fastify();
  const body = sample.body;
  bare.get('/api/users', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as { port: number }).port;

  const opts = { seconds, connections: 10 };
  await load(url, { ...opts, seconds: 1, headers: { cookie } }); // warm-up
  const figure = await load(url, { ...opts, headers: { cookie } });
  const baseline = await load(`http://127.0.0.1:${barePort}/api/users?pageSize=25`, opts);
  if (figure.non2xx > 0 || figure.errors > 0) throw new Error(`users list under load: ${figure.non2xx} non-2xx, ${figure.errors} errors`);
  await app.close();
  await bare.close();
  db.close();
  return { name: 'GET /api/users (authenticated, 25 rows)', figure, baseline };
}
