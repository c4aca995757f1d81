import type { CounterReading, PrintJob } from './job.js';

/**
 * What a parser makes of the lines it is fed. `line` is the 1-based number of
 * the line the record starts on (a multi-line record, e.g. one XML event, is
 * reported at its first line).
 */
export type ParseEvent =
  | {
    kind: 'job';
    line: number;
    job: PrintJob;
    /** The Unix second of `job.time` (job-key.ts `unixSeconds`), when the parser read it from the time's digits: spares reading the text again. */
    second?: number;
  }
  | { kind: 'counter'; line: number; reading: CounterReading }
  | { kind: 'reject'; line: number; reason: string };

/**
 * A streaming parser for one file. It is fed decoded lines without their line
 * ending, in order, and may hold state across lines (a CUPS ≤ 2.2 job spread
 * over page lines, an XML event over several lines).
 */
export interface LineParser {
  push(text: string, line: number): ParseEvent[];
  /** End of the file: emit what is still held (or reject it, e.g. an unterminated record). */
  end(): ParseEvent[];
  /**
   * The first line still held in the parser's state, or null when it holds
   * nothing. The pipeline commits a file's position only up to this line, so a
   * crash never loses a half-read record (records already emitted are
   * de-duplicated on the re-read).
   */
  pendingSince(): number | null;
}

export interface ParserOptions {
  /** IANA zone for log times without an offset; 'Asia/Tokyo' by default. */
  timeZone: string;
  /** The validated mapping file, for the `csv` and `counter` formats. */
  mapping?: unknown;
}

export type FormatName = 'papercut-logger' | 'windows-307' | 'cups' | 'papercut-ng' | 'csv' | 'counter';

/** Why auto-detection chose a format, shown to the user ("line 1 starts with 'PaperCut Print Logger'"). */
export interface Detection {
  /** 0–100; the registry picks the highest. */
  confidence: number;
  reason: string;
}

/** One log format: a new format is one new module implementing this, plus its fixtures. */
export interface FormatModule {
  name: FormatName;
  /** A sentence for the UI and `--help`. */
  description: string;
  /** Whether this module needs a mapping file (`csv`, `counter`). */
  needsMapping: boolean;
  /**
   * The parser needs the file's first lines (a header row naming the columns)
   * to read any later line: after a crash the file is re-read from the start
   * instead of from its committed position (the lines read before are then
   * recognised and skipped).
   */
  resumeFromStart: boolean;
  /** Looks at the first decoded lines (up to 20) of a file; null when it is not this format. */
  detect(head: readonly string[]): Detection | null;
  createParser(opts: ParserOptions): LineParser;
}
