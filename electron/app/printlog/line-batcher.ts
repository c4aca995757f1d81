import type { LineParser, ParseEvent } from '../../../shared/domain/printlog/format.js';
import { BatchBuilder, type JobBatch } from './job-batch.js';
import type { LogLine } from './line-reader.js';

/** Lines between two calls of forgetSettled within a batch. */
const FORGET_EVERY = 256;

/**
 * The parse side of reading one file: feeds its lines to the format's parser
 * and collects what it makes of them into batches (job-batch.ts), each with
 * the position a commit of it reaches. Runs in the thread that stores the
 * batches (a watched file, a small import) or in the parse worker of a
 * whole-file import (parse-worker.ts).
 */
export class LineBatcher {
  private readonly builder = new BatchBuilder();
  /** The lines the parser may still refer to: a reject's text, the start of a record it holds. */
  private readonly recent: LogLine[] = [];
  /** Lines taken since the last batch. */
  private taken = 0;
  private lastEnd: number;
  private lastLine: number;

  /** `from`: where reading starts (a committed position) and the number of the line before it. */
  constructor(private readonly parser: LineParser, from: { position: number; line: number }) {
    this.lastEnd = from.position;
    this.lastLine = from.line;
  }

  /** Byte offset past the last line taken: where reading continues. */
  get readPosition(): number {
    return this.lastEnd;
  }

  /** The number of the last line taken. */
  get readLine(): number {
    return this.lastLine;
  }

  /** Lines taken since the last batch was cut. */
  get linesTaken(): number {
    return this.taken;
  }

  take(l: LogLine): void {
    this.recent.push(l);
    this.taken += 1;
    for (const event of this.parser.push(l.text, l.line)) this.apply(event);
    this.lastEnd = l.end;
    this.lastLine = l.line;
    if (this.taken % FORGET_EVERY === 0) this.forgetSettled();
  }

  /** What was read since the last batch, up to the start of a record the parser still holds. */
  cut(): JobBatch {
    const pending = this.parser.pendingSince();
    const held = pending === null ? undefined : this.at(pending);
    const batch = this.builder.cut({
      lines: this.taken, position: held ? held.start : this.lastEnd, line: held ? held.line - 1 : this.lastLine, finished: false,
    });
    this.taken = 0;
    this.forgetSettled();
    return batch;
  }

  /** The file is complete: what the parser still holds, and the position of its end. */
  end(): JobBatch {
    for (const event of this.parser.end()) this.apply(event);
    const batch = this.builder.cut({ lines: this.taken, position: this.lastEnd, line: this.lastLine, finished: true });
    this.taken = 0;
    return batch;
  }

  private apply(event: ParseEvent): void {
    switch (event.kind) {
      case 'job':
        this.builder.job(event.line, event.job, event.second);
        break;
      case 'counter':
        this.builder.reading(event.line, event.reading);
        break;
      case 'reject':
        this.builder.reject(event.line, event.reason, this.at(event.line)?.text ?? '');
        break;
      default: {
        const never: never = event;
        throw new Error(`unknown event ${String(never)}`);
      }
    }
  }

  // `recent` holds consecutive lines, so a line's index is its number minus the first one's.
  private at(line: number): LogLine | undefined {
    return this.recent[line - (this.recent[0]?.line ?? 0)];
  }

  /**
   * Drops what only lines the parser no longer holds needed. Done every few
   * hundred lines, not only at batches, so that a line's objects die young
   * and V8 does not start allocating them straight into the old generation.
   */
  private forgetSettled(): void {
    const keepFrom = this.parser.pendingSince() ?? this.lastLine + 1;
    this.recent.splice(0, Math.max(0, keepFrom - (this.recent[0]?.line ?? keepFrom)));
    this.builder.settle(keepFrom);
  }
}
