import { describe, expect, it } from 'vitest';
import {
  AGENT_STALE_MS,
  agentCommand,
  describeLag,
  isLoopbackOrigin,
  jobTimeLabel,
  monthLabel,
  relativeAge,
  sourceHealth,
} from '../../../renderer/pages/logs/sources/sourceStatus.js';
import { bytesToBase64 } from '../../../renderer/pages/logs/sources/sample.js';

const now = Date.parse('2024-10-01T03:00:00Z');
const base = { active: true, kind: 'folder' as const, lastError: null, lastErrorAt: null, agent: null };

describe('the status badge of a source', () => {
  it('says OK for an active folder source without a problem', () => {
    expect(sourceHealth(base, now)).toEqual({ kind: 'ok' });
  });

  it('says stopped before anything else, even with an old error', () => {
    expect(sourceHealth({ ...base, active: false, lastError: 'folder missing' }, now)).toEqual({ kind: 'stopped' });
  });

  it('shows the recorded problem with its text', () => {
    expect(sourceHealth({ ...base, lastError: "ENOENT: no such folder 'D:\\logs'", lastErrorAt: '2024-10-01T02:59:00Z' }, now)).toEqual({
      kind: 'error',
      message: "ENOENT: no such folder 'D:\\logs'",
      at: '2024-10-01T02:59:00Z',
    });
  });

  it('says an agent that never called is not connected', () => {
    expect(sourceHealth({ ...base, kind: 'agent' }, now)).toEqual({ kind: 'agentNever' });
    expect(sourceHealth({ ...base, kind: 'agent', agent: { host: null, version: null, seenAt: null } }, now)).toEqual({ kind: 'agentNever' });
  });

  it('says an agent quiet for more than ten minutes is not connected, and one seen just now is OK', () => {
    const seen = (ms: number) => ({ ...base, kind: 'agent' as const, agent: { host: 'GEIHOKU-SV', version: '0.1.0', seenAt: new Date(now - ms).toISOString() } });
    expect(sourceHealth(seen(AGENT_STALE_MS), now)).toEqual({ kind: 'ok' });
    expect(sourceHealth(seen(AGENT_STALE_MS + 1000), now)).toEqual({ kind: 'agentStale', seenAt: new Date(now - AGENT_STALE_MS - 1000).toISOString() });
    expect(sourceHealth(seen(5000), now)).toEqual({ kind: 'ok' });
  });

  it('puts an agent error before its connection state', () => {
    expect(sourceHealth({ ...base, kind: 'agent', lastError: 'format differs' }, now).kind).toBe('error');
  });

  it('ignores the agent fields of a folder source', () => {
    expect(sourceHealth({ ...base, agent: { host: null, version: null, seenAt: null } }, now)).toEqual({ kind: 'ok' });
  });
});

describe('the backlog of a source', () => {
  it('says "up to date" for nothing left, unknown for an agent that never called, else a size', () => {
    expect(describeLag(0)).toEqual({ kind: 'none' });
    expect(describeLag(null)).toEqual({ kind: 'unknown' });
    expect(describeLag(980)).toEqual({ kind: 'bytes', text: '980 B' });
    expect(describeLag(1843)).toEqual({ kind: 'bytes', text: '1.8 KB' });
    expect(describeLag(5 * 1024 * 1024)).toEqual({ kind: 'bytes', text: '5 MB' });
  });
});

describe('times on the sources table and in the preview', () => {
  it('gives the age of the last job in words', () => {
    expect(relativeAge(new Date(now - 20_000).toISOString(), now, 'ja')).toBe('今');
    expect(relativeAge(new Date(now - 3 * 60_000).toISOString(), now, 'ja')).toBe('3 分前');
    expect(relativeAge(new Date(now - 3 * 60_000).toISOString(), now, 'en')).toBe('3 minutes ago');
    expect(relativeAge(new Date(now - 5 * 3_600_000).toISOString(), now, 'ja')).toBe('5 時間前');
    expect(relativeAge(new Date(now - 2 * 86_400_000).toISOString(), now, 'en')).toBe('2 days ago');
    expect(relativeAge(new Date(now - 45 * 86_400_000).toISOString(), now, 'ja')).toBe('先月');
    expect(relativeAge(new Date(now - 937 * 86_400_000).toISOString(), now, 'ja')).toBe('2 年前');
    // A branch clock a little ahead is "now", not "in 2 minutes".
    expect(relativeAge(new Date(now + 120_000).toISOString(), now, 'en')).toBe('now');
    expect(relativeAge('not a time', now, 'ja')).toBe('');
  });

  it('writes a job time in 和暦 with seconds, in Tokyo', () => {
    expect(jobTimeLabel('2024-09-30T23:26:10Z', 'ja')).toBe('令和6年10月1日 8:26:10');
    expect(jobTimeLabel('2024-09-30T23:26:10Z', 'en')).toBe('1 Oct 2024, 08:26:10');
    expect(jobTimeLabel('2019-04-30T15:00:05Z', 'ja')).toBe('令和元年5月1日 0:00:05');
    expect(jobTimeLabel('garbage', 'ja')).toBe('garbage');
  });

  it('writes a counter month in 和暦', () => {
    expect(monthLabel('2024-04', 'ja')).toBe('令和6年4月');
    expect(monthLabel('2019-04', 'ja')).toBe('平成31年4月');
    expect(monthLabel('2024-04', 'en')).toBe('Apr 2024');
    expect(monthLabel('April', 'ja')).toBe('April');
  });
});

describe('the command for a branch agent', () => {
  const opts = { hub: 'https://kamiless.town.example.lg.jp:4317', token: 'ks_Ab12-cd_34', glob: 'page_log*', format: 'cups', placeholder: '<支所のフォルダー>' };

  it('quotes a POSIX folder and the glob so the shell passes them unexpanded', () => {
    expect(agentCommand({ ...opts, folder: '/var/log/cups' })).toBe(
      "npx kamiless agent --hub https://kamiless.town.example.lg.jp:4317 --token ks_Ab12-cd_34 --path /var/log/cups --glob 'page_log*' --format cups",
    );
    expect(agentCommand({ ...opts, folder: "/srv/it's logs" })).toContain(`--path '/srv/it'\\''s logs'`);
  });

  it('quotes a Windows folder with double quotes, keeping a trailing backslash', () => {
    const cmd = agentCommand({ ...opts, folder: 'D:\\PaperCut Print Logger\\logs\\csv\\daily\\', glob: 'papercut-print-log-*.csv', format: 'papercut-logger' });
    expect(cmd).toContain('--path "D:\\PaperCut Print Logger\\logs\\csv\\daily\\\\"');
    expect(cmd).toContain('--glob "papercut-print-log-*.csv"');
    expect(agentCommand({ ...opts, folder: '\\\\printsv01\\logs' })).toContain('--path "\\\\printsv01\\logs"');
  });

  it('leaves the placeholder for a folder the branch has not told yet', () => {
    expect(agentCommand({ ...opts, folder: '' })).toContain('--path <支所のフォルダー> --glob');
  });

  it('warns about addresses a branch cannot reach', () => {
    expect(isLoopbackOrigin('http://127.0.0.1:4317')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:4317')).toBe(true);
    expect(isLoopbackOrigin('http://[::1]:4317')).toBe(true);
    expect(isLoopbackOrigin('http://192.168.1.10:4317')).toBe(false);
    expect(isLoopbackOrigin('not a url')).toBe(false);
  });
});

describe('a sample read in the browser', () => {
  it('is sent as base64, also when larger than one slice', () => {
    expect(bytesToBase64(new Uint8Array([0x82, 0xa0, 0x0a]))).toBe('gqAK');
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
