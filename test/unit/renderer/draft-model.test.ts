import { describe, expect, it } from 'vitest';
import type { CaseView, Department, Site, TimelineEntry } from '../../../shared/api/index.js';
import { attachmentMaxBytes } from '../../../shared/api/index.js';
import { ApiError } from '../../../renderer/api/ApiError.js';
import {
  consultGroups,
  fileProblem,
  formatSize,
  formatYen,
  isScan,
  latestReturn,
  parseYen,
  sameContent,
  uploadRefusal,
  yenLabel,
} from '../../../renderer/pages/draft/draftModel.js';

describe('parseYen', () => {
  it('reads amounts as clerks type them', () => {
    expect(parseYen('3200000')).toEqual({ ok: true, value: 3_200_000 });
    expect(parseYen('3,200,000')).toEqual({ ok: true, value: 3_200_000 });
    expect(parseYen(' ￥3,200,000円 ')).toEqual({ ok: true, value: 3_200_000 });
    expect(parseYen('¥300,000')).toEqual({ ok: true, value: 300_000 });
    expect(parseYen('３，２００，０００')).toEqual({ ok: true, value: 3_200_000 });
    expect(parseYen('320万')).toEqual({ ok: true, value: 3_200_000 });
    expect(parseYen('1.5万')).toEqual({ ok: true, value: 15_000 });
    expect(parseYen('0')).toEqual({ ok: true, value: 0 });
  });

  it('empty is no amount; anything else is not an amount', () => {
    expect(parseYen('')).toEqual({ ok: true, value: null });
    expect(parseYen('  ')).toEqual({ ok: true, value: null });
    for (const bad of ['-100', '12.5', 'abc', '3,2OO', '1e6', '1.23456万', '99999999999999']) expect(parseYen(bad), bad).toEqual({ ok: false });
  });

  it('formats with commas, with or without the yen sign, and reads its own output back', () => {
    expect(formatYen(3_200_000)).toBe('3,200,000');
    expect(yenLabel(3_200_000)).toBe('¥3,200,000');
    expect(yenLabel(0)).toBe('¥0');
    for (const n of [0, 999, 1000, 300_000, 3_200_000, 1e13]) expect(parseYen(formatYen(n))).toEqual({ ok: true, value: n });
  });
});

describe('fileProblem', () => {
  const file = (name: string, size: number, type = '') => ({ name, size, type });
  it('takes PDFs and JPEG, PNG, TIFF scans by name or type up to the limit', () => {
    for (const name of ['見積書.pdf', 'SCAN.PDF', 'a.jpg', 'a.jpeg', 'a.png', 'a.tif', 'a.tiff']) expect(fileProblem(file(name, 10), 100), name).toBeNull();
    expect(fileProblem(file('noext', 10, 'application/pdf'), 100)).toBeNull();
    expect(fileProblem(file('limit.pdf', 100), 100)).toBeNull();
  });

  it('refuses other kinds, empty files and files over the limit before sending', () => {
    expect(fileProblem(file('memo.txt', 10, 'text/plain'), 100)).toBe('unsupported');
    expect(fileProblem(file('表.xlsx', 10), 100)).toBe('unsupported');
    expect(fileProblem(file('empty.pdf', 0), 100)).toBe('empty');
    expect(fileProblem(file('big.pdf', 101), 100)).toBe('too_large');
    expect(fileProblem(file('big.tif', attachmentMaxBytes + 1), attachmentMaxBytes)).toBe('too_large');
  });

  it('knows scans, and sizes in words', () => {
    expect(isScan('scan.PNG')).toBe(true);
    expect(isScan('写し.tiff')).toBe(true);
    expect(isScan('見積書.pdf')).toBe(false);
    expect(formatSize(50 * 1024 * 1024)).toBe('50MB');
    expect(formatSize(12.34 * 1024 * 1024)).toBe('12.3MB');
    expect(formatSize(1536)).toBe('2KB');
    expect(formatSize(20)).toBe('20B');
  });
});

describe('uploadRefusal', () => {
  const err = (code: string, status: number, detail?: string) => new ApiError({ code, message: 'x', status, detail });
  it('reads the reason at the start of an invalid_file detail', () => {
    expect(uploadRefusal(err('invalid_file', 422, 'encrypted: 暗号.pdf: the PDF is password-protected'))).toBe('encrypted');
    expect(uploadRefusal(err('invalid_file', 422, 'not_pdf: memo.pdf: named .pdf'))).toBe('not_pdf');
    expect(uploadRefusal(err('invalid_file', 422, 'broken: a.pdf: cannot be read'))).toBe('broken');
    expect(uploadRefusal(err('invalid_file', 422, 'image_unreadable: a.png: bad'))).toBe('image_unreadable');
    expect(uploadRefusal(err('invalid_file', 422, 'unsupported: a.txt: attach a PDF'))).toBe('unsupported');
  });

  it('too_large by its code; an unknown detail is still a file refusal; other failures are not', () => {
    expect(uploadRefusal(err('too_large', 413))).toBe('too_large');
    expect(uploadRefusal(err('invalid_file', 422, 'a.pdf: something new'))).toBe('broken');
    expect(uploadRefusal(err('invalid_file', 422))).toBe('broken');
    expect(uploadRefusal(err('wrong_state', 409))).toBeNull();
    expect(uploadRefusal(err('network', 0))).toBeNull();
    expect(uploadRefusal(new Error('x'))).toBeNull();
  });
});

describe('consultGroups', () => {
  const site = (id: number, name: string, kind: Site['kind'], sortOrder: number): Site => ({ id, code: `S${id}`, name, kind, address: '', active: true, sortOrder });
  const dept = (id: number, name: string, siteId: number, kind: Department['kind'] = 'ka', active = true, sortOrder = id): Department => ({
    id, code: `D${id}`, name, kind, parentId: null, siteId, active, sortOrder, docPrefix: '',
  });
  it('groups the 課 by site, 本庁 first, leaving out 部, 係 and inactive ones unless chosen', () => {
    const sites = [site(2, '芸北支所', 'shisho', 1), site(1, '本庁（千代田）', 'honcho', 0), site(3, '保健センター', 'outpost', 2), site(4, '大朝支所', 'shisho', 3)];
    const departments = [
      dept(10, '総務部', 1, 'bu'),
      dept(11, '総務課', 1),
      dept(12, '人事係', 1, 'kakari'),
      dept(13, '財政課', 1),
      dept(20, '芸北支所 地域づくり課', 2),
      dept(30, '保健課', 3, 'ka', false),
      dept(40, '旧課', 4, 'ka', false),
    ];
    expect(consultGroups(departments, sites)).toEqual([
      { group: '本庁（千代田）', items: [{ value: '11', label: '総務課' }, { value: '13', label: '財政課' }] },
      { group: '芸北支所', items: [{ value: '20', label: '芸北支所 地域づくり課' }] },
    ]);
    expect(consultGroups(departments, sites, [40]).map((g) => g.group)).toEqual(['本庁（千代田）', '芸北支所', '大朝支所']);
  });
});

describe('latestReturn and sameContent', () => {
  const person = { id: 2, name: '財政 課長', login: 'zaisei' };
  const entry = (action: string, comment: string | null): TimelineEntry => ({
    version: 1, type: 'x', action, at: '2026-05-01T01:00:00.000Z', actor: person, onBehalfOf: null, via: 'self', stepId: 3, toStepId: null, comment, reason: null, revision: 1,
  });
  it('is the latest send-back while the case is sent back, and nothing otherwise', () => {
    const timeline = [entry('submit', null), entry('send_back', '古い理由'), entry('resubmit', null), entry('send_back', '見積書を添付してください')];
    const view = { state: 'sent_back', returned: { kind: 'send_back', fromStepId: 3, at: '2026-05-01T01:00:00.000Z' }, timeline } as Pick<CaseView, 'state' | 'timeline' | 'returned'>;
    expect(latestReturn(view)?.comment).toBe('見積書を添付してください');
    expect(latestReturn({ ...view, state: 'in_progress' })).toBeNull();
    expect(latestReturn({ ...view, returned: null })).toBeNull();
  });

  it('compares drafts as saved (trimmed title, 合議 in any order)', () => {
    const a = { title: '件名 ', amount: 1, body: 'b', consultDepartmentIds: [3, 1] };
    expect(sameContent(a, { title: '件名', amount: 1, body: 'b', consultDepartmentIds: [1, 3] })).toBe(true);
    expect(sameContent(a, { ...a, amount: null })).toBe(false);
    expect(sameContent(a, { ...a, consultDepartmentIds: [1] })).toBe(false);
    expect(sameContent(a, { ...a, body: 'c' })).toBe(false);
  });
});
