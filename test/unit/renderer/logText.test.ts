import { describe, expect, it } from 'vitest';
import { encodingLabel } from '../../../renderer/pages/logs/labels.js';
import { fileNameOf, formatBytes, formatCount, hasControlChars, percentOf, rawRuns, uploaderOf } from '../../../renderer/pages/logs/logText.js';

describe('the ログ取込 page helpers', () => {
  it('name a file by the last segment of a Windows or POSIX path', () => {
    expect(fileNameOf('/var/lib/kamiless/imports/upload-x1/bad-lines-utf8.csv')).toBe('bad-lines-utf8.csv');
    expect(fileNameOf('\\\\PRINTSV01\\logs\\papercut-print-log-2024-05-01.csv')).toBe('papercut-print-log-2024-05-01.csv');
    expect(fileNameOf('page_log')).toBe('page_log');
  });

  it('tell an upload from a watched source or the command line', () => {
    expect(uploaderOf('upload:dx')).toBe('dx');
    expect(uploaderOf('honcho-print')).toBeNull();
    expect(uploaderOf('')).toBeNull();
  });

  it('spell out the control characters of a binary line, keeping the text around them', () => {
    expect(rawRuns('\u0000\u0001\u0002garbage\u007f')).toEqual([
      { kind: 'control', text: '\\x00' },
      { kind: 'control', text: '\\x01' },
      { kind: 'control', text: '\\x02' },
      { kind: 'text', text: 'garbage' },
      { kind: 'control', text: '\\x7F' },
    ]);
    expect(rawRuns('a\tb')).toEqual([{ kind: 'text', text: 'a' }, { kind: 'control', text: '\\x09' }, { kind: 'text', text: 'b' }]);
    expect(rawRuns('普通の行, "quoted"')).toEqual([{ kind: 'text', text: '普通の行, "quoted"' }]);
    expect(rawRuns('')).toEqual([]);
    expect(hasControlChars('\u0000x')).toBe(true);
    expect(hasControlChars('plain')).toBe(false);
  });

  it('format counts, sizes and progress', () => {
    expect(formatCount(1234567, 'ja')).toBe('1,234,567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(1827)).toBe('1.8 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(512, 1024)).toBe(50);
    expect(percentOf(2000, 1024)).toBe(100);
  });

  it('name encodings as people know them, and pass an unknown one through', () => {
    expect(encodingLabel('cp932')).toBe('Shift_JIS (CP932)');
    expect(encodingLabel('utf-16le')).toBe('UTF-16LE');
    expect(encodingLabel('latin1')).toBe('latin1');
  });
});
