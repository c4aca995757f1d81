import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappingJson } from '../../../shared/domain/printlog/mapping.js';
import {
  buildMapping,
  columnErrors,
  counterFields,
  draftFromText,
  emptyDraft,
  isRequiredField,
  jobFields,
  mappingErrors,
  mappingText,
  probeMappingText,
  type MappingDraft,
} from '../../../renderer/pages/logs/sources/mappingDraft.js';
import {
  checkFormat,
  columnChoices,
  distinctWords,
  guessColumns,
  refFromKey,
  refKey,
  sampleCell,
  suggestValue,
  withSampleWords,
} from '../../../renderer/pages/logs/sources/sampleColumns.js';
import { decodeBytes, fixturesDir, readFixtureBytes, splitLines } from '../../helpers/printlog-fixtures.js';

// The CP932 job log and its hand-written mapping from the shared fixtures.
const joblogLines = splitLines(decodeBytes(readFixtureBytes('csv/joblog-honcho-2024-10.csv')).text).slice(0, 20);
const fixtureMapping = readFileSync(join(fixturesDir(), 'csv/joblog-mapping.json'), 'utf8');

describe('the fields the editor offers', () => {
  it('come from the domain schemas, with their required ones', () => {
    expect(jobFields).toEqual(['time', 'timeOfDay', 'user', 'printer', 'client', 'document', 'pages', 'copies', 'duplex', 'color', 'paper', 'nup']);
    expect(counterFields).toEqual(['month', 'department', 'device', 'sheets', 'monoSheets', 'colorSheets']);
    expect(jobFields.filter((f) => isRequiredField('csv', f))).toEqual(['time', 'pages']);
    expect(counterFields.filter((f) => isRequiredField('counter', f))).toEqual(['month']);
  });
});

describe('building a mapping from the picks', () => {
  it('reproduces the fixture mapping from the CP932 sample, after guessing the columns and listing the words', () => {
    let draft: MappingDraft = { ...emptyDraft('csv'), encoding: 'cp932', timeZone: 'Asia/Tokyo' };
    const choices = columnChoices(joblogLines, draft);
    expect(choices.map((c) => c.header)).toEqual(['印刷日時', 'ユーザー名', 'プリンター名', '文書名', 'ページ数', '部数', '両面', 'カラー', '用紙サイズ', '集約']);
    expect(choices[0]).toEqual({ ref: '印刷日時', number: 1, header: '印刷日時', example: '2024/10/01 08:26:10' });

    draft = { ...draft, columns: guessColumns(draft, choices) };
    expect(draft.columns).toEqual({
      time: '印刷日時', user: 'ユーザー名', printer: 'プリンター名', document: '文書名', pages: 'ページ数',
      copies: '部数', duplex: '両面', color: 'カラー', paper: '用紙サイズ', nup: '集約',
    });

    const words = (field: 'duplex' | 'color' | 'nup') => distinctWords(joblogLines, draft, choices.findIndex((c) => c.ref === draft.columns[field]));
    expect(words('duplex').sort()).toEqual(['両面', '片面']);
    draft = {
      ...draft,
      values: {
        duplex: withSampleWords([], 'duplex', ['両面', '片面']),
        color: withSampleWords([], 'color', ['カラー', '白黒']),
        nup: withSampleWords([], 'nup', ['なし', '2in1', '4in1']),
      },
    };
    const built = buildMapping(draft);
    const expected = JSON.parse(fixtureMapping) as Record<string, unknown>;
    // The fixture spells the encoding 'shift_jis'; the editor writes the canonical name.
    expect(built).toEqual({ ...expected, encoding: 'cp932' });
    expect(mappingErrors(mappingText(draft), 'csv')).toEqual([]);
  });

  it('leaves out what is at its default or not chosen', () => {
    const draft: MappingDraft = { ...emptyDraft('csv'), columns: { time: 1, pages: 5 } };
    expect(buildMapping(draft)).toEqual({
      format: 'csv', delimiter: ',', headerRow: 1, columns: { time: 1, pages: 5 }, timeFormat: 'yyyy/MM/dd HH:mm:ss', pagesMean: 'per-copy',
    });
  });

  it('drops a word list whose column was unset, so no hidden error remains', () => {
    const draft: MappingDraft = { ...emptyDraft('csv'), columns: { time: 1, pages: 2 }, values: { duplex: [{ word: '両面', value: true }], color: [], nup: [] } };
    expect(buildMapping(draft)['values']).toBeUndefined();
    expect(buildMapping({ ...draft, columns: { ...draft.columns, duplex: 3 } })['values']).toEqual({ duplex: { 両面: true } });
  });

  it('writes a counter mapping with its month format and no job fields', () => {
    const draft: MappingDraft = { ...emptyDraft('counter'), columns: { month: '年月', department: '部門名', sheets: '合計(枚)' }, monthFormat: 'yyyy年M月' };
    expect(buildMapping(draft)).toEqual({
      format: 'counter', delimiter: ',', headerRow: 1, columns: { month: '年月', department: '部門名', sheets: '合計(枚)' }, monthFormat: 'yyyy年M月',
    });
    expect(mappingErrors(mappingText(draft), 'counter')).toEqual([]);
  });
});

describe('validating with the domain parser', () => {
  it('names each problem by its JSON path and puts column problems under their select', () => {
    const errors = mappingErrors(mappingText({ ...emptyDraft('csv'), columns: { time: '印刷日時' }, timeFormat: 'yyyy/mm/dd' }), 'csv');
    expect(errors).toContain('columns.pages: required');
    expect(errors.some((e) => e.startsWith("timeFormat: 'yyyy/mm/dd': needs MM"))).toBe(true);
    expect(columnErrors(errors)).toEqual({ pages: ['required'] });
  });

  it('reports the counter rules that span fields', () => {
    const errors = mappingErrors(mappingText({ ...emptyDraft('counter'), columns: { month: 1 }, headerRow: 0 }), 'counter');
    expect(errors).toEqual([
      'columns.sheets: required (or give both columns.monoSheets and columns.colorSheets)',
      'columns.department: required (or columns.device): a counter row must say whose sheets they are',
    ]);
  });

  it('refuses a mapping for the other format and broken JSON', () => {
    expect(mappingErrors(fixtureMapping, 'counter')).toEqual(["format: this is a 'csv' mapping, but the 'counter' format was asked for"]);
    expect(mappingErrors('{ "format": ', 'csv')[0]).toMatch(/^\(file\): not valid JSON/);
  });

  it('gives a probe mapping that always validates, for decoding the sample before the columns are chosen', () => {
    for (const draft of [emptyDraft('csv'), { ...emptyDraft('counter'), encoding: 'utf-16le' as const, delimiter: '\t', headerRow: 3 }]) {
      expect(parseMappingJson(probeMappingText(draft), draft.format).ok).toBe(true);
    }
  });
});

describe('reading a mapping back into the editor', () => {
  it('round-trips the fixture, keeping comments', () => {
    const withComment = JSON.stringify({ _comment: '本庁 MFP の月次ログ', ...(JSON.parse(fixtureMapping) as object) });
    const read = draftFromText(withComment, 'csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.draft.encoding).toBe('cp932');
    expect(read.draft.values.nup).toEqual([{ word: 'なし', value: 1 }, { word: '2in1', value: 2 }, { word: '4in1', value: 4 }]);
    expect(buildMapping(read.draft)).toEqual({ _comment: '本庁 MFP の月次ログ', ...(JSON.parse(fixtureMapping) as object), encoding: 'cp932' });
  });

  it('accepts the delimiter words and refuses what the inputs cannot show', () => {
    const tab = draftFromText('{"format":"csv","delimiter":"tab","columns":{"time":1,"pages":2}}', 'csv');
    expect(tab.ok && tab.draft.delimiter).toBe('\t');
    expect(draftFromText('{"format":"csv","colums":{}}', 'csv').ok).toBe(false);
    expect(draftFromText('{"format":"csv","encoding":"euc-kr"}', 'csv').ok).toBe(false);
    expect(draftFromText('{"format":"csv","values":{"duplex":{"両面":"yes"}}}', 'csv').ok).toBe(false);
    expect(draftFromText('[1,2]', 'csv').ok).toBe(false);
    expect(draftFromText('not json', 'csv').ok).toBe(false);
  });
});

describe('the sample columns', () => {
  it('skip title lines above the header and number blank or repeated headers', () => {
    const lines = ['本庁 複合機 ジョブログ', '出力日: 2024/10/31', '日時,ユーザー,,ユーザー,ページ', '2024/10/01 9:00:00,sato,x,sato2,3'];
    const choices = columnChoices(lines, { headerRow: 3, delimiter: ',' });
    expect(choices.map((c) => c.ref)).toEqual(['日時', 'ユーザー', 3, 4, 'ページ']);
    expect(choices.map((c) => c.example)).toEqual(['2024/10/01 9:00:00', 'sato', 'x', 'sato2', '3']);
  });

  it('offer numbered columns without a header, and split quoted fields and tabs', () => {
    expect(columnChoices(['"a,b"\t2\t3'], { headerRow: 0, delimiter: '\t' }).map((c) => [c.ref, c.example])).toEqual([[1, 'a,b'], [2, '2'], [3, '3']]);
    expect(columnChoices(['x,"y', '1,2'], { headerRow: 1, delimiter: ',' }).map((c) => c.header)).toEqual(['x', '"y']);
  });

  it('keep header texts and numbers apart in the select values', () => {
    expect(refKey('3')).toBe('=3');
    expect(refKey(3)).toBe('#3');
    expect(refFromKey('=3')).toBe('3');
    expect(refFromKey('#3')).toBe(3);
    expect(refFromKey('#0')).toBeNull();
  });

  it('never guess over a choice, nor give one column to two fields', () => {
    const choices = columnChoices(['年月,部門名,白黒(枚),カラー(枚),合計(枚)', '2024/04,総務課,4902,1103,6005'], { headerRow: 1, delimiter: ',' });
    const draft: MappingDraft = { ...emptyDraft('counter'), columns: { department: 'カラー(枚)' } };
    expect(guessColumns(draft, choices)).toEqual({ month: '年月', department: 'カラー(枚)', sheets: '合計(枚)', monoSheets: '白黒(枚)' });
  });
});

describe('words and formats tried on the sample', () => {
  it('suggest what a word means from the importer’s built-in words', () => {
    expect(suggestValue('duplex', '両面')).toBe(true);
    expect(suggestValue('duplex', 'ＳＩＭＰＬＥＸ')).toBe(false);
    expect(suggestValue('color', 'モノクロ')).toBe(false);
    expect(suggestValue('nup', '6in1')).toBe(6);
    expect(suggestValue('nup', '2 in 1')).toBe(2);
    expect(suggestValue('nup', 'なし')).toBe(1);
    expect(withSampleWords([{ word: '両面', value: true }], 'duplex', ['両面', '片面'])).toEqual([{ word: '両面', value: true }, { word: '片面', value: false }]);
  });

  it('read the first time cell with the chosen format, as the importer would', () => {
    const draft: MappingDraft = { ...emptyDraft('csv'), columns: { time: '印刷日時', pages: 'ページ数' } };
    const cell = sampleCell(columnChoices(joblogLines, draft), draft, 'time');
    expect(cell).toBe('2024/10/01 08:26:10');
    expect(checkFormat('yyyy/MM/dd HH:mm:ss', 'datetime', cell, '')).toEqual({ kind: 'ok', cell, value: '2024-09-30T23:26:10.000Z' });
    expect(checkFormat('yyyy-MM-dd HH:mm:ss', 'datetime', cell, '').kind).toBe('mismatch');
    expect(checkFormat('yyyy/mm/dd', 'datetime', cell, '')).toEqual({ kind: 'badFormat', message: 'needs MM (MM is the month, mm the minute)' });
    expect(checkFormat('yyyy/MM/dd HH:mm:ss', 'datetime', null, '')).toEqual({ kind: 'noSample' });
    expect(checkFormat('yyyy/MM', 'month', '2024/04', '')).toEqual({ kind: 'ok', cell: '2024/04', value: '2024-04' });
    expect(checkFormat('yyyy/MM', 'month', '2024/13', '').kind).toBe('mismatch');
  });

  it('join a separate time-of-day column to the date', () => {
    const choices = columnChoices(['受付日,受付時刻,ページ', '2024/10/01,09:05:00,3'], { headerRow: 1, delimiter: ',' });
    const draft: MappingDraft = { ...emptyDraft('csv'), columns: { time: '受付日', timeOfDay: '受付時刻' } };
    expect(sampleCell(choices, draft, 'time')).toBe('2024/10/01 09:05:00');
  });
});
