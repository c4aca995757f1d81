import { describe, expect, it } from 'vitest';
import type { CaseStep, CaseView } from '../../../shared/api/approvals.js';
import { familyName, sealCells, sealDate, stepMarks, yen } from '../../../electron/app/archive/archive-record.js';
import { caseDownloadNames, safeFileName } from '../../../electron/app/archive/download-names.js';

const person = (id: number, name: string) => ({ id, name, login: `u${id}` });

function stepOf(id: number, over: Partial<CaseStep>): CaseStep {
  return {
    id, key: `s${id}`, kind: 'approve', blocking: true, assignee: person(id, `職員 ${id}`), position: `職${id}`, department: null,
    status: 'approved', actedBy: person(id, `職員 ${id}`), onBehalfOf: null, actedVia: 'self', actedAt: '2026-04-01T00:00:00.000Z', actedRevision: 1, comment: null,
    ...over,
  };
}

const routeOf = (steps: CaseStep[]): Pick<CaseView, 'route'> => ({
  route: { stages: steps.map((s) => ({ key: s.key, mode: 'all' as const, steps: [s] })), finalRule: null, currentStage: null },
});

describe('sealCells (the 決裁欄)', () => {
  it('puts the decision first, then the others from the last step back; skipped and unacted steps get no cell', () => {
    const cells = sealCells(routeOf([
      stepOf(1, { position: '係長' }),
      stepOf(2, { position: '課長補佐', status: 'skipped', actedBy: null, actedAt: null }),
      stepOf(3, { position: '課長', kind: 'consult', status: 'agreed' }),
      stepOf(4, { position: '部長', kind: 'final', status: 'final_approved', actedBy: person(3, '課長 四郎'), onBehalfOf: person(4, '部長 三郎'), actedVia: 'deputy' }),
      stepOf(5, { position: '供覧', kind: 'inform', status: 'waiting', actedBy: null, actedAt: null }),
    ]));
    expect(cells.map((c) => [c.position, c.seal, c.mark, c.decided])).toEqual([
      ['部長', '課長', '代決', true],
      ['合議 課長', '職員', null, false],
      ['係長', '職員', null, false],
    ]);
    expect(cells[0]?.date).toBe('8.4.1');
  });
});

describe('stepMarks', () => {
  const review = { stepId: 1, user: person(4, '部長 三郎'), deputy: person(3, '課長 四郎'), createdAt: '2026-04-01T00:00:00.000Z', comment: null };
  it('marks 代理 and 代決, and the 後閲 waiting or done with its time', () => {
    expect(stepMarks(stepOf(1, { actedVia: 'self' }), undefined)).toEqual([]);
    expect(stepMarks(stepOf(1, { actedVia: 'proxy' }), undefined)).toEqual(['代理']);
    expect(stepMarks(stepOf(1, { actedVia: 'deputy' }), { ...review, doneAt: null })).toEqual(['代決', '後閲待ち']);
    expect(stepMarks(stepOf(1, { actedVia: 'deputy' }), { ...review, doneAt: '2026-04-02T01:30:00.000Z' })).toEqual(['代決', '後閲済 令和8年4月2日 10:30']);
  });
});

describe('record wording', () => {
  it('takes the family name a seal carries', () => {
    expect(familyName('課長 四郎')).toBe('課長');
    expect(familyName('山田\u3000花子')).toBe('山田');
    expect(familyName('Tanaka')).toBe('Tanaka');
  });
  it('dates a seal with the era year, 元年 as 1', () => {
    expect(sealDate('2026-04-01T00:00:00.000Z')).toBe('8.4.1');
    expect(sealDate('2019-05-01T03:00:00.000Z')).toBe('1.5.1');
  });
  it('writes amounts in yen, a dash for none', () => {
    expect(yen(3_200_000)).toBe('3,200,000円');
    expect(yen(null)).toBe('—');
  });
});

describe('download names', () => {
  it('names a case file by its document number, with an ASCII fallback', () => {
    expect(caseDownloadNames(7, '総務課第12号', 'pdf')).toEqual({ ascii: 'case-7.pdf', japanese: '総務課第12号.pdf' });
    expect(caseDownloadNames(7, null, 'zip')).toEqual({ ascii: 'case-7.zip', japanese: 'case-7.zip' });
  });
  it('never lets a name leave its folder or carry characters a file system refuses', () => {
    expect(safeFileName('../見積:書?.pdf', 'x.pdf')).toBe('_見積_書_.pdf');
    expect(safeFileName('a\u0001b.pdf', 'x.pdf')).toBe('a_b.pdf');
    expect(safeFileName('...', 'x.pdf')).toBe('x.pdf');
  });
});
