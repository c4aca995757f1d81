import type { FormatModule, LineParser, ParseEvent } from '../format.js';
import type { PrintJob } from '../job.js';
import { isValidWallClock } from '../local-time.js';
import { parseCount } from './numbers.js';
import { hasControlCharacters, shown } from './reason-text.js';

/**
 * CUPS `page_log` in the default PageLogFormat
 * `%p %u %j %T %P %C %{job-billing} %{job-originating-host-name} %{job-name} %{media} %{sides}`.
 *
 * CUPS ≥ 2.3 writes one `total N` line per job (N impressions). CUPS ≤ 2.2
 * writes one line per page (`%P` page number, `%C` copies of it), and the pages
 * of jobs printing at the same time interleave. Those lines carry no end-of-job
 * marker, so a per-page job is held until the end of the file (see
 * `createParser`).
 *
 * CUPS writes attribute values unquoted: the job name may hold spaces, which is
 * why media and sides are read from the right. (A job-billing value with a
 * space would still be misread; CUPS gives no way to tell.)
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** printer user job-id [date] page copies rest — loose, so that each field can be checked with its own reason. */
const LINE_PATTERN = /^(\S+) (\S+) (\S+) \[([^\]]*)\] (\S+) (\S+) (.*)$/;
/** `%T`: `dd/Mon/yyyy:HH:MM:SS +zzzz`, the server's local time with its offset. */
const DATE_PATTERN = /^(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
/** What detection accepts: the strict shape of the start of a page_log line (not access_log, whose third field is '-'). */
const DETECT_PATTERN = /^\S+ \S+ \d+ \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] (total|\d+) \d+ /;

type Field<T> = { ok: true; value: T } | { ok: false; reason: string };

function instantOf(text: string): Field<string> {
  const bad: Field<string> = { ok: false, reason: `Date: ${shown(text)} is not a valid [dd/Mon/yyyy:HH:MM:SS +zzzz] date` };
  const m = DATE_PATTERN.exec(text);
  if (!m) return bad;
  const month = MONTHS.indexOf(m[2] ?? '') + 1;
  const wall = { year: Number(m[3]), month, day: Number(m[1]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  const offsetHours = Number(m[8]);
  const offsetMinutes = Number(m[9]);
  if (month === 0 || !isValidWallClock(wall) || offsetHours > 14 || offsetMinutes > 59) return bad;
  // The line states its own offset: use it, not the configured zone.
  const offsetMs = (m[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetMs;
  return { ok: true, value: new Date(utc).toISOString() };
}

function sidesOf(keyword: string): 1 | 2 | null {
  if (keyword.startsWith('two-sided')) return 2;
  if (keyword === 'one-sided') return 1;
  return null;
}

/** CUPS writes '-' for an attribute the job does not have. */
function valueOf(text: string): string {
  return text === '-' ? '' : text;
}

interface PageLine {
  key: string;
  time: string;
  user: string;
  printer: string;
  client: string;
  document: string;
  paperSize: string;
  sides: 1 | 2 | null;
  /** 'total' for the CUPS ≥ 2.3 form, else the page number. */
  total: boolean;
  /** N of `total N`, or the copies of one page. */
  count: number;
}

function parseLine(text: string): Field<PageLine> {
  const fail = (reason: string): Field<PageLine> => ({ ok: false, reason });
  if (hasControlCharacters(text)) return fail('the line holds control characters (binary data, not a page_log line)');
  const m = LINE_PATTERN.exec(text);
  if (!m) return fail("not a page_log line: expected 'printer user job-id [dd/Mon/yyyy:HH:MM:SS +zzzz] page copies billing host job-name media sides'");
  const [, printer = '', user = '', jobId = '', date = '', page = '', copies = '', rest = ''] = m;
  if (!/^\d+$/.test(jobId)) return fail(`Job ID: ${shown(jobId)} is not a number`);
  const time = instantOf(date);
  if (!time.ok) return fail(time.reason);
  const total = page === 'total';
  if (!total) {
    const pageNumber = parseCount(page, 'Page');
    if (!pageNumber.ok) return fail(`${pageNumber.reason} (or 'total')`);
  }
  const count = parseCount(copies, total ? 'Total' : 'Copies');
  if (!count.ok) return fail(count.reason);

  // rest = billing host job-name media sides; the job name alone may hold spaces.
  const sidesAt = rest.lastIndexOf(' ');
  const mediaAt = sidesAt < 0 ? -1 : rest.lastIndexOf(' ', sidesAt - 1);
  const billingEnd = rest.indexOf(' ');
  const hostEnd = billingEnd < 0 ? -1 : rest.indexOf(' ', billingEnd + 1);
  if (mediaAt < 0 || hostEnd < 0 || hostEnd > mediaAt) {
    return fail(`too few fields after the copies: ${shown(rest)}, expected 'billing host job-name media sides'`);
  }
  return {
    ok: true,
    value: {
      key: `${printer} ${jobId}`,
      time: time.value,
      user,
      printer,
      client: valueOf(rest.slice(billingEnd + 1, hostEnd)),
      document: valueOf(rest.slice(hostEnd + 1, mediaAt)),
      paperSize: valueOf(rest.slice(mediaAt + 1, sidesAt)),
      sides: sidesOf(rest.slice(sidesAt + 1)),
      total,
      count: count.value,
    },
  };
}

interface OpenJob {
  firstLine: number;
  first: PageLine;
  impressions: number;
  /** The copies every page line agrees on, or null once they differ. */
  copies: number | null;
}

function jobOf(first: PageLine, impressions: number, copies: number): PrintJob {
  return {
    time: first.time,
    user: first.user,
    printer: first.printer,
    client: first.client,
    document: first.document,
    pages: impressions,
    // impressions already include copies (fixtures README: sheets = ceil(impressions ÷ sides)).
    sheets: Math.ceil(impressions / (first.sides ?? 1)),
    copies,
    sides: first.sides,
    nUp: 1,
    color: null,
    paperSize: first.paperSize,
  };
}

function close(open: OpenJob): ParseEvent {
  return { kind: 'job', line: open.firstLine, job: jobOf(open.first, open.impressions, open.copies ?? 1) };
}

/**
 * Per-page jobs (CUPS ≤ 2.2) are held, keyed by destination and job id, until
 * end(). Closing a job when its destination starts another would be wrong:
 * `%p` is the queue, and a class queue prints several jobs at once on its
 * member printers, so their pages interleave under one name. Holding until
 * end() is right for any interleaving and keeps a crash safe: pendingSince is
 * the first line of the oldest open job, so a re-read from there sees every
 * page of every job it re-emits. The cost is one small record per job of the
 * file (a rotated page_log is 1 MB by default) and, for a page_log still being
 * written, jobs appear once the file is ended (rotated or closed by the
 * pipeline).
 *
 * A `total N` line is a whole job and is emitted at once. If page lines of the
 * same job are open (a filter that reports pages and a backend that reports
 * the total), the total is the count and replaces them.
 */
function createParser(): LineParser {
  // Map order is insertion order, i.e. by first line: the first entry is the oldest open job.
  const open = new Map<string, OpenJob>();
  return {
    push(text, line) {
      if (text.trim() === '') return [];
      const parsed = parseLine(text);
      if (!parsed.ok) return [{ kind: 'reject', line, reason: parsed.reason }];
      const p = parsed.value;
      if (p.total) {
        const held = open.get(p.key);
        if (held) {
          open.delete(p.key);
          return [{ kind: 'job', line: held.firstLine, job: jobOf(held.first, p.count, 1) }];
        }
        return [{ kind: 'job', line, job: jobOf(p, p.count, 1) }];
      }
      const held = open.get(p.key);
      if (held) {
        held.impressions += p.count;
        if (held.copies !== p.count) held.copies = null;
      } else {
        open.set(p.key, { firstLine: line, first: p, impressions: p.count, copies: p.count });
      }
      return [];
    },
    end() {
      const events = [...open.values()].map(close);
      open.clear();
      return events;
    },
    pendingSince() {
      const oldest = open.values().next();
      return oldest.done ? null : oldest.value.firstLine;
    },
  };
}

export const cups: FormatModule = {
  name: 'cups',
  description: 'CUPS page_log (default PageLogFormat; page_log.N and .gz too): one "total" line per job (CUPS ≥ 2.3) or one line per page (CUPS ≤ 2.2).',
  resumeFromStart: false,
  needsMapping: false,
  detect(head) {
    const lines = head.map((text, i) => ({ text, number: i + 1 })).filter((l) => l.text.trim() !== '').slice(0, 5);
    const first = lines[0];
    if (!first || !DETECT_PATTERN.test(first.text)) return null;
    const all = lines.every((l) => DETECT_PATTERN.test(l.text));
    return {
      confidence: all ? 90 : 60,
      reason: `line ${first.number} reads 'printer user job-id [dd/Mon/yyyy:HH:MM:SS +zzzz] page copies …' like a CUPS page_log`
        + (all ? '' : ', though not every line that follows does'),
    };
  },
  createParser: () => createParser(),
};
