-- Full-text search (案件検索): the text of each attachment's PDF, extracted once per blob, and one FTS5 row
-- per case over its record fields, its comments and the text of its current attachments.

-- What pdfjs found in a blob: `has_text_layer` 0 for a scan without text (flagged in search results);
-- `error` when the PDF could not be read or took too long (the text is then empty and is not tried again).
CREATE TABLE pdf_texts (
  sha256         TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  text           TEXT NOT NULL,
  pages          INTEGER NOT NULL CHECK (pages >= 0),
  has_text_layer INTEGER NOT NULL CHECK (has_text_layer IN (0, 1)),
  error          TEXT,
  extracted_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Blobs waiting to be read, so the reader finds its next one without scanning every attachment.
CREATE TABLE pdf_text_queue (sha256 TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TRIGGER pdf_text_queue_add AFTER INSERT ON case_attachments
WHEN NOT EXISTS (SELECT 1 FROM pdf_texts WHERE sha256 = new.sha256)
BEGIN INSERT OR IGNORE INTO pdf_text_queue (sha256) VALUES (new.sha256); END;
CREATE TRIGGER pdf_text_queue_done AFTER INSERT ON pdf_texts
BEGIN DELETE FROM pdf_text_queue WHERE sha256 = new.sha256; END;
INSERT OR IGNORE INTO pdf_text_queue (sha256) SELECT sha256 FROM case_attachments WHERE removed_at IS NULL;

-- The cases a blob is attached to (its text arriving marks them pending).
CREATE INDEX case_attachments_sha256 ON case_attachments(sha256);

-- rowid = the case's id. Trigram: Japanese has no spaces between words, so every 3-character substring is
-- a term and any phrase of 3 or more characters is found where it occurs. Text is NFKC-normalised first.
CREATE VIRTUAL TABLE case_search USING fts5(number, title, body, comments, pdf, tokenize = 'trigram');

-- Words of 1 or 2 characters, which have no trigram: every character and every pair of adjacent letters or
-- digits of the same text, one token each (rowid = the case's id). Contentless: the text is in case_search.
CREATE VIRTUAL TABLE case_search_short USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61');

-- Cases whose row in case_search is out of date. Written by triggers in the transaction of the change
-- itself, so no change is ever missed: a crash before the indexer ran leaves the mark, and the indexer
-- takes it up on the next start.
CREATE TABLE case_search_pending (case_id INTEGER PRIMARY KEY) STRICT;

CREATE TRIGGER case_search_case_new AFTER INSERT ON cases
BEGIN INSERT OR IGNORE INTO case_search_pending (case_id) VALUES (new.id); END;
-- Every event updates the row (version, snapshot), so comments follow too; so does disposal (PDF text dropped).
CREATE TRIGGER case_search_case_changed AFTER UPDATE ON cases
BEGIN INSERT OR IGNORE INTO case_search_pending (case_id) VALUES (new.id); END;
CREATE TRIGGER case_search_attachment_new AFTER INSERT ON case_attachments
BEGIN INSERT OR IGNORE INTO case_search_pending (case_id) VALUES (new.case_id); END;
CREATE TRIGGER case_search_attachment_changed AFTER UPDATE ON case_attachments
BEGIN INSERT OR IGNORE INTO case_search_pending (case_id) VALUES (new.case_id); END;
CREATE TRIGGER case_search_text_new AFTER INSERT ON pdf_texts
BEGIN
  INSERT OR IGNORE INTO case_search_pending (case_id)
  SELECT DISTINCT case_id FROM case_attachments WHERE sha256 = new.sha256 AND removed_at IS NULL;
END;
CREATE TRIGGER case_search_text_changed AFTER UPDATE ON pdf_texts
BEGIN
  INSERT OR IGNORE INTO case_search_pending (case_id)
  SELECT DISTINCT case_id FROM case_attachments WHERE sha256 = new.sha256 AND removed_at IS NULL;
END;

INSERT INTO case_search_pending (case_id) SELECT id FROM cases;
