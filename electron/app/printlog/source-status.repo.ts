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
 * Jobs, rejected lines and the newest job read come from the figures the
 * import keeps on each file (migrations 0006 and 0008), so a status costs a
 * look at the source's files, however many jobs they hold. Today's jobs go
 * through the time index of print_jobs.
 */
export function createSourceStatusRepo(db: Db) {
  const ofSources = 'source IN (SELECT name FROM log_sources)';
  const files = (where: string) => db.prepare(`SELECT source, count(*) AS files, max(updated_at) AS last_read, sum(jobs) AS jobs,
    sum(rejected) AS rejected, max(last_job_time) AS last_time FROM log_files WHERE ${where} GROUP BY source`);
  const all = {
    files: files(ofSources),
    today: db.prepare(`SELECT f.source, count(*) AS n FROM print_jobs j JOIN log_files f ON f.id = j.file_id
      WHERE j.time >= @start AND j.time < @end AND f.${ofSources} GROUP BY f.source`),
    unfinished: db.prepare(`SELECT source, path, position FROM log_files WHERE finished = 0 AND ${ofSources}`),
  };
  const one = {
    files: files('source = @name'),
    today: db.prepare(`SELECT f.source, count(*) AS n FROM print_jobs j JOIN log_files f ON f.id = j.file_id
      WHERE j.time >= @start AND j.time < @end AND f.source = @name GROUP BY f.source`),
    unfinished: db.prepare('SELECT source, path, position FROM log_files WHERE finished = 0 AND source = @name'),
  };

  function collect(s: typeof all, params: Record<string, string>): Map<string, SourceFigures> {
    const out = new Map<string, SourceFigures>();
    const of = (source: string): SourceFigures => {
      let f = out.get(source);
      if (!f) out.set(source, (f = noFigures()));
      return f;
    };
    type FileRow = { source: string; files: number; last_read: string | null; jobs: number; rejected: number; last_time: string | null };
    for (const r of s.files.all(params) as FileRow[]) {
      Object.assign(of(r.source), { files: r.files, lastReadAt: r.last_read, jobs: r.jobs, rejected: r.rejected, lastJobTime: r.last_time });
    }
    for (const r of s.today.all(params) as { source: string; n: number }[]) of(r.source).jobsToday = r.n;
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
