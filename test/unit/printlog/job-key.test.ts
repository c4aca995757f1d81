import { describe, expect, it } from 'vitest';
import { contentBits as bitsWithSecond, contentText, jobKey, unixSeconds } from '../../../shared/domain/printlog/job-key.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';

const job = (time: string): PrintJob => ({
  time, user: 'sato-k', printer: 'HONCHO-SOUMU-MFP01', client: 'PC-1', document: '議事録①.docx', pages: 4, sheets: 2,
  copies: 1, sides: 2, nUp: 1, color: false, paperSize: 'A4',
});

/** The content bits of a job, its second worked out from its time as jobKey does when no parser gives it. */
const contentBits = (j: PrintJob) => bitsWithSecond(j, unixSeconds(j.time));

/** The second part of a key as it is defined: Date.parse, seconds from 2000, within 0 … 2^32 - 2. */
function secondOf(time: string): number {
  const seconds = Math.floor(Date.parse(time) / 1000) - 946_684_800;
  return seconds > 0 ? Math.min(2 ** 32 - 2, seconds) : 0;
}

describe('job keys', () => {
  it('are the second × 2^21 plus the content bits, for the times parsers write and for odd ones', () => {
    const times = [
      '2024-04-01T00:30:00.000Z', '2024-03-31T15:30:12.345Z', '2024-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z',
      '1999-12-31T23:59:59.000Z', '2137-01-01T00:00:00.000Z', '2024-02-29T12:00:00.000Z',
      // Refused by Date.parse, or read by it otherwise than digit by digit: key second 0, or what it says.
      '2024-13-01T00:00:00.000Z', '2024-04-01T24:00:00.000Z', '2024-04-01T24:30:00.000Z', '2024-04-01T12:60:00.000Z',
      '2024-04-01T12:00:60.000Z', '2024-04-31T00:00:00.000Z', '2024-04-01T00:30:00Z', '2024-04-01 09:30:00', 'not a time', '',
    ];
    for (const t of times) {
      const bits = contentBits(job(t));
      expect(bits, t).toBeGreaterThanOrEqual(0);
      expect(bits, t).toBeLessThan(2 ** 21);
      expect(jobKey(job(t)), t).toBe(secondOf(t) * 2 ** 21 + bits);
      // A parser that read the second from the time's digits gets the same key.
      expect(jobKey(job(t), unixSeconds(t)), t).toBe(jobKey(job(t)));
    }
  });

  it('keep the values databases were keyed with (migration 0015): the hash may never change', () => {
    expect(contentBits(job('2024-04-01T00:30:00.000Z'))).toBe(GOLDEN[0]);
    expect(contentBits({ ...job('2024-04-01T00:30:00.000Z'), sides: null, color: null, pages: 2 ** 40 + 3 })).toBe(GOLDEN[1]);
    expect(contentBits({ ...job(''), user: '', printer: '', client: '', document: '', paperSize: '' })).toBe(GOLDEN[2]);
  });

  it('change with every field of the content', () => {
    const base = job('2024-04-01T00:30:00.000Z');
    const changed: PrintJob[] = [
      { ...base, time: '2024-04-01T00:30:01.000Z' }, { ...base, user: 'sato-j' }, { ...base, printer: 'HONCHO-SOUMU-MFP02' },
      { ...base, client: 'PC-2' }, { ...base, document: '議事録②.docx' }, { ...base, pages: 5 }, { ...base, sheets: 3 }, { ...base, copies: 2 },
      { ...base, sides: 1 }, { ...base, sides: null }, { ...base, nUp: 2 }, { ...base, color: true }, { ...base, color: null }, { ...base, paperSize: 'A3' },
      // A character moved from one field to the next is another content.
      { ...base, user: 'sato-kH', printer: 'ONCHO-SOUMU-MFP01' }, { ...base, pages: 2 ** 32 + 4 },
    ];
    const bits = new Set(changed.map(contentBits));
    expect(bits.has(contentBits(base))).toBe(false);
    expect(bits.size).toBe(changed.length);
  });

  it('spread the jobs of one second over their 21 bits about as evenly as chance would', () => {
    const n = 20_000;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) seen.add(contentBits({ ...job('2024-04-01T00:30:00.000Z'), document: `見積書 ${i}.pdf`, pages: i % 7 }));
    // n jobs over 2^21 values: about n²/2^22 ≈ 95 collisions expected; a weak hash gives thousands.
    expect(n - seen.size).toBeLessThan(200);
  });

  it('have an exact text for the content, equal only for equal jobs', () => {
    const a = job('2024-04-01T00:30:00.000Z');
    expect(contentText({ ...a })).toBe(contentText(a));
    expect(contentText({ ...a, color: null })).not.toBe(contentText(a));
    expect(contentText({ ...a, user: 'sato-k\u001fHONCHO', printer: 'X' })).not.toBe(contentText({ ...a, user: 'sato-k', printer: 'HONCHO\u001fX' }));
  });
});

const GOLDEN = [1263102, 273498, 1358280];
