import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluationRepo } from '../../../electron/app/kpi/evaluation.repo.js';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { createPurchasesRepo } from '../../../electron/app/kpi/purchases.repo.js';
import { createSettingsRepo } from '../../../electron/app/org/settings.repo.js';
import type { Db } from '../../../electron/app/db/connection.js';
import type { Clock } from '../../../electron/app/clock.js';
import { makeTempDir, removeTempDir, signIn, testApp, testClock, testFileDb } from '../../helpers/test-app.js';

const resultsDir = new URL('../../../test-results/', import.meta.url).pathname;
const runCli = new URL('../../helpers/run-cli.ts', import.meta.url).pathname;
const tmp = makeTempDir('kamiless-evaluation-pdf-');
afterAll(() => removeTempDir(tmp));

/** Reams bought per month, April first: the baseline year FY2021 and FY2024. */
const baselineReams = [210, 190, 200, 205, 180, 195, 210, 200, 185, 170, 190, 220];
const yearReams = [175, 160, 170, 168, 150, 160, 172, 165, 150, 140, 155, 180];
const fiscalMonth = (fy: number, i: number) => {
  const m = ((i + 3) % 12) + 1;
  return `${m >= 4 ? fy : fy + 1}-${String(m).padStart(2, '0')}`;
};
const LONG_COMMENT = '子育て・介護関係の申請を中心にオンライン化を進めた。残りの様式は令和7年度に対応する予定（マイナポータルのぴったりサービスを活用し、窓口での紙の申請書を減らす）。';

/** FY2024 on the purchases measure against FY2021, target 184,800, and two typed-in KPIs. */
function seed(db: Db, clock: Clock, townName?: string): void {
  if (townName !== undefined) createSettingsRepo(db).set('town.name', townName);
  const purchases = createPurchasesRepo(db, clock);
  baselineReams.forEach((reams, i) => purchases.set({ month: fiscalMonth(2021, i), reams, note: '' }));
  yearReams.forEach((reams, i) => purchases.set({ month: fiscalMonth(2024, i), reams, note: '' }));
  createKpiReports(db, clock).years.set(2024, { target: 184800, measure: 'purchases', baselineYear: 2021, baselineSheets: null, baselineSource: '', sheetBasis: 'sheets' });
  createEvaluationRepo(db, clock).set(2024, [
    { key: 'online-forms', label: { ja: 'オンライン申請様式数', en: '' }, unit: { ja: '様式', en: '' }, target: 50, actual: 42, comment: LONG_COMMENT },
    { key: 'online-applications', label: { ja: 'オンライン申請件数', en: '' }, unit: { ja: '件', en: '' }, target: 3000, actual: 3312, comment: '' },
  ]);
}

function pdftotext(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** A page (the first by default) as a PNG in test-results/, to look at. */
function screenshot(file: string, name: string, page = 1): string {
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, out.replace(/\.png$/, '')]);
  return out;
}

async function fetchPdf(clock: ReturnType<typeof testClock>, name: string, prepare?: (db: Db) => void) {
  const world = await testApp({ clock });
  seed(world.db, clock);
  prepare?.(world.db);
  const dx = await signIn(world.app, 'dx');
  const res = await dx.inject({ method: 'GET', url: '/api/kpi/evaluation.pdf?fy=2024' });
  const file = join(tmp, name);
  writeFileSync(file, res.rawPayload);
  return { res, file, world };
}

describe('GET /api/kpi/evaluation.pdf (a year that is over)', () => {
  // 1 April 2026: FY2024 is complete.
  const clock = testClock(Date.parse('2026-04-01T09:00:00+09:00'));
  let got: Awaited<ReturnType<typeof fetchPdf>>;
  beforeAll(async () => {
    got = await fetchPdf(clock, 'complete.pdf');
  });

  it('is an A4 PDF under 1 MB with both file names', () => {
    const { res } = got;
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('filename="hyoka-R6.pdf"');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toBe('令和6年度_評価.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeLessThan(1024 * 1024);
    const info = execFileSync('pdfinfo', [got.file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info).toMatch(/Title:\s+テスト町 令和6年度 評価/);
  });

  it('embeds the Japanese font as subsets (BIZ UDGothic, regular and bold)', () => {
    const fonts = execFileSync('pdffonts', [got.file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      // name  type  encoding  emb sub uni  object ID: embedded, with a ToUnicode map (pdf-lib does not tag its subsets' names).
      expect(line).toMatch(/^BIZUDGothic-(Regular|Bold)/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes\b/);
    }
    // The whole fonts are 4.5 MB each; the subsets a few tens of KB.
    expect(got.res.rawPayload.length).toBeLessThan(200 * 1024);
  });

  it('says, in text pdftotext finds: the town, 令和6年度 評価, the table with its figures, the paper KPI and the chart legend', () => {
    const text = pdftotext(got.file);
    const report = createKpiReports(got.world.db, clock).report(2024);
    const n = (x: number) => x.toLocaleString('ja-JP');
    for (const want of [
      'テスト町', '令和6年度 評価', '指標', '単位', '目標', '実績', '達成率', 'コメント',
      'オンライン申請様式数', 'オンライン申請件数', '184,800', '3,312',
      n(report.reduction), `${report.achievementPercent}%`, '84%', '110%',
      '用紙の購入量', '令和3年度の実績', n(report.baseline.sheets), n(report.sheets),
      '累計削減枚数（右軸）', '年間目標 184,800枚（右軸）', '月間使用枚数（枚）', '4月', '3月',
      '令和7年3月', '作成日 令和8年4月1日', '1 / 2 ページ', '2 / 2 ページ',
    ]) {
      expect(text, want).toContain(want);
    }
    expect(report.achievementPercent).toBe(111);
    // The long comment is wrapped inside its column, not cut: all of it is there.
    expect(text.replace(/\s+/g, '')).toContain(LONG_COMMENT);
    expect(text).not.toContain('〓');
  });

  it('renders page 1 to test-results/45-evaluation-pdf.png', () => {
    const png = screenshot(got.file, '45-evaluation-pdf.png');
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('GET /api/kpi/evaluation.pdf (a year in progress)', () => {
  it('gives the year to date and the projected year end, in Japanese', async () => {
    // 15 November 2024: FY2024 is under way.
    const clock = testClock(Date.parse('2024-11-15T10:00:00+09:00'));
    const { res, file, world } = await fetchPdf(clock, 'in-progress.pdf');
    expect(res.statusCode).toBe(200);
    const text = pdftotext(file);
    const report = createKpiReports(world.db, clock).report(2024);
    expect(report.complete).toBe(false);
    expect(report.projection).not.toBeNull();
    for (const want of ['年度途中（令和6年11月15日現在）', '基準の同期間', 'これまでの削減枚数', '年度末の見込み', '見込みの出し方',
      report.ytd.reduction.toLocaleString('ja-JP'), (report.projection?.reduction ?? 0).toLocaleString('ja-JP'), '作成日 令和6年11月15日']) {
      expect(text, want).toContain(want);
    }
    screenshot(file, '46-evaluation-pdf-in-progress.png');
  });

  it('continues a long table on the next page with its header again, keeps typed line breaks, and marks characters the font lacks with 〓', async () => {
    const clock = testClock(Date.parse('2026-04-01T09:00:00+09:00'));
    const rows = Array.from({ length: 14 }, (_, i) => ({
      key: `kpi-${i}`, label: { ja: `指標その${i + 1}`, en: '' }, unit: { ja: '件', en: '' }, target: 100, actual: i * 10, comment: `${LONG_COMMENT} 😀\n改行のあとの行`,
    }));
    const { res, file } = await fetchPdf(clock, 'long.pdf', (db) => createEvaluationRepo(db, clock).set(2024, rows));
    expect(res.statusCode).toBe(200);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const second = pdftotext(file, { first: 2, last: 2 });
    expect(second).toContain('指標');
    expect(second).toContain('コメント');
    const all = pdftotext(file);
    expect(all).toContain('指標その14');
    expect(all).toContain('〓');
    // A line break typed in a comment starts a new line in the cell.
    expect(all).toMatch(/^改行のあとの行$/m);
    expect(res.rawPayload.length).toBeLessThan(1024 * 1024);
    screenshot(file, '47-evaluation-pdf-long-table-page-2.png', 2);
  });
});

describe('kamiless report --pdf', () => {
  it('writes the same evaluation PDF to a file', () => {
    const dir = join(tmp, 'data');
    mkdirSync(dir, { recursive: true });
    const db = testFileDb(dir);
    seed(db, testClock(Date.parse('2026-04-01T09:00:00+09:00')), '北広島町');
    db.close();
    const out = join(tmp, 'cli.pdf');
    const r = spawnSync(process.execPath, ['--import', 'tsx', runCli, 'report', '--data', dir, '--fy', '2024', '--pdf', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('令和6年度 評価');
    expect(r.stdout).toContain(out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const text = pdftotext(out);
    for (const want of ['北広島町', '令和6年度 評価', '184,800', 'オンライン申請様式数', '累計削減枚数（右軸）']) expect(text, want).toContain(want);

    const both = spawnSync(process.execPath, ['--import', 'tsx', runCli, 'report', '--data', dir, '--fy', '2024', '--pdf', out, '--json'], { encoding: 'utf8' });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--pdf');
  }, 60_000);
});
