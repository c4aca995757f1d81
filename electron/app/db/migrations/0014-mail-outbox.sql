-- E-mail notices. A notice becomes a row here right after the action that caused it
-- (a reminder: in the same transaction as its mark below) and a background sender
-- delivers it; the action itself never waits for or depends on the SMTP server.
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  -- One notice, one row: the same notice handed over twice (a retry of the hand-over) is stored once.
  notice_key      TEXT NOT NULL UNIQUE,
  user_id         INTEGER REFERENCES users(id),
  to_address      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- Epoch ms; the sender takes queued rows whose time has come.
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  smtp_response   TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  sent_at         TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);

-- Users who turned their own mail notices off (everyone with an address receives them by default).
CREATE TABLE mail_opt_out (
  user_id INTEGER PRIMARY KEY REFERENCES users(id)
) STRICT;

-- Steps already reminded (催促) in their current waiting period, so that a restart does not remind
-- again: a step made pending again has a new pending_since, hence a new period.
CREATE TABLE step_reminders (
  case_id       INTEGER NOT NULL,
  step_id       INTEGER NOT NULL,
  pending_since TEXT NOT NULL,
  reminded_at   TEXT NOT NULL,
  PRIMARY KEY (case_id, step_id, pending_since)
) STRICT, WITHOUT ROWID;
