-- Imported print-log files, the jobs and counter readings read from them, and the lines refused.

-- A log file is known by a fingerprint of its first bytes, not by its path: a renamed or rotated
-- file keeps its identity (and its position), a truncated or replaced one becomes a new file.
CREATE TABLE log_files (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  head_hash   TEXT NOT NULL,
  head_length INTEGER NOT NULL,
  format      TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  -- The watched source or the name given to `kamiless import --source`; '' when none.
  source      TEXT NOT NULL DEFAULT '',
  -- Committed in the same transaction as the rows read up to it.
  position    INTEGER NOT NULL DEFAULT 0,
  line        INTEGER NOT NULL DEFAULT 0,
  finished    INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
  first_seen  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX log_files_head ON log_files(head_hash);

CREATE TABLE print_jobs (
  id           INTEGER PRIMARY KEY,
  -- content_hash + ':' + n, n = this content's occurrence within its file: the same job read
  -- from a daily file and from the all-time file is stored once, two identical jobs in one file twice.
  dedup_key    TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  time         TEXT NOT NULL,
  user         TEXT NOT NULL,
  printer      TEXT NOT NULL,
  client       TEXT NOT NULL,
  document     TEXT NOT NULL,
  pages        INTEGER NOT NULL CHECK (pages >= 0),
  sheets       INTEGER NOT NULL CHECK (sheets >= 0),
  copies       INTEGER NOT NULL CHECK (copies >= 1),
  sides        INTEGER CHECK (sides IN (1, 2)),
  n_up         INTEGER NOT NULL DEFAULT 1,
  color        INTEGER CHECK (color IN (0, 1)),
  paper_size   TEXT NOT NULL DEFAULT '',
  format       TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL
) STRICT;
CREATE INDEX print_jobs_time ON print_jobs(time);

-- Every line of every file that yielded a job, including duplicates: where each job was seen,
-- and what makes re-reading a line after a crash a no-op.
-- k counts the same content on one line (a one-line XML export holds many jobs on line 1).
CREATE TABLE job_sightings (
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  k            INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  job_id       INTEGER NOT NULL REFERENCES print_jobs(id),
  PRIMARY KEY (file_id, line, content_hash, k)
) STRICT, WITHOUT ROWID;
CREATE INDEX job_sightings_hash ON job_sightings(file_id, content_hash, n);

CREATE TABLE counter_readings (
  id           INTEGER PRIMARY KEY,
  dedup_key    TEXT NOT NULL UNIQUE,
  month        TEXT NOT NULL,
  department   TEXT NOT NULL,
  device       TEXT NOT NULL,
  sheets       INTEGER NOT NULL CHECK (sheets >= 0),
  color_sheets INTEGER,
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL
) STRICT;

CREATE TABLE rejected_lines (
  id      INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES log_files(id),
  line    INTEGER NOT NULL,
  reason  TEXT NOT NULL,
  raw     TEXT NOT NULL,
  at      TEXT NOT NULL,
  UNIQUE (file_id, line)
) STRICT;
