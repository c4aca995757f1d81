-- Electronic approval (電子決裁): document types and their versioned route templates, cases with the
-- events that built them, their steps as rows (for inboxes), attachments, standing proxies (代理),
-- document-number counters, and the hash-chained audit trail.

-- The prefix of the department's document numbers (北広総 → 北広総第123号); empty: the department's name.
ALTER TABLE departments ADD COLUMN doc_prefix TEXT NOT NULL DEFAULT '';

CREATE TABLE document_types (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name                TEXT NOT NULL,
  retention           TEXT NOT NULL CHECK (retention IN ('1', '3', '5', '10', '30', 'permanent')),
  -- The template new cases start with; a running case keeps the one it was drafted under.
  current_template_id INTEGER,
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order          INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- Never changed once written: editing a type's route adds a version.
CREATE TABLE route_templates (
  id         INTEGER PRIMARY KEY,
  type_id    INTEGER NOT NULL REFERENCES document_types(id),
  version    INTEGER NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  UNIQUE (type_id, version)
) STRICT;
CREATE TRIGGER route_templates_frozen BEFORE UPDATE ON route_templates
BEGIN SELECT RAISE(ABORT, 'route templates are never changed: add a version'); END;

-- One row per case; `snapshot` is the case as the engine sees it (shared/domain/approval), the other
-- columns are copies of its fields for lists, filters and visibility.
CREATE TABLE cases (
  id            INTEGER PRIMARY KEY,
  type_id       INTEGER NOT NULL REFERENCES document_types(id),
  template_id   INTEGER NOT NULL REFERENCES route_templates(id),
  drafter_id    INTEGER NOT NULL REFERENCES users(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  state         TEXT NOT NULL CHECK (state IN ('draft', 'in_progress', 'sent_back', 'approved', 'enforced', 'rejected', 'withdrawn')),
  version       INTEGER NOT NULL,
  revision      INTEGER NOT NULL,
  number        TEXT,
  number_fy     INTEGER,
  -- The department whose counter gave the number (a 係's cases are numbered by its 課).
  number_dept   INTEGER REFERENCES departments(id),
  number_seq    INTEGER,
  title         TEXT NOT NULL,
  amount        INTEGER CHECK (amount IS NULL OR amount >= 0),
  retention     TEXT NOT NULL,
  snapshot      TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  submitted_at  TEXT,
  approved_at   TEXT,
  enforced_on   TEXT,
  disposal_on   TEXT
) STRICT;
CREATE INDEX cases_drafter ON cases(drafter_id, updated_at);
CREATE INDEX cases_department ON cases(department_id, updated_at);
CREATE INDEX cases_updated ON cases(updated_at);
CREATE INDEX cases_disposal ON cases(disposal_on) WHERE disposal_on IS NOT NULL;
CREATE UNIQUE INDEX cases_number ON cases(number_dept, number_fy, number_seq) WHERE number_seq IS NOT NULL;

-- Gap-free document numbers per department per fiscal year: taken in the submitting transaction.
CREATE TABLE doc_number_counters (
  department_id INTEGER NOT NULL REFERENCES departments(id),
  fiscal_year   INTEGER NOT NULL,
  last_seq      INTEGER NOT NULL,
  PRIMARY KEY (department_id, fiscal_year)
) STRICT, WITHOUT ROWID;

-- Every event of every case, in order: replaying them rebuilds the snapshot exactly.
CREATE TABLE case_events (
  case_id  INTEGER NOT NULL REFERENCES cases(id),
  version  INTEGER NOT NULL,
  type     TEXT NOT NULL,
  at       TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES users(id),
  data     TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (case_id, version)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;

-- The snapshot's steps as rows: the inbox is an indexed lookup of pending steps by assignee.
CREATE TABLE case_steps (
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  step_id       INTEGER NOT NULL,
  stage_index   INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  assignee_id   INTEGER NOT NULL REFERENCES users(id),
  status        TEXT NOT NULL,
  acted_by      INTEGER REFERENCES users(id),
  acted_at      TEXT,
  -- When the step last became pending: "received" and "waiting since" in the inbox.
  pending_since TEXT,
  PRIMARY KEY (case_id, step_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_steps_inbox ON case_steps(assignee_id, pending_since) WHERE status = 'pending';

-- Who may see a case because they are on it: the drafter, every assignee, everyone who acted.
CREATE TABLE case_participants (
  user_id INTEGER NOT NULL REFERENCES users(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  PRIMARY KEY (user_id, case_id)
) STRICT, WITHOUT ROWID;

-- 後閲 tasks still open, for the "after-review" tab (the snapshot keeps the full list).
CREATE TABLE case_reviews (
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  step_id    INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (case_id, step_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_reviews_user ON case_reviews(user_id, created_at);

-- Attachments by revision; the bytes live once per SHA-256 under DATA/blobs/.
CREATE TABLE case_attachments (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  revision   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL,
  pages      INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;
CREATE INDEX case_attachments_case ON case_attachments(case_id);

-- 代理: `proxy_id` acts for `principal_id` on the days from `from_date` to `to_date` (Tokyo dates, inclusive).
CREATE TABLE proxies (
  id           INTEGER PRIMARY KEY,
  principal_id INTEGER NOT NULL REFERENCES users(id),
  proxy_id     INTEGER NOT NULL REFERENCES users(id),
  from_date    TEXT NOT NULL,
  to_date      TEXT NOT NULL CHECK (to_date >= from_date),
  reason       TEXT NOT NULL DEFAULT '',
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL,
  revoked_at   TEXT,
  CHECK (principal_id != proxy_id)
) STRICT;
CREATE INDEX proxies_proxy ON proxies(proxy_id, to_date);
CREATE INDEX proxies_principal ON proxies(principal_id, to_date);

-- The audit trail: each row's hash = sha256(previous row's hash + canonical JSON of the row without its
-- hash), so changing or removing any row breaks every hash after it (`kamiless verify` checks). The
-- triggers make it append-only for the application; the chain proves it against anyone else.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor_id     INTEGER,
  on_behalf_of INTEGER,
  client_ip    TEXT NOT NULL DEFAULT '',
  action       TEXT NOT NULL,
  case_id      INTEGER,
  version      INTEGER,
  data         TEXT NOT NULL CHECK (json_valid(data)),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_case ON audit_log(case_id) WHERE case_id IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Who counts as a manager of a department (sees all its cases): position rank at or above this.
INSERT INTO settings (key, value) VALUES ('approval.managerMinRank', '70') ON CONFLICT (key) DO NOTHING;
