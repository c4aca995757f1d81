import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { api } from '../../../shared/api/endpoints.js';
import { achievementPercent } from '../../../shared/domain/kpi/index.js';
import { bodyOf, dbSnapshot, errorOf, signIn, testApp, testClock, type Client } from '../../helpers/test-app.js';

// "Today" is 1 April 2026: FY2024 (令和6年度) is complete.
const clock = testClock(Date.parse('2026-04-01T09:00:00+09:00'));
const world = await testApp({ clock });
let dx: Client;

/** Reams bought per month, April first: the baseline year FY2021 and FY2024. */
const baselineReams = [210, 190, 200, 205, 180, 195, 210, 200, 185, 170, 190, 220];
const yearReams = [175, 160, 170, 168, 150, 160, 172, 165, 150, 140, 155, 180];
const fiscalMonth = (fy: number, i: number) => {
  const m = ((i + 3) % 12) + 1;
  return `${m >= 4 ? fy : fy + 1}-${String(m).padStart(2, '0')}`;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const typedRows = [
  { key: 'online-forms', label: { ja: 'オンライン申請様式数', en: 'Online application forms' }, unit: { ja: '様式', en: 'forms' }, target: 50, actual: 42, comment: '子育て関係を中心に、令和7年度〜に残りを対応' },
  { key: 'online-applications', label: { ja: 'オンライン申請件数', en: '' }, unit: '件', target: 3000, actual: 3312, comment: '' },
  { key: 'line-friends', label: { ja: 'LINE友だち数', en: 'LINE friends' }, unit: '人', target: 5000, actual: null, comment: '=集計中, "速報"' },
];

beforeAll(async () => {
  dx = await signIn(world.app, 'dx');
  for (const [fy, reams] of [[2021, baselineReams], [2024, yearReams]] as const) {
    for (const [i, r] of reams.entries()) {
      const res = await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload: { month: fiscalMonth(fy, i), reams: r, note: i === 0 ? '庁舎一括購入' : '' } });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  const year = await dx.inject({
    method: 'PUT', url: '/api/kpi/years',
    payload: { fiscalYear: 2024, target: 184800, measure: 'purchases', baselineYear: 2021, baselineSheets: null, baselineSource: '', sheetBasis: 'sheets' },
  });
  expect(year.statusCode, year.body).toBe(200);
});

const getEvaluation = async (fy: number) => bodyOf(api.kpiEvaluation, await dx.inject({ method: 'GET', url: `/api/kpi/evaluation?fy=${fy}` }));
const putEvaluation = (payload: Record<string, unknown>) => dx.inject({ method: 'PUT', url: '/api/kpi/evaluation', payload });

describe('paper purchases (the third measure)', () => {
  it('lists the months of a fiscal year with reams × 500, and the report on purchases sums them', async () => {
    const list = bodyOf(api.kpiPurchases, await dx.inject({ method: 'GET', url: '/api/kpi/purchases?fy=2024' }));
    expect(list.items.map((p) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => fiscalMonth(2024, i)));
    expect(list.items[0]).toEqual({ month: '2024-04', reams: 175, sheets: 87500, note: '庁舎一括購入' });
    expect(list.reams).toBe(sum(yearReams));
    expect(list.sheets).toBe(sum(yearReams) * 500);

    const report = createKpiReports(world.db, clock).report(2024, 'purchases');
    expect(report.measure).toBe('purchases');
    expect(report.sheets).toBe(sum(yearReams) * 500);
    expect(report.months.map((m) => m.sheets)).toEqual(yearReams.map((r) => r * 500));
    expect(report.baseline).toEqual({ fiscalYear: 2021, sheets: sum(baselineReams) * 500, source: 'FY2021' });
    expect(report.reduction).toBe((sum(baselineReams) - sum(yearReams)) * 500);
  });

  it('corrects a month in place (upsert) and the report follows', async () => {
    const saved = bodyOf(api.setKpiPurchase, await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload: { month: '2025-03', reams: 181, note: '訂正' } }));
    expect(saved).toEqual({ month: '2025-03', reams: 181, sheets: 90500, note: '訂正' });
    expect(createKpiReports(world.db, clock).report(2024, 'purchases').sheets).toBe((sum(yearReams) + 1) * 500);
    bodyOf(api.setKpiPurchase, await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload: { month: '2025-03', reams: 180 } }));
    const list = bodyOf(api.kpiPurchases, await dx.inject({ method: 'GET', url: '/api/kpi/purchases?fy=2024' }));
    expect(list.items.at(-1)).toEqual({ month: '2025-03', reams: 180, sheets: 90000, note: '' });
    const log = world.db.prepare("SELECT target FROM admin_log WHERE action = 'kpi.purchase.set' ORDER BY id DESC LIMIT 1").get() as { target: string };
    expect(log.target).toBe('2025-03');
  });

  it.each([
    [{ month: '2024-13', reams: 1 }, 'body.month'],
    [{ month: '24-04', reams: 1 }, 'body.month'],
    [{ month: '2024-04', reams: -1 }, 'body.reams'],
    [{ month: '2024-04', reams: 1.5 }, 'body.reams'],
    [{ month: '2024-04' }, 'body.reams'],
    [{ month: '2024-04', reams: 1, note: 'x'.repeat(201) }, 'body.note'],
  ])('refuses %j: 400 naming %s, nothing changed', async (payload, field) => {
    const before = dbSnapshot(world.db);
    const res = await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation', field });
    expect(dbSnapshot(world.db)).toEqual(before);
  });
});

describe('the evaluation table (評価)', () => {
  it('shows a year never saved with the paperless row from the data and the standard rows without figures', async () => {
    const e = await getEvaluation(2024);
    expect(e).toMatchObject({ fiscalYear: 2024, label: '令和6年度', stored: false, paperlessComment: null });
    expect(e.rows.map((r) => r.key)).toEqual(['paperless', 'online-forms', 'online-applications']);
    expect(e.rows.map((r) => r.fromData)).toEqual([true, false, false]);
    expect(e.rows[1]).toEqual({
      key: 'online-forms', label: { ja: 'オンライン申請様式数', en: 'Online application forms' }, unit: { ja: '様式', en: 'forms' },
      target: null, actual: null, achievementPercent: null, comment: '', fromData: false,
    });
    expect(e.rows[2]?.label.ja).toBe('オンライン申請件数');
  });

  it('round-trips the typed-in rows; the paperless row comes from the data with the report\'s 達成率', async () => {
    const saved = bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows }));
    const e = await getEvaluation(2024);
    expect(e).toEqual(saved);
    expect(e.stored).toBe(true);

    const report = createKpiReports(world.db, clock).report(2024);
    const paper = e.rows[0];
    expect(paper).toMatchObject({ key: 'paperless', fromData: true, unit: { ja: '枚', en: 'sheets' }, target: 184800, actual: report.reduction });
    expect(report.reduction).toBe((sum(baselineReams) - sum(yearReams)) * 500);
    expect(paper?.achievementPercent).toBe(report.achievementPercent);
    expect(paper?.achievementPercent).toBe(achievementPercent(report.reduction, 184800));
    expect(paper?.comment).toContain('令和3年度');

    expect(e.rows.slice(1)).toEqual([
      { ...typedRows[0], achievementPercent: 84, fromData: false },
      { ...typedRows[1], unit: { ja: '件', en: '件' }, achievementPercent: 110, fromData: false },
      { ...typedRows[2], unit: { ja: '人', en: '人' }, achievementPercent: null, fromData: false },
    ]);
    const log = world.db.prepare("SELECT actor_id AS actor, target, detail FROM admin_log WHERE action = 'kpi.evaluation.set' ORDER BY id DESC LIMIT 1").get() as { actor: number; target: string; detail: string };
    expect(log).toMatchObject({ actor: world.town.dx.id, target: '2024' });
    expect(JSON.parse(log.detail)).toMatchObject({ keys: ['online-forms', 'online-applications', 'line-friends'] });
  });

  it('replaces the rows of the year (order, removals) and carries their definitions to a new year without figures', async () => {
    const reordered = [typedRows[2], typedRows[0]];
    const e = bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: reordered }));
    expect(e.rows.map((r) => r.key)).toEqual(['paperless', 'line-friends', 'online-forms']);
    const next = await getEvaluation(2025);
    expect(next.stored).toBe(false);
    expect(next.rows.map((r) => r.key)).toEqual(['paperless', 'line-friends', 'online-forms']);
    expect(next.rows.slice(1).every((r) => r.target === null && r.actual === null && r.comment === '')).toBe(true);
    // A year before any saved one still shows the standard rows.
    expect((await getEvaluation(2023)).rows.map((r) => r.key)).toEqual(['paperless', 'online-forms', 'online-applications']);
    bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows }));
  });

  it("overrides only the paperless row's comment: kept when left out, restored by null", async () => {
    const generated = (await getEvaluation(2024)).rows[0]?.comment;
    const typed = bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows, paperlessComment: '購入量で計測。目標を達成' }));
    expect(typed.rows[0]).toMatchObject({ comment: '購入量で計測。目標を達成', fromData: true, target: 184800 });
    expect(typed.paperlessComment).toBe('購入量で計測。目標を達成');
    const kept = bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows }));
    expect(kept.rows[0]?.comment).toBe('購入量で計測。目標を達成');
    const restored = bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows, paperlessComment: null }));
    expect(restored.rows[0]?.comment).toBe(generated);
    expect(restored.paperlessComment).toBeNull();
  });

  const row = typedRows[0];
  it.each([
    ['a target of −5', [{ ...row, target: -5 }], 'body.rows.0.target'],
    ['a negative actual', [{ ...row, actual: -0.5 }], 'body.rows.0.actual'],
    ['a figure that is not a number', [{ ...row, target: '50' }], 'body.rows.0.target'],
    ['a duplicate key', [row, { ...typedRows[1], key: row?.key }], 'body.rows.1.key'],
    ['an empty label', [{ ...row, label: { ja: '  ', en: 'x' } }], 'body.rows.0.label.ja'],
    ['the paperless key', [{ ...row, key: 'paperless' }], 'body.rows.0.key'],
    ['a key with spaces', [{ ...row, key: 'a b' }], 'body.rows.0.key'],
  ])('refuses %s: 400 naming the field, nothing changed', async (_what, rows, field) => {
    const before = dbSnapshot(world.db);
    const res = await putEvaluation({ fiscalYear: 2024, rows });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation', field });
    expect(dbSnapshot(world.db)).toEqual(before);
  });

  it('refuses an unknown fiscal year and a clerk', async () => {
    const bad = await dx.inject({ method: 'GET', url: '/api/kpi/evaluation?fy=12' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('query.fy');
    const badPut = await putEvaluation({ fiscalYear: 1999, rows: [] });
    expect(errorOf(badPut)).toMatchObject({ code: 'validation', field: 'body.fiscalYear' });
    const clerk = await signIn(world.app, 'clerk');
    for (const url of ['/api/kpi/evaluation?fy=2024', '/api/kpi/evaluation.csv?fy=2024', '/api/kpi/evaluation.pdf?fy=2024', '/api/kpi/purchases?fy=2024']) {
      expect((await clerk.inject({ method: 'GET', url })).statusCode, url).toBe(403);
      expect((await world.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});

describe('GET /api/kpi/evaluation.csv', () => {
  const csv = (query: string) => dx.inject({ method: 'GET', url: `/api/kpi/evaluation.csv?${query}` });

  it('is UTF-8 with a BOM, the title line then 指標,単位,目標,実績,達成率,コメント, with both file names', async () => {
    bodyOf(api.setKpiEvaluation, await putEvaluation({ fiscalYear: 2024, rows: typedRows, paperlessComment: null }));
    const res = await csv('fy=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('attachment; filename="hyoka-R6.csv"');
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('令和6年度_評価.csv');
    expect(star).toMatch(/^[A-Za-z0-9%._-]+$/);

    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('令和6年度 評価');
    expect(lines[1]).toBe('指標,単位,目標,実績,達成率,コメント');
    const report = createKpiReports(world.db, clock).report(2024);
    expect(lines[2]).toMatch(new RegExp(`^コピー・プリントアウトの削減,枚,184800,${report.reduction},${report.achievementPercent},"基準 令和3年度 `));
    expect(lines[3]).toBe('オンライン申請様式数,様式,50,42,84,子育て関係を中心に、令和7年度〜に残りを対応');
    expect(lines[4]).toBe('オンライン申請件数,件,3000,3312,110,');
    // A comment Excel would run as a formula gets an apostrophe; a comma or quote is quoted.
    expect(lines[5]).toBe(`LINE友だち数,人,5000,,,"'=集計中, ""速報"""`);
    expect(lines.at(-1)).toBe('');
  });

  it('is Shift_JIS for older Excel: the same text decoded with cp932, the look-alikes swapped', async () => {
    const utf8 = (await csv('fy=2024&encoding=utf-8')).rawPayload.subarray(3).toString('utf8');
    const res = await csv('fy=2024&encoding=shift_jis');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const bytes = res.rawPayload;
    expect(bytes[0]).not.toBe(0xef);
    const decoded = iconv.decode(bytes, 'cp932');
    expect(decoded).not.toContain('?');
    // The paperless comment's minus sign and the typed 〜 become CP932's look-alikes (Excel shows the same glyphs).
    expect(utf8).toContain('\u2212');
    expect(utf8).toContain('\u301c');
    expect(decoded).toBe(utf8.replaceAll('\u2212', '\uff0d').replaceAll('\u301c', '\uff5e'));
    expect(decoded.split('\r\n')[1]).toBe('指標,単位,目標,実績,達成率,コメント');
  });

  it('writes the header and labels in English with lang=en (an empty English label falls back to the Japanese)', async () => {
    const text = (await csv('fy=2024&lang=en')).rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(text[0]).toBe('FY2024 evaluation');
    expect(text[1]).toBe('Indicator,Unit,Target,Actual,Achievement (%),Comment');
    expect(text[2]).toMatch(/^Fewer copies and print-outs,sheets,184800,/);
    expect(text[4]).toBe('オンライン申請件数,件,3000,3312,110,');
  });

  it('refuses an unknown encoding or fiscal year, naming the query field', async () => {
    const enc = await csv('fy=2024&encoding=latin1');
    expect(enc.statusCode).toBe(400);
    expect(errorOf(enc)).toMatchObject({ code: 'validation', field: 'query.encoding' });
    const fy = await csv('fy=abc');
    expect(errorOf(fy)).toMatchObject({ code: 'validation', field: 'query.fy' });
  });
});
