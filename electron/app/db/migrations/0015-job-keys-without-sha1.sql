-- Job keys take their 21 bits from a plain-JavaScript hash of the content instead of its SHA-1
-- (shared/domain/printlog/job-key.ts): computing a SHA-1 through node:crypto cost about a
-- microsecond per job, a fifth of a whole import. The key is still the job's second × 2^21 plus
-- those bits, and print_jobs.id still the key or the first free id after it (0007); only the bits
-- change, so every row moves to its new key. job_key() is that same JavaScript function, given to
-- the connection by migrate.ts: a key worked out here equals the one an import works out.
--
-- The ids in key order, the rows of one content in the order they were first read (their old ids
-- were in that order): id(i) = max(key(i), id(i - 1) + 1) = i + max over j <= i of (key(j) - j).
CREATE TEMP TABLE job_ids (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL UNIQUE);
INSERT INTO job_ids (old_id, new_id)
SELECT id, rank + max(key - rank) OVER (ORDER BY key, id ROWS UNBOUNDED PRECEDING)
FROM (
  SELECT id, key, row_number() OVER (ORDER BY key, id) AS rank
  FROM (
    SELECT id, job_key(time, user, printer, client, document, pages, sheets, copies, sides, n_up, color, paper_size) AS key
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

CREATE TABLE job_sightings_new (
  job_id  INTEGER NOT NULL REFERENCES print_jobs_new(id),
  file_id INTEGER NOT NULL REFERENCES log_files(id),
  line    INTEGER NOT NULL,
  PRIMARY KEY (job_id, file_id)
) STRICT, WITHOUT ROWID;
INSERT INTO job_sightings_new (job_id, file_id, line)
SELECT k.new_id, s.file_id, s.line
FROM job_sightings s JOIN job_ids k ON k.old_id = s.job_id;

-- The child first, so that dropping the parent finds no row pointing at it; renaming rewrites the
-- REFERENCES of job_sightings_new.
DROP TABLE job_sightings;
DROP TABLE print_jobs;
DROP TABLE job_ids;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
ALTER TABLE job_sightings_new RENAME TO job_sightings;
CREATE INDEX print_jobs_time ON print_jobs(time);
