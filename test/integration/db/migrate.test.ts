import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { loadMigrations, migrate, MigrationError, migrationsDir, schemaVersion } from '../../../electron/app/db/migrate.js';
import { dbSnapshot, makeTempDir, removeTempDir } from '../../helpers/test-app.js';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

function migrationsFolder(files: Record<string, string>): string {
  const dir = makeTempDir('kamiless-migrations-');
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

function memoryDb(): Db {
  const db = openDatabase(':memory:');
  dbs.push(db);
  return db;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const recorded = (db: Db) => db.prepare('SELECT version, name, checksum, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all();

const first = 'CREATE TABLE first_table (id INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT;\n';
const second = "CREATE TABLE second_table (id INTEGER PRIMARY KEY) STRICT;\nINSERT INTO first_table (label) VALUES ('from 0002');\n";
const fixedNow = () => '2026-04-01T00:00:00.000Z';

describe('migrate', () => {
  it('applies migrations in order and records version, name and checksum', () => {
    // 0002 inserts into 0001's table: applied out of order it would fail.
    const dir = migrationsFolder({ '0002-second.sql': second, '0001-first.sql': first, 'README.md': 'not a migration' });
    const db = memoryDb();
    const result = migrate(db, loadMigrations(dir), fixedNow);
    expect(result).toEqual({ applied: [1, 2], version: 2 });
    expect(tables(db)).toEqual(['first_table', 'schema_migrations', 'second_table']);
    expect(recorded(db)).toEqual([
      { version: 1, name: 'first', checksum: sha256(first), appliedAt: fixedNow() },
      { version: 2, name: 'second', checksum: sha256(second), appliedAt: fixedNow() },
    ]);
    expect(schemaVersion(db)).toBe(2);
  });

  it('applies nothing the second time, and only the new one when one is added', () => {
    const dir = migrationsFolder({ '0001-first.sql': first });
    const db = memoryDb();
    expect(migrate(db, loadMigrations(dir)).applied).toEqual([1]);
    const before = dbSnapshot(db);
    expect(migrate(db, loadMigrations(dir))).toEqual({ applied: [], version: 1 });
    expect(dbSnapshot(db)).toEqual(before);
    writeFileSync(join(dir, '0002-second.sql'), second);
    expect(migrate(db, loadMigrations(dir)).applied).toEqual([2]);
    expect(db.prepare('SELECT label FROM first_table').all()).toEqual([{ label: 'from 0002' }]);
  });

  it('refuses a migration edited after it was applied, changing nothing (not even a pending one)', () => {
    const dir = migrationsFolder({ '0001-first.sql': first });
    const db = memoryDb();
    migrate(db, loadMigrations(dir));
    writeFileSync(join(dir, '0001-first.sql'), `${first}-- a harmless-looking comment\n`);
    writeFileSync(join(dir, '0002-second.sql'), second);
    const before = dbSnapshot(db);
    expect(() => migrate(db, loadMigrations(dir))).toThrow(MigrationError);
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/edited/);
    expect(dbSnapshot(db)).toEqual(before);
    expect(tables(db)).not.toContain('second_table');
  });

  it('refuses a database written by a newer Kamiless', () => {
    const dir = migrationsFolder({ '0001-first.sql': first });
    const db = memoryDb();
    migrate(db, loadMigrations(dir));
    db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (2, 'from-the-future', 'abc', '2030-01-01')").run();
    const before = dbSnapshot(db);
    expect(() => migrate(db, loadMigrations(dir))).toThrow(MigrationError);
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/newer/);
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('rolls a failing migration back entirely and keeps the ones before it', () => {
    const broken = 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;\nINSERT INTO first_table (label) VALUES (\'partial\');\nINSERT INTO no_such_table VALUES (1);\n';
    const dir = migrationsFolder({ '0001-first.sql': first, '0002-broken.sql': broken });
    const db = memoryDb();
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/no_such_table/);
    expect(tables(db)).toEqual(['first_table', 'schema_migrations']);
    expect(db.prepare('SELECT count(*) AS n FROM first_table').get()).toEqual({ n: 0 });
    expect(recorded(db)).toEqual([expect.objectContaining({ version: 1, name: 'first' })]);

    // Fixed, it applies on the next start.
    writeFileSync(join(dir, '0002-broken.sql'), second);
    expect(migrate(db, loadMigrations(dir)).applied).toEqual([2]);
  });

  it('refuses gaps and duplicates in the numbering', () => {
    const gap = migrationsFolder({ '0001-first.sql': first, '0003-third.sql': second });
    expect(() => loadMigrations(gap)).toThrow(MigrationError);
    expect(() => loadMigrations(gap)).toThrow(/gaps/);
    const twice = migrationsFolder({ '0001-first.sql': first, '0001-again.sql': first, '0002-second.sql': second });
    expect(() => loadMigrations(twice)).toThrow(MigrationError);
    const noFirst = migrationsFolder({ '0002-second.sql': second });
    expect(() => loadMigrations(noFirst)).toThrow(MigrationError);
  });

  it('refuses a misnamed .sql file instead of skipping it', () => {
    const misnamed = migrationsFolder({ '0001-first.sql': first, '0002-AddUsers.sql': second });
    expect(() => loadMigrations(misnamed)).toThrow(/0002-AddUsers\.sql is misnamed/);
  });
});

describe('the real migrations', () => {
  it('are numbered without gaps and all apply to an empty database, recording each checksum', () => {
    const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
    const migrations = loadMigrations();
    // Every .sql file in the folder is a migration: a misnamed one would be skipped silently.
    expect(migrations.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.sql`)).toEqual(files);
    const db = memoryDb();
    const result = migrate(db);
    expect(result.applied).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(files.length);
    const sums = (db.prepare('SELECT checksum FROM schema_migrations ORDER BY version').all() as { checksum: string }[]).map((r) => r.checksum);
    expect(sums).toEqual(files.map((f) => sha256(readFileSync(join(migrationsDir, f), 'utf8'))));
  });

  it('open a file database with foreign keys enforced and WAL', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = openDatabase(join(dir, 'nested', 'kamiless.sqlite'));
    dbs.push(db);
    migrate(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const now = '2026-04-01T00:00:00Z';
    expect(() =>
      db.prepare("INSERT INTO users (login, name, department_id, password_hash, password_changed_at, created_at, updated_at) VALUES ('x', 'x', 999, 'h', ?, ?, ?)").run(now, now, now),
    ).toThrow(/FOREIGN KEY/);
    // STRICT tables refuse a value of the wrong type.
    expect(() => db.prepare("INSERT INTO positions (name, rank, created_at, updated_at) VALUES ('x', 'high', ?, ?)").run(now, now)).toThrow(/cannot store TEXT/);
  });
});

