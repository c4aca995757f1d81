import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/app/cli/main.js';
import { systemClock } from '../../../electron/app/clock.js';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { migrate } from '../../../electron/app/db/migrate.js';
import { createSitesRepo } from '../../../electron/app/org/sites.repo.js';
import { fixturesDir } from '../../helpers/printlog-fixtures.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';

let out: string[];
let err: string[];
const dirs: string[] = [];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) removeTempDir(d);
});

/** A data folder with a site HQ, and a logs folder. */
function setup(): { data: string; logs: string } {
  const root = makeTempDir('kamiless-cli-sources-');
  dirs.push(root);
  const data = join(root, 'data');
  const logs = join(root, 'logs');
  mkdirSync(logs);
  const db = openDatabase(databaseFile(data));
  migrate(db);
  createSitesRepo(db, systemClock).create({ code: 'HQ', name: '本庁', kind: 'honcho', address: '', sortOrder: 0 });
  db.close();
  return { data, logs };
}

async function run(...args: string[]): Promise<number> {
  out = [];
  err = [];
  return main(args);
}

function withDb<T>(data: string, fn: (db: Db) => T): T {
  const db = openDatabase(databaseFile(data));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

interface ListedSource {
  name: string;
  active: boolean;
  folder: string;
  glob: string;
  format: string;
  site: string | null;
  polling: boolean;
  intervalMs: number;
  files: number;
  jobs: number;
  rejected: number;
  mapping: unknown;
}

async function listed(data: string): Promise<ListedSource[]> {
  expect(await run('sources', 'list', '--data', data, '--json')).toBe(0);
  return JSON.parse(out.join('')) as ListedSource[];
}

describe('kamiless sources', () => {
  it('has --help for itself and each subcommand', async () => {
    expect(await run('sources', '--help')).toBe(0);
    for (const sub of ['list', 'add', 'remove', 'rejected']) expect(out.join('')).toContain(sub);
    for (const sub of ['list', 'add', 'remove', 'rejected']) {
      expect(await run('sources', sub, '--help')).toBe(0);
      expect(out.join('')).toContain(`Usage: kamiless sources ${sub}`);
    }
    expect(await run('--help')).toBe(0);
    expect(out.join('')).toContain('sources');
  });

  it('adds a source, shows its token once, and lists it', async () => {
    const { data, logs } = setup();
    writeFileSync(join(logs, 'papercut-print-log-2024-05-01.csv'), '');
    expect(await run('sources', 'add', '--data', data, '--name', 'honcho', '--folder', logs, '--glob', 'papercut-print-log-*.csv', '--site', 'hq')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Source honcho added');
    expect(text).toContain('1 file there match');
    const token = /only its hash is stored\): (\S+)/.exec(text)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = withDb(data, (db) => db.prepare('SELECT token_hash FROM log_sources').get()) as { token_hash: string };
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));

    expect(await run('sources', 'add', '--data', data, '--name', 'geihoku', '--folder', logs, '--glob', 'page_log*', '--format', 'cups', '--poll', '--interval', '5000')).toBe(0);
    const sources = await listed(data);
    expect(sources.map((s) => [s.name, s.active, s.folder, s.glob, s.format, s.site, s.polling, s.intervalMs])).toEqual([
      ['geihoku', true, logs, 'page_log*', 'cups', null, true, 5000],
      ['honcho', true, logs, 'papercut-print-log-*.csv', 'auto', 'HQ', false, 1000],
    ]);
    expect(JSON.stringify(sources)).not.toContain(token);

    expect(await run('sources', 'list', '--data', data)).toBe(0);
    const table = out.join('\n');
    expect(table).toMatch(/NAME\s+STATE\s+FORMAT\s+SITE/);
    expect(table).toMatch(/honcho\s+active\s+auto\s+HQ/);
    expect(table).toContain('polling every 5000 ms');
  });

  it('stores a validated mapping for a csv source', async () => {
    const { data, logs } = setup();
    const mapping = join(fixturesDir(), 'csv/joblog-mapping.json');
    expect(await run('sources', 'add', '--data', data, '--name', 'copier', '--folder', logs, '--glob', '*.csv', '--mapping', mapping)).toBe(0);
    const [source] = await listed(data);
    expect(source?.mapping).toMatchObject({ format: 'csv' });
  });

  it('refuses a wrong command line with exit code 2 and a message naming the flag', async () => {
    const { data, logs } = setup();
    const badMapping = join(logs, 'bad-mapping.json');
    writeFileSync(badMapping, JSON.stringify({ format: 'csv', columns: { time: 'Time' } }));
    const notJson = join(logs, 'not-json.json');
    writeFileSync(notJson, '{ "format": ');
    const base = ['sources', 'add', '--data', data, '--name', 'x'];
    const cases: [string[], RegExp][] = [
      [[...base, '--folder', join(logs, 'missing'), '--glob', '*.csv'], /--folder .*missing: no such folder/],
      [[...base, '--folder', badMapping, '--glob', '*.csv'], /--folder .*: not a folder/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--format', 'lpd'], /--format lpd: choose one of auto, papercut-logger/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--format', 'csv'], /--format csv: the csv format needs a mapping file; give --mapping/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--mapping', badMapping], /--mapping .*bad-mapping\.json: .*columns\.pages: required/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--mapping', notJson], /--mapping .*not-json\.json: .*not valid JSON/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--mapping', join(logs, 'nope.json')], /--mapping .*nope\.json: cannot read/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--format', 'cups', '--mapping', join(fixturesDir(), 'csv/joblog-mapping.json')], /--mapping .*: the cups format reads no mapping file/],
      [[...base, '--folder', logs, '--glob', '/abs/*.csv'], /--glob \/abs\/\*\.csv: is a pattern inside --folder/],
      [[...base, '--folder', logs, '--glob', '../*.csv'], /--glob \.\.\/\*\.csv: may not contain/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--site', 'NOWHERE'], /--site NOWHERE: no such site \(known: HQ\)/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--interval', '500'], /--interval goes with --poll/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--poll', '--interval', 'often'], /--interval is a whole number/],
      [[...base, '--folder', logs, '--glob', '*.csv', '--bogus'], /unknown option '--bogus'/],
      [['sources', 'add', '--data', data, '--folder', logs, '--glob', '*.csv'], /required option '--name <name>' not specified/],
      [['sources', 'rejected', '--data', data, '--name', 'x', '--limit', '0'], /--limit is a whole number/],
      [['sources', 'frobnicate', '--data', data], /unknown command 'frobnicate'/],
      [['sources', 'list', '--data', data, '--verbose'], /unknown option '--verbose'/],
    ];
    for (const [args, message] of cases) {
      const code = await run(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(err.join('')).toMatch(message);
    }
    expect(await listed(data)).toEqual([]);
  });

  it('refuses a second source of the same name (exit 1) and removes one, keeping its history', async () => {
    const { data, logs } = setup();
    const add = ['sources', 'add', '--data', data, '--name', 'honcho', '--folder', logs, '--glob', '*.csv'];
    expect(await run(...add)).toBe(0);
    expect(await run(...add)).toBe(1);
    expect(err.join('')).toContain('a source named honcho already exists');

    expect(await run('sources', 'remove', '--data', data, '--name', 'honcho')).toBe(0);
    expect(out.join('')).toMatch(/no longer watched.*files, jobs and rejected lines are kept/);
    expect((await listed(data)).map((s) => [s.name, s.active])).toEqual([['honcho', false]]);
    expect(await run('sources', 'remove', '--data', data, '--name', 'honcho')).toBe(0);
    expect(out.join('')).toContain('already removed');
    expect(await run('sources', 'remove', '--data', data, '--name', 'nobody')).toBe(1);
    expect(err.join('')).toContain('no source named nobody');

    // Added again under the same name: the same row comes back, with the new settings.
    expect(await run(...add.slice(0, -2), '--glob', 'page_log*')).toBe(0);
    expect(out.join('')).toContain('added again');
    expect((await listed(data)).map((s) => [s.name, s.active, s.glob])).toEqual([['honcho', true, 'page_log*']]);
  });

  it('shows the rejected lines of a source with file, line, reason and raw text', async () => {
    const { data, logs } = setup();
    const bad = join(fixturesDir(), 'papercut-logger/bad-lines-utf8.csv');
    expect(await run('sources', 'add', '--data', data, '--name', 'honcho', '--folder', logs, '--glob', '*.csv')).toBe(0);
    expect(await run('import', bad, '--data', data, '--source', 'honcho', '--json')).toBe(0);
    const imported = JSON.parse(out.join('')) as { total: { rejected: number } };
    expect(imported.total.rejected).toBe(6);

    expect(await run('sources', 'rejected', '--data', data, '--name', 'HONCHO', '--json')).toBe(0);
    const all = JSON.parse(out.join('')) as { source: string; total: number; rejected: { file: string; line: number; reason: string; raw: string }[] };
    expect(all.source).toBe('honcho');
    expect(all.total).toBe(6);
    expect(all.rejected).toHaveLength(6);
    for (const r of all.rejected) {
      expect(r.file).toBe(bad);
      expect(r.reason).not.toBe('');
      expect(typeof r.raw).toBe('string');
    }
    const lines = all.rejected.map((r) => r.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines.slice().reverse());
    const impossible = all.rejected.find((r) => r.raw.includes('25:61:00'));
    expect(impossible).toBeDefined();

    expect(await run('sources', 'rejected', '--data', data, '--name', 'honcho', '--json', '--limit', '2')).toBe(0);
    expect((JSON.parse(out.join('')) as { rejected: unknown[] }).rejected).toHaveLength(2);
    expect(await run('sources', 'rejected', '--data', data, '--name', 'honcho', '--limit', '3')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('6 rejected lines in source honcho (the newest 3 shown)');
    expect(text).toContain(`${bad}:${lines[0]}: `);

    expect(await run('sources', 'rejected', '--data', data, '--name', 'nobody')).toBe(1);
    expect(err.join('')).toContain('no source named nobody');
  });
});
