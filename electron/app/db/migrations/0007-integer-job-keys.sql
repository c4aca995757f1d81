-- Jobs are found by an integer key instead of a text one, and only duplicates have a sighting.
--
-- A job's key is its second (UTC, counted from 2000-01-01, at most 2^32 - 2) × 2^21 plus the first 21
-- bits of the SHA-1 of its content (the hash 0004 already stored, after its YYYYMMDDHH). The rows of
-- one content take the first free ids from that key on, in the order they were first read; a
-- different content whose key is the same or near takes the id it finds free. So print_jobs.id is
-- the key itself: no dedup_key and content_hash columns with their unique index, and a log, written
-- in time order, is appended at the end of the table. Which jobs are the same job does not change:
-- the columns the SHA-1 covers are compared whenever a key is taken (printlog.repo.ts).
--
-- A row says where the job was first read (file_id, line), so a sighting is kept only where another
-- file saw the job too, keyed by the job, to answer "has this file seen this row, on which line?".

-- The ids in key order: within a content by n, the occurrence its dedup_key ended with. Each row
-- takes its key or, when that is taken, the id after the previous row's:
-- id(i) = max(key(i), id(i - 1) + 1) = i + max over j <= i of (key(j) - j), i the row's rank.
CREATE TEMP TABLE job_ids (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL UNIQUE);
INSERT INTO job_ids (old_id, new_id)
SELECT id, rank + max(key - rank) OVER (ORDER BY key, content_hash, n ROWS UNBOUNDED PRECEDING)
FROM (
  SELECT id, content_hash, n, key, row_number() OVER (ORDER BY key, content_hash, n) AS rank
  FROM (
    SELECT id, content_hash,
      CAST(substr(dedup_key, length(content_hash) + 2) AS INTEGER) AS n,
      max(0, min(coalesce(unixepoch(time), 0) - 946684800, 4294967294)) * 2097152
        + ((instr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', substr(content_hash, 11, 1)) - 1) * 262144
          + (instr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', substr(content_hash, 12, 1)) - 1) * 4096
          + (instr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', substr(content_hash, 13, 1)) - 1) * 64
          + (instr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', substr(content_hash, 14, 1)) - 1)) / 8 AS key
    FROM print_jobs
  )
);

CREATE TABLE print_jobs_new (
  -- The job's key, or the first free id after it (above).
  id           INTEGER PRIMARY KEY,
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
  -- Where the job was first read.
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL
) STRICT;
INSERT INTO print_jobs_new (id, time, user, printer, client, document, pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line)
SELECT k.new_id, j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides, j.n_up, j.color, j.paper_size, j.format, j.file_id, j.line
FROM print_jobs j JOIN job_ids k ON k.old_id = j.id
ORDER BY k.new_id;

-- A job seen in a file other than the one it was first read from, and on which line.
CREATE TABLE job_sightings_new (
  job_id  INTEGER NOT NULL REFERENCES print_jobs_new(id),
  file_id INTEGER NOT NULL REFERENCES log_files(id),
  line    INTEGER NOT NULL,
  PRIMARY KEY (job_id, file_id)
) STRICT, WITHOUT ROWID;
INSERT INTO job_sightings_new (job_id, file_id, line)
SELECT k.new_id, s.file_id, s.line
FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id JOIN job_ids k ON k.old_id = s.job_id
WHERE s.file_id <> j.file_id;

-- The child first, so that dropping the parent finds no row pointing at it; renaming rewrites the
-- REFERENCES of job_sightings_new.
DROP TABLE job_sightings;
DROP TABLE print_jobs;
DROP TABLE job_ids;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
ALTER TABLE job_sightings_new RENAME TO job_sightings;
CREATE INDEX print_jobs_time ON print_jobs(time);
