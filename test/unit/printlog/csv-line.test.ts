import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../../shared/domain/printlog/formats/csv-line.js';

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['', ['']],
    ['a,', ['a', '']],
    [',', ['', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"",x', ['', 'x']],
    ['a"b,c', ['a"b', 'c']],
    ['"①㈱～",', ['①㈱～', '']],
    ['x,"a,b",', ['x', 'a,b', '']],
  ])('%j', (line, fields) => {
    expect(splitCsvLine(line)).toEqual({ ok: true, fields });
  });

  it('reports an unterminated quote with the field it opens', () => {
    expect(splitCsvLine('a,b,"open,c')).toEqual({ ok: false, field: 2, reason: expect.stringMatching(/^unterminated quoted field/) });
    expect(splitCsvLine('"a""')).toMatchObject({ ok: false, field: 0 });
  });

  it('reports text after a closing quote', () => {
    expect(splitCsvLine('x,"a"b,c')).toEqual({ ok: false, field: 1, reason: 'unexpected "b" after the closing quote' });
  });

  it('splits on another delimiter', () => {
    expect(splitCsvLine('a\t"b\tc"\td', '\t')).toEqual({ ok: true, fields: ['a', 'b\tc', 'd'] });
  });
});
