-- The April evaluation table (評価) of action plan 1: the KPIs the DX office types in per fiscal year
-- (online application forms, applications a year, and any the office adds). The paperless KPI is not
-- stored here: it is computed from the data each time, so only a comment replacing the generated one is.

-- The rows a fiscal year shows before anything is saved for it, when no earlier year has rows to carry
-- forward: the seed strategy's other action-plan-1 KPIs, as definitions without figures.
CREATE TABLE kpi_evaluation_defaults (
  key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 50 AND key != 'paperless'),
  label_ja   TEXT NOT NULL CHECK (length(label_ja) >= 1),
  label_en   TEXT NOT NULL DEFAULT '',
  unit_ja    TEXT NOT NULL DEFAULT '',
  unit_en    TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL
) STRICT;
INSERT INTO kpi_evaluation_defaults (key, label_ja, label_en, unit_ja, unit_en, sort_order) VALUES
  ('online-forms', 'オンライン申請様式数', 'Online application forms', '様式', 'forms', 1),
  ('online-applications', 'オンライン申請件数', 'Online applications per year', '件', 'applications', 2);

-- A fiscal year whose table has been saved: from then on its rows are exactly those stored (the office
-- may have removed one), and the paperless row's comment may be overridden (NULL: the generated one).
CREATE TABLE kpi_evaluation_years (
  fiscal_year       INTEGER PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100),
  paperless_comment TEXT,
  updated_at        TEXT NOT NULL
) STRICT;

-- The typed-in KPIs of a saved year. Figures are REAL: some KPIs are hours or rates, not counts.
CREATE TABLE kpi_evaluation_rows (
  fiscal_year INTEGER NOT NULL REFERENCES kpi_evaluation_years(fiscal_year) ON DELETE CASCADE,
  key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 50 AND key != 'paperless'),
  label_ja    TEXT NOT NULL CHECK (length(label_ja) >= 1),
  label_en    TEXT NOT NULL DEFAULT '',
  unit_ja     TEXT NOT NULL DEFAULT '',
  unit_en     TEXT NOT NULL DEFAULT '',
  target      REAL CHECK (target >= 0),
  actual      REAL CHECK (actual >= 0),
  comment     TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL,
  PRIMARY KEY (fiscal_year, key)
) STRICT;
