import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/app/cli/main.js';
import { captureOutput } from '../../helpers/capture-output.js';

const fixtures = new URL('../../../../shared/fixtures/printlogs/', import.meta.url).pathname;

const { out, err } = captureOutput();

const tmp = () => mkdtempSync(join(tmpdir(), 'kamiless-import-'));

interface ImportJson {
  files: { path: string; format: string; encoding: string; lines: number; jobs: number; pages: number; sheets: number; duplicates: number; rejected: { line: number; reason: string }[] }[];
  total: { jobs: number; pages: number; sheets: number; duplicates: number; rejected: number };
}
const json = (): ImportJson => JSON.parse(out.join('\n')) as ImportJson;

describe('kamiless import', () => {
  it('prints the public JSON shape for a file with rejected lines and exits 0', async () => {
    const data = tmp();
    expect(await main(['import', join(fixtures, 'papercut-logger/bad-lines-utf8.csv'), '--data', data, '--json'])).toBe(0);
    const r = json();
    expect(Object.keys(r)).toEqual(['files', 'total']);
    const f = r.files[0];
    expect(f).toMatchObject({ format: 'papercut-logger', encoding: 'utf-8', jobs: 10, pages: 198, sheets: 158, duplicates: 0 });
    expect(Object.keys(f ?? {})).toEqual(['path', 'format', 'encoding', 'lines', 'jobs', 'pages', 'sheets', 'duplicates', 'rejected']);
    expect(f?.rejected.map((x) => x.line)).toEqual([4, 6, 8, 10, 12, 18]);
    for (const x of f?.rejected ?? []) expect(x.reason.length).toBeGreaterThan(5);
    expect(r.total).toEqual({ jobs: 10, pages: 198, sheets: 158, duplicates: 0, rejected: 6 });
  });

  it('imports a folder and a .gz, and a second run stores nothing new but counts duplicates', async () => {
    const data = tmp();
    expect(await main(['import', join(fixtures, 'cups'), '--data', data, '--json'])).toBe(0);
    const first = json();
    expect(first.files.map((f) => f.path.split('/').pop())).toEqual(['page_log', 'page_log-cups22', 'page_log.1.gz']);
    expect(first.total.jobs).toBe(30);
    out.length = 0;
    expect(await main(['import', join(fixtures, 'cups/page_log.1.gz'), '--data', data, '--json'])).toBe(0);
    expect(json().total).toMatchObject({ jobs: 0, duplicates: 10 });
  });

  it('exits 1 for an unreadable or unrecognised file while the others still import', async () => {
    const data = tmp();
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'これはログではありません\nnot a log either\n');
    copyFileSync(join(fixtures, 'papercut-ng/printlog_2024_09_02.log'), join(dir, 'printlog_2024_09_02.log'));
    expect(await main(['import', dir, join(dir, 'missing.csv'), '--data', data, '--json'])).toBe(1);
    const r = JSON.parse(out.join('\n')) as ImportJson & { failed: { path: string; error: string }[] };
    expect(r.total.jobs).toBe(20);
    expect(r.failed.map((f) => f.path.split('/').pop())).toEqual(['missing.csv', 'notes.txt']);
    expect(r.failed[1]?.error).toMatch(/format not recognised/);
  });

  it('honours --format and refuses a wrong one with exit 2', async () => {
    const data = tmp();
    expect(await main(['import', join(fixtures, 'cups/page_log'), '--data', data, '--format', 'nonsense'])).toBe(2);
    expect(err.join('')).toMatch(/--format nonsense/);
    expect(await main(['import', join(fixtures, 'cups/page_log'), '--data', data, '--format', 'cups', '--json'])).toBe(0);
    expect(json().files[0]?.format).toBe('cups');
  });

  it('reads csv files through --mapping; a broken mapping is a usage error naming the JSON path', async () => {
    const data = tmp();
    expect(await main(['import', join(fixtures, 'csv/joblog-honcho-2024-10.csv'), '--data', data, '--mapping', join(fixtures, 'csv/joblog-mapping.json'), '--json'])).toBe(0);
    expect(json().total).toMatchObject({ jobs: 20, pages: 349, sheets: 203 });
    const bad = join(tmp(), 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ format: 'csv', columns: { user: 'ユーザー名' } }));
    expect(await main(['import', join(fixtures, 'csv/joblog-honcho-2024-10.csv'), '--data', data, '--mapping', bad])).toBe(2);
    expect(err.join('')).toMatch(/columns\.(time|pages)/);
  });

  it('recognises a renamed file as the same file and a rewritten one as new', async () => {
    const data = tmp();
    const dir = tmp();
    mkdirSync(join(dir, 'old'));
    const log = join(dir, 'page_log');
    copyFileSync(join(fixtures, 'cups/page_log'), log);
    expect(await main(['import', log, '--data', data, '--json'])).toBe(0);
    expect(json().total.jobs).toBe(10);
    const moved = join(dir, 'old', 'page_log.1');
    copyFileSync(log, moved);
    out.length = 0;
    expect(await main(['import', moved, '--data', data, '--json'])).toBe(0);
    expect(json().total).toMatchObject({ jobs: 0, duplicates: 10 });
  });
});
