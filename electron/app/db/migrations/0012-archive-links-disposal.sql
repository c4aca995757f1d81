-- The archive (保存) side of e-approval: the blobs' reference counts, the archive PDFs made on final
-- approval, related documents (関連文書) and disposal (廃棄) at the end of the retention period.

-- Every stored blob once, with how many rows refer to it: attachment rows (current or replaced ones,
-- every revision keeps its file) and archive PDFs. Disposing of a case releases its references; a blob
-- whose count reaches 0 has its file deleted and `removed_at` set, the row (and its hash) staying as record.
CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  refs       INTEGER NOT NULL CHECK (refs >= 0),
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX blobs_unreferenced ON blobs(refs) WHERE refs = 0 AND removed_at IS NULL;

INSERT INTO blobs (sha256, size, refs, created_at)
SELECT sha256, max(size), count(*), min(created_at) FROM case_attachments GROUP BY sha256;

CREATE TRIGGER case_attachments_blob_ref AFTER INSERT ON case_attachments
BEGIN
  INSERT INTO blobs (sha256, size, refs, created_at) VALUES (new.sha256, new.size, 1, new.created_at)
  ON CONFLICT (sha256) DO UPDATE SET refs = refs + 1, removed_at = NULL;
END;

-- The archive PDF of a case: its approved attachments followed by the record page, with the 決裁欄 on
-- the first page. Made when the case is finally approved and again when the record changes after that
-- (後閲 done, 施行): one row per case version recorded; the latest is the one served.
CREATE TABLE case_archives (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  case_version INTEGER NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL,
  pages        INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (case_id, case_version)
) STRICT;

CREATE TRIGGER case_archives_blob_ref AFTER INSERT ON case_archives
BEGIN
  INSERT INTO blobs (sha256, size, refs, created_at) VALUES (new.sha256, new.size, 1, new.created_at)
  ON CONFLICT (sha256) DO UPDATE SET refs = refs + 1, removed_at = NULL;
END;
CREATE TRIGGER case_archives_frozen BEFORE UPDATE ON case_archives
BEGIN SELECT RAISE(ABORT, 'archive records are never changed: add one'); END;

-- 関連文書: a link between two cases, stored once (smaller id first) and shown from both sides.
CREATE TABLE case_links (
  case_a     INTEGER NOT NULL REFERENCES cases(id),
  case_b     INTEGER NOT NULL REFERENCES cases(id),
  note       TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (case_a, case_b),
  CHECK (case_a < case_b)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_links_b ON case_links(case_b, case_a);

-- 廃棄: the case row and its audit trail stay; its blobs are released (and deleted when no longer used).
ALTER TABLE cases ADD COLUMN disposed_at TEXT;
ALTER TABLE cases ADD COLUMN disposed_by INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN disposal_reason TEXT;

CREATE TRIGGER cases_disposed_release_blobs AFTER UPDATE OF disposed_at ON cases
WHEN old.disposed_at IS NULL AND new.disposed_at IS NOT NULL
BEGIN
  UPDATE blobs SET refs = refs
    - (SELECT count(*) FROM case_attachments a WHERE a.case_id = new.id AND a.sha256 = blobs.sha256)
    - (SELECT count(*) FROM case_archives r WHERE r.case_id = new.id AND r.sha256 = blobs.sha256)
  WHERE sha256 IN (SELECT sha256 FROM case_attachments WHERE case_id = new.id
                   UNION SELECT sha256 FROM case_archives WHERE case_id = new.id);
END;
CREATE TRIGGER cases_disposal_final BEFORE UPDATE OF disposed_at ON cases
WHEN old.disposed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a disposed case stays disposed'); END;
CREATE TRIGGER cases_permanent_never_disposed BEFORE UPDATE OF disposed_at ON cases
WHEN new.disposed_at IS NOT NULL AND new.retention = 'permanent'
BEGIN SELECT RAISE(ABORT, 'a permanently kept case is never disposed'); END;
