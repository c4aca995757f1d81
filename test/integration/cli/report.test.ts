import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiReportSchema } from '../../../shared/api/kpi.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';

const runCli = new URL('../../helpers/run-cli.ts', import.meta.url).pathname;
const fixtures = new URL('../../../../shared/fixtures/printlogs/', import.meta.url).pathname;

function kamiless(args: string[]): { code: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', runCli, ...args], { encoding: 'buffer' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

let data: string;
beforeAll(() => {
  data = join(makeTempDir('kamiless-report-'), 'data');
  const imported = kamiless(['import', join(fixtures, 'papercut-logger/daily'), '--data', data]);
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);
afterAll(() => removeTempDir(join(data, '..')));

describe('kamiless report', () => {
  it('prints the public JSON of a fiscal year, seeded with the seed strategy target', () => {
    const r = kamiless(['report', '--data', data, '--fy', '2024', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = kpiReportSchema.parse(JSON.parse(r.stdout.toString('utf8')));
    expect(report).toMatchObject({ fiscalYear: 2024, label: '令和6年度', measure: 'jobs', target: 184800, baseline: { fiscalYear: 2021 } });
    expect(report.jobs).toBeGreaterThan(0);
    expect(report.months).toHaveLength(12);
    expect(report.unmapped.sheets).toBe(report.sheets);
  }, 30_000);

  it('writes the evaluation table as CSV for Excel: UTF-8 with a BOM, or Shift_JIS', () => {
    const utf8 = kamiless(['report', '--data', data, '--fy', '2024', '--csv']);
    expect(utf8.code, utf8.stderr).toBe(0);
    expect([...utf8.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.stdout.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('令和6年度 評価');
    expect(text.split('\r\n')[1]).toBe('指標,単位,目標,実績,達成率,コメント');
    expect(text).toContain(',184800,');
    const sjis = kamiless(['report', '--data', data, '--fy', '2024', '--csv', '--sjis']);
    expect(sjis.code, sjis.stderr).toBe(0);
    expect(sjis.stdout[0]).not.toBe(0xef);
    // The same text, with CP932's look-alike for a minus sign (Excel shows the same glyph), nothing lost to '?'.
    expect(iconv.decode(sjis.stdout, 'cp932')).toBe(text.replaceAll('\u2212', '\uff0d'));
  }, 30_000);

  it('refuses a bad fiscal year or measure with exit 2, naming the option', () => {
    const fy = kamiless(['report', '--data', data, '--fy', '12']);
    expect(fy.code).toBe(2);
    expect(fy.stderr).toContain('--fy');
    const measure = kamiless(['report', '--data', data, '--fy', '2024', '--measure', 'toner']);
    expect(measure.code).toBe(2);
    expect(measure.stderr).toContain('--measure toner');
  }, 30_000);
});
