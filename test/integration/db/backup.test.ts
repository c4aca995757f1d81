import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../../electron/app/db/backup.js';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { migrate, schemaVersion } from '../../../electron/app/db/migrate.js';
import { hashPassword } from '../../../electron/app/org/passwords.js';
import { createServices } from '../../../electron/app/services.js';
import { makeTempDir, removeTempDir, seedTown, testClock, testPassword } from '../../helpers/test-app.js';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

function folder(): string {
  const dir = makeTempDir('kamiless-backup-');
  dirs.push(dir);
  return dir;
}

function connect(file: string, opts: { readonly?: boolean } = {}): Db {
  const db = openDatabase(file, opts);
  open.push(db);
  return db;
}

async function seededFile(dir: string): Promise<{ file: string; db: Db }> {
  const file = join(dir, 'kamiless.sqlite');
  const db = connect(file);
  migrate(db);
  await seedTown(db, testClock());
  return { file, db };
}

const logins = (db: Db) => (db.prepare('SELECT login FROM users ORDER BY login').all() as { login: string }[]).map((r) => r.login);
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backup', () => {
  it('makes a consistent copy of a live database while another connection writes', async () => {
    const dir = folder();
    const { file, db } = await seededFile(dir);
    // Two ledgers written together in one transaction: a torn copy would show them unequal.
    db.exec('CREATE TABLE ledger_a (id INTEGER PRIMARY KEY, pad BLOB NOT NULL); CREATE TABLE ledger_b (id INTEGER PRIMARY KEY, pad BLOB NOT NULL);');
    const initial = 3000;
    db.transaction(() => {
      for (let i = 0; i < initial; i++) db.exec('INSERT INTO ledger_a (pad) VALUES (randomblob(1000)); INSERT INTO ledger_b (pad) VALUES (randomblob(1000));');
    })();

    const writer = connect(file);
    const writePair = writer.transaction(() => {
      writer.prepare('INSERT INTO ledger_a (pad) VALUES (randomblob(1000))').run();
      writer.prepare('INSERT INTO ledger_b (pad) VALUES (randomblob(1000))').run();
    });
    let backupDone = false;
    let writesDuringBackup = 0;
    const writes = 200;
    const target = join(dir, 'copy.sqlite');
    const [result] = await Promise.all([
      backupDatabase(db, target).then((r) => {
        backupDone = true;
        return r;
      }),
      (async () => {
        for (let i = 0; i < writes; i++) {
          // Yield first, so the backup has started and runs between the writes.
          await new Promise<void>((resolve) => setImmediate(resolve));
          writePair();
          if (!backupDone) writesDuringBackup++;
        }
      })(),
    ]);
    expect(writesDuringBackup).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(1000);

    const copy = connect(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const a = (copy.prepare('SELECT count(*) AS n FROM ledger_a').get() as { n: number }).n;
    const b = (copy.prepare('SELECT count(*) AS n FROM ledger_b').get() as { n: number }).n;
    expect(a).toBe(b);
    expect(a).toBeGreaterThanOrEqual(initial);
    expect(a).toBeLessThanOrEqual(initial + writes);
    expect(logins(copy)).toEqual(['admin', 'clerk', 'dx']);
    expect(schemaVersion(copy)).toBe(schemaVersion(db));
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = folder();
    const { db } = await seededFile(dir);
    const target = join(dir, 'taken.sqlite');
    writeFileSync(target, 'precious');
    await expect(backupDatabase(db, target)).rejects.toThrow(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });
});

describe('restore', () => {
  it('puts a backup back: later changes are gone, the previous database is kept beside it', async () => {
    const dir = folder();
    const { file, db } = await seededFile(dir);
    const backup = join(dir, 'before-newbie.sqlite');
    await backupDatabase(db, backup);
    const s = createServices(db, testClock());
    s.users.create({ login: 'newbie', name: '新人', kana: '', email: '', departmentId: null, positionId: null, roles: ['clerk'] }, await hashPassword(testPassword));
    expect(logins(db)).toContain('newbie');
    db.close();

    const { keptAs } = restoreDatabase(backup, file, '2026-04-01T09-00-00-000Z');
    expect(keptAs).toBe(`${file}.before-restore-2026-04-01T09-00-00-000Z`);

    const restored = connect(file);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(logins(restored)).toEqual(['admin', 'clerk', 'dx']);
    expect((restored.prepare("SELECT value FROM settings WHERE key = 'town.name'").get() as { value: string }).value).toBe('テスト町');
    // The restored database is a normal one: WAL, migrated, writable.
    expect(restored.pragma('journal_mode', { simple: true })).toBe('wal');
    restored.prepare("INSERT INTO settings (key, value) VALUES ('after.restore', '1')").run();

    const kept = connect(keptAs ?? '', { readonly: true });
    expect(logins(kept)).toEqual(['admin', 'clerk', 'dx', 'newbie']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.restoring'))).toEqual([]);
  });

  it('keeps the transactions still in the -wal of a database whose process crashed', async () => {
    const dir = folder();
    const { file, db } = await seededFile(dir);
    const backup = join(dir, 'backup.sqlite');
    await backupDatabase(db, backup);
    db.close();

    // A process writes, then dies without closing: the write lives only in the -wal.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `
      const Database = require(${JSON.stringify(driver)});
      const db = new Database(${JSON.stringify(file)});
      db.prepare("INSERT INTO settings (key, value) VALUES ('crash.marker', 'written before the crash')").run();
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['-e', script]);
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(`${file}-wal`)).toBe(true);

    const { keptAs } = restoreDatabase(backup, file, 'after-crash');
    const kept = connect(keptAs ?? '');
    expect(kept.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").get()).toEqual({ value: 'written before the crash' });
    const restored = connect(file);
    expect(restored.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").get()).toBeUndefined();
  });

  it('refuses a file that is not a database, or is missing, leaving the current database untouched', async () => {
    const dir = folder();
    const { file, db } = await seededFile(dir);
    db.close();
    const before = fileHash(file);
    const notADb = join(dir, 'notes.sqlite');
    writeFileSync(notADb, 'これはデータベースではありません。'.repeat(200));

    expect(() => restoreDatabase(notADb, file, 'x')).toThrow();
    expect(() => restoreDatabase(join(dir, 'missing.sqlite'), file, 'y')).toThrow(/does not exist/);

    expect(fileHash(file)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(logins(connect(file))).toEqual(['admin', 'clerk', 'dx']);
  });

  it('refuses a backup from a newer Kamiless, leaving the current database untouched', async () => {
    const dir = folder();
    const { file, db } = await seededFile(dir);
    const backup = join(dir, 'future.sqlite');
    await backupDatabase(db, backup);
    db.close();
    const future = connect(backup);
    future.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', '2030-01-01')").run();
    future.close();
    const before = fileHash(file);

    expect(() => restoreDatabase(backup, file, 'z')).toThrow(/newer/);
    expect(fileHash(file)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('restores into a data folder that has no database yet', async () => {
    const dir = folder();
    const { db } = await seededFile(dir);
    const backup = join(dir, 'backup.sqlite');
    await backupDatabase(db, backup);
    const target = join(dir, 'elsewhere.sqlite');
    expect(restoreDatabase(backup, target, 'n')).toEqual({ keptAs: null });
    expect(logins(connect(target))).toEqual(['admin', 'clerk', 'dx']);
  });
});
