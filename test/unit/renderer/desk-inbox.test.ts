import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../shared/api/index.js';
import {
  bulkTargets,
  canBulkApprove,
  deskKey,
  emptyFilter,
  followCursor,
  inboxWaitingText,
  matchesFilter,
  nextInQueue,
  pruneSelection,
  rowKey,
  sortItems,
  visibleItems,
} from '../../../renderer/pages/inbox/inboxModel.js';
import { caseName, noticeColor, noticeTitle, parseCaseEvent, titleWithCount } from '../../../renderer/pages/inbox/caseNotices.js';
import { en } from '../../../renderer/i18n/en.js';
import { ja } from '../../../renderer/i18n/ja.js';

const person = (id: number, name: string) => ({ id, name, login: `u${id}` });

function item(over: Partial<InboxItem> & { caseId: number }): InboxItem {
  return {
    number: `北広総第${over.caseId}号`,
    title: `件名${over.caseId}`,
    amount: 100_000,
    type: { id: 1, name: '支出負担行為' },
    drafter: person(9, '木村 翔太'),
    department: { id: 3, name: '人事係' },
    site: { id: 1, name: '本庁（千代田）' },
    stepId: over.caseId * 10,
    kind: 'approve',
    receivedAt: '2025-11-20T00:00:00.000Z',
    asProxyFor: null,
    version: 3,
    waitingWorkingDays: 0,
    overdue: false,
    ...over,
  };
}

describe('受信箱: which rows bulk approval takes', () => {
  it('takes only a plain 承認, never a 決裁, 合議 or 供覧', () => {
    expect(canBulkApprove({ kind: 'approve' })).toBe(true);
    expect(canBulkApprove({ kind: 'final' })).toBe(false);
    expect(canBulkApprove({ kind: 'consult' })).toBe(false);
    expect(canBulkApprove({ kind: 'inform' })).toBe(false);
  });

  it('keeps the screen order, skips selected rows that are not plain approvals, and acts once per case', () => {
    const rows = [
      item({ caseId: 3 }),
      item({ caseId: 1, kind: 'final' }),
      item({ caseId: 2 }),
      // The same case waiting for me as proxy too: approved once.
      item({ caseId: 2, stepId: 99, asProxyFor: person(5, '小川 大輔') }),
    ];
    const selected = new Set(rows.map(rowKey));
    expect(bulkTargets(rows, selected).map((r) => r.caseId)).toEqual([3, 2]);
    expect(bulkTargets(rows, new Set([rowKey(rows[2] as InboxItem)])).map((r) => r.caseId)).toEqual([2]);
  });

  it('forgets selections whose rows are gone or cannot be bulk-approved', () => {
    const rows = [item({ caseId: 1 }), item({ caseId: 2, kind: 'consult' })];
    const kept = pruneSelection(new Set(['1:10', '2:20', '7:70']), rows);
    expect([...kept]).toEqual(['1:10']);
  });
});

describe('受信箱: filters and sorting', () => {
  const rows = [
    item({ caseId: 12, title: '公用車タイヤの購入', amount: 3_200_000, receivedAt: '2025-11-21T00:00:00Z', kind: 'approve' }),
    item({ caseId: 102, title: '清掃業務委託', amount: null, receivedAt: '2025-11-23T00:00:00Z', kind: 'final', type: { id: 2, name: '契約' } }),
    item({ caseId: 7, title: '防災訓練資材', amount: 420_000, receivedAt: '2025-11-22T00:00:00Z', kind: 'consult', asProxyFor: person(4, '藤井 誠') }),
  ];

  it('matches words in the number, title, people and places, ignoring full-width forms', () => {
    expect(matchesFilter(rows[0] as InboxItem, { ...emptyFilter, text: 'タイヤ' })).toBe(true);
    expect(matchesFilter(rows[0] as InboxItem, { ...emptyFilter, text: '北広総第１２号' })).toBe(true);
    expect(matchesFilter(rows[0] as InboxItem, { ...emptyFilter, text: '木村 人事' })).toBe(true);
    expect(matchesFilter(rows[0] as InboxItem, { ...emptyFilter, text: '木村 財政' })).toBe(false);
    expect(matchesFilter(rows[2] as InboxItem, { ...emptyFilter, text: '藤井' })).toBe(true);
  });

  it('filters by document type and by my step kind', () => {
    expect(visibleItems(rows, { ...emptyFilter, typeId: 2 }, 'received_desc').map((r) => r.caseId)).toEqual([102]);
    expect(visibleItems(rows, { ...emptyFilter, kind: 'consult' }, 'received_desc').map((r) => r.caseId)).toEqual([7]);
  });

  it('sorts by received time either way, by amount (none last) and by document number as numbers', () => {
    expect(sortItems(rows, 'received_desc').map((r) => r.caseId)).toEqual([102, 7, 12]);
    expect(sortItems(rows, 'received_asc').map((r) => r.caseId)).toEqual([12, 7, 102]);
    expect(sortItems(rows, 'amount_desc').map((r) => r.caseId)).toEqual([12, 7, 102]);
    expect(sortItems(rows, 'number').map((r) => r.caseId)).toEqual([7, 12, 102]);
  });
});

describe('受信箱: the keyboard', () => {
  it('moves with j/k (and the arrows) and stops at both ends', () => {
    expect(deskKey({ cursor: 0 }, 'j', 3)).toEqual({ cursor: 1, command: null });
    expect(deskKey({ cursor: 2 }, 'j', 3)).toEqual({ cursor: 2, command: null });
    expect(deskKey({ cursor: 0 }, 'k', 3)).toEqual({ cursor: 0, command: null });
    expect(deskKey({ cursor: 2 }, 'ArrowUp', 3)).toEqual({ cursor: 1, command: null });
  });

  it('opens with Enter, approves with a, sends back with r, selects with x', () => {
    expect(deskKey({ cursor: 1 }, 'Enter', 3).command).toBe('open');
    expect(deskKey({ cursor: 1 }, 'a', 3).command).toBe('approve');
    expect(deskKey({ cursor: 1 }, 'r', 3).command).toBe('sendBack');
    expect(deskKey({ cursor: 1 }, 'x', 3).command).toBe('toggle');
    expect(deskKey({ cursor: 1 }, 'q', 3).command).toBeNull();
  });

  it('does nothing on an empty list or with a modifier held (ctrl+r reloads the page)', () => {
    expect(deskKey({ cursor: 0 }, 'Enter', 0)).toEqual({ cursor: -1, command: null });
    expect(deskKey({ cursor: 0 }, 'a', 0).command).toBeNull();
    expect(deskKey({ cursor: 1 }, 'r', 3, { ctrl: true })).toEqual({ cursor: 1, command: null });
    expect(deskKey({ cursor: 1 }, 'a', 3, { meta: true }).command).toBeNull();
  });

  it('pulls a cursor that is past the end of a shrunken list back onto it', () => {
    expect(deskKey({ cursor: 5 }, 'a', 2)).toEqual({ cursor: 1, command: 'approve' });
  });

  it('keeps the cursor on the same row when the list changes, else on the same position', () => {
    expect(followCursor('2:20', 0, ['1:10', '2:20'])).toBe(1);
    expect(followCursor('9:90', 1, ['1:10', '2:20', '3:30'])).toBe(1);
    expect(followCursor('9:90', 4, ['1:10', '2:20'])).toBe(1);
    expect(followCursor(null, 0, [])).toBe(-1);
  });

  it('goes on to the next case of the queue that still waits, wrapping round', () => {
    expect(nextInQueue([5, 6, 7], 5, new Set([6, 7]))).toBe(6);
    expect(nextInQueue([5, 6, 7], 6, new Set([5, 7]))).toBe(7);
    expect(nextInQueue([5, 6, 7], 7, new Set([5]))).toBe(5);
    expect(nextInQueue([5, 6, 7], 7, new Set([7]))).toBeNull();
    expect(nextInQueue([5, 6], 9, new Set([6]))).toBe(6);
  });
});

describe('case notices (server-sent events)', () => {
  it('reads the hub\'s case event and refuses anything else', () => {
    const data = JSON.stringify({ caseId: 4, number: '北広総第12号', title: '公用車', state: 'in_progress', version: 7, notify: [{ userId: 3, kind: 'arrived', asProxyFor: null }] });
    expect(parseCaseEvent(data)?.notify).toEqual([{ userId: 3, kind: 'arrived', asProxyFor: null }]);
    expect(parseCaseEvent('not json')).toBeNull();
    expect(parseCaseEvent(JSON.stringify({ caseId: 'x' }))).toBeNull();
    expect(parseCaseEvent(undefined)).toBeNull();
  });

  it('names a case by number and title, a draft by title', () => {
    expect(caseName({ number: '北広総第12号', title: '公用車' })).toBe('北広総第12号 公用車');
    expect(caseName({ number: null, title: '公用車' })).toBe('公用車');
  });

  it('puts the inbox count in front of the tab title, replacing an older count, none at zero', () => {
    expect(titleWithCount('受信箱 | 紙レス Kamiless', 3)).toBe('(3) 受信箱 | 紙レス Kamiless');
    expect(titleWithCount('(3) 受信箱 | 紙レス Kamiless', 4)).toBe('(4) 受信箱 | 紙レス Kamiless');
    expect(titleWithCount('(3) 受信箱 | 紙レス Kamiless', 0)).toBe('受信箱 | 紙レス Kamiless');
    expect(titleWithCount('案件', 250)).toBe('(99+) 案件');
    expect(titleWithCount('(99+) 案件', 2)).toBe('(2) 案件');
  });
});

describe('受信箱: waiting time in working days and reminders', () => {
  let tJa: TFunction;
  let tEn: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } });
    tJa = i18n.getFixedT('ja');
    tEn = i18n.getFixedT('en');
  });
  const now = Date.parse('2025-11-25T03:00:00Z');

  it('says the working days the hub counted once a day has passed, hours or minutes before', () => {
    expect(inboxWaitingText({ receivedAt: '2025-11-19T03:00:00Z', waitingWorkingDays: 4 }, now, tJa)).toBe('4営業日');
    expect(inboxWaitingText({ receivedAt: '2025-11-19T03:00:00Z', waitingWorkingDays: 4 }, now, tEn)).toBe('4 work days');
    // Friday to Sunday: two calendar days, no working day.
    expect(inboxWaitingText({ receivedAt: '2025-11-23T03:00:00Z', waitingWorkingDays: 0 }, now, tJa)).toBe('0営業日');
    expect(inboxWaitingText({ receivedAt: '2025-11-24T22:00:00Z', waitingWorkingDays: 0 }, now, tJa)).toBe('5時間');
    // Received yesterday evening, this morning is a working day later.
    expect(inboxWaitingText({ receivedAt: '2025-11-24T22:00:00Z', waitingWorkingDays: 1 }, now, tJa)).toBe('1営業日');
  });

  it('reads a reminder notice and titles its toast with the case and the days waited', () => {
    const data = JSON.stringify({ caseId: 4, number: '北広総第4号', title: '備品購入', state: 'in_progress', version: 2, notify: [{ userId: 3, kind: 'reminder', asProxyFor: null, waitingWorkingDays: 4 }] });
    const event = parseCaseEvent(data);
    const notice = event?.notify[0];
    expect(notice).toEqual({ userId: 3, kind: 'reminder', asProxyFor: null, waitingWorkingDays: 4 });
    if (!event || !notice) return;
    expect(noticeTitle(notice, tJa, caseName(event))).toBe('北広総第4号 備品購入の承認をお願いします（4営業日経過）');
    expect(noticeTitle(notice, tEn, caseName(event))).toBe('Please act on 北広総第4号 備品購入 (4 working days waiting)');
    expect(noticeColor(notice)).toBe('red');
  });

  it('sorts and filters overdue rows like any other', () => {
    const rows = [item({ caseId: 1, overdue: true, waitingWorkingDays: 5 }), item({ caseId: 2 })];
    expect(sortItems(rows, 'number').map((r) => r.overdue)).toEqual([true, false]);
  });
});
