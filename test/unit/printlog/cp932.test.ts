import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCp932 } from '../../../electron/app/printlog/cp932.js';
import { prng } from '../../helpers/printlog-generate.js';

// The decoder must give iconv-lite's text to the character: a job's text is part of its identity.
describe('CP932 decoding', () => {
  it('reads the vendor characters of Japanese Windows as CP932 does', () => {
    const text = '議事録①, ㈱北広建設 見積書～.pdf ｶﾅ \\ ~';
    expect(decodeCp932(iconv.encode(text, 'cp932'))).toBe(text);
  });

  it('decodes every byte and every byte pair as iconv-lite does, broken ones included', () => {
    const differ: string[] = [];
    for (let a = 0; a < 256; a++) {
      if (decodeCp932(Buffer.from([a])) !== iconv.decode(Buffer.from([a]), 'cp932')) differ.push(a.toString(16));
      for (let b = 0; b < 256; b++) {
        const bytes = Buffer.from([a, b]);
        if (decodeCp932(bytes) !== iconv.decode(bytes, 'cp932')) differ.push(`${a.toString(16)} ${b.toString(16)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('decodes random bytes, mostly lead bytes and cut characters, as iconv-lite does', () => {
    const rnd = prng(932);
    for (let round = 0; round < 200; round++) {
      const bytes = Buffer.alloc(1 + Math.floor(rnd() * 3000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rnd() < 0.5 ? Math.floor(rnd() * 256) : 0x81 + Math.floor(rnd() * 0x7c);
      expect(decodeCp932(bytes)).toBe(iconv.decode(bytes, 'cp932'));
    }
  });
});
