/**
 * `windows-307`: Microsoft-Windows-PrintService/Operational event 307
 * ("document printed"), as exported by
 * `wevtutil qe … /f:xml [/e:root]` (the XML), or — as a fallback — by
 * `Get-WinEvent … | Export-Csv`, whose `Message` column is the localized text
 * (English and Japanese understood).
 *
 * Event 307 (MS-RPRN RPC_BranchOfficeJobDataPrinted) names pages printed but
 * not copies, duplex or colour: pages = sheets = Param8, sides unknown.
 *
 * Event 805 (RPC_BranchOfficeJobDataRendered, "RenderJobDiag") is logged when
 * the spooler renders the same job, shortly before its 307, and carries the
 * DEVMODE's copies (dmCopies) and colour (dmColor: 1 monochrome, 2 colour).
 * Param8 counts one copy, so when an 805 for the job is in the same export:
 * pages = Param8 × copies, sheets = Param8 × copies (still one-sided: 805 has
 * no duplex), colour from dmColor. The join is by job id and computer within
 * a time window, because the spooler reuses job ids.
 */
import type { Detection, FormatModule, LineParser, ParseEvent, ParserOptions } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { isValidWallClock, wallClockToIso } from '../local-time.js';
import { CsvRecordReader, headerKey, parseCount, type CsvOutput } from './csv-mapped.js';
import { shown } from './reason-text.js';

/** An 805 is logged before its 307: rendering starts, then the job prints. A large job on a slow printer takes minutes. */
export const RENDER_BEFORE_MS = 15 * 60_000;
/** Both are stamped by the same clock; a little slack for events in the same tick. */
export const RENDER_AFTER_MS = 2_000;
/**
 * How far (in event time) the file may move past a held 307 before it is
 * emitted without copies: files are in time order, oldest or newest first,
 * give or take a little, so an 805 cannot turn up after this.
 */
export const HOLD_MARGIN_MS = 60 * 60_000;
/** An <Event> longer than this is not an event but a broken file. */
const MAX_EVENT_CHARS = 1_000_000;

// ---------------------------------------------------------------------------
// XML, just enough for event records
// ---------------------------------------------------------------------------

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  return raw
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, cdata: string) => cdata.replace(/&/g, '&amp;'))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[ref.toLowerCase()] ?? m;
    });
}

const elementPatterns = new Map<string, RegExp>();

/** Inner XML of the first element named `name` (any namespace prefix); '' for `<name/>`; null when absent. */
export function elementXml(xml: string, name: string): string | null {
  let re = elementPatterns.get(name);
  if (!re) {
    re = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`);
    elementPatterns.set(name, re);
  }
  const m = re.exec(xml);
  return m ? (m[1] ?? '') : null;
}

function elementText(xml: string, name: string): string | null {
  const inner = elementXml(xml, name);
  return inner === null ? null : decodeXmlText(inner).trim();
}

const TIME_CREATED_TAG = /<(?:[\w.-]+:)?TimeCreated(?:\s[^>]*)?\/?>/;
const SYSTEM_TIME_ATTR = /\sSystemTime\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** System/TimeCreated/@SystemTime, the one attribute the format needs. */
function systemTimeOf(xml: string): string | null {
  const tag = TIME_CREATED_TAG.exec(xml);
  if (!tag) return null;
  const attr = SYSTEM_TIME_ATTR.exec(tag[0]);
  return attr ? decodeXmlText(attr[1] ?? attr[2] ?? '') : null;
}

/** `2024-03-31T15:30:00.0000000Z` (7 fractional digits, as Windows writes) to epoch ms; null if not a time. */
export function parseSystemTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const w = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  if (!isValidWallClock(w)) return null;
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  let offset = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const d = zone.slice(1).replace(':', '');
    offset = (zone[0] === '-' ? -1 : 1) * (Number(d.slice(0, 2)) * 60 + Number(d.slice(2))) * 60_000;
  }
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms) - offset;
}

// ---------------------------------------------------------------------------
// 307 and 805 records, and their join
// ---------------------------------------------------------------------------

interface Printed {
  key: string;
  timeMs: number;
  line: number;
  pagesPerCopy: number;
  user: string;
  printer: string;
  client: string;
  document: string;
}

interface Rendered {
  key: string;
  timeMs: number;
  line: number;
  copies: number;
  color: boolean | null;
}

function stripClient(client: string): string {
  return client.trim().replace(/^\\\\/, '');
}

function jobOf(p: Printed, r: Rendered | null): PrintJob {
  const copies = r?.copies ?? 1;
  return {
    time: new Date(p.timeMs).toISOString(),
    user: p.user,
    printer: p.printer,
    client: p.client,
    document: p.document,
    pages: p.pagesPerCopy * copies,
    sheets: sheetsOf(p.pagesPerCopy, copies, null),
    copies,
    sides: null,
    nUp: 1,
    color: r?.color ?? null,
    paperSize: '',
  };
}

/**
 * Pairs 307s with 805s whichever comes first in the file (wevtutil writes
 * oldest first, Get-WinEvent newest first). A 307 without its 805 is held
 * until the 805 arrives, the file has moved on by HOLD_MARGIN_MS, or it ends.
 */
export class RenderJoin {
  private held: Printed[] = [];
  private renders: Rendered[] = [];

  /** Emits what can no longer be joined, given that the file has reached an event at `timeMs`. */
  advance(timeMs: number): ParseEvent[] {
    const out: ParseEvent[] = [];
    this.held = this.held.filter((p) => {
      const gone = timeMs > p.timeMs + RENDER_AFTER_MS + HOLD_MARGIN_MS || timeMs < p.timeMs - RENDER_BEFORE_MS - HOLD_MARGIN_MS;
      if (gone) out.push({ kind: 'job', line: p.line, job: jobOf(p, null) });
      return !gone;
    });
    this.renders = this.renders.filter(
      (r) => !(timeMs > r.timeMs + RENDER_BEFORE_MS + HOLD_MARGIN_MS || timeMs < r.timeMs - RENDER_AFTER_MS - HOLD_MARGIN_MS),
    );
    return out;
  }

  printed(p: Printed): ParseEvent[] {
    let best = -1;
    this.renders.forEach((r, i) => {
      if (r.key !== p.key || r.timeMs < p.timeMs - RENDER_BEFORE_MS || r.timeMs > p.timeMs + RENDER_AFTER_MS) return;
      if (best === -1 || r.timeMs > (this.renders[best]?.timeMs ?? 0)) best = i;
    });
    if (best === -1) {
      this.held.push(p);
      return [];
    }
    const [r] = this.renders.splice(best, 1);
    return [{ kind: 'job', line: p.line, job: jobOf(p, r ?? null) }];
  }

  rendered(r: Rendered): ParseEvent[] {
    let best = -1;
    this.held.forEach((p, i) => {
      if (p.key !== r.key || r.timeMs < p.timeMs - RENDER_BEFORE_MS || r.timeMs > p.timeMs + RENDER_AFTER_MS) return;
      if (best === -1 || p.timeMs < (this.held[best]?.timeMs ?? 0)) best = i;
    });
    if (best === -1) {
      this.renders.push(r);
      return [];
    }
    const [p] = this.held.splice(best, 1);
    return p ? [{ kind: 'job', line: p.line, job: jobOf(p, r) }] : [];
  }

  end(): ParseEvent[] {
    const out: ParseEvent[] = this.held.map((p) => ({ kind: 'job', line: p.line, job: jobOf(p, null) }));
    this.held = [];
    this.renders = [];
    return out;
  }

  /**
   * Held 805s count too: a re-read that started after one would emit its 307
   * without copies, a different job from the one the first read would store.
   */
  pendingSince(): number | null {
    let first: number | null = null;
    for (const { line } of [...this.held, ...this.renders]) if (first === null || line < first) first = line;
    return first;
  }
}

function readEvent(xml: string, line: number, join: RenderJoin): ParseEvent[] {
  const id = elementText(xml, 'EventID');
  if (id !== '307' && id !== '805') {
    // Other PrintService events (and other logs) in the export are not jobs,
    // but their times still tell how far the file has moved on.
    const t = parseSystemTime(systemTimeOf(xml) ?? '');
    return t === null ? [] : join.advance(t);
  }
  const timeText = systemTimeOf(xml);
  const timeMs = timeText === null ? null : parseSystemTime(timeText);
  if (timeMs === null) return [{ kind: 'reject', line, reason: `event ${id}: ${timeText === null ? 'no System/TimeCreated/@SystemTime' : `SystemTime ${shown(timeText)} is not a time`}` }];
  const out = join.advance(timeMs);
  const computer = elementText(xml, 'Computer') ?? '';

  if (id === '805') {
    const data = elementXml(xml, 'RenderJobDiag');
    if (data === null) return [...out, { kind: 'reject', line, reason: 'event 805 without UserData/RenderJobDiag' }];
    const jobId = elementText(data, 'JobId') ?? '';
    const copiesText = elementText(data, 'Copies') ?? '';
    const copies = parseCount(copiesText);
    if (!/^\d+$/.test(jobId)) return [...out, { kind: 'reject', line, reason: `event 805: JobId ${shown(jobId)} is not a job number` }];
    if (copies === null) return [...out, { kind: 'reject', line, reason: `event 805 (job ${jobId}): Copies ${shown(copiesText)} is not a whole number` }];
    const colorText = elementText(data, 'Color');
    return [
      ...out,
      ...join.rendered({
        key: `${computer}|${jobId}`,
        timeMs,
        line,
        // Some drivers log 0 copies for every job; a printed job is at least one copy.
        copies: Math.max(1, copies),
        color: colorText === '2' ? true : colorText === '1' ? false : null,
      }),
    ];
  }

  const data = elementXml(xml, 'DocumentPrinted');
  if (data === null) return [...out, { kind: 'reject', line, reason: 'event 307 without UserData/DocumentPrinted' }];
  const params = new Map<string, string>();
  for (const m of data.matchAll(/<(?:[\w.-]+:)?(Param\d+)(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?\1\s*>)/g)) {
    params.set(m[1] ?? '', decodeXmlText(m[2] ?? '').trim());
  }
  const jobId = params.get('Param1') ?? '';
  const pagesText = params.get('Param8');
  if (pagesText === undefined) return [...out, { kind: 'reject', line, reason: 'event 307: no Param8 (pages printed)' }];
  const pages = parseCount(pagesText);
  if (pages === null) return [...out, { kind: 'reject', line, reason: `event 307: Param8 (pages printed) ${shown(pagesText)} is not a whole number` }];
  return [
    ...out,
    ...join.printed({
      key: `${computer}|${jobId}`,
      timeMs,
      line,
      pagesPerCopy: pages,
      document: params.get('Param2') ?? '',
      user: params.get('Param3') ?? '',
      client: stripClient(params.get('Param4') ?? ''),
      printer: params.get('Param5') ?? '',
    }),
  ];
}

/** Cuts `<Event …>…</Event>` records out of fed lines, whatever the line breaks and whether or not a root element wraps them. */
class EventSplitter {
  private buf = '';
  private startLine: number | null = null;

  constructor(private readonly onEvent: (xml: string, line: number) => ParseEvent[]) {}

  push(text: string, line: number): ParseEvent[] {
    const out: ParseEvent[] = [];
    let rest = text;
    for (;;) {
      if (this.startLine === null) {
        // `<Event` followed by a space, `>` or the line end: not `<Events>`, `<EventID>` or `<EventData>`.
        const m = /<(?:[\w.-]+:)?Event(?=[\s>/]|$)/.exec(rest);
        if (!m) return out;
        this.startLine = line;
        this.buf = '';
        rest = rest.slice(m.index);
      }
      const close = /<\/(?:[\w.-]+:)?Event\s*>/.exec(rest);
      if (close) {
        const xml = this.buf + rest.slice(0, close.index + close[0].length);
        const start = this.startLine;
        this.startLine = null;
        this.buf = '';
        out.push(...this.onEvent(xml, start));
        rest = rest.slice(close.index + close[0].length);
        continue;
      }
      this.buf += `${rest}\n`;
      if (this.buf.length > MAX_EVENT_CHARS) {
        out.push({ kind: 'reject', line: this.startLine, reason: `an <Event> element is not closed within ${MAX_EVENT_CHARS} characters` });
        this.startLine = null;
        this.buf = '';
      }
      return out;
    }
  }

  end(): ParseEvent[] {
    if (this.startLine === null) return [];
    const line = this.startLine;
    this.startLine = null;
    this.buf = '';
    return [{ kind: 'reject', line, reason: 'the file ends inside an <Event> element (export cut short?)' }];
  }

  pendingSince(): number | null {
    return this.startLine;
  }
}

// ---------------------------------------------------------------------------
// Get-WinEvent | Export-Csv: the localized Message text
// ---------------------------------------------------------------------------

export interface MessageFields {
  jobId: string;
  document: string;
  user: string;
  client: string;
  printer: string;
  pages: number;
}

/**
 * Reads a 307 Message in English or Japanese. Each field is found by its own
 * anchor words rather than one sentence-long pattern, so a wording that
 * differs between Windows versions (所有者: / 所有者, 上で / 上の, に / で印刷)
 * loses at most that field; only the page count is required.
 */
export function parse307Message(message: string): MessageFields | null {
  const text = message.replace(/\s+/g, ' ').trim();
  const en = /Pages printed:\s*([\d,]+)/i.exec(text);
  if (en) {
    const pages = parseCount(en[1] ?? '');
    if (pages === null) return null;
    const who = /^.*\sowned by\s+(.*?)\s+on\s+(\\\\\S*|\S*)\s+was printed on\s/i.exec(text);
    return {
      jobId: /^Document\s+(\d+)/i.exec(text)?.[1] ?? '',
      // Greedy: a document name is free text, a user name is not.
      document: /^Document\s+\d+\s*,\s*(.*)\s+owned by\s/i.exec(text)?.[1]?.trim() ?? '',
      user: who?.[1]?.trim() ?? '',
      client: stripClient(who?.[2] ?? ''),
      printer: /\swas printed on\s+(.*?)\s+through port\s/i.exec(text)?.[1]?.trim() ?? /\swas printed on\s+(.*?)\.\s/i.exec(text)?.[1]?.trim() ?? '',
      pages,
    };
  }
  const ja = /印刷(?:された)?ページ数\s*[:：]\s*([\d,０-９]+)/.exec(text) ?? /ページ数\s*[:：]\s*([\d,０-９]+)/.exec(text);
  if (ja) {
    const pages = parseCount(ja[1] ?? '');
    if (pages === null) return null;
    const owner = /^ドキュメント\s*\d+\s*[,、，]\s*(.*)[(（]\s*所有者\s*[:：]?\s*(.*?)\s*[)）]/.exec(text);
    const client = /(\\\\[^\s、。,，(（]+)/.exec(text)?.[1] ?? '';
    const printer = /\\\\[^\s、。,，(（]+\s*上[のでに]?\s*(.*?)\s*[(（]\s*ポート/.exec(text)?.[1]
      ?? /上[のでに]?\s*(.*?)\s*(?:[にで]印刷|[(（]\s*ポート)/.exec(text)?.[1]
      ?? '';
    return {
      jobId: /^ドキュメント\s*(\d+)/.exec(text)?.[1] ?? '',
      document: owner?.[1]?.trim() ?? '',
      user: owner?.[2]?.trim() ?? '',
      client: stripClient(client),
      printer: printer.trim(),
      pages,
    };
  }
  return null;
}

const MONTHS_FIRST_AMPM = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)$/i;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * TimeCreated as Export-Csv writes it: in the exporting session's culture and
 * local time ("4/1/2024 9:30:15 AM" en-US, "2024/04/01 9:30:15" ja-JP), or ISO.
 */
export function parseExportedTime(text: string, timeZone: string): { iso: string } | { problem: string } {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const ms = parseSystemTime(t);
    if (ms !== null && /(Z|[+-]\d{2}:?\d{2})$/i.test(t)) return { iso: new Date(ms).toISOString() };
  }
  let w: { year: number; month: number; day: number; hour: number; minute: number; second: number } | null = null;
  let m = MONTHS_FIRST_AMPM.exec(t);
  if (m) {
    const h = Number(m[4]);
    if (h < 1 || h > 12) return { problem: `TimeCreated ${shown(t)}: hour ${h} on a 12-hour clock` };
    w = { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]), hour: (h % 12) + (/pm/i.test(m[7] ?? '') ? 12 : 0), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  } else if ((m = YEAR_FIRST.exec(t.replace('T', ' ')))) {
    w = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  } else if ((m = YEAR_LAST.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots are day-first everywhere; with slashes and a 24-hour clock only a
    // part above 12 says which is the day.
    const dayFirst = m[2] === '.' || a > 12 ? true : b > 12 ? false : null;
    if (dayFirst === null) return { problem: `TimeCreated ${shown(t)}: day and month cannot be told apart; export with an ISO time (e.g. Select-Object @{n='TimeCreated';e={$_.TimeCreated.ToString('o')}})` };
    w = { year: Number(m[4]), month: dayFirst ? b : a, day: dayFirst ? a : b, hour: Number(m[5]), minute: Number(m[6]), second: Number(m[7] ?? 0) };
  }
  if (!w) return { problem: `TimeCreated ${shown(t)} is not a date and time this importer reads` };
  const iso = wallClockToIso(w, timeZone);
  return iso ? { iso } : { problem: `TimeCreated ${shown(t)} is not a real date and time` };
}

interface CsvColumns {
  message: number;
  time: number;
  id: number | null;
}

function csvColumnsOf(header: readonly string[]): CsvColumns | null {
  const keys = header.map(headerKey);
  const message = keys.indexOf('message');
  const time = keys.indexOf('timecreated');
  const id = keys.indexOf('id');
  if (message === -1 || time === -1) return null;
  return { message, time, id: id === -1 ? null : id };
}

function csvParser(opts: ParserOptions): LineParser {
  const reader = new CsvRecordReader(',', 200);
  let columns: CsvColumns | null = null;
  let headerLine: number | null = null;
  const handle = (out: CsvOutput): ParseEvent[] => {
    if (out.kind === 'broken') return [{ kind: 'reject', line: out.line, reason: out.reason }];
    if (out.fields.every((f) => f.trim() === '')) return [];
    // Windows PowerShell 5.1 writes '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord' first.
    if (headerLine === null && (out.fields[0] ?? '').replace(/^\uFEFF/, '').startsWith('#')) return [];
    if (headerLine === null) {
      headerLine = out.line;
      columns = csvColumnsOf(out.fields);
      return columns ? [] : [{ kind: 'reject', line: out.line, reason: `not a Get-WinEvent CSV header: needs Message and TimeCreated columns (found: ${out.fields.join(', ')})` }];
    }
    if (!columns) return [{ kind: 'reject', line: out.line, reason: `the header on line ${headerLine} has no Message and TimeCreated columns` }];
    const id = columns.id === null ? null : (out.fields[columns.id] ?? '').trim();
    if (id !== null && id !== '307') return [];
    const message = out.fields[columns.message];
    const timeText = out.fields[columns.time];
    if (message === undefined || timeText === undefined) return [{ kind: 'reject', line: out.line, reason: `only ${out.fields.length} fields; the header on line ${headerLine} has more` }];
    const fields = parse307Message(message);
    if (!fields) {
      // Without an Id column, rows of other events are expected here and skipped.
      if (id === null) return [];
      return [{ kind: 'reject', line: out.line, reason: `event 307: Message not understood (English or Japanese expected): ${shown(message)}` }];
    }
    const time = parseExportedTime(timeText, opts.timeZone);
    if ('problem' in time) return [{ kind: 'reject', line: out.line, reason: time.problem }];
    return [{
      kind: 'job',
      line: out.line,
      job: {
        time: time.iso, user: fields.user, printer: fields.printer, client: fields.client, document: fields.document,
        pages: fields.pages, sheets: sheetsOf(fields.pages, 1, null), copies: 1, sides: null, nUp: 1, color: null, paperSize: '',
      },
    }];
  };
  return {
    push: (text, line) => reader.push(text, line).flatMap(handle),
    end: () => reader.end().flatMap(handle),
    pendingSince: () => reader.pendingSince(),
  };
}

function xmlParser(): LineParser {
  const join = new RenderJoin();
  const splitter = new EventSplitter((xml, line) => readEvent(xml, line, join));
  return {
    push: (text, line) => splitter.push(text, line),
    end: () => [...splitter.end(), ...join.end()],
    pendingSince: () => {
      const lines = [splitter.pendingSince(), join.pendingSince()].filter((l): l is number => l !== null);
      return lines.length > 0 ? Math.min(...lines) : null;
    },
  };
}

// ---------------------------------------------------------------------------
// Detection and the module
// ---------------------------------------------------------------------------

function firstRecord(lines: readonly string[], from: number): { fields: string[]; index: number } | null {
  const reader = new CsvRecordReader(',', 20);
  for (let i = from; i < lines.length; i++) {
    for (const out of reader.push(lines[i] ?? '', i)) if (out.kind === 'record') return { fields: out.fields, index: out.line };
  }
  return null;
}

function detect(head: readonly string[]): Detection | null {
  const lines = head.map((l, i) => (i === 0 ? l.replace(/^\uFEFF/, '') : l));
  const xmlAt = lines.findIndex((l) => /<Event\s+xmlns=|<Events[\s>]/.test(l));
  if (xmlAt !== -1) {
    const what = /<Event\s+xmlns=/.test(lines[xmlAt] ?? '') ? '<Event xmlns=' : '<Events>';
    const all = lines.join('\n');
    if (/<EventID(?:\s[^>]*)?>\s*307\s*</.test(all) || /Microsoft-Windows-PrintService/.test(all)) {
      return { confidence: 95, reason: `line ${xmlAt + 1} contains '${what}' (a Windows event export) with PrintService events` };
    }
    return { confidence: 60, reason: `line ${xmlAt + 1} contains '${what}' (a Windows event export), though no event 307 is in the first lines` };
  }
  let from = 0;
  while (from < lines.length && (lines[from] ?? '').startsWith('#')) from++;
  const header = firstRecord(lines, from);
  if (!header) return null;
  const columns = csvColumnsOf(header.fields);
  if (!columns) return null;
  const reader = new CsvRecordReader(',', 20);
  for (let i = header.index + 1; i < lines.length; i++) {
    for (const out of reader.push(lines[i] ?? '', i)) {
      if (out.kind !== 'record') continue;
      const id = columns.id === null ? null : out.fields[columns.id]?.trim();
      if ((id === '307' || id === null) && parse307Message(out.fields[columns.message] ?? '')) {
        return { confidence: 90, reason: `line ${header.index + 1} is a Get-WinEvent CSV header (Message, TimeCreated) and line ${out.line + 1} is a 'document printed' event 307` };
      }
    }
  }
  return { confidence: 40, reason: `line ${header.index + 1} is a Get-WinEvent CSV header (Message, TimeCreated), though no event 307 is in the first lines` };
}

export const windows307: FormatModule = {
  name: 'windows-307',
  description: 'Windows print server event 307 (PrintService/Operational) exported with wevtutil /f:xml, or with Get-WinEvent | Export-Csv; event 805 in the same export adds copies and colour.',
  resumeFromStart: true,
  needsMapping: false,
  detect,
  createParser(opts: ParserOptions): LineParser {
    // The first non-blank line decides: an XML export starts with '<' (an
    // <?xml?> declaration, a root element or the first <Event>); anything else
    // is read as the CSV export.
    let inner: LineParser | null = null;
    return {
      push(text, line) {
        if (!inner) {
          const t = text.replace(/^\uFEFF/, '').trim();
          if (t === '') return [];
          inner = t.startsWith('<') ? xmlParser() : csvParser(opts);
        }
        return inner.push(text, line);
      },
      end: () => inner?.end() ?? [],
      pendingSince: () => inner?.pendingSince() ?? null,
    };
  },
};
