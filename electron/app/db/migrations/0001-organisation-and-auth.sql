-- Organisation (sites, departments, positions, users) and sign-in (sessions, login attempts).
-- Rows that others refer to are deactivated, never deleted: there are no ON DELETE CASCADEs.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sites (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('honcho', 'shisho', 'outpost')),
  address    TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('bu', 'ka', 'kakari')),
  parent_id  INTEGER REFERENCES departments(id),
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX departments_parent ON departments(parent_id);

CREATE TABLE positions (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  rank       INTEGER NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name                TEXT NOT NULL,
  kana                TEXT NOT NULL DEFAULT '',
  email               TEXT NOT NULL DEFAULT '',
  department_id       INTEGER REFERENCES departments(id),
  position_id         INTEGER REFERENCES positions(id),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  language            TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
  password_hash       TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX users_department ON users(department_id);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role    TEXT NOT NULL CHECK (role IN ('admin', 'dx', 'clerk')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

-- The cookie carries a random token; only its SHA-256 is stored, so a copied
-- database (or backup) cannot be used to hijack a session.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed and successful sign-ins, kept so that a restart does not lift a lock-out.
CREATE TABLE login_attempts (
  id      INTEGER PRIMARY KEY,
  login   TEXT NOT NULL COLLATE NOCASE,
  ip      TEXT NOT NULL,
  at      INTEGER NOT NULL,
  success INTEGER NOT NULL CHECK (success IN (0, 1))
) STRICT;
CREATE INDEX login_attempts_login ON login_attempts(login, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);

-- Who changed the organisation or a user's access, and when.
CREATE TABLE admin_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action   TEXT NOT NULL,
  target   TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT '{}'
) STRICT;
