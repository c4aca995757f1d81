-- Watched log sources: a folder + glob + format (+ mapping) of one print server or copier, and the
-- site it belongs to. Removing a source deactivates it: its files, jobs and rejected lines stay.

CREATE TABLE log_sources (
  id               INTEGER PRIMARY KEY,
  -- Also written into log_files.source for every file read through this source.
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  folder           TEXT NOT NULL,
  glob             TEXT NOT NULL,
  -- A format name, or 'auto'. Not a CHECK list: a new format must not need a migration.
  format           TEXT NOT NULL DEFAULT 'auto',
  -- The mapping file's JSON as given (re-validated whenever the source starts), or NULL.
  mapping          TEXT,
  site_id          INTEGER REFERENCES sites(id),
  -- Network shares (SMB/NFS) send no change notifications: poll them instead.
  polling          INTEGER NOT NULL DEFAULT 0 CHECK (polling IN (0, 1)),
  poll_interval_ms INTEGER NOT NULL DEFAULT 1000 CHECK (poll_interval_ms >= 100),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- SHA-256 of the branch agent's token; the token itself is shown once, at creation.
  token_hash       TEXT NOT NULL UNIQUE,
  last_error       TEXT,
  last_error_at    TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

-- A source's files (and through them its jobs and rejected lines) are found by log_files.source.
CREATE INDEX log_files_source ON log_files(source);
