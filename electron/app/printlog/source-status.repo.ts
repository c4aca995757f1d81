import type { Db } from '../db/connection.js';

/** What was read through one source, as the sources screen shows it. */
export interface SourceFigures {
  files: number;
  jobs: number;
  jobsToday: number;
  rejected: number;
  lastJobTime: string | null;
  lastReadAt: string | null;
  /** The source's files not yet read to their end, with the byte offset read so far. */
  unfinished: { path: string; position: number }[];
}

/** The UTC range of today's local date. */
export interface DayRange {
  start: string;
  end: string;
}

/** The figures of a source that has read nothing yet. */
export const noFigures = (): SourceFigures => ({ files: 0, jobs: 0, jobsToday: 0, rejected: 0, lastJobTime: null, lastReadAt: null, unfinished: [] });

/**
 * The figures of the log sources, a few grouped queries for all of them at
 * once. Files belong to a source by `log_files.source` = its name (exactly:
 * that is how the watcher tags them).
 *
 * print_jobs has no index on file_id, so the jobs and the newest job time of
 * every file come from one scan of print_jobs grouped by file (one source
 * alone: one scan filtered by its files). Today's jobs go through the time
 * index instead.
 */
export function createSourceStatusRepo(db: Db) {
  const ofSources = 'source IN (SELECT name FROM log_sources)';
  const all = {
    files: db.prepare(`SELECT source, count(*) AS files, max(updated_at) AS last_read FROM log_files WHERE ${ofSources} GROUP BY source`),
    jobs: db.prepare(`
      SELECT f.source, sum(p.jobs) AS jobs, max(p.last_time) AS last_time
      FROM (SELECT file_id, count(*) AS jobs, max(time) AS last_time FROM print_jobs GROUP BY file_id) p
      JOIN log_files f ON f.id = p.file_id
      WHERE f.${ofSources} GROUP BY f.source`),
    today: db.prepare(`SELECT f.source, count(*) AS n FROM print_jobs j JOIN log_files f ON f.id = j.file_id
      WHERE j.time >= @start AND j.time < @end AND f.${ofSources} GROUP BY f.source`),
    rejected: db.prepare(`SELECT f.source, count(*) AS n FROM rejected_lines r JOIN log_files f ON f.id = r.file_id WHERE f.${ofSources} GROUP BY f.source`),
    unfinished: db.prepare(`SELECT source, path, position FROM log_files WHERE finished = 0 AND ${ofSources}`),
  };
  const one = {
    files: db.prepare('SELECT source, count(*) AS files, max(updated_at) AS last_read FROM log_files WHERE source = @name GROUP BY source'),
    jobs: db.prepare(`SELECT @name AS source, count(*) AS jobs, max(time) AS last_time FROM print_jobs
      WHERE file_id IN (SELECT id FROM log_files WHERE source = @name)`),
    today: db.prepare(`SELECT f.source, count(*) AS n FROM print_jobs j JOIN log_files f ON f.id = j.file_id
      WHERE j.time >= @start AND j.time < @end AND f.source = @name GROUP BY f.source`),
    rejected: db.prepare('SELECT f.source, count(*) AS n FROM rejected_lines r JOIN log_files f ON f.id = r.file_id WHERE f.source = @name GROUP BY f.source'),
    unfinished: db.prepare('SELECT source, path, position FROM log_files WHERE finished = 0 AND source = @name'),
  };

  function collect(s: typeof all, params: Record<string, string>): Map<string, SourceFigures> {
    const out = new Map<string, SourceFigures>();
    const of = (source: string): SourceFigures => {
      let f = out.get(source);
      if (!f) out.set(source, (f = noFigures()));
      return f;
    };
    for (const r of s.files.all(params) as { source: string; files: number; last_read: string | null }[]) {
      Object.assign(of(r.source), { files: r.files, lastReadAt: r.last_read });
    }
    for (const r of s.jobs.all(params) as { source: string; jobs: number; last_time: string | null }[]) {
      Object.assign(of(r.source), { jobs: r.jobs, lastJobTime: r.last_time });
    }
    for (const r of s.today.all(params) as { source: string; n: number }[]) of(r.source).jobsToday = r.n;
    for (const r of s.rejected.all(params) as { source: string; n: number }[]) of(r.source).rejected = r.n;
    for (const r of s.unfinished.all(params) as { source: string; path: string; position: number }[]) {
      of(r.source).unfinished.push({ path: r.path, position: r.position });
    }
    return out;
  }

  return {
    /** Figures of every source (active and removed), by source name; a source that read nothing is absent. */
    all: (today: DayRange): Map<string, SourceFigures> => db.transaction(() => collect(all, { ...today }))(),
    /** Figures of one source. */
    of: (name: string, today: DayRange): SourceFigures => db.transaction(() => collect(one, { ...today, name }).get(name) ?? noFigures())(),
  };
}
export type SourceStatusRepo = ReturnType<typeof createSourceStatusRepo>;
