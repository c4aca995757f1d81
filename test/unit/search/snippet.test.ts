import { describe, expect, it } from 'vitest';
import { HIT_END as E, HIT_START as S, snippetSegments } from '../../../shared/api/search.js';
import { buildSnippet, termPattern } from '../../../electron/app/search/snippet.js';

const pattern = (...terms: string[]) => {
  const p = termPattern(terms);
  if (!p) throw new Error('no pattern');
  return p;
};

describe('buildSnippet', () => {
  it('marks every hit in view, the longer word first', () => {
    expect(buildSnippet('道路補修と道路の清掃', pattern('道路', '道路補修'))).toBe(`${S}道路補修${E}と${S}道路${E}の清掃`);
  });

  it('cuts long text around the first hit with … at the cut ends, whitespace flattened', () => {
    const text = `${'あ'.repeat(100)}\n\n見積書${'い'.repeat(100)}`;
    const snippet = buildSnippet(text, pattern('見積書')) ?? '';
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(` ${S}見積書${E}い`);
    expect([...snippet.replaceAll(S, '').replaceAll(E, '').replaceAll('…', '')].length).toBeLessThanOrEqual(80);
  });

  it('is case-insensitive like the index', () => {
    expect(buildSnippet('Kamiless PDF', pattern('pdf'))).toBe(`Kamiless ${S}PDF${E}`);
  });

  it('never cuts a character in two', () => {
    const snippet = buildSnippet(`${'𠮷'.repeat(40)}見積${'𠮷'.repeat(60)}`, pattern('見積')) ?? '';
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('takes regular-expression characters literally', () => {
    expect(buildSnippet('金額(税込)は', pattern('(税込)'))).toBe(`金額${S}(税込)${E}は`);
  });

  it('is null when no word occurs', () => {
    expect(buildSnippet('道路', pattern('橋梁'))).toBeNull();
  });
});

describe('snippetSegments', () => {
  it('splits a snippet into plain and hit pieces', () => {
    expect(snippetSegments(`…の${S}見積書${E}と${S}仕様書${E}`)).toEqual([
      { text: '…の', hit: false },
      { text: '見積書', hit: true },
      { text: 'と', hit: false },
      { text: '仕様書', hit: true },
    ]);
  });

  it('reads text without markers as one plain piece, and an empty snippet as none', () => {
    expect(snippetSegments('本文')).toEqual([{ text: '本文', hit: false }]);
    expect(snippetSegments('')).toEqual([]);
  });
});
