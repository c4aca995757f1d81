import type { CounterReading, PrintJob } from '../../../shared/domain/printlog/job.js';
import { contentText, jobKey } from '../../../shared/domain/printlog/job-key.js';

/**
 * What is read from a file between two commits, in the form the parse side
 * hands to the writer (printlog.repo.ts `FileWriter.store`): within a thread,
 * or posted from the parse worker of a whole-file import (import-file.ts). It
 * is made for the writer's thread, the import's bottleneck: the numbers of the
 * jobs in one typed array (moved, not copied, between threads), and the
 * words that repeat from job to job (user, printer, client, paper size) once
 * in a list that grows from batch to batch, so only each job's time and
 * document are strings of its own.
 */
export interface JobBatch {
  /** Lines read for this batch. */
  lines: number;
  /** Where the file has been read to once the batch is stored: the byte offset where the next read starts, and the line before it. */
  position: number;
  line: number;
  /** The file was read to its end and the parser has handed over all it held. */
  finished: boolean;
  jobs: number;
  /** `JOB_NUMBERS` numbers per job (see `at`). */
  numbers: Float64Array<ArrayBuffer>;
  /** Per job: its time, its document. */
  texts: string[];
  /** Per job: its user, printer, client and paper size, as indexes into the word list. */
  words: Uint32Array<ArrayBuffer>;
  /** Words first used in this batch: they continue the word list, or start a new one when `wordsRestart`. */
  newWords: string[];
  wordsRestart: boolean;
  /** The time of the newest job of the batch (log_files.last_job_time), or null without jobs. */
  lastJobTime: string | null;
  readings: { line: number; reading: CounterReading }[];
  rejects: { line: number; reason: string; raw: string }[];
}

/** key, line, k, pages, sheets, copies, sides, nUp, color. */
const JOB_NUMBERS = 9;
const JOB_WORDS = 4;
/** A list this long starts afresh: a file whose clients or users never repeat must not grow it without end. */
const MAX_WORDS = 50_000;

/** One job of a batch, as the writer reads it. */
export interface BatchJob {
  job: PrintJob;
  line: number;
  /** print_jobs id where the search for the job's row starts (job-key.ts). */
  key: number;
  /** The how-manieth job of this content on its line. */
  k: number;
}

/**
 * How often this run has seen a job content on one line (a one-line XML export
 * holds every job on line 1). Only lines the parser may still emit jobs for
 * are kept (see `BatchBuilder.settle`): a window of consecutive line numbers,
 * held in an array (cheaper than a Map entry per line, and every line with a
 * job passes here), usually a few hundred lines long.
 */
function createLineSeen() {
  // Most lines hold one job: it is kept as it is, and only a line with a second one counts its contents' texts.
  let slots: (PrintJob | Map<string, number> | undefined)[] = [];
  /** The line number of slots[0]. */
  let first = 0;
  return {
    count(line: number, job: PrintJob): number {
      if (slots.length === 0) first = line;
      // A parser may report a job at a line before the ones it reported last (interleaved CUPS page lines).
      if (line < first) {
        slots = [...Array<undefined>(first - line), ...slots];
        first = line;
      }
      const seen = slots[line - first];
      if (seen === undefined) {
        slots[line - first] = job;
        return 1;
      }
      const counts = seen instanceof Map ? seen : new Map([[contentText(seen), 1]]);
      const content = contentText(job);
      const k = (counts.get(content) ?? 0) + 1;
      counts.set(content, k);
      slots[line - first] = counts;
      return k;
    },
    forgetBefore(line: number): void {
      if (line <= first) return;
      slots.splice(0, line - first);
      first = line;
    },
  };
}

/** Room for this many jobs when a batch starts; it doubles as needed (a one-line XML export holds every job on one line). */
const FIRST_ROOM = 1024;

/** Collects what the parser makes of a file's lines into batches (the parse side). */
export class BatchBuilder {
  private readonly seen = createLineSeen();
  private readonly wordIds = new Map<string, number>();
  private wordList: string[] = [];
  private wordsRestart = false;
  private newWords: string[] = [];
  // Written in place, and handed over (moved to the writer's thread) as they are.
  private numbers = new Float64Array(FIRST_ROOM * JOB_NUMBERS);
  private words = new Uint32Array(FIRST_ROOM * JOB_WORDS);
  private jobs = 0;
  private texts: string[] = [];
  private lastJobTime: string | null = null;
  private readings: JobBatch['readings'] = [];
  private rejects: JobBatch['rejects'] = [];

  /** `second`: the Unix second of the job's time, when the parser knows it. */
  job(line: number, job: PrintJob, second?: number): void {
    if (this.wordList.length > MAX_WORDS - JOB_WORDS) this.restartWords();
    if (this.jobs * JOB_NUMBERS === this.numbers.length) this.grow();
    const n = this.numbers;
    const o = this.jobs * JOB_NUMBERS;
    // Without the second, jobKey reads it from the time (its default).
    n[o] = jobKey(job, second);
    n[o + 1] = line;
    n[o + 2] = this.seen.count(line, job);
    n[o + 3] = job.pages;
    n[o + 4] = job.sheets;
    n[o + 5] = job.copies;
    n[o + 6] = job.sides ?? 0;
    n[o + 7] = job.nUp;
    n[o + 8] = job.color === null ? -1 : job.color ? 1 : 0;
    const w = this.jobs * JOB_WORDS;
    this.words[w] = this.word(job.user);
    this.words[w + 1] = this.word(job.printer);
    this.words[w + 2] = this.word(job.client);
    this.words[w + 3] = this.word(job.paperSize);
    this.texts.push(job.time, job.document);
    this.jobs += 1;
    if (this.lastJobTime === null || job.time > this.lastJobTime) this.lastJobTime = job.time;
  }

  reading(line: number, reading: CounterReading): void {
    this.readings.push({ line, reading });
  }

  reject(line: number, reason: string, raw: string): void {
    this.rejects.push({ line, reason, raw: raw.slice(0, 2000) });
  }

  /** No more jobs will come from lines before `keepFrom`: the parser holds nothing of them. */
  settle(keepFrom: number): void {
    this.seen.forgetBefore(keepFrom);
  }

  /** What was collected since the last cut, to be stored with the position reached. */
  cut(at: { lines: number; position: number; line: number; finished: boolean }): JobBatch {
    const room = Math.max(FIRST_ROOM, this.jobs);
    const batch: JobBatch = {
      ...at,
      jobs: this.jobs,
      numbers: this.numbers.slice(0, this.jobs * JOB_NUMBERS),
      texts: this.texts,
      words: this.words.slice(0, this.jobs * JOB_WORDS),
      newWords: this.newWords,
      wordsRestart: this.wordsRestart,
      lastJobTime: this.lastJobTime,
      readings: this.readings,
      rejects: this.rejects,
    };
    this.numbers = new Float64Array(room * JOB_NUMBERS);
    this.words = new Uint32Array(room * JOB_WORDS);
    this.jobs = 0;
    this.texts = [];
    this.newWords = [];
    this.wordsRestart = false;
    this.lastJobTime = null;
    this.readings = [];
    this.rejects = [];
    return batch;
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const words = new Uint32Array(this.words.length * 2);
    words.set(this.words);
    this.words = words;
  }

  private word(text: string): number {
    let id = this.wordIds.get(text);
    if (id === undefined) {
      id = this.wordList.length;
      this.wordIds.set(text, id);
      this.wordList.push(text);
      this.newWords.push(text);
    }
    return id;
  }

  /** Starts the word list afresh: the words of the jobs already in this batch are given again, as new. */
  private restartWords(): void {
    const inBatch = Array.from(this.words.subarray(0, this.jobs * JOB_WORDS), (id) => this.wordList[id] ?? '');
    this.wordIds.clear();
    this.wordList = [];
    this.newWords = [];
    this.wordsRestart = true;
    inBatch.forEach((text, i) => (this.words[i] = this.word(text)));
  }
}

/** The writer's side of the word list: the words of every batch of one file so far. */
export class BatchReader {
  private words: string[] = [];

  /** Takes a batch's new words; call once per batch, before reading its jobs. */
  open(batch: JobBatch): void {
    if (batch.wordsRestart) this.words = [];
    for (const w of batch.newWords) this.words.push(w);
  }

  key(batch: JobBatch, i: number): number {
    return batch.numbers[i * JOB_NUMBERS] as number;
  }

  time(batch: JobBatch, i: number): string {
    return batch.texts[i * 2] as string;
  }

  counts(batch: JobBatch, i: number): { pages: number; sheets: number } {
    const o = i * JOB_NUMBERS;
    return { pages: batch.numbers[o + 3] as number, sheets: batch.numbers[o + 4] as number };
  }

  /**
   * Appends job `i`'s columns to `params` straight from the batch, without a
   * PrintJob object (every job passes here): id (`id`, else its key), time,
   * user, printer, client, document, pages, sheets, copies, sides, n_up,
   * color, paper_size, line.
   */
  pushParams(params: (string | number | null)[], batch: JobBatch, i: number, id?: number): void {
    const n = batch.numbers;
    const o = i * JOB_NUMBERS;
    const w = i * JOB_WORDS;
    const sides = n[o + 6] as number;
    const color = n[o + 8] as number;
    params.push(
      id ?? (n[o] as number), batch.texts[i * 2] as string, this.word(batch.words[w]), this.word(batch.words[w + 1]), this.word(batch.words[w + 2]),
      batch.texts[i * 2 + 1] as string, n[o + 3] as number, n[o + 4] as number, n[o + 5] as number, sides === 0 ? null : sides,
      n[o + 7] as number, color === -1 ? null : color, this.word(batch.words[w + 3]), n[o + 1] as number,
    );
  }

  /** Job `i` of the batch, whole: for the rare job whose row has to be searched for. */
  at(batch: JobBatch, i: number): BatchJob {
    const n = batch.numbers;
    const o = i * JOB_NUMBERS;
    const w = i * JOB_WORDS;
    const sides = n[o + 6];
    const color = n[o + 8];
    const job: PrintJob = {
      time: batch.texts[i * 2] ?? '',
      user: this.word(batch.words[w]),
      printer: this.word(batch.words[w + 1]),
      client: this.word(batch.words[w + 2]),
      document: batch.texts[i * 2 + 1] ?? '',
      pages: n[o + 3] ?? 0,
      sheets: n[o + 4] ?? 0,
      copies: n[o + 5] ?? 0,
      sides: sides === 1 || sides === 2 ? sides : null,
      nUp: n[o + 7] ?? 1,
      color: color === -1 ? null : color === 1,
      paperSize: this.word(batch.words[w + 3]),
    };
    return { job, line: n[o + 1] ?? 0, key: n[o] ?? 0, k: n[o + 2] ?? 1 };
  }

  private word(id: number | undefined): string {
    const text = id === undefined ? undefined : this.words[id];
    if (text === undefined) throw new Error(`a batch refers to word ${id} it was not given`);
    return text;
  }
}
