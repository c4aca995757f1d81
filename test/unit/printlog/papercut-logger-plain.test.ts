import { describe, expect, it } from 'vitest';
import { PlainRows, plainRow } from '../../../shared/domain/printlog/formats/papercut-logger.js';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import { sheetsOf } from '../../../shared/domain/printlog/job.js';
import { unixSeconds } from '../../../shared/domain/printlog/job-key.js';
import { localTimeToIso } from '../../../shared/domain/printlog/local-time.js';

/**
 * The reader of rows in the logger's own form as it was before it was
 * written by hand: one regular expression. The hand-written reader must take
 * exactly the rows it took and make the same jobs of them.
 */
const PLAIN_ROW = new RegExp(
  [
    '^(\\d{4})-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)',
    '([^,"\\x00-\\x1f\\x7f]*)', '(\\d{1,15})', '(\\d{1,15})', '([^,"\\x00-\\x1f\\x7f]*)',
    '(?:"([^"\\x00-\\x1f\\x7f]*(?:""[^"\\x00-\\x1f\\x7f]*)*)"|([^,"\\x00-\\x1f\\x7f]*))',
    '([^,"\\x00-\\x1f\\x7f]*)', '([^,"\\x00-\\x1f\\x7f]*)',
    '[^,"\\x00-\\x1f\\x7f]*', '[^,"\\x00-\\x1f\\x7f]*', '[^,"\\x00-\\x1f\\x7f]*',
    '(DUPLEX|NOT DUPLEX|)', '(GRAYSCALE|NOT GRAYSCALE|)', '[^,"\\x00-\\x1f\\x7f]*,?$',
  ].join(','),
);

/** What the regular expression made of a row, and the Unix second of its time, which the hand-written reader adds. */
function byRegex(row: string, line: number, timeZone = 'Asia/Tokyo'): ParseEvent | null {
  const m = PLAIN_ROW.exec(row);
  if (m === null) return null;
  const copies = Number(m[9]);
  const time = localTimeToIso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), timeZone);
  if (copies < 1 || time === null) return null;
  const pages = Number(m[8]);
  const sides = m[15] === 'DUPLEX' ? 2 : m[15] === 'NOT DUPLEX' ? 1 : null;
  const quoted = m[11];
  return {
    kind: 'job', line, second: unixSeconds(time), job: {
      time, user: (m[7] ?? '').trim(), printer: (m[10] ?? '').trim(), client: (m[13] ?? '').trim(),
      document: quoted === undefined ? (m[12] ?? '') : quoted.replaceAll('""', '"'),
      pages: pages * copies, sheets: sheetsOf(pages, copies, sides), copies, sides, nUp: 1,
      color: m[16] === 'GRAYSCALE' ? false : m[16] === 'NOT GRAYSCALE' ? true : null, paperSize: (m[14] ?? '').trim(),
    },
  };
}

/** A small deterministic random source, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GOOD = {
  time: ['2024-04-01 09:00:12', '2024-12-31 23:59:59', '2025-02-28 00:00:00'],
  word: ['sato-k', 'HONCHO-SOUMU-MFP01', 'PC-3', 'A4', '', ' padded ', '\u3000全角\u3000', '総務課 複合機', 'x'.repeat(40)],
  count: ['1', '3', '25', '0', '123456789012345'],
  doc: ['"a.pdf"', '"議事録①, 第2回.docx"', '"say ""hi"".txt"', 'plain.pdf', '""', '"""quoted"""', ''],
  duplex: ['DUPLEX', 'NOT DUPLEX', ''],
  gray: ['GRAYSCALE', 'NOT GRAYSCALE', ''],
  size: ['37kb', '', '1.2MB'],
};
const ODD = {
  time: ['2024-4-01 09:00:12', '2024-13-01 09:00:00', '2024-02-30 10:00:00', '2024-04-01 24:00:00', '2024-04-01T09:00:12', ' 2024-04-01 09:00:12'],
  word: ['a"b', 'tab\there', 'bell\u0007', 'del\u007f', 'a,b'],
  count: ['', ' 3', '3 ', '-1', '1.5', '1234567890123456', '１'],
  doc: ['"unterminated', '"a"b"', '"ctl\u0001"', 'a"b', '"a""', '"x",', '"a"",b"', '"a""""'],
  duplex: ['duplex', 'DUPLEX ', 'SIMPLEX'],
  gray: ['grayscale', 'COLOR'],
  size: ['a"b', '1,2', 'x\u0002'],
};
type Field = keyof typeof GOOD;

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** A row of good fields with, now and then, an odd one, a field too many or too few, or a different ending. */
function makeRow(r: () => number): string {
  const value = (f: Field) => (r() < 0.06 ? pick(r, ODD[f]) : pick(r, GOOD[f]));
  const fields = [
    value('time'), value('word'), value('count'), value('count'), value('word'), value('doc'), value('word'), value('word'),
    'PCL6', '', '', value('duplex'), value('gray'), value('size'),
  ];
  if (r() < 0.05) fields.splice(Math.floor(r() * fields.length), 1);
  if (r() < 0.05) fields.splice(Math.floor(r() * fields.length), 0, value('word'));
  const ending = pick(r, [',', ',', ',', '', ',,', ', ', ',"', '"']);
  const row = fields.join(',') + ending;
  // Now and then cut short anywhere, or with a quote put in anywhere.
  const at = Math.floor(r() * row.length);
  if (r() < 0.03) return row.slice(0, at);
  if (r() < 0.03) return `${row.slice(0, at)}"${row.slice(at)}`;
  return row;
}

describe('Print Logger rows in the logger\'s own form', () => {
  it('are taken, and read, exactly as the regular expression before took and read them', () => {
    const r = random(20261126);
    const rows = new PlainRows('Asia/Tokyo');
    let taken = 0;
    for (let i = 0; i < 60_000; i++) {
      const row = makeRow(r);
      const want = byRegex(row, i);
      expect(plainRow(row, i, rows), row).toEqual(want);
      if (want !== null) taken += 1;
    }
    // Both kinds met often enough to mean something.
    expect(taken).toBeGreaterThan(10_000);
    expect(taken).toBeLessThan(50_000);
  });

  it('give the same words again as the same strings, and keep none of the row they were read from', () => {
    const rows = new PlainRows('Asia/Tokyo');
    const first = plainRow('2024-04-01 09:00:12,sato-k,1,1,HONCHO-SOUMU-MFP01,"a.pdf",PC-3,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,', 1, rows);
    const second = plainRow('2024-04-01 09:00:13,sato-k,2,1,HONCHO-SOUMU-MFP01,"b.pdf",PC-4,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,', 2, rows);
    if (first?.kind !== 'job' || second?.kind !== 'job') throw new Error('not jobs');
    expect(second.job.printer).toBe('HONCHO-SOUMU-MFP01');
    expect(second.job.client).toBe('PC-4');
    // A word cache that answered a different word of the same length would show here.
    expect([first.job.client, second.job.client]).toEqual(['PC-3', 'PC-4']);
  });

  it('tell apart two words whose hashes are the same', () => {
    const rows = new PlainRows('Asia/Tokyo');
    // FNV-1a gives both 'PC-386889' and 'PC-2108764' the same 32 bits; same-length words are checked the same way.
    for (const client of ['PC-386889', 'PC-2108764', 'PC-386889', 'PC-2108764']) {
      const row = `2024-04-01 09:00:12,sato-k,1,1,P1,"a.pdf",${client},A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,`;
      const event = plainRow(row, 1, rows);
      expect(event?.kind === 'job' && event.job.client).toBe(client);
    }
  });

  it('read their times as the zone has them, hour after hour across offset changes, with the second of each', () => {
    const days = [[2024, 3, 10], [2024, 3, 31], [2024, 11, 3], [2024, 10, 6], [2024, 6, 15]];
    for (const timeZone of ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      const rows = new PlainRows(timeZone);
      for (const [y = 0, mo = 0, d = 0] of days) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
          const local = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const row = `${local},sato-k,1,1,P1,"a.pdf",PC-1,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,`;
          const got = plainRow(row, 1, rows);
          const want = byRegex(row, 1, timeZone);
          if (got?.kind !== 'job' || want?.kind !== 'job') throw new Error(`${timeZone} ${local}: not a job`);
          expect(got.job.time, `${timeZone} ${local}`).toBe(want.job.time);
          // Known from the digits where the hour is simple; otherwise left to be read from the text.
          if (got.second !== undefined) expect(got.second, `${timeZone} ${local}`).toBe(unixSeconds(got.job.time));
        }
      }
    }
  });

  it('read the right words from a log whose words never repeat, more than its cache keeps', () => {
    const rows = new PlainRows('Asia/Tokyo');
    const clients = Array.from({ length: 20_000 }, (_, i) => `PC-${(i * 7919) % 100_000}`);
    for (const client of [...clients, ...clients.slice(0, 100)]) {
      const event = plainRow(`2024-04-01 09:00:12,sato-k,1,1,P1,"a.pdf",${client},A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,`, 1, rows);
      expect(event?.kind === 'job' && event.job.client).toBe(client);
    }
  });
});
