-- The paper KPI (紙削減): monthly rollups of the print jobs, the fiscal years' targets and baselines,
-- and how log user and printer names map to the organisation.

-- The jobs of one Tokyo month, per log user and printer: what the dashboard and the report sum instead
-- of the jobs themselves. Rows are by the names as logged, not by department: the organisation mapping
-- is applied when they are read (a few thousand names), so changing a mapping changes the figures at
-- once without rewriting anything. A derived cache: a month's rows can always be rebuilt from print_jobs.
CREATE TABLE kpi_job_months (
  month              TEXT NOT NULL,   -- 'YYYY-MM', Asia/Tokyo
  user               TEXT NOT NULL,
  printer            TEXT NOT NULL,
  jobs               INTEGER NOT NULL,
  pages              INTEGER NOT NULL,
  sheets             INTEGER NOT NULL,
  -- Sheets of A3 jobs: an A4-equivalent figure adds them once more.
  a3_sheets          INTEGER NOT NULL,
  duplex_jobs        INTEGER NOT NULL,
  -- Jobs whose log does not say whether they were duplex (counted one-sided).
  unknown_sides_jobs INTEGER NOT NULL,
  color_jobs         INTEGER NOT NULL,
  -- Sheets one-sided jobs of more than one page a copy would have saved printed duplex (an estimate).
  duplex_savings     INTEGER NOT NULL,
  PRIMARY KEY (month, user, printer)
) STRICT, WITHOUT ROWID;

-- Months whose rollup no longer matches print_jobs (an import stored jobs in them): rebuilt soon after.
CREATE TABLE kpi_stale_months (
  month TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
-- Every month that already has jobs starts stale, so the first read builds the rollups.
INSERT OR IGNORE INTO kpi_stale_months (month) SELECT DISTINCT strftime('%Y-%m', time, '+9 hours') FROM print_jobs;

-- One row per fiscal year that has a target, a baseline or a chosen measure.
CREATE TABLE kpi_years (
  fiscal_year        INTEGER PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100),
  -- The reduction aimed at, in sheets; NULL when none is set.
  target             INTEGER CHECK (target >= 0),
  -- Which measure the KPI uses: print-server jobs, copier counters, or paper purchases.
  measure            TEXT NOT NULL DEFAULT 'jobs' CHECK (measure IN ('jobs', 'counters', 'purchases')),
  -- The baseline: a fiscal year's total of the same measure, or a figure typed in with where it comes from.
  baseline_year      INTEGER,
  baseline_sheets    INTEGER CHECK (baseline_sheets >= 0),
  baseline_source    TEXT NOT NULL DEFAULT '',
  -- A3 as one sheet, or as two A4-equivalents.
  sheet_basis        TEXT NOT NULL DEFAULT 'sheets' CHECK (sheet_basis IN ('sheets', 'a4-equivalent')),
  updated_at         TEXT NOT NULL,
  CHECK (baseline_year IS NULL OR baseline_sheets IS NULL)
) STRICT;
-- The seed strategy's targets (DOMAIN.md): 46,000 (令和4年度), 130,000 (令和5年度, the roadmap), 184,800
-- (令和6年度, the KGI), against the 令和3年度 baseline. Editable.
INSERT INTO kpi_years (fiscal_year, target, baseline_year, updated_at) VALUES
  (2022, 46000, 2021, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (2023, 130000, 2021, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (2024, 184800, 2021, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Log user and printer names mapped to the organisation: a name given by hand (or from a CSV), then
-- rules (exact, prefix, suffix, regex); a user name that is a login maps to that user's department.
-- What matches nothing is 未割当, counted and shown.
CREATE TABLE kpi_name_maps (
  id            INTEGER PRIMARY KEY,
  -- 'user' maps to a department; 'printer' to a site and, optionally, a department.
  subject       TEXT NOT NULL CHECK (subject IN ('user', 'printer')),
  kind          TEXT NOT NULL CHECK (kind IN ('exact', 'prefix', 'suffix', 'regex')),
  pattern       TEXT NOT NULL CHECK (length(pattern) BETWEEN 1 AND 200),
  department_id INTEGER REFERENCES departments(id),
  site_id       INTEGER REFERENCES sites(id),
  created_at    TEXT NOT NULL,
  CHECK (department_id IS NOT NULL OR site_id IS NOT NULL),
  UNIQUE (subject, kind, pattern)
) STRICT;

-- Paper bought, by month (entered by hand or from a CSV): the third measure, 500 sheets a ream.
CREATE TABLE kpi_purchases (
  month      TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  reams      INTEGER NOT NULL CHECK (reams >= 0),
  note       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
) STRICT;
