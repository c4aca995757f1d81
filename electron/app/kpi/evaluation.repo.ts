import type { Evaluation, LocalizedText } from '../../../shared/api/kpi-evaluation.js';
import type { Language } from '../../../shared/api/org.js';
import { evaluateRow, paperlessRow, toCsv, type EvaluationRow, type KpiResult } from '../../../shared/domain/kpi/index.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

/** A KPI typed in for a fiscal year (every row of the table but the paperless one). */
export interface TypedRow {
  key: string;
  label: LocalizedText;
  unit: LocalizedText;
  target: number | null;
  actual: number | null;
  comment: string;
}

/** What is stored for a fiscal year's table. */
export interface StoredEvaluation {
  fiscalYear: number;
  /** False: nothing saved for the year; `rows` are carried definitions without figures. */
  stored: boolean;
  /** Replaces the paperless row's generated comment; null: the generated one. */
  paperlessComment: string | null;
  rows: TypedRow[];
}

interface RowRecord {
  key: string;
  label_ja: string;
  label_en: string;
  unit_ja: string;
  unit_en: string;
  target: number | null;
  actual: number | null;
  comment: string;
}

const toRow = (r: RowRecord): TypedRow => ({
  key: r.key,
  label: { ja: r.label_ja, en: r.label_en },
  unit: { ja: r.unit_ja, en: r.unit_en },
  target: r.target,
  actual: r.actual,
  comment: r.comment,
});

/** Definitions only: a new year starts without last year's figures or comments. */
const definition = (r: TypedRow): TypedRow => ({ ...r, target: null, actual: null, comment: '' });

/**
 * The typed-in KPIs of the evaluation table (評価) per fiscal year and the
 * paperless row's comment override (kpi_evaluation_*). A year never saved
 * shows the rows of the latest saved year before it as definitions, or the
 * seeded standard ones (online application forms and applications a year).
 */
export function createEvaluationRepo(db: Db, clock: Clock) {
  const s = {
    year: db.prepare('SELECT fiscal_year, paperless_comment FROM kpi_evaluation_years WHERE fiscal_year = ?'),
    earlier: db.prepare('SELECT fiscal_year FROM kpi_evaluation_years WHERE fiscal_year < ? ORDER BY fiscal_year DESC LIMIT 1'),
    rows: db.prepare('SELECT * FROM kpi_evaluation_rows WHERE fiscal_year = ? ORDER BY sort_order, key'),
    defaults: db.prepare("SELECT key, label_ja, label_en, unit_ja, unit_en, NULL AS target, NULL AS actual, '' AS comment FROM kpi_evaluation_defaults ORDER BY sort_order, key"),
    upsertYear: db.prepare(`INSERT INTO kpi_evaluation_years (fiscal_year, paperless_comment, updated_at) VALUES (@fiscalYear, @comment, @now)
      ON CONFLICT (fiscal_year) DO UPDATE SET paperless_comment = excluded.paperless_comment, updated_at = excluded.updated_at`),
    clearRows: db.prepare('DELETE FROM kpi_evaluation_rows WHERE fiscal_year = ?'),
    insertRow: db.prepare(`INSERT INTO kpi_evaluation_rows (fiscal_year, key, label_ja, label_en, unit_ja, unit_en, target, actual, comment, sort_order)
      VALUES (@fiscalYear, @key, @labelJa, @labelEn, @unitJa, @unitEn, @target, @actual, @comment, @sortOrder)`),
  };

  function get(fiscalYear: number): StoredEvaluation {
    const own = s.year.get(fiscalYear) as { fiscal_year: number; paperless_comment: string | null } | undefined;
    if (own) {
      return { fiscalYear, stored: true, paperlessComment: own.paperless_comment, rows: (s.rows.all(fiscalYear) as RowRecord[]).map(toRow) };
    }
    const earlier = s.earlier.get(fiscalYear) as { fiscal_year: number } | undefined;
    const carried = earlier ? (s.rows.all(earlier.fiscal_year) as RowRecord[]) : (s.defaults.all() as RowRecord[]);
    return { fiscalYear, stored: false, paperlessComment: null, rows: carried.map(toRow).map(definition) };
  }

  /**
   * Replaces the year's typed-in rows, in the given order, in one transaction.
   * The paperless comment: a text overrides, null or '' restores the generated
   * one, undefined keeps what is stored. Rows are validated by the API schema.
   */
  const replace = db.transaction((fiscalYear: number, rows: readonly TypedRow[], paperlessComment: string | null | undefined): void => {
    const kept = (s.year.get(fiscalYear) as { paperless_comment: string | null } | undefined)?.paperless_comment ?? null;
    const comment = paperlessComment === undefined ? kept : paperlessComment === null || paperlessComment.trim() === '' ? null : paperlessComment;
    s.upsertYear.run({ fiscalYear, comment, now: isoAt(clock) });
    s.clearRows.run(fiscalYear);
    rows.forEach((r, i) => {
      s.insertRow.run({
        fiscalYear, key: r.key, labelJa: r.label.ja, labelEn: r.label.en, unitJa: r.unit.ja, unitEn: r.unit.en,
        target: r.target, actual: r.actual, comment: r.comment, sortOrder: i + 1,
      });
    });
  });

  return {
    get,
    set(fiscalYear: number, rows: readonly TypedRow[], paperlessComment?: string | null): StoredEvaluation {
      replace(fiscalYear, rows, paperlessComment);
      return get(fiscalYear);
    },
  };
}
export type EvaluationRepo = ReturnType<typeof createEvaluationRepo>;

/** English falls back to the Japanese text the office typed when no English was given. */
const inEnglish = (t: LocalizedText): LocalizedText => ({ ja: t.ja, en: t.en.trim() === '' ? t.ja : t.en });

/**
 * The year's table as the API gives it: the paperless row from the KPI (its
 * 達成率 exactly the report's), then the typed-in rows with their 達成率.
 */
export function evaluationOf(stored: StoredEvaluation, kpi: KpiResult, lang: Language): Evaluation {
  const paper = paperlessRow(kpi, { lang, ...(stored.paperlessComment !== null && { comment: stored.paperlessComment }) });
  const unit = (u: EvaluationRow['unit']): LocalizedText => (typeof u === 'string' ? { ja: u, en: u } : u);
  return {
    fiscalYear: stored.fiscalYear,
    label: fiscalYearLabel(stored.fiscalYear, 'ja'),
    rows: [
      { key: paper.key, label: paper.label, unit: unit(paper.unit), target: paper.target, actual: paper.actual, achievementPercent: paper.achievementPercent, comment: paper.comment, fromData: true },
      ...stored.rows.map((r) => ({ ...r, achievementPercent: evaluateRow(r).achievementPercent, fromData: false })),
    ],
    paperlessComment: stored.paperlessComment,
    stored: stored.stored,
  };
}

/** The table as CSV text (title line, header 指標,単位,目標,実績,達成率,コメント), for the caller to encode for Excel. */
export function evaluationCsv(evaluation: Evaluation, lang: Language): string {
  const rows: EvaluationRow[] = evaluation.rows.map((r) => ({
    key: r.key, label: inEnglish(r.label), unit: inEnglish(r.unit), target: r.target, actual: r.actual, comment: r.comment,
  }));
  return toCsv(rows, { fiscalYear: evaluation.fiscalYear, lang, title: true });
}

/**
 * File names of a download: an ASCII one every client can take (hyoka-R6.csv)
 * and the Japanese one (令和6年度_評価.csv) as an RFC 5987 filename*, which
 * browsers and Electron prefer when present.
 */
export function evaluationFileNames(fiscalYear: number, extension: 'csv' | 'pdf'): { ascii: string; japanese: string } {
  const label = fiscalYearLabel(fiscalYear, 'ja');
  const era = /^(令和|平成|昭和)(元|\d+)年度$/.exec(label);
  const letter: Record<string, string> = { 令和: 'R', 平成: 'H', 昭和: 'S' };
  const short = era?.[1] !== undefined && era[2] !== undefined ? `${letter[era[1]] ?? ''}${era[2] === '元' ? '1' : era[2]}` : `FY${fiscalYear}`;
  return { ascii: `hyoka-${short}.${extension}`, japanese: `${label}_評価.${extension}` };
}

/** A Content-Disposition value with both names; RFC 5987 also escapes ' ( ) *, which encodeURIComponent leaves. */
export function contentDisposition(names: { ascii: string; japanese: string }, kind: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(names.japanese).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${names.ascii.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
