import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, type Encoding } from '../../../electron/app/printlog/encoding.js';
import { readHead, readLineBatches, type LogLine } from '../../../electron/app/printlog/line-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'kamiless-lines-'));
let n = 0;
function file(bytes: Buffer, ext = '.log'): string {
  const p = join(dir, `f${n++}${ext}`);
  writeFileSync(p, bytes);
  return p;
}

async function all(path: string, encoding: Encoding, bomLength: number, from = { offset: 0, lineBefore: 0 }, lastLine: 'emit' | 'hold' = 'emit') {
  const out: LogLine[] = [];
  for await (const batch of readLineBatches(path, { encoding, bomLength, ...from, lastLine })) out.push(...batch);
  return out;
}

const text = '一行目,㈱北広\r\nsecond ①～\r\n\r\nlast without newline';
const lines = ['一行目,㈱北広', 'second ①～', '', 'last without newline'];

describe('encodings', () => {
  const cases: [string, Buffer, Encoding][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from(text), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
    ['CP932', iconv.encode(text, 'cp932'), 'cp932'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`${name}: detected, split and decoded with exact byte offsets`, async () => {
      const path = file(bytes);
      const det = detectEncoding(await readHead(path));
      expect(det.encoding).toBe(encoding);
      const got = await all(path, det.encoding, det.bomLength);
      expect(got.map((l) => l.text)).toEqual(lines);
      expect(got.map((l) => l.line)).toEqual([1, 2, 3, 4]);
      expect(got.at(-1)?.end).toBe(bytes.length);
      // Resuming at any line's end yields exactly the rest.
      const second = got[1];
      if (!second) throw new Error('no line 2');
      const rest = await all(path, det.encoding, det.bomLength, { offset: second.end, lineBefore: 2 });
      expect(rest.map((l) => [l.line, l.text])).toEqual([[3, ''], [4, 'last without newline']]);
    });
  }

  it('holds back a last line without its newline while tailing', async () => {
    const path = file(Buffer.from('a\nb\npartial'));
    expect((await all(path, 'utf-8', 0, { offset: 0, lineBefore: 0 }, 'hold')).map((l) => l.text)).toEqual(['a', 'b']);
  });

  it('reads .gz archives and resumes inside them by uncompressed offset', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const path = file(gzipSync(Buffer.from(body)), '.gz');
    const got = await all(path, 'utf-8', 0);
    expect(got).toHaveLength(5000);
    const mid = got[2999];
    if (!mid) throw new Error('no line 3000');
    const rest = await all(path, 'utf-8', 0, { offset: mid.end, lineBefore: 3000 });
    expect(rest[0]).toMatchObject({ line: 3001, text: 'line 3000' });
    expect(rest).toHaveLength(2000);
  });
});
