-- Branch agents: a source can be a folder the core watches itself ('folder') or a folder on a branch
-- print server whose files a `kamiless agent` sends to the hub ('agent'). The hub keeps an exact copy
-- of each sent file under DATA/ingest/<source id>/ and reads it like a watched folder, so both kinds
-- share one pipeline (positions, rotation, dedup). For an agent source `folder` is the branch's folder
-- as the agent reported it, shown to users; the hub never opens it.
ALTER TABLE log_sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'folder' CHECK (kind IN ('folder', 'agent'));
-- What the agent said about itself when it last contacted the hub.
ALTER TABLE log_sources ADD COLUMN agent_host TEXT;
ALTER TABLE log_sources ADD COLUMN agent_version TEXT;
ALTER TABLE log_sources ADD COLUMN agent_seen_at TEXT;
-- Bytes the agent still had to send at its last request: how far behind the branch is.
ALTER TABLE log_sources ADD COLUMN agent_backlog INTEGER;
