import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';
import { hashSourceToken } from './source-token.js';

/** 'folder': watched by the core itself; 'agent': sent by `kamiless agent` from a branch. */
export type SourceKind = 'folder' | 'agent';

/** A watched folder of one print server or copier. */
export interface LogSource {
  id: number;
  name: string;
  kind: SourceKind;
  /** For an agent source: the branch's folder as the agent reported it (the hub never opens it). */
  folder: string;
  glob: string;
  /** A format name or 'auto'; checked by planSource when the source starts. */
  format: string;
  /** The mapping file's JSON text, or null. */
  mapping: string | null;
  siteId: number | null;
  siteCode: string | null;
  polling: boolean;
  pollIntervalMs: number;
  active: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  agentHost: string | null;
  agentVersion: string | null;
  agentSeenAt: string | null;
  agentBacklog: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SourceInput {
  name: string;
  kind: SourceKind;
  folder: string;
  glob: string;
  format: string;
  mapping: string | null;
  siteId: number | null;
  polling: boolean;
  pollIntervalMs: number;
}

export interface SourceStats {
  files: number;
  /** Jobs first stored from this source's files (a job seen in two sources counts for the first). */
  jobs: number;
  rejected: number;
}

export interface RejectedLine {
  file: string;
  line: number;
  reason: string;
  raw: string;
  at: string;
}

/** What the watcher needs to tell whether the file it is reading is still the one it opened. */
export interface StoredIdentity {
  path: string;
  headHash: string;
  headLength: number;
}

interface SourceRow {
  id: number;
  name: string;
  kind: SourceKind;
  folder: string;
  glob: string;
  format: string;
  mapping: string | null;
  site_id: number | null;
  site_code: string | null;
  polling: number;
  poll_interval_ms: number;
  active: number;
  last_error: string | null;
  last_error_at: string | null;
  agent_host: string | null;
  agent_version: string | null;
  agent_seen_at: string | null;
  agent_backlog: number | null;
  created_at: string;
  updated_at: string;
}

const toSource = (r: SourceRow): LogSource => ({
  id: r.id, name: r.name, kind: r.kind, folder: r.folder, glob: r.glob, format: r.format, mapping: r.mapping, siteId: r.site_id, siteCode: r.site_code,
  polling: r.polling === 1, pollIntervalMs: r.poll_interval_ms, active: r.active === 1, lastError: r.last_error, lastErrorAt: r.last_error_at,
  agentHost: r.agent_host, agentVersion: r.agent_version, agentSeenAt: r.agent_seen_at, agentBacklog: r.agent_backlog,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

const selectSource = 'SELECT log_sources.*, sites.code AS site_code FROM log_sources LEFT JOIN sites ON sites.id = log_sources.site_id';

/** SQL of watched sources and of what was read through them. */
export function createSourcesRepo(db: Db, clock: Clock) {
  const s = {
    all: db.prepare(`${selectSource} ORDER BY log_sources.name`),
    active: db.prepare(`${selectSource} WHERE log_sources.active = 1 ORDER BY log_sources.name`),
    byName: db.prepare(`${selectSource} WHERE log_sources.name = ?`),
    byId: db.prepare(`${selectSource} WHERE log_sources.id = ?`),
    byTokenHash: db.prepare(`${selectSource} WHERE log_sources.token_hash = ?`),
    insert: db.prepare(`INSERT INTO log_sources (name, kind, folder, glob, format, mapping, site_id, polling, poll_interval_ms, token_hash, created_at, updated_at)
      VALUES (@name, @kind, @folder, @glob, @format, @mapping, @siteId, @polling, @pollIntervalMs, @tokenHash, @now, @now)`),
    revive: db.prepare(`UPDATE log_sources SET kind = @kind, folder = @folder, glob = @glob, format = @format, mapping = @mapping, site_id = @siteId, polling = @polling,
      poll_interval_ms = @pollIntervalMs, token_hash = @tokenHash, active = 1, last_error = NULL, last_error_at = NULL, updated_at = @now WHERE id = @id`),
    update: db.prepare(`UPDATE log_sources SET name = @name, kind = @kind, folder = @folder, glob = @glob, format = @format, mapping = @mapping,
      site_id = @siteId, polling = @polling, poll_interval_ms = @pollIntervalMs, last_error = NULL, last_error_at = NULL, updated_at = @now WHERE id = @id`),
    setToken: db.prepare('UPDATE log_sources SET token_hash = ?, updated_at = ? WHERE id = ?'),
    agentSeen: db.prepare(`UPDATE log_sources SET agent_host = coalesce(@host, agent_host), agent_version = coalesce(@version, agent_version),
      agent_seen_at = @now, agent_backlog = coalesce(@backlog, agent_backlog) WHERE id = @id`),
    agentFolder: db.prepare('UPDATE log_sources SET folder = ? WHERE id = ? AND folder = \'\''),
    deactivate: db.prepare('UPDATE log_sources SET active = 0, updated_at = ? WHERE id = ?'),
    setError: db.prepare('UPDATE log_sources SET last_error = ?, last_error_at = ? WHERE name = ?'),
    clearError: db.prepare('UPDATE log_sources SET last_error = NULL, last_error_at = NULL WHERE name = ? AND last_error IS NOT NULL'),
    // The files' stored totals (kept with their rows by the import), not a scan of print_jobs.
    stats: db.prepare(`SELECT count(*) AS files, coalesce(sum(jobs), 0) AS jobs, coalesce(sum(rejected), 0) AS rejected
      FROM log_files WHERE source = ?`),
    rejected: db.prepare(`SELECT f.path AS file, r.line, r.reason, r.raw, r.at FROM rejected_lines r JOIN log_files f ON f.id = r.file_id
      WHERE f.source = ? ORDER BY r.id DESC LIMIT ?`),
    identity: db.prepare('SELECT path, head_hash AS headHash, head_length AS headLength FROM log_files WHERE id = ?'),
    retagFiles: db.prepare('UPDATE log_files SET source = ? WHERE source = ?'),
  };
  const byName = (name: string): LogSource | undefined => {
    const row = s.byName.get(name) as SourceRow | undefined;
    return row && toSource(row);
  };

  const byId = (id: number): LogSource | undefined => {
    const row = s.byId.get(id) as SourceRow | undefined;
    return row && toSource(row);
  };

  /**
   * Changes a source's settings; its files and their positions stay. Its
   * watcher restarts with them (updated_at changes).
   */
  const update = (id: number, input: SourceInput): LogSource => db.transaction(() => {
    const existing = byId(id);
    if (!existing) throw new AppError('not_found', { field: 'params.id', detail: `no source with id ${id}` });
    try {
      s.update.run({ ...input, polling: input.polling ? 1 : 0, id, now: isoAt(clock) });
    } catch (err) {
      rethrowUnique(err, { name: 'body.name' });
    }
    const updated = byId(id);
    if (!updated) throw new Error(`source ${id} vanished while being updated`);
    return updated;
  })();

  /** Stops watching a source; its files, jobs and rejected lines stay. */
  const deactivateSource = (source: LogSource): { source: LogSource; wasActive: boolean } => {
    if (source.active) s.deactivate.run(isoAt(clock), source.id);
    return { source: { ...source, active: false }, wasActive: source.active };
  };

  return {
    list: (): LogSource[] => (s.all.all() as SourceRow[]).map(toSource),
    listActive: (): LogSource[] => (s.active.all() as SourceRow[]).map(toSource),
    byName,
    byId,
    /** The source an agent's token belongs to (compared by hash, as stored). */
    byToken(token: string): LogSource | undefined {
      const row = s.byTokenHash.get(hashSourceToken(token)) as SourceRow | undefined;
      return row && toSource(row);
    },
    update,
    /**
     * update, and on a rename its files take the new name with it (files belong
     * to a source by name), so its history follows it.
     */
    updateKeepingHistory(id: number, input: SourceInput): LogSource {
      return db.transaction(() => {
        const before = byId(id);
        const updated = update(id, input);
        if (before && before.name !== updated.name) s.retagFiles.run(updated.name, before.name);
        return updated;
      })();
    },
    /** Replaces a source's token hash: the old token stops working at once. */
    setTokenHash(id: number, tokenHash: string): void {
      if (s.setToken.run(tokenHash, isoAt(clock), id).changes === 0) throw new AppError('not_found', { field: 'params.id', detail: `no source with id ${id}` });
    },
    /**
     * An agent called: when, from where, and how much it still has to send. Its
     * folder fills an agent source's folder only when the source names none.
     */
    agentSeen(id: number, seen: { host?: string; version?: string; folder?: string; backlog?: number }): void {
      s.agentSeen.run({ id, host: seen.host ?? null, version: seen.version ?? null, backlog: seen.backlog ?? null, now: isoAt(clock) });
      if (seen.folder) s.agentFolder.run(seen.folder, id);
    },
    /**
     * Creates a source; a removed source of the same name comes back with the
     * new settings (and a new token), its history kept. An active one of that
     * name is a `duplicate`.
     */
    add(input: SourceInput, tokenHash: string): { source: LogSource; revived: boolean } {
      const values = { ...input, polling: input.polling ? 1 : 0, tokenHash, now: isoAt(clock) };
      return db.transaction(() => {
        const existing = byName(input.name);
        if (existing?.active) throw new AppError('duplicate', { field: 'body.name', detail: `a source named ${existing.name} already exists` });
        try {
          if (existing) s.revive.run({ ...values, id: existing.id });
          else s.insert.run(values);
        } catch (err) {
          rethrowUnique(err, { name: 'body.name', token_hash: 'body.token' });
        }
        const source = byName(input.name);
        if (!source) throw new Error(`source ${input.name} vanished while being added`);
        return { source, revived: existing !== undefined };
      })();
    },
    /** Stops watching a source; its files, jobs and rejected lines stay. */
    deactivate(name: string): { source: LogSource; wasActive: boolean } {
      const source = byName(name);
      if (!source) throw new AppError('not_found', { field: 'body.name', detail: `no source named ${name}` });
      return deactivateSource(source);
    },
    deactivateSource,
    recordError(name: string, message: string): void {
      s.setError.run(message.slice(0, 2000), isoAt(clock), name);
    },
    clearError(name: string): void {
      s.clearError.run(name);
    },
    stats: (name: string): SourceStats => s.stats.get(name) as SourceStats,
    /** The newest rejected lines of a source's files first. */
    rejected: (name: string, limit: number): RejectedLine[] => s.rejected.all(name, limit) as RejectedLine[],
    identity: (fileId: number): StoredIdentity | undefined => s.identity.get(fileId) as StoredIdentity | undefined,
  };
}
export type SourcesRepo = ReturnType<typeof createSourcesRepo>;
