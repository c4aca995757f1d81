import { describe, expect, it } from 'vitest';
import { ftsExpression, likeContains, normalizeText, parseTerms, shortGrams } from '../../../electron/app/search/search-terms.js';

describe('parseTerms', () => {
  it('splits on ASCII and full-width spaces; 3+ characters go to the trigram index, 1–2 letters to the short one, 1–2 others to the scan', () => {
    expect(parseTerms(' 支出負担行為\u3000課  芸北 % 1- ')).toEqual({ indexed: ['支出負担行為'], short: ['課', '芸北'], scanned: ['%', '1-'] });
  });

  it('counts characters, not UTF-16 units: 𠮷野 is two', () => {
    expect(parseTerms('𠮷野')).toEqual({ indexed: [], short: ['𠮷野'], scanned: [] });
  });

  it('normalises full-width and half-width forms (NFKC), drops quotes around a word and repeats', () => {
    expect(parseTerms('ＡＢＣ１２３ ｶﾀｶﾅ "見積書" 見積書 abc123')).toEqual({ indexed: ['ABC123', 'カタカナ', '見積書'], short: [], scanned: [] });
  });

  it('keeps at most eight words', () => {
    expect(parseTerms('a1a b1b c1c d1d e1e f1f g1g h1h i1i j1j').indexed).toHaveLength(8);
  });

  it('an empty query has no terms', () => {
    expect(parseTerms('   ')).toEqual({ indexed: [], short: [], scanned: [] });
  });
});

describe('ftsExpression', () => {
  it('quotes each word as a phrase, doubling quotes inside, all required', () => {
    expect(ftsExpression(['道路補修', 'a"b"c', 'OR'])).toBe('"道路補修" AND "a""b""c" AND "OR"');
  });

  it('is null without words', () => {
    expect(ftsExpression([])).toBeNull();
  });
});

describe('likeContains', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(likeContains('10%')).toBe('%10\\%%');
    expect(likeContains('a_b')).toBe('%a\\_b%');
    expect(likeContains('C:\\')).toBe('%C:\\\\%');
    expect(likeContains('課')).toBe('%課%');
  });
});

describe('normalizeText', () => {
  it('removes control characters, so the snippet markers never occur in indexed text', () => {
    expect(normalizeText('a\u0002b\u0003c\td\ne')).toBe('abc\td\ne');
  });
});

describe('shortGrams', () => {
  it('holds every letter or digit and every adjacent pair once, never across punctuation or spaces', () => {
    expect(shortGrams('芸北の課、課長 A1')).toBe('芸 芸北 北 北の の の課 課 課長 長 A A1 1');
  });

  it('keeps a character beyond the basic plane whole', () => {
    expect(shortGrams('𠮷野')).toBe('𠮷 𠮷野 野');
  });
});
