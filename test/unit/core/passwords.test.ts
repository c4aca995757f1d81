import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, isTooWeak, verifyPassword } from '../../../electron/app/org/passwords.js';

describe('hashPassword / verifyPassword', () => {
  it('round-trips, and refuses a wrong password', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('correct-horse-battery');
    expect(await verifyPassword('correct-horse-battery', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-batterY', hash)).toBe(false);
    expect(await verifyPassword('correct-horse-battery ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const a = await hashPassword('same-password-twice');
    const b = await hashPassword('same-password-twice');
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password-twice', b)).toBe(true);
  });

  it('treats full-width and half-width characters alike (NFKC)', async () => {
    const hash = await hashPassword('password-1234');
    expect(await verifyPassword('ｐａｓｓｗｏｒｄ－１２３４', hash)).toBe(true);
    const wide = await hashPassword('ＰａｓｓＷｏｒｄ９９');
    expect(await verifyPassword('PassWord99', wide)).toBe(true);
    // Japanese text is kept as it is (no case or kana folding).
    const kana = await hashPassword('ひみつのあいことば');
    expect(await verifyPassword('ヒミツノアイコトバ', kana)).toBe(false);
  });

  it('refuses malformed stored hashes and the dummy hash', async () => {
    for (const stored of ['', 'plain-text', 'bcrypt$16384$8$1$AAAA$AAAA', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('anything-at-all', stored)).toBe(false);
    }
    expect(await verifyPassword('', dummyHash)).toBe(false);
    expect(await verifyPassword('AAAAAAAAAAAAAAAA', dummyHash)).toBe(false);
  });
});

describe('isTooWeak', () => {
  it('refuses fewer than 10 characters', () => {
    expect(isTooWeak('abcdefgh1', 'taro')).toBe(true);
    expect(isTooWeak('abcdefgh12', 'taro')).toBe(false);
  });

  it('refuses the login itself, in any case or width', () => {
    expect(isTooWeak('yamada.taro', 'yamada.taro')).toBe(true);
    expect(isTooWeak('YAMADA.TARO', 'yamada.taro')).toBe(true);
    expect(isTooWeak('ｙａｍａｄａ．ｔａｒｏ', 'yamada.taro')).toBe(true);
    expect(isTooWeak('yamada.taro1', 'yamada.taro')).toBe(false);
  });

  it('refuses fewer than 4 distinct characters', () => {
    expect(isTooWeak('aaaaaaaaaaaa', 'taro')).toBe(true);
    expect(isTooWeak('abcabcabcabc', 'taro')).toBe(true);
    expect(isTooWeak('abcdabcdabcd', 'taro')).toBe(false);
  });

  it('counts characters after NFKC normalisation', () => {
    // 10 full-width characters are still 10 characters.
    expect(isTooWeak('ａｂｃｄｅｆｇｈｉｊ', 'taro')).toBe(false);
    // Full-width and half-width 'a' are the same character.
    expect(isTooWeak('aａbｂcｃaａbｂ', 'taro')).toBe(true);
  });
});
