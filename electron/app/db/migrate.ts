import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.js';
import { addMigrationFunctions } from './migration-functions.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const fileName = /^(\d{4})-([a-z0-9-]+)\.sql$/;

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir: string = migrationsDir): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql'));
  const misnamed = files.find((file) => !fileName.test(file));
  if (misnamed) throw new MigrationError(`migration file ${misnamed} is misnamed: use NNNN-lower-case-words.sql`);
  const migrations = files
    .map((file) => ({ file, match: fileName.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration numbers must run 1, 2, 3 … without gaps: found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the database up to the app's schema. Refuses to start (throws) if a
 * migration that was already applied has been edited since, or if the
 * database was written by a newer Kamiless: either would silently corrupt data.
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations(), now: () => string = () => new Date().toISOString()): { applied: number[]; version: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = migrations.at(-1)?.version ?? 0;
  for (const row of applied) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationError(
        `the database is at schema version ${applied.at(-1)?.version}, newer than this Kamiless (${latest}); use a newer Kamiless or restore a backup`,
      );
    }
    if (m.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${String(row.version).padStart(4, '0')}-${row.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)} in the database, ${m.checksum.slice(0, 12)} in the app); never edit an applied migration, add a new one`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const newlyApplied: number[] = [];
  if (migrations.some((m) => !done.has(m.version))) addMigrationFunctions(db);
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, now());
    })();
    newlyApplied.push(m.version);
  }
  return { applied: newlyApplied, version: latest };
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}
