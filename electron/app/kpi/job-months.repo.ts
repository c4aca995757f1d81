import type { Db } from '../db/connection.js';

/** The figures of one month's jobs of one log user on one printer (kpi_job_months). */
export interface JobMonthRow {
  month: string;
  user: string;
  printer: string;
  jobs: number;
  pages: number;
  sheets: number;
  a3Sheets: number;
  duplexJobs: number;
  unknownSidesJobs: number;
  colorJobs: number;
  duplexSavings: number;
}

/** The UTC instants a Tokyo month starts and ends at ('2024-04' → 2024-03-31T15:00:00.000Z …). */
export function tokyoMonthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1) - 9 * 3600_000).toISOString();
  const end = new Date(Date.UTC(y, m, 1) - 9 * 3600_000).toISOString();
  return { start, end };
}

/**
 * The monthly rollups of the print jobs: kept per Tokyo month, log user and
 * printer, rebuilt from print_jobs for the months an import marked stale. A
 * month is rebuilt in one transaction that also clears its mark, so a job
 * stored meanwhile marks it again and is never missed.
 */
export function createJobMonthsRepo(db: Db, isA3: (paperSize: string) => boolean) {
  // A3 spellings vary by log (A3, iso_a3_297x420mm, Ａ３): the domain's test, not a LIKE.
  db.function('kpi_is_a3', { deterministic: true }, (size: unknown) => (typeof size === 'string' && isA3(size) ? 1 : 0));
  const s = {
    stale: db.prepare('SELECT month FROM kpi_stale_months ORDER BY month'),
    markStale: db.prepare('INSERT OR IGNORE INTO kpi_stale_months (month) VALUES (?)'),
    clear: db.prepare('DELETE FROM kpi_job_months WHERE month = ?'),
    unmark: db.prepare('DELETE FROM kpi_stale_months WHERE month = ?'),
    // sheets − sheets had it been duplex = what a one-sided job of more than one page a copy would have saved.
    rebuild: db.prepare(`INSERT INTO kpi_job_months
      (month, user, printer, jobs, pages, sheets, a3_sheets, duplex_jobs, unknown_sides_jobs, color_jobs, duplex_savings)
      SELECT @month, user, printer, count(*), sum(pages), sum(sheets),
        sum(CASE WHEN kpi_is_a3(paper_size) THEN sheets ELSE 0 END),
        sum(CASE WHEN sides = 2 THEN 1 ELSE 0 END), sum(CASE WHEN sides IS NULL THEN 1 ELSE 0 END), sum(CASE WHEN color = 1 THEN 1 ELSE 0 END),
        sum(CASE WHEN coalesce(sides, 1) = 1 AND pages > copies
          THEN max(0, sheets - ((pages / copies + 2 * max(n_up, 1) - 1) / (2 * max(n_up, 1))) * copies) ELSE 0 END)
      FROM print_jobs WHERE time >= @start AND time < @end GROUP BY user, printer`),
    rows: db.prepare(`SELECT month, user, printer, jobs, pages, sheets, a3_sheets AS a3Sheets, duplex_jobs AS duplexJobs,
      unknown_sides_jobs AS unknownSidesJobs, color_jobs AS colorJobs, duplex_savings AS duplexSavings
      FROM kpi_job_months WHERE month >= ? AND month <= ?`),
    months: db.prepare('SELECT DISTINCT strftime(\'%Y-%m\', time, \'+9 hours\') AS month FROM print_jobs'),
    totals: db.prepare(`SELECT month, sum(sheets) AS sheets, sum(a3_sheets) AS a3Sheets FROM kpi_job_months
      WHERE month >= ? AND month <= ? GROUP BY month`),
  };

  const rebuildMonth = db.transaction((month: string) => {
    s.clear.run(month);
    s.rebuild.run({ month, ...tokyoMonthRange(month) });
    s.unmark.run(month);
  });

  /** Rebuilds every stale month; returns how many. Cheap when nothing changed. */
  const refresh = (): number => {
    const months = (s.stale.all() as { month: string }[]).map((r) => r.month);
    for (const m of months) rebuildMonth(m);
    return months.length;
  };

  return {
    /** Marks months whose jobs changed (the import does so in the transaction that stores them). */
    markStale(months: Iterable<string>): void {
      for (const m of months) s.markStale.run(m);
    },
    refresh,
    /** Marks every month with jobs stale and rebuilds them all (a repair, the benchmark). */
    rebuildAll(): number {
      db.transaction(() => {
        for (const r of s.months.all() as { month: string }[]) s.markStale.run(r.month);
      })();
      return refresh();
    },
    /** Sheets (and A3 sheets) per month from `first` to `last`, when only the totals are needed (a baseline year). */
    monthTotals(first: string, last: string): { month: string; sheets: number; a3Sheets: number }[] {
      refresh();
      return s.totals.all(first, last) as { month: string; sheets: number; a3Sheets: number }[];
    },
    /** The rows of the months from `first` to `last` ('YYYY-MM', inclusive), after bringing stale months up to date. */
    rows(first: string, last: string): JobMonthRow[] {
      refresh();
      return s.rows.all(first, last) as JobMonthRow[];
    },
  };
}
export type JobMonthsRepo = ReturnType<typeof createJobMonthsRepo>;
