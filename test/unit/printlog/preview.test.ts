import { readFileSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSample, previewSample, uploadedSample, type PreviewSample } from '../../../electron/app/printlog/preview.js';
import { previewMaxBytes, previewRows } from '../../../shared/api/sources.js';
import { fixturesDir, loadExpected, readFixtureLines } from '../../helpers/printlog-fixtures.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';

const fixture = (rel: string): Buffer => readFileSync(join(fixturesDir(), rel));
const whole = (bytes: Uint8Array): PreviewSample => ({ bytes, truncated: false, file: null });
const jobLogMapping = fixture('csv/joblog-mapping.json').toString('utf8');
const expected = loadExpected();

describe('previewSample', () => {
  it('reads a CP932 CSV through its mapping: encoding from the mapping, the header as columns, the jobs as stored', () => {
    const r = previewSample(whole(fixture('csv/joblog-honcho-2024-10.csv')), { format: 'auto', mapping: jobLogMapping });
    expect(r.error).toBeNull();
    expect(r).toMatchObject({ format: 'csv', encoding: 'cp932', encodingReason: 'given by the mapping file' });
    expect(r.formatReason).toContain("format 'csv'");
    expect(r.columns).toEqual(['印刷日時', 'ユーザー名', 'プリンター名', '文書名', 'ページ数', '部数', '両面', 'カラー', '用紙サイズ', '集約']);
    expect(r.lines[0]).toBe('印刷日時,ユーザー名,プリンター名,文書名,ページ数,部数,両面,カラー,用紙サイズ,集約');
    expect(r.lines).toHaveLength(previewRows);
    expect(r.jobs).toHaveLength(expected['csv/joblog-honcho-2024-10.csv']?.jobs ?? -1);
    // 2024/10/01 08:26:10 JST, 12 pages one-sided 4-up: ceil(12 / 4) = 3 sheets.
    expect(r.jobs[0]).toEqual({
      line: 2, time: '2024-09-30T23:26:10.000Z', user: 'yamada-m', printer: 'OASA-MFP01', document: '道路台帳 抜粋.pdf',
      pages: 12, sheets: 3, copies: 1, sides: 1, nUp: 4, color: false, paperSize: 'A4',
    });
    expect(r.jobs.reduce((a, j) => a + j.sheets, 0)).toBe(expected['csv/joblog-honcho-2024-10.csv']?.sheets);
    expect(r.readings).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('does not guess a mapped CSV: format null with the reason, but the decoded lines and columns for the mapping editor', () => {
    const r = previewSample(whole(fixture('csv/joblog-honcho-2024-10.csv')), { format: 'auto', mapping: null });
    expect(r.format).toBeNull();
    expect(r.error).toMatch(/^format not recognised: .*mapping file/);
    expect(r.encoding).toBe('cp932');
    expect(r.encodingReason).toMatch(/CP932/);
    expect(r.columns[0]).toBe('印刷日時');
    expect(r.columns).toHaveLength(10);
    expect(r.lines[1]).toContain('道路台帳 抜粋.pdf');
    expect(r.jobs).toEqual([]);
  });

  it('reports an invalid mapping with the JSON paths of its mistakes, and still shows the sample', () => {
    const broken = JSON.parse(jobLogMapping) as { columns: Record<string, unknown>; delimiter: string };
    delete broken.columns['pages'];
    broken.delimiter = ',,';
    const r = previewSample(whole(fixture('csv/joblog-honcho-2024-10.csv')), { format: 'auto', mapping: JSON.stringify(broken) });
    expect(r.format).toBeNull();
    expect(r.error).toMatch(/^the mapping is not valid: /);
    expect(r.error).toContain('columns.pages: required');
    expect(r.error).toContain('delimiter:');
    expect(r.lines).toHaveLength(previewRows);
    expect(r.columns).toHaveLength(10);

    const notJson = previewSample(whole(fixture('csv/joblog-honcho-2024-10.csv')), { format: 'csv', mapping: '{"format": "csv",' });
    expect(notJson.error).toMatch(/not valid JSON/);
  });

  it('says when a chosen format and the mapping do not go together', () => {
    const r = previewSample(whole(fixture('cups/page_log')), { format: 'cups', mapping: jobLogMapping });
    expect(r.format).toBeNull();
    expect(r.error).toContain('reads no mapping file');
    const none = previewSample(whole(fixture('csv/joblog-honcho-2024-10.csv')), { format: 'csv', mapping: null });
    expect(none.error).toContain('needs a mapping file');
  });

  it('recognises an unknown file as nothing, with the reason', () => {
    const r = previewSample(whole(Buffer.from('hello world\nthis is not a print log\n')), { format: 'auto', mapping: null });
    expect(r).toMatchObject({ format: null, jobs: [], rejected: [], lines: ['hello world', 'this is not a print log'] });
    expect(r.error).toMatch(/no known log format matches/);
    const empty = previewSample(whole(Buffer.alloc(0)), { format: 'auto', mapping: null });
    expect(empty.error).toMatch(/starts empty/);
    expect(empty.columns).toEqual([]);
  });

  it('detects a Print Logger file and shows its rejected lines with their text', () => {
    const rel = 'papercut-logger/bad-lines-utf8.csv';
    const r = previewSample(whole(fixture(rel)), { format: 'auto', mapping: null });
    expect(r).toMatchObject({ format: 'papercut-logger', encoding: 'utf-8', error: null });
    expect(r.encodingReason).toMatch(/byte-order mark/);
    expect(r.columns.slice(0, 3)).toEqual(['PaperCut Print Logger - http://www.papercut.com/']);
    expect(r.jobs).toHaveLength(expected[rel]?.jobs ?? -1);
    expect(r.rejected.map((x) => x.line)).toEqual(expected[rel]?.rejected);
    const lines = readFixtureLines(rel);
    for (const x of r.rejected) {
      expect(x.raw).toBe(lines[x.line - 1]);
      expect(x.reason.length).toBeGreaterThan(3);
    }
  });

  it('splits the first line by the delimiter it uses when there is no mapping', () => {
    const r = previewSample(whole(Buffer.from('a\tb\t"c,d"\n1\t2\t3\n')), { format: 'auto', mapping: null });
    expect(r.columns).toEqual(['a', 'b', 'c,d']);
    const semi = previewSample(whole(Buffer.from('x;y;z\n')), { format: 'auto', mapping: null });
    expect(semi.columns).toEqual(['x', 'y', 'z']);
  });

  it('reads copier counter readings through a counter mapping', () => {
    const r = previewSample(whole(fixture('csv/counter-2024.csv')), { format: 'counter', mapping: fixture('csv/counter-mapping.json').toString('utf8') });
    expect(r).toMatchObject({ format: 'counter', encoding: 'cp932', error: null, jobs: [] });
    expect(r.readings).toHaveLength(previewRows);
    expect(r.readings[0]).toEqual({ line: 2, month: '2024-04', department: '総務課', device: '', sheets: 6005, colorSheets: 1103 });
  });

  it('drops the cut last line of a cut sample instead of rejecting it', () => {
    const bytes = fixture('papercut-logger/daily/papercut-print-log-2024-03-30.csv');
    const lines = readFixtureLines('papercut-logger/daily/papercut-print-log-2024-03-30.csv');
    // Cut in the middle of the last job's line.
    const cutAt = bytes.length - 20;
    const cut = previewSample({ bytes: bytes.subarray(0, cutAt), truncated: true, file: null }, { format: 'auto', mapping: null });
    expect(cut.rejected).toEqual([]);
    expect(cut.jobs).toHaveLength((expected['papercut-logger/daily/papercut-print-log-2024-03-30.csv']?.jobs ?? 0) - 1);
    expect(cut.lines).toEqual(lines.slice(0, lines.length - 1));
    // The same bytes taken as a whole file: the cut line is a broken line of it.
    const asWhole = previewSample(whole(bytes.subarray(0, cutAt)), { format: 'auto', mapping: null });
    expect(asWhole.rejected.map((x) => x.line)).toEqual([lines.length]);
  });

  it('does not reject a record cut by the end of the sample (an XML event over several lines)', () => {
    const xml = fixture('windows-307/printservice-307.xml').toString('utf8').replace(/></g, '>\n<');
    const secondEvent = xml.indexOf('<Event', xml.indexOf('</Event>'));
    const bytes = Buffer.from(xml.slice(0, secondEvent + 400), 'utf8');
    const cut = previewSample({ bytes, truncated: true, file: null }, { format: 'auto', mapping: null });
    expect(cut).toMatchObject({ format: 'windows-307', error: null, rejected: [] });
    expect(cut.jobs).toHaveLength(1);
    expect(cut.jobs[0]).toMatchObject({ user: 'takahashi-m', document: '回覧～全職員.pdf', pages: 10 });
    const asWhole = previewSample(whole(bytes), { format: 'auto', mapping: null });
    expect(asWhole.rejected).toHaveLength(1);
  });
});

describe('uploadedSample', () => {
  it('inflates a .gz sample, whole or cut', async () => {
    const gz = fixture('cups/page_log.1.gz');
    const sample = await uploadedSample(gz);
    if ('error' in sample) throw new Error(sample.error);
    expect(sample.truncated).toBe(false);
    const r = previewSample(sample, { format: 'auto', mapping: null });
    expect(r).toMatchObject({ format: 'cups', error: null });
    expect(r.jobs).toHaveLength(expected['cups/page_log.1.gz']?.jobs ?? -1);

    // The head of a large archive: what its first bytes inflate to, without failing on the missing end.
    const big = gzipSync(Buffer.from(readFixtureLines('cups/page_log').join('\n').repeat(400)));
    const head = await uploadedSample(big.subarray(0, Math.floor(big.length / 2)));
    if ('error' in head) throw new Error(head.error);
    expect(head.bytes.length).toBeGreaterThan(1000);
    expect(head.bytes.length).toBeLessThanOrEqual(previewMaxBytes);
    expect(previewSample(head, { format: 'auto', mapping: null }).format).toBe('cups');
  });

  it('takes a sample of the full preview size as cut, a shorter one as whole', async () => {
    expect(await uploadedSample(Buffer.alloc(previewMaxBytes, 0x41))).toMatchObject({ truncated: true, file: null });
    expect(await uploadedSample(Buffer.alloc(10, 0x41))).toMatchObject({ truncated: false });
    expect(await uploadedSample(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]))).toMatchObject({ error: expect.stringContaining('cannot be unpacked') });
  });
});

describe('folderSample', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('kamiless-preview-');
    writeFileSync(join(dir, 'page_log.1'), fixture('cups/page_log-cups22'));
    writeFileSync(join(dir, 'page_log'), fixture('cups/page_log'));
    writeFileSync(join(dir, 'page_log.2.gz'), fixture('cups/page_log.1.gz'));
    mkdirSync(join(dir, 'page_log.d'));
    const t = Date.now() / 1000;
    utimesSync(join(dir, 'page_log.2.gz'), t - 300, t - 300);
    utimesSync(join(dir, 'page_log.1'), t - 200, t - 200);
    utimesSync(join(dir, 'page_log'), t - 100, t - 100);
  });
  afterAll(() => removeTempDir(dir));

  it('reads the newest matching file', async () => {
    const sample = await folderSample(dir, 'page_log*');
    if ('error' in sample) throw new Error(sample.error);
    expect(sample).toMatchObject({ file: join(dir, 'page_log'), truncated: false });
    expect(Buffer.from(sample.bytes)).toEqual(fixture('cups/page_log'));
  });

  it('inflates a .gz file', async () => {
    const sample = await folderSample(dir, '*.gz');
    if ('error' in sample) throw new Error(sample.error);
    expect(sample.file).toBe(join(dir, 'page_log.2.gz'));
    expect(previewSample(sample, { format: 'auto', mapping: null }).jobs).toHaveLength(expected['cups/page_log.1.gz']?.jobs ?? -1);
  });

  it('cuts a large file at the preview size', async () => {
    writeFileSync(join(dir, 'big.log'), Buffer.alloc(previewMaxBytes + 10, 0x41));
    const sample = await folderSample(dir, 'big.log');
    if ('error' in sample) throw new Error(sample.error);
    expect(sample.truncated).toBe(true);
    expect(sample.bytes.length).toBe(previewMaxBytes);
  });

  it('says why there is nothing to read', async () => {
    expect(await folderSample(dir, 'printlog_*.log')).toEqual({ error: `no file in ${dir} matches printlog_*.log` });
    expect(await folderSample(join(dir, 'missing'), 'page_log*')).toMatchObject({ error: expect.stringContaining('cannot list the folder') });
    expect(await folderSample('relative/logs', 'page_log*')).toMatchObject({ error: expect.stringContaining('full path') });
    expect(await folderSample(dir, '../*.csv')).toMatchObject({ error: expect.stringContaining('the file name pattern') });
  });
});
