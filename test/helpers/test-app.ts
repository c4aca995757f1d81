import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Db } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { buildApp, type AppOptions } from '../../electron/app/server/app.js';
import { hashPassword } from '../../electron/app/org/passwords.js';
import { createServices } from '../../electron/app/services.js';
import type { Endpoint, ResponseOf } from '../../shared/api/endpoint.js';
import { api } from '../../shared/api/endpoints.js';
import { errorBodySchema, type ErrorBody } from '../../shared/api/errors.js';
import type { UserInput, UserRow } from '../../shared/api/org.js';
import type { Role } from '../../shared/api/roles.js';

/** A clock the test moves by hand. */
export function testClock(start = Date.parse('2026-04-01T09:00:00+09:00')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

export function testDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

/** A migrated database file in `dir` (import workers need a file to open their own connection to). */
export function testFileDb(dir: string): Db {
  const db = openDatabase(join(dir, 'kamiless.db'));
  migrate(db);
  return db;
}

export const testPassword = 'correct-horse-battery';

/** A small town: one 本庁, one 課 with one 係, positions, and one user per role. */
export async function seedTown(db: Db, clock = testClock()) {
  const s = createServices(db, clock);
  s.settings.set('town.name', 'テスト町');
  const site = s.sites.create({ code: 'HQ', name: '本庁', kind: 'honcho', address: '', sortOrder: 0 });
  const bu = s.departments.create({ code: 'SOMU', name: '総務部', kind: 'bu', parentId: null, siteId: site.id, sortOrder: 0 });
  const ka = s.departments.create({ code: 'SOMUKA', name: '総務課', kind: 'ka', parentId: bu.id, siteId: site.id, sortOrder: 0 });
  const kacho = s.positions.create({ name: '課長', rank: 50 });
  const shuji = s.positions.create({ name: '主事', rank: 10 });
  const hash = await hashPassword(testPassword);
  const mk = (login: string, name: string, roles: Role[], positionId: number) =>
    s.users.create({ login, name, kana: '', email: '', departmentId: ka.id, positionId, roles }, hash);
  const admin = mk('admin', '管理 太郎', ['admin', 'clerk'], kacho.id);
  const dx = mk('dx', 'DX 花子', ['dx', 'clerk'], shuji.id);
  const clerk = mk('clerk', '事務 一郎', ['clerk'], shuji.id);
  return { site, bu, ka, kacho, shuji, admin, dx, clerk };
}

export interface Client {
  cookie: string;
  csrf: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, login: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    inject: (opts) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
  };
}

export async function testApp(overrides: Partial<AppOptions> = {}) {
  const db = overrides.db ?? testDb();
  const clock = testClock();
  const town = await seedTown(db, clock);
  const app = await buildApp({ db, mode: 'hub', clock, ...overrides });
  return { app, db, clock, town };
}

const settlers = new WeakMap<Db, () => Promise<void>>();

/** Remembers the app over a database, so `settled(db)` can wait for what it does in the background (archive PDFs). */
export function settlesWith(db: Db, app: { settled: () => Promise<void> }): void {
  settlers.set(db, () => app.settled());
}

/** Waits for the background work of the app over `db` (none when no app was registered with `settlesWith`). */
export async function settled(db: Db): Promise<void> {
  await settlers.get(db)?.();
}

/** Every row of every table (and the schema itself), to prove that a refused request changed nothing. */
export function dbSnapshot(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out: Record<string, unknown[]> = { sqlite_master: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all() };
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all();
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The error body of a refused request, checked against the one error shape of the API. */
export function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  const parsed = errorBodySchema.safeParse(JSON.parse(res.body));
  if (!parsed.success) throw new Error(`not an error body (${res.statusCode}): ${res.body}`);
  return parsed.data.error;
}

/** A successful answer of an endpoint, checked against its response schema. */
export function bodyOf<E extends Endpoint>(ep: E, res: LightMyRequestResponse): ResponseOf<E> {
  if (res.statusCode !== 200) throw new Error(`${ep.method} ${ep.path} answered ${res.statusCode}: ${res.body}`);
  return ep.response.parse(JSON.parse(res.body)) as ResponseOf<E>;
}

/** A fresh folder under the system temp folder; remove it with removeTempDir. */
export function makeTempDir(prefix = 'kamiless-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Creates a user through the API as `admin` and returns it. */
export async function createUser(admin: Client, input: UserInput): Promise<UserRow> {
  return bodyOf(api.createUser, await admin.inject({ method: 'POST', url: '/api/users', payload: input }));
}
