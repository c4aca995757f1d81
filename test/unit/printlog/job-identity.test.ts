import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jobIdentity } from '../../../electron/app/printlog/job-identity.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';

const job = (time: string): PrintJob => ({
  time, user: 'sato-k', printer: 'HONCHO-SOUMU-MFP01', client: 'PC-1', document: '議事録①.docx', pages: 4, sheets: 2,
  copies: 1, sides: 2, nUp: 1, color: false, paperSize: 'A4',
});

/** The key as migration 0007 defines it: Date.parse for the second, the base64url SHA-1 0004 stored for the 21 bits. */
function keyAsDefined(j: PrintJob): number {
  const content = [j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides ?? '', j.nUp, j.color ?? '', j.paperSize].join('\u001f');
  const digest = hash('sha1', content, 'base64url');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bits = [0, 1, 2, 3].reduce((n, i) => n * 64 + alphabet.indexOf(digest.charAt(i)), 0) >>> 3;
  const seconds = Math.floor(Date.parse(j.time) / 1000) - 946_684_800;
  return (seconds > 0 ? Math.min(2 ** 32 - 2, seconds) : 0) * 2 ** 21 + bits;
}

describe('job keys', () => {
  it('are those migration 0007 derives, for the times parsers write and for odd ones', () => {
    const times = [
      '2024-04-01T00:30:00.000Z', '2024-03-31T15:30:12.345Z', '2024-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z',
      '1999-12-31T23:59:59.000Z', '2137-01-01T00:00:00.000Z', '2024-02-29T12:00:00.000Z',
      // Refused by Date.parse, or read by it otherwise than digit by digit: key second 0, or what it says.
      '2024-13-01T00:00:00.000Z', '2024-04-01T24:00:00.000Z', '2024-04-01T24:30:00.000Z', '2024-04-01T12:60:00.000Z',
      '2024-04-01T12:00:60.000Z', '2024-04-31T00:00:00.000Z', '2024-04-01T00:30:00Z', '2024-04-01 09:30:00', 'not a time', '',
    ];
    for (const t of times) expect(jobIdentity(job(t)).key, t).toBe(keyAsDefined(job(t)));
  });

  it('tell contents apart by their SHA-1', () => {
    const a = jobIdentity(job('2024-04-01T00:30:00.000Z'));
    const b = jobIdentity({ ...job('2024-04-01T00:30:00.000Z'), copies: 2 });
    expect(a.digest).not.toBe(b.digest);
    expect(jobIdentity(job('2024-04-01T00:30:00.000Z')).digest).toBe(a.digest);
  });
});
