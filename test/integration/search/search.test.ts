import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { HIT_END, HIT_START } from '../../../shared/api/search.js';
import { bodyOf, errorOf } from '../../helpers/test-app.js';
import { pngBytes } from '../../helpers/scan-images.js';
import { acted, draft, getCase, openTown, submitted, upload } from '../approvals/harness.js';
import { eventuallyFinds, ids, japanesePdf, q, search } from './search-harness.js';

// GET /api/search and /api/search.csv over the approval town: words in the record, the comments on the
// route and the attached PDFs; 1–2 character words by a LIKE scan; filters and paging; and visibility
// exactly as for opening the case (an outsider finds nothing and counts nothing).

let t: Awaited<ReturnType<typeof openTown>>;
let road: CaseView;
let supplies: CaseView;
let secret: CaseView;
let scan: CaseView;
let percent: CaseView;
let kitaCase: CaseView;

beforeAll(async () => {
  t = await openTown();
  const clerk = await t.as('clerk');
  const notice = t.town.types.notice.id;
  road = await draft(clerk, { typeId: notice, title: '道路補修工事の見積依頼', body: '芸北地区の町道について、補修の見積を依頼する。' });
  bodyOf(api.addAttachment, await upload(clerk, road.id, '見積書.pdf', await japanesePdf(['見積書', '特記仕様書による委託契約の内容を確認した。'])));
  road = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${road.id}/submit`, payload: { version: road.version } }));
  road = await acted(await t.as('kakaricho'), road.id, { action: 'send_back', version: road.version, comment: '金額の根拠を明記してください' });

  supplies = await submitted(clerk, { typeId: t.town.types.spending.id, title: '事務用品の購入', body: '課の備品を購入する。', amount: 120_000 });
  secret = await draft(clerk, { typeId: notice, title: '極秘計画の下書き' });
  scan = await draft(clerk, { typeId: notice, title: 'スキャン資料の提出' });
  bodyOf(api.addAttachment, await upload(clerk, scan.id, 'scan.png', pngBytes(400, 560), 'file'));
  percent = await draft(clerk, { typeId: notice, title: '達成率100%の報告_速報' });
  kitaCase = await submitted(await t.as('kitaclerk'), { typeId: notice, title: '北支所の道路補修工事' });
  t.db.prepare("INSERT INTO case_links (case_a, case_b, note, created_by, created_at) VALUES (?, ?, '', ?, '2026-04-01T00:00:00Z')")
    .run(Math.min(road.id, supplies.id), Math.max(road.id, supplies.id), t.town.users.clerk.id);
  t.db.prepare("INSERT INTO case_links (case_a, case_b, note, created_by, created_at) VALUES (?, ?, '', ?, '2026-04-01T00:00:00Z')")
    .run(Math.min(road.id, kitaCase.id), Math.max(road.id, kitaCase.id), t.town.users.clerk.id);
}, 60_000);
afterAll(async () => t.close());

describe('words', () => {
  it('a phrase inside an attached PDF finds the case, with the hit marked in the snippet', async () => {
    const r = await eventuallyFinds(await t.as('clerk'), q('委託契約'), road.id);
    const item = r.items.find((i) => i.caseId === road.id);
    expect(item?.matchedIn).toEqual(['pdf']);
    expect(item?.snippet).toContain(`${HIT_START}委託契約${HIT_END}`);
    expect(item?.noTextLayer).toBe(false);
  });

  it('a send-back comment finds the case', async () => {
    const r = await search(await t.as('clerk'), q('金額の根拠'));
    expect(ids(r)).toEqual([road.id]);
    expect(r.items[0]?.matchedIn).toEqual(['comment']);
  });

  it('several words must all occur, in any place', async () => {
    const clerk = await t.as('clerk');
    expect(ids(await search(clerk, q('道路補修 見積依頼')))).toEqual([road.id]);
    expect(ids(await search(clerk, q('道路補修 備品を購入')))).toEqual([]);
  });

  it('full-width letters and digits find their ASCII forms (NFKC)', async () => {
    expect(ids(await search(await t.as('clerk'), q('達成率１００')))).toEqual([percent.id]);
  });

  it('words of one or two characters are found in the same columns (no trigram: an index of characters and pairs)', async () => {
    const clerk = await t.as('clerk');
    const two = await search(clerk, q('芸北'));
    expect(ids(two)).toEqual([road.id]);
    expect(two.items[0]?.snippet).toContain(`${HIT_START}芸北${HIT_END}`);
    expect(ids(await search(clerk, q('備')))).toEqual([supplies.id]);
    // Document numbers are searched too: 人事係's cases are numbered 総務課第N号.
    expect(ids(await search(clerk, q('課')))).toEqual([road.id, supplies.id]);
    expect(ids(await search(clerk, q('根拠 芸北')))).toEqual([road.id]);
  });

  it('% and _ in a short word are taken literally, not as LIKE wildcards', async () => {
    const clerk = await t.as('clerk');
    expect(ids(await search(clerk, q('%')))).toEqual([percent.id]);
    expect(ids(await search(clerk, q('_')))).toEqual([percent.id]);
    // With a longer word (trigram index) or a short one (character-pair index) beside it.
    expect(ids(await search(clerk, q('達成率 %')))).toEqual([percent.id]);
    expect(ids(await search(clerk, q('報告 %')))).toEqual([percent.id]);
    expect(ids(await search(clerk, q('道路 %')))).toEqual([]);
  });

  it('a scan without a text layer is flagged once it has been read', async () => {
    const clerk = await t.as('clerk');
    await eventuallyFinds(clerk, q('スキャン資料'), scan.id);
    await expect.poll(async () => (await search(clerk, q('スキャン資料'))).items[0]?.noTextLayer, { timeout: 30_000 }).toBe(true);
    expect((await search(clerk, q('道路補修'))).items.every((i) => !i.noTextLayer)).toBe(true);
  });
});

describe('visibility', () => {
  it('an outsider finds nothing and counts nothing, even for words only in cases they cannot open', async () => {
    const outsider = await t.as('outsider');
    for (const words of ['金額の根拠', '委託契約', '芸北', '課', '']) {
      const r = await search(outsider, q(words));
      expect({ words, total: r.total, items: r.items }).toEqual({ words, total: 0, items: [] });
    }
  });

  it('a draft is found by those who may open it: its drafter and the managers of its department, not the route', async () => {
    for (const login of ['clerk', 'kacho', 'bucho', 'kakaricho', 'clerk2', 'outsider', 'zaisei']) {
      const c = await t.as(login);
      const opens = (await getCase(c, secret.id)).statusCode === 200;
      const found = ids(await search(c, q('極秘計画')));
      expect({ login, found }).toEqual({ login, found: opens ? [secret.id] : [] });
    }
    expect((await getCase(await t.as('kakaricho'), secret.id)).statusCode).toBe(404);
  });

  it('the people on the route find the case; a related case is listed only when they may open it', async () => {
    const mine = (await search(await t.as('clerk'), q('道路補修'))).items;
    expect(mine.map((i) => i.caseId)).toEqual([road.id]);
    expect(mine[0]?.related.map((r) => r.caseId)).toEqual([supplies.id]);
    const kita = (await search(await t.as('kitaclerk'), q('道路補修'))).items;
    expect(kita.map((i) => i.caseId)).toEqual([kitaCase.id]);
    expect(kita[0]?.related).toEqual([]);
    const admin = (await search(await t.as('admin'), q('道路補修'))).items;
    expect(admin.map((i) => i.caseId).sort((a, b) => a - b)).toEqual([road.id, kitaCase.id].sort((a, b) => a - b));
    expect(admin.find((i) => i.caseId === road.id)?.related.map((r) => r.caseId).sort((a, b) => a - b)).toEqual([supplies.id, kitaCase.id].sort((a, b) => a - b));
  });
});

describe('filters and paging', () => {
  it('filters by type, state, department, site, drafter, fiscal year and dates', async () => {
    const admin = await t.as('admin');
    const { spending, notice } = t.town.types;
    const { jinji, kita, somu } = t.town.departments;
    expect(ids(await search(admin, q('', `&type=${spending.id}`)))).toEqual([supplies.id]);
    expect(ids(await search(admin, q('道路補修', `&type=${notice.id}&state=sent_back`)))).toEqual([road.id]);
    expect(ids(await search(admin, q('道路補修', `&department=${kita.id}`)))).toEqual([kitaCase.id]);
    // A 課 finds its 係's cases.
    expect(ids(await search(admin, q('道路補修', `&department=${somu.id}`)))).toEqual([road.id]);
    expect(ids(await search(admin, q('道路補修', `&department=${jinji.id}`)))).toEqual([road.id]);
    expect(ids(await search(admin, q('道路補修', `&site=${t.town.sites.branch.id}`)))).toEqual([kitaCase.id]);
    expect(ids(await search(admin, q('道路補修', `&drafter=${t.town.users.kitaClerk.id}`)))).toEqual([kitaCase.id]);
    expect((await search(admin, q('道路補修', '&fy=2026'))).total).toBe(2);
    expect((await search(admin, q('道路補修', '&fy=2025'))).total).toBe(0);
    expect((await search(admin, q('道路補修', '&from=2026-04-01&to=2026-04-01'))).total).toBe(2);
    expect((await search(admin, q('道路補修', '&from=2026-04-02'))).total).toBe(0);
  });

  it('pages 20 at a time with the total of all pages', async () => {
    const clerk2 = await t.as('clerk2');
    const made: number[] = [];
    for (let i = 0; i < 23; i++) made.push((await draft(clerk2, { typeId: t.town.types.notice.id, title: `定例報告 第${i + 1}回` })).id);
    const first = await search(clerk2, q('定例報告'));
    const second = await search(clerk2, q('定例報告', '&page=2'));
    expect({ total: first.total, n: first.items.length, pageSize: first.pageSize }).toEqual({ total: 23, n: 20, pageSize: 20 });
    expect({ total: second.total, n: second.items.length }).toEqual({ total: 23, n: 3 });
    expect([...first.items, ...second.items].map((i) => i.caseId).sort((a, b) => a - b)).toEqual(made);
    expect((await search(clerk2, q('定例報告', '&page=3'))).total).toBe(23);
  });

  it('refuses a bad filter naming the field', async () => {
    const res = await (await t.as('clerk')).inject({ method: 'GET', url: '/api/search?q=a&from=2026-13' });
    expect({ status: res.statusCode, field: errorOf(res).field }).toEqual({ status: 400, field: 'query.from' });
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, Japanese columns, hits in 【】', async () => {
    const res = await (await t.as('clerk')).inject({ method: 'GET', url: `/api/search.csv?${q('金額の根拠')}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('文書番号,件名,文書種別,所属,拠点,起案者,状態,起案日,最終更新日,一致箇所,抜粋,備考,関連文書');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('道路補修工事の見積依頼');
    expect(lines[1]).toContain('差戻し');
    expect(lines[1]).toContain('【金額の根拠】');
    expect(lines[1]).toContain('令和8年4月1日');
  });

  it('is Shift_JIS on request, and shows only what the caller may see', async () => {
    const res = await (await t.as('clerk')).inject({ method: 'GET', url: `/api/search.csv?${q('道路補修')}&encoding=sjis` });
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const text = iconv.decode(res.rawPayload, 'cp932');
    expect(text).toContain('道路補修工事の見積依頼');
    expect(text).not.toContain('北支所の道路補修工事');
    const outsider = await (await t.as('outsider')).inject({ method: 'GET', url: `/api/search.csv?${q('道路補修')}` });
    expect(outsider.rawPayload.subarray(3).toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});
