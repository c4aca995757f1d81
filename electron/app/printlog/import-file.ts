import { statSync } from 'node:fs';
import type { FormatModule, FormatName, LineParser, ParseEvent } from '../../../shared/domain/printlog/format.js';
import { detectFormat, formatByName } from '../../../shared/domain/printlog/registry.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { decodeBytes, detectEncoding, type Encoding } from './encoding.js';
import { identify } from './file-identity.js';
import { readHead, readLines, type LogLine } from './line-reader.js';
import { createLineSeen, createPrintlogRepo, emptyTally, type BatchTally } from './printlog.repo.js';

export interface ImportOptions {
  format?: FormatName;
  /** A validated mapping (csv, counter). */
  mapping?: unknown;
  /** From the mapping file, when it names one; otherwise detected. */
  encoding?: Encoding;
  timeZone?: string;
  /** The watched source (or a name the user gives) the file belongs to. */
  source?: string;
  /** Lines per transaction. */
  batchLines?: number;
  clock: Clock;
  /** Called after every committed batch (progress bars, the kill test). */
  onCommit?: (progress: { line: number; position: number }) => void;
}

export interface FileImportResult extends BatchTally {
  path: string;
  format: FormatName;
  formatReason: string;
  encoding: Encoding;
  encodingReason: string;
  /** Lines read in this run. */
  lines: number;
  rejected: { line: number; reason: string }[];
}

export class ImportError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ImportError';
  }
}

function chooseFormat(path: string, head: Buffer, encoding: Encoding, bomLength: number, opts: ImportOptions): { module: FormatModule; reason: string } {
  if (opts.format) {
    const module = formatByName(opts.format);
    if (!module) throw new ImportError(path, `unknown format ${opts.format}`);
    return { module, reason: 'given with --format' };
  }
  const headLines = decodeBytes(head.subarray(bomLength), encoding).split(/\r?\n/).slice(0, 20);
  const detected = detectFormat(headLines, opts.mapping);
  if (detected.format === null) throw new ImportError(path, `format not recognised (${detected.reason}); give --format`);
  const module = formatByName(detected.format);
  if (!module) throw new ImportError(path, `unknown format ${detected.format}`);
  return { module, reason: detected.reason };
}

/**
 * Reads one log file into the database: detects encoding and format, streams
 * its lines through the format's parser and stores jobs, counter readings and
 * rejected lines in batches. Each batch's transaction also records how far
 * the file has been read, so after a crash the next run resumes there and a
 * job is never lost or stored twice. A file read to its end before is read
 * again from the start (every job then counts as a duplicate).
 */
export async function importFile(db: Db, path: string, opts: ImportOptions): Promise<FileImportResult> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new ImportError(path, `cannot read: ${(err as Error).message}`);
  }
  const head = await readHead(path);
  const detected = detectEncoding(head);
  const encoding = opts.encoding ?? detected.encoding;
  const encodingReason = opts.encoding ? 'given by the mapping file' : detected.reason;
  const bomLength = opts.encoding && opts.encoding !== detected.encoding ? 0 : detected.bomLength;
  const { module, reason } = chooseFormat(path, head, encoding, bomLength, opts);
  if (module.needsMapping && opts.mapping === undefined) throw new ImportError(path, `the ${module.name} format needs --mapping`);

  const repo = createPrintlogRepo(db);
  const now = () => isoAt(opts.clock);
  const id = identify(repo, path, head, size);
  const file = db.transaction(() => {
    if (id.kind === 'known') {
      repo.moveFile(id.file.id, path, id.headHash, id.headLength, now());
      return id.file;
    }
    const fileId = repo.insertFile({ path, headHash: id.headHash, headLength: id.headLength, format: module.name, encoding, source: opts.source ?? '', now: now() });
    return { id: fileId, position: 0, line: 0, finished: 0 };
  })();
  const resume = file.finished === 0 && file.position > 0 && !module.resumeFromStart;
  let parser: LineParser;
  try {
    parser = module.createParser({ timeZone: opts.timeZone ?? 'Asia/Tokyo', ...(opts.mapping !== undefined && { mapping: opts.mapping }) });
  } catch (err) {
    throw new ImportError(path, `the mapping does not fit the ${module.name} format: ${(err as Error).message}`);
  }

  const result: FileImportResult = {
    path, format: module.name, formatReason: reason, encoding, encodingReason, lines: 0, rejected: [], ...emptyTally(),
  };
  // Lines the parser may still hold, so a commit stops before them and a reject can quote its line.
  const recent: LogLine[] = [];
  let events: { event: ParseEvent; raw: string }[] = [];
  let lastEnd = resume ? file.position : 0;
  let lastLine = resume ? file.line : 0;
  const batchLines = opts.batchLines ?? 5000;
  const seen = createLineSeen();

  // `recent` holds consecutive lines, so a line's index is its number minus the first one's.
  const at = (line: number): LogLine | undefined => recent[line - (recent[0]?.line ?? 0)];
  const rawOf = (line: number) => at(line)?.text ?? '';
  const commit = (finished: boolean) => {
    const pending = finished ? null : parser.pendingSince();
    const held = pending === null ? undefined : at(pending);
    const position = held ? held.start : lastEnd;
    const line = held ? held.line - 1 : lastLine;
    const batch = events;
    events = [];
    db.transaction(() => {
      for (const { event, raw } of batch) {
        switch (event.kind) {
          case 'job':
            repo.addJob(file.id, event.line, event.job, module.name, result, seen);
            break;
          case 'counter':
            repo.addReading(file.id, event.line, event.reading, result);
            break;
          case 'reject':
            repo.addReject(file.id, event.line, event.reason, raw, now());
            result.rejected.push({ line: event.line, reason: event.reason });
            break;
          default: {
            const never: never = event;
            throw new Error(`unknown event ${String(never)}`);
          }
        }
      }
      repo.setPosition(file.id, position, line, finished, now());
    })();
    const keepFrom = held ? held.line : lastLine + 1;
    recent.splice(0, Math.max(0, keepFrom - (recent[0]?.line ?? keepFrom)));
    opts.onCommit?.({ line, position });
  };

  let sinceCommit = 0;
  const lines = readLines(path, { encoding, offset: resume ? file.position : 0, lineBefore: resume ? file.line : 0, bomLength, lastLine: 'emit' });
  for await (const l of lines) {
    recent.push(l);
    result.lines += 1;
    for (const event of parser.push(l.text, l.line)) events.push({ event, raw: rawOf(event.line) });
    lastEnd = l.end;
    lastLine = l.line;
    if (++sinceCommit >= batchLines) {
      commit(false);
      sinceCommit = 0;
    }
  }
  for (const event of parser.end()) events.push({ event, raw: rawOf(event.line) });
  commit(true);
  return result;
}
