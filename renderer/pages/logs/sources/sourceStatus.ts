import type { Language, SourceStatus } from '../../../../shared/api/index.js';
import { DEFAULT_TIME_ZONE, formatWarekiDate, formatWarekiDateTime } from '../../../../shared/domain/wareki.js';
import { formatBytes } from '../logText.js';

/**
 * The status badge of a source, decided once here so the table, its tooltip
 * and the tests agree: a stopped source says so before anything else, a
 * recorded problem comes next, then an agent that is not calling in.
 */
export type SourceHealth =
  | { kind: 'stopped' }
  | { kind: 'error'; message: string; at: string | null }
  /** An agent source whose agent has never called the hub. */
  | { kind: 'agentNever' }
  /** An agent that called, but not for longer than AGENT_STALE_MS. */
  | { kind: 'agentStale'; seenAt: string }
  | { kind: 'ok' };

/**
 * An agent sends what it has every few seconds and says hello when it starts;
 * ten quiet minutes mean the branch server is off, the agent stopped or the
 * network is down, which is worth a badge.
 */
export const AGENT_STALE_MS = 10 * 60 * 1000;

type HealthInput = Pick<SourceStatus, 'active' | 'kind' | 'lastError' | 'lastErrorAt' | 'agent'>;

export function sourceHealth(source: HealthInput, now: number): SourceHealth {
  if (!source.active) return { kind: 'stopped' };
  if (source.lastError !== null && source.lastError !== '') {
    return { kind: 'error', message: source.lastError, at: source.lastErrorAt };
  }
  if (source.kind === 'agent') {
    const seenAt = source.agent?.seenAt ?? null;
    if (seenAt === null) return { kind: 'agentNever' };
    const seen = Date.parse(seenAt);
    // An unreadable time is treated as "never": the badge must not claim a connection it cannot show.
    if (Number.isNaN(seen)) return { kind: 'agentNever' };
    if (now - seen > AGENT_STALE_MS) return { kind: 'agentStale', seenAt };
  }
  return { kind: 'ok' };
}

/** How far reading is behind writing: unknown (an agent that never called), nothing, or a size. */
export type LagText = { kind: 'unknown' } | { kind: 'none' } | { kind: 'bytes'; text: string };

export function describeLag(lagBytes: number | null): LagText {
  if (lagBytes === null) return { kind: 'unknown' };
  if (lagBytes <= 0) return { kind: 'none' };
  return { kind: 'bytes', text: formatBytes(lagBytes) };
}

const relativeFormatters = new Map<Language, Intl.RelativeTimeFormat>();

function relativeFormatter(lang: Language): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { numeric: 'auto' });
    relativeFormatters.set(lang, f);
  }
  return f;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Calendar-free approximations: an age is a hint beside the exact 和暦 date, not a date itself.
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * "3分前" / "3 minutes ago": how old the last job is, next to its 和暦 date.
 * A time slightly in the future (clock skew between hub and branch) reads as
 * "now" rather than "in 2 minutes".
 */
export function relativeAge(iso: string, now: number, lang: Language): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const age = Math.max(0, now - then);
  const f = relativeFormatter(lang);
  if (age < MINUTE) return f.format(0, 'second');
  if (age < HOUR) return f.format(-Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return f.format(-Math.floor(age / HOUR), 'hour');
  if (age < MONTH) return f.format(-Math.floor(age / DAY), 'day');
  if (age < YEAR) return f.format(-Math.floor(age / MONTH), 'month');
  return f.format(-Math.floor(age / YEAR), 'year');
}

/** A job time of the preview in 和暦 with seconds (jobs a second apart must be told apart); the text as given if it is not a time. */
export function jobTimeLabel(iso: string, lang: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const seconds = new Intl.DateTimeFormat('en-US', { timeZone: DEFAULT_TIME_ZONE, second: '2-digit' }).format(ms).padStart(2, '0');
  return `${formatWarekiDateTime(ms, lang)}:${seconds}`;
}

/** A counter reading's month, `2024-04` → 令和6年4月 / Apr 2024; the text as given if it is not one. */
export function monthLabel(month: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  // Noon in Tokyo on the 15th: safely inside the month whatever the zone.
  const mid = Date.UTC(Number(m[1]), Number(m[2]) - 1, 15, 3);
  return formatWarekiDate(mid, lang).replace(lang === 'ja' ? /\d+日$/ : /^\d+ /, '');
}

/**
 * The command a branch server runs to send this source's files to the hub.
 * A folder written the Windows way (`D:\logs`, `\\server\share`) is quoted
 * for cmd.exe and PowerShell, anything else for a POSIX shell; either way a
 * glob reaches the agent unexpanded. An empty folder (the branch's folder
 * is not known yet) is shown as `placeholder`, unquoted, for the user to fill.
 */
export function agentCommand(opts: {
  hub: string;
  token: string;
  folder: string;
  glob: string;
  format: string;
  placeholder: string;
}): string {
  const windows = opts.folder.includes('\\') || /^[A-Za-z]:/.test(opts.folder);
  const arg = (value: string) => shellArg(value, windows);
  const folder = opts.folder === '' ? opts.placeholder : arg(opts.folder);
  return ['npx kamiless agent', '--hub', arg(opts.hub), '--token', arg(opts.token), '--path', folder, '--glob', arg(opts.glob), '--format', arg(opts.format)].join(' ');
}

function shellArg(value: string, windows: boolean): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(value)) return value;
  // Windows argument parsing reads `\"` as an escaped quote, so trailing backslashes are doubled.
  if (windows) return `"${value.replace(/(\\+)$/, '$1$1')}"`;
  // Single quotes keep everything literal in a POSIX shell; a quote itself is closed, escaped, reopened.
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Loopback addresses cannot be reached from a branch: the command needs the hub's LAN address instead. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}
