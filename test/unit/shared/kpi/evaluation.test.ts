import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRow, paperlessRow, toCsv, type EvaluationRow } from '../../../../shared/domain/kpi/evaluation.js';
import { computeKpi } from '../../../../shared/domain/kpi/kpi.js';
import { BASELINE_FY, BASELINE_TOTAL, FY2021_MONTHLY, FY2022_TOTAL, FY2023_TOTAL, FY2024_TO_25_NOV, spread, TODAY_25_NOV_2024, TODAY_APRIL_2025 } from './seed.js';

const baseline = { kind: 'year', fiscalYear: BASELINE_FY, monthly: spread(BASELINE_FY, BASELINE_TOTAL) } as const;
const fy2022 = computeKpi({ fiscalYear: 2022, today: TODAY_APRIL_2025, yearMonthly: spread(2022, FY2022_TOTAL), baseline, target: 46_000 });
const fy2023 = computeKpi({ fiscalYear: 2023, today: TODAY_APRIL_2025, yearMonthly: spread(2023, FY2023_TOTAL), baseline, target: 130_000 });

/** The seed's other KPIs of 令和4年度, typed in by the DX office. */
const onlineForms: EvaluationRow = {
  key: 'online-forms', label: { ja: 'オンライン申請 対応申請数', en: 'Online application forms' }, unit: { ja: '件', en: 'forms' }, target: 50, actual: 18, comment: '',
};
const remoteWork: EvaluationRow = {
  key: 'remote-work', label: { ja: '分散勤務・リモートワーク機器の使用時間', en: 'Remote-work device hours' }, unit: '時間', target: 1_500, actual: 2_475, comment: '',
};

describe('evaluateRow', () => {
  it('computes 達成率 like the seed', () => {
    expect(evaluateRow(remoteWork).achievementPercent).toBe(165);
    expect(evaluateRow(onlineForms).achievementPercent).toBe(36);
  });

  it('is null when target or actual is missing or the target is 0', () => {
    expect(evaluateRow({ ...onlineForms, target: null }).achievementPercent).toBeNull();
    expect(evaluateRow({ ...onlineForms, actual: null }).achievementPercent).toBeNull();
    expect(evaluateRow({ ...onlineForms, target: 0 }).achievementPercent).toBeNull();
  });
});

describe('paperlessRow', () => {
  it('reproduces the seed\'s rows from computeKpi', () => {
    expect(paperlessRow(fy2022, { lang: 'ja' })).toMatchObject({ key: 'paperless', target: 46_000, actual: 74_240, achievementPercent: 161 });
    expect(paperlessRow(fy2023, { lang: 'ja' })).toMatchObject({ target: 130_000, actual: 102_591, achievementPercent: 79 });
  });

  it('explains the figure in the comment unless one is given', () => {
    expect(paperlessRow(fy2022, { lang: 'ja' }).comment).toBe('基準 令和3年度 1,000,000枚 − 令和4年度 925,760枚 = 74,240枚削減');
    expect(paperlessRow(fy2022, { lang: 'en' }).comment).toBe('Baseline FY2021 1,000,000 sheets − FY2022 925,760 sheets = 74,240 fewer');
    expect(paperlessRow(fy2022, { lang: 'ja', comment: '議会タブレット導入' }).comment).toBe('議会タブレット導入');
  });

  it('reports a year in progress as the reduction so far, with the projection in the comment', () => {
    const kpi = computeKpi({ fiscalYear: 2024, today: TODAY_25_NOV_2024, yearMonthly: FY2024_TO_25_NOV, baseline: { kind: 'year', fiscalYear: 2021, monthly: FY2021_MONTHLY }, target: 184_800 });
    const row = paperlessRow(kpi, { lang: 'ja' });
    expect(row).toMatchObject({ target: 184_800, actual: 115_000, achievementPercent: 62 });
    expect(row.comment).toBe('2024-11-25時点の途中経過: 基準 令和3年度 同期間 650,000枚 − 実績 535,000枚 = 115,000枚削減。年度末見込み 176,923枚削減');
  });
});

describe('toCsv', () => {
  it('writes the seed\'s FY2022 table: Japanese header, plain numbers, CRLF', () => {
    const csv = toCsv([paperlessRow(fy2022, { lang: 'ja', comment: 'コロナ禍でペーパーレス化が進んだ' }), onlineForms, remoteWork], { fiscalYear: 2022, lang: 'ja' });
    expect(csv).toBe(
      '指標,単位,目標,実績,達成率,コメント\r\n'
      + 'コピー・プリントアウトの削減,枚,46000,74240,161,コロナ禍でペーパーレス化が進んだ\r\n'
      + 'オンライン申請 対応申請数,件,50,18,36,\r\n'
      + '分散勤務・リモートワーク機器の使用時間,時間,1500,2475,165,\r\n',
    );
  });

  it('quotes per RFC 4180 and leaves missing numbers empty', () => {
    const row: EvaluationRow = { key: 'x', label: { ja: 'LINE, アプリ', en: 'LINE, app' }, unit: '件', target: null, actual: 4_743, comment: '前年 "4,350件"\n増加' };
    const csv = toCsv([row], { fiscalYear: 2022, lang: 'ja' });
    expect(csv.split('\r\n')[1]).toBe('"LINE, アプリ",件,,4743,,"前年 ""4,350件""\n増加"');
  });

  it('defuses cells Excel would run as formulas', () => {
    const row: EvaluationRow = { ...onlineForms, comment: '=HYPERLINK("http://x")' };
    expect(toCsv([row], { fiscalYear: 2022, lang: 'ja' })).toContain(`,"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it('writes English labels and header for lang en, and an optional title line', () => {
    const csv = toCsv([paperlessRow(fy2023, { lang: 'en', comment: '' })], { fiscalYear: 2023, lang: 'en', title: true });
    expect(csv).toBe('FY2023 evaluation\r\nIndicator,Unit,Target,Actual,Achievement (%),Comment\r\nFewer copies and print-outs,sheets,130000,102591,79,\r\n');
    expect(toCsv([], { fiscalYear: 2023, lang: 'ja', title: true })).toBe('令和5年度 評価\r\n指標,単位,目標,実績,達成率,コメント\r\n');
  });

  it('always yields one record per row that a strict RFC 4180 reader splits back into what was typed (property)', () => {
    /** A minimal RFC 4180 reader, to check the writer independently. */
    function parse(text: string): string[][] {
      const records: string[][] = [];
      let field = '';
      let record: string[] = [];
      let i = 0;
      let quoted = false;
      while (i < text.length) {
        const c = text[i] ?? '';
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
          if (c === '"') { quoted = false; i += 1; continue; }
          field += c; i += 1; continue;
        }
        if (c === '"') { quoted = true; i += 1; continue; }
        if (c === ',') { record.push(field); field = ''; i += 1; continue; }
        if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 2; continue; }
        field += c; i += 1;
      }
      return records;
    }
    const text = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', '\r', ' ', '1', '%', '=', '-') });
    // What Excel would run as a formula comes back with the apostrophe that defuses it.
    const asRead = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    fc.assert(fc.property(fc.array(fc.record({ label: text, comment: text, target: fc.option(fc.integer({ min: 0, max: 10_000_000 })), actual: fc.option(fc.integer({ min: -1_000_000, max: 10_000_000 })) }), { maxLength: 5 }), (rows) => {
      const evaluation: EvaluationRow[] = rows.map((r, i) => ({ key: String(i), label: { ja: r.label, en: r.label }, unit: '件', target: r.target, actual: r.actual, comment: r.comment }));
      const records = parse(toCsv(evaluation, { fiscalYear: 2024, lang: 'ja' }));
      expect(records).toHaveLength(rows.length + 1);
      records.slice(1).forEach((rec, i) => {
        const r = rows[i];
        if (!r) throw new Error('row missing');
        expect(rec).toHaveLength(6);
        expect(rec[0]).toBe(asRead(r.label));
        expect(rec[2]).toBe(r.target === null ? '' : String(r.target));
        expect(rec[3]).toBe(r.actual === null ? '' : String(r.actual));
        expect(rec[5]).toBe(asRead(r.comment));
        expect(rec[4]).toMatch(/^(-?\d+)?$/);
      });
    }));
  });
});
