import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, dbSnapshot, errorOf, signIn, testApp, testClock, type Client } from '../../helpers/test-app.js';

const clock = testClock(Date.parse('2026-04-01T09:00:00+09:00'));
const world = await testApp({ clock });
let dx: Client;

const importCsv = (client: Client, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  client.inject({ method: 'POST', url: '/api/kpi/purchases/import', payload, headers });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const purchases = async (fy: number) => bodyOf(api.kpiPurchases, await dx.inject({ method: 'GET', url: `/api/kpi/purchases?fy=${fy}` }));

/** The clerk's export: Excel「CSV（コンマ区切り）」on Japanese Windows, so Shift_JIS; April bought three times. */
const clerkCsv = [
  '令和6年度 用紙購入実績,,,',
  '購入日,品名,冊数,備考',
  '令和6年4月8日,コピー用紙A4,40,庁舎一括',
  '令和6年4月22日,コピー用紙A4,"1,200",追加',
  '令和6年5月10日,コピー用紙A3,10,',
  '令和6年4月30日,コピー用紙A4,5,芸北支所',
  '合計,,"1,255",',
].join('\r\n');

beforeAll(async () => {
  dx = await signIn(world.app, 'dx');
  // Typed in by hand before the import: April is replaced by the file, June is not in it and stays.
  for (const payload of [{ month: '2024-04', reams: 999, note: '手入力' }, { month: '2024-06', reams: 7, note: '手入力' }]) {
    expect((await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload })).statusCode).toBe(200);
  }
});

describe('POST /api/kpi/purchases/import', () => {
  it('reads a Shift_JIS file, adds up the lines of a month and replaces the months it gives', async () => {
    const result = bodyOf(api.importKpiPurchases, await importCsv(dx, { base64: base64(iconv.encode(clerkCsv, 'cp932')) }));
    expect(result).toEqual({
      months: 2,
      reams: 1255,
      sheets: 627_500,
      rows: 4,
      encoding: 'cp932',
      items: [
        { month: '2024-04', reams: 1245, sheets: 622_500, note: '庁舎一括 / 追加 / 芸北支所' },
        { month: '2024-05', reams: 10, sheets: 5000, note: '' },
      ],
    });
    const list = await purchases(2024);
    expect(list.items.map((p) => [p.month, p.reams, p.note])).toEqual([
      ['2024-04', 1245, '庁舎一括 / 追加 / 芸北支所'],
      ['2024-05', 10, ''],
      ['2024-06', 7, '手入力'],
    ]);
    expect(createKpiReports(world.db, clock).report(2024, 'purchases').sheets).toBe((1245 + 10 + 7) * 500);
    const log = world.db.prepare("SELECT target, detail FROM admin_log WHERE action = 'kpi.purchase.import' ORDER BY id DESC LIMIT 1").get() as { target: string; detail: string };
    expect(log.target).toBe('2 months');
    expect(JSON.parse(log.detail)).toMatchObject({ months: ['2024-04', '2024-05'], reams: 1255, encoding: 'cp932' });
  });

  it('reads UTF-8 with a BOM, and the CSV sent as text; importing the same file again changes nothing', async () => {
    const text = 'month,reams,note\n2024-05,12,re-count\n2024-05,3,\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const fromBytes = bodyOf(api.importKpiPurchases, await importCsv(dx, { base64: base64(bytes) }));
    expect(fromBytes).toMatchObject({ months: 1, reams: 15, encoding: 'utf-8', items: [{ month: '2024-05', reams: 15, note: 're-count' }] });
    const fromText = bodyOf(api.importKpiPurchases, await importCsv(dx, { csv: `\uFEFF${text}` }));
    expect(fromText).toMatchObject({ months: 1, reams: 15, encoding: 'text' });
    expect((await purchases(2024)).items.find((p) => p.month === '2024-05')).toEqual({ month: '2024-05', reams: 15, sheets: 7500, note: 're-count' });
  });

  it('stores nothing when any line is bad, and names every bad line (English detail, message in the caller\'s language)', async () => {
    const before = dbSnapshot(world.db);
    const bad = '年月,連数,備考\n2024-07,10,\n2024-08,abc,\n2024-09,-2,\n';
    const res = await importCsv(dx, { base64: base64(iconv.encode(bad, 'cp932')) }, { 'accept-language': 'ja' });
    expect(res.statusCode, res.body).toBe(400);
    const error = errorOf(res);
    expect(error).toMatchObject({ code: 'validation', field: 'body.base64', message: expect.stringContaining('入力内容に誤りがあります') as unknown });
    expect(error.detail).toBe('line 3: reams "abc" is not a number; line 4: reams "-2" is negative (0 or more)');
    expect(dbSnapshot(world.db)).toEqual(before);
    expect((await purchases(2024)).items.map((p) => p.month)).not.toContain('2024-07');
  });

  it.each([
    ['nothing', {}, 'body.csv'],
    ['both text and bytes', { csv: '年月,連数\n2024-04,1\n', base64: 'AAAA' }, 'body.csv'],
    ['bytes that are not base64', { base64: 'not base64!' }, 'body.base64'],
    ['an empty text', { csv: '' }, 'body.csv'],
    ['a text over 512 KiB', { csv: 'a'.repeat(512 * 1024 + 1) }, 'body.csv'],
    ['a file without its header', { csv: '2024-04,1\n' }, 'body.csv'],
  ])('refuses %s: 400 naming the field, nothing changed', async (_what, payload, field) => {
    const before = dbSnapshot(world.db);
    const res = await importCsv(dx, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation', field });
    expect(dbSnapshot(world.db)).toEqual(before);
  });

  it('is refused to a clerk, without a session and without the CSRF header; an administrator may', async () => {
    const payload = { csv: '年月,連数\n2024-10,50\n' };
    const clerk = await signIn(world.app, 'clerk');
    const before = dbSnapshot(world.db);
    expect((await importCsv(clerk, payload)).statusCode).toBe(403);
    expect((await world.app.inject({ method: 'POST', url: '/api/kpi/purchases/import', payload })).statusCode).toBe(401);
    const noCsrf = await world.app.inject({ method: 'POST', url: '/api/kpi/purchases/import', payload, headers: { cookie: dx.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(dbSnapshot(world.db)).toEqual(before);
    const admin = await signIn(world.app, 'admin');
    expect(bodyOf(api.importKpiPurchases, await importCsv(admin, payload)).items).toEqual([{ month: '2024-10', reams: 50, sheets: 25_000, note: '' }]);
  });
});
