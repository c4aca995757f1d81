import { mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { headerFileName, safeUploadName, spoolUpload, sweepSpool, UploadTooLarge } from '../../../electron/app/printlog/upload-spool.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';

describe('safeUploadName', () => {
  it('keeps an ordinary name, Japanese included, with its extension', () => {
    expect(safeUploadName('papercut-print-log-2024-05-01.csv')).toBe('papercut-print-log-2024-05-01.csv');
    expect(safeUploadName('本庁 印刷ログ 5月.csv')).toBe('本庁 印刷ログ 5月.csv');
    expect(safeUploadName('page_log.1.gz')).toBe('page_log.1.gz');
  });

  it('drops folders, so a name can never leave the spool folder', () => {
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\Users\\soumu\\Desktop\\log.csv')).toBe('log.csv');
    expect(safeUploadName('..')).toBe('upload.log');
    expect(safeUploadName('logs/')).toBe('upload.log');
  });

  it('replaces control and reserved characters and avoids names Windows refuses', () => {
    expect(safeUploadName('a\u0000b\u001fc<d>:e"f|g?h*.csv')).toBe('a_b_c_d__e_f_g_h_.csv');
    expect(safeUploadName('CON.csv')).toBe('_CON.csv');
    expect(safeUploadName('lpt1')).toBe('_lpt1');
    expect(safeUploadName(' .hidden. ')).toBe('hidden');
  });

  it('falls back to a name when none is given, and shortens a long one keeping the extension', () => {
    expect(safeUploadName(undefined)).toBe('upload.log');
    expect(safeUploadName('   ')).toBe('upload.log');
    const long = safeUploadName(`${'あ'.repeat(300)}.csv.gz`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.gz')).toBe(true);
  });
});

describe('headerFileName', () => {
  it('decodes the percent-encoded x-file-name header and tolerates a raw one', () => {
    expect(headerFileName(encodeURIComponent('支所ログ 2024.csv'))).toBe('支所ログ 2024.csv');
    expect(headerFileName('100%.csv')).toBe('100%.csv');
    expect(headerFileName(undefined)).toBeUndefined();
    expect(headerFileName('')).toBeUndefined();
    expect(headerFileName(['a.csv', 'b.csv'])).toBe('a.csv');
  });
});

describe('spoolUpload', () => {
  it('writes the body to a folder of its own under the name given, and removes it on request', async () => {
    const dir = makeTempDir('kamiless-spool-');
    try {
      const a = await spoolUpload(Readable.from([Buffer.from('line 1\n'), Buffer.from('line 2\n')]), dir, 'log.csv', 1024);
      const b = await spoolUpload(Readable.from([Buffer.from('other')]), dir, 'log.csv', 1024);
      expect(a.path).not.toBe(b.path);
      expect(readFileSync(a.path, 'utf8')).toBe('line 1\nline 2\n');
      expect(a.bytes).toBe(14);
      await a.remove();
      await b.remove();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      removeTempDir(dir);
    }
  });

  it('refuses a body past the limit and leaves nothing behind', async () => {
    const dir = makeTempDir('kamiless-spool-');
    try {
      const body = Readable.from(Array.from({ length: 10 }, () => Buffer.alloc(400, 0x41)));
      await expect(spoolUpload(body, dir, 'big.csv', 1000)).rejects.toBeInstanceOf(UploadTooLarge);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe('sweepSpool', () => {
  it('removes the spool folders a crash left behind a day ago, and only those', async () => {
    const dir = makeTempDir('kamiless-sweep-');
    try {
      const now = Date.now();
      for (const name of ['upload-old', 'upload-new', 'not-ours']) mkdirSync(join(dir, name));
      const dayAgo = new Date(now - 25 * 60 * 60 * 1000);
      utimesSync(join(dir, 'upload-old'), dayAgo, dayAgo);
      utimesSync(join(dir, 'not-ours'), dayAgo, dayAgo);
      await sweepSpool(dir, now);
      expect(readdirSync(dir).sort()).toEqual(['not-ours', 'upload-new']);
      await sweepSpool(join(dir, 'missing'), now);
    } finally {
      removeTempDir(dir);
    }
  });
});
