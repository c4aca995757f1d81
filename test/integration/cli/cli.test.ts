import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/app/cli/main.js';
import { captureOutput } from '../../helpers/capture-output.js';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { databaseFile, pidFile } from '../../../electron/app/data-folder.js';

const { out, err } = captureOutput();

const tmp = () => mkdtempSync(join(tmpdir(), 'kamiless-cli-'));
function passwordFile(pw: string): string {
  const f = join(tmp(), 'pw.txt');
  writeFileSync(f, `${pw}\n`);
  return f;
}
function countUsers(dataDir: string): number {
  const db = openDatabase(databaseFile(dataDir));
  try {
    return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('kamiless CLI', () => {
  it('lists every command in --help and each command has its own --help', async () => {
    expect(await main(['--help'])).toBe(0);
    const help = out.join('');
    for (const cmd of ['hub', 'init', 'demo', 'backup', 'restore']) expect(help).toContain(cmd);
    for (const cmd of ['hub', 'init', 'demo', 'backup', 'restore']) {
      out.length = 0;
      expect(await main([cmd, '--help'])).toBe(0);
      expect(out.join('')).toContain(`Usage: kamiless ${cmd}`);
    }
  });

  it('fails with exit code 2 and a clear message on an unknown flag or command', async () => {
    expect(await main(['hub', '--bogus'])).toBe(2);
    expect(err.join('')).toContain("unknown option '--bogus'");
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['hub', '--port', 'eighty'])).toBe(2);
  });

  it('creates the demo town and prints its users as JSON; they can sign in', async () => {
    const data = tmp();
    const pw = 'demo-password-123';
    expect(await main(['demo', '--data', data, '--password-file', passwordFile(pw), '--json', '--no-logs'])).toBe(0);
    const { users } = JSON.parse(out.join('')) as { users: { login: string; site: string; position: string; roles: string[]; department: string }[] };
    expect(users.length).toBeGreaterThanOrEqual(40);
    const positions = new Set(users.map((u) => u.position));
    for (const p of ['町長', '副町長', '部長', '課長', '係長', '主事']) expect(positions).toContain(p);
    const sites = new Set(users.map((u) => u.site));
    for (const s of ['本庁（千代田）', '芸北支所', '大朝支所', '豊平支所']) expect(sites).toContain(s);
    expect(new Set(users.map((u) => u.department)).size).toBeGreaterThanOrEqual(12);
    expect(users.find((u) => u.login === 'admin')?.roles).toContain('admin');
    expect(users.find((u) => u.login === 'dx')?.roles).toContain('dx');

    const db = openDatabase(databaseFile(data));
    const app = await buildApp({ db, mode: 'hub' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: users[0]?.login, password: pw } });
    expect(res.statusCode).toBe(200);
    await app.close();
    db.close();
  });

  it('generates and prints a password when none is given, and refuses a second town', async () => {
    const data = tmp();
    expect(await main(['demo', '--data', data, '--json', '--no-logs'])).toBe(0);
    const { password } = JSON.parse(out.join('')) as { password: string };
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const before = countUsers(data);
    expect(await main(['demo', '--data', data])).toBe(1);
    expect(err.join('')).toContain('already holds a town');
    expect(countUsers(data)).toBe(before);
  });

  it('init creates an empty town with its administrator, from a script', async () => {
    const data = tmp();
    expect(await main(['init', '--data', data, '--admin-login', 'soumu.admin', '--admin-password-file', passwordFile('first-admin-pass')])).toBe(0);
    expect(countUsers(data)).toBe(1);
    expect(await main(['init', '--data', data, '--admin-login', 'other', '--admin-password-file', passwordFile('first-admin-pass')])).toBe(1);
    expect(countUsers(data)).toBe(1);
  });

  it('init refuses a short password and a bad login without creating anything', async () => {
    const data = tmp();
    expect(await main(['init', '--data', data, '--admin-login', 'admin', '--admin-password-file', passwordFile('short')])).toBe(1);
    expect(err.join('')).toContain('at least 10 characters');
    expect(await main(['init', '--data', data, '--admin-login', 'bad login!', '--admin-password-file', passwordFile('long-enough-pass')])).toBe(2);
  });

  it('backs up and restores through the CLI, and refuses to restore under a running core', async () => {
    const data = tmp();
    await main(['init', '--data', data, '--admin-login', 'admin1', '--admin-password-file', passwordFile('first-admin-pass')]);
    const backup = join(tmp(), 'kamiless-backup.db');
    expect(await main(['backup', '--data', data, '--to', backup])).toBe(0);
    expect(await main(['backup', '--data', data, '--to', backup])).toBe(1);

    const db = openDatabase(databaseFile(data));
    db.prepare("UPDATE settings SET value = '変更後' WHERE key = 'town.name'").run();
    db.close();

    writeFileSync(pidFile(data), String(process.pid));
    expect(await main(['restore', '--data', data, '--from', backup])).toBe(1);
    expect(err.join('')).toContain('is running');
    writeFileSync(pidFile(data), '999999999');

    expect(await main(['restore', '--data', data, '--from', backup])).toBe(0);
    const after = openDatabase(databaseFile(data));
    expect((after.prepare("SELECT value FROM settings WHERE key = 'town.name'").get() as { value: string }).value).toBe('北広島町');
    after.close();
  });

  it('backs up the attachments beside the database and restores them: cases keep their PDFs', async () => {
    const data = tmp();
    expect(await main(['demo', '--data', data, '--no-logs', '--password-file', passwordFile('demo-password-123')])).toBe(0);
    const countBlobs = (dir: string): number => {
      if (!existsSync(dir)) return 0;
      return readdirSync(dir).reduce((n, prefix) => n + readdirSync(join(dir, prefix)).length, 0);
    };
    const db = openDatabase(databaseFile(data));
    const referenced = (db.prepare('SELECT count(*) AS n FROM blobs WHERE removed_at IS NULL').get() as { n: number }).n;
    db.close();
    expect(referenced).toBeGreaterThan(0);

    const backup = join(tmp(), 'kamiless-backup.db');
    expect(await main(['backup', '--data', data, '--to', backup])).toBe(0);
    expect(countBlobs(`${backup}.blobs`)).toBe(referenced);

    // The data folder loses its attachments (a disk replaced); the restore brings them back.
    rmSync(join(data, 'blobs'), { recursive: true, force: true });
    writeFileSync(pidFile(data), '999999999');
    expect(await main(['restore', '--data', data, '--from', backup])).toBe(0);
    expect(countBlobs(join(data, 'blobs'))).toBe(referenced);
    expect(out.join('')).toContain(`Attachment files: ${referenced} restored`);
    expect(await main(['verify', '--data', data])).toBe(0);

    // A damaged file in the backup is named, not restored.
    const [prefix] = readdirSync(`${backup}.blobs`);
    const [name] = readdirSync(join(`${backup}.blobs`, prefix ?? ''));
    writeFileSync(join(`${backup}.blobs`, prefix ?? '', name ?? ''), 'not the original bytes');
    rmSync(join(data, 'blobs'), { recursive: true, force: true });
    expect(await main(['restore', '--data', data, '--from', backup])).toBe(1);
    expect(err.join('')).toContain('do not match their names');
    expect(countBlobs(join(data, 'blobs'))).toBe(referenced - 1);
  }, 60_000);
});
