import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, signIn, type Client } from '../../helpers/test-app.js';
import { acted, draft, openTown, refused, submit, submitted, unchanged } from './harness.js';

// 文書番号: one gap-free series per department per fiscal year, assigned on submission, a 係's cases in
// its 課's series, with the department's prefix (北広総第1号), starting again at 第1号 each April.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
async function town() {
  const t = await openTown();
  close = t.close;
  return t;
}

const submitReq = (c: Client, id: number, version: number) => c.inject({ method: 'POST', url: `/api/cases/${id}/submit`, payload: { version } });

describe('document numbers (文書番号)', () => {
  it('count per department: a 係 numbers in its 課’s series, other 課 and 支所 have their own', async () => {
    const t = await town();
    const notice = t.town.types.notice.id;
    const clerk = await t.as('clerk');
    const first = await submitted(clerk, { typeId: notice, title: '一' });
    const second = await submitted(clerk, { typeId: notice, title: '二' });
    const hosa = await submitted(await t.as('hosa'), { typeId: notice, title: '課の起案' });
    const zaisei = await submitted(await t.as('outsider'), { typeId: notice, title: '財政課の起案' });
    const kita = await submitted(await t.as('kitaclerk'), { typeId: notice, title: '支所の起案' });
    expect([first, second, hosa, zaisei, kita].map((c) => [c.number, c.numberFiscalYear])).toEqual([
      ['総務課第1号', 2026],
      ['総務課第2号', 2026],
      ['総務課第3号', 2026],
      ['財政課第1号', 2026],
      ['北支所 地域課第1号', 2026],
    ]);
    expect(t.db.prepare('SELECT number_dept, number_fy, number_seq FROM cases WHERE id = ?').get(first.id)).toEqual({ number_dept: t.town.departments.somu.id, number_fy: 2026, number_seq: 1 });

    // A withdrawn case keeps its number; nobody else gets it.
    expect((await acted(clerk, second.id, { action: 'withdraw', version: second.version })).state).toBe('withdrawn');
    const fourth = await submitted(clerk, { typeId: notice, title: '四' });
    expect(fourth.number).toBe('総務課第4号');
    // Drafts have none.
    expect((await draft(clerk, { typeId: notice })).number).toBeNull();

    const found = bodyOf(api.listCases, await (await t.as('admin')).inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('総務課第2号')}` }));
    expect(found.items.map((i) => i.id)).toEqual([second.id]);
  });

  it('stay gap-free: a refused submission takes no number', async () => {
    const t = await town();
    const clerk = await t.as('clerk');
    const kacho = await t.as('kacho');
    const outsider = await t.as('outsider');
    const a = await draft(clerk, { typeId: t.town.types.notice.id, title: 'A' });
    const b = await draft(clerk, { typeId: t.town.types.notice.id, title: 'B' });
    await unchanged(t.db, async () => {
      refused(await submitReq(clerk, a.id, a.version + 5), 409, 'stale_version');
      refused(await submitReq(kacho, a.id, a.version), 403, 'not_entitled');
      refused(await submitReq(outsider, a.id, a.version), 404, 'not_found');
    });
    const sa = await submit(clerk, a);
    expect(sa.number).toBe('総務課第1号');
    await unchanged(t.db, async () => refused(await submitReq(clerk, a.id, sa.version), 409, 'wrong_state'));

    // Nobody holds the 課長 post: the route cannot be resolved, and no number is spent on trying.
    t.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(t.town.users.kacho.id);
    await unchanged(t.db, async () => refused(await submitReq(clerk, b.id, b.version), 422, 'route_unresolvable'));
    t.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(t.town.users.kacho.id);

    expect((await submit(clerk, b)).number).toBe('総務課第2号');
    expect(t.db.prepare('SELECT department_id, fiscal_year, last_seq FROM doc_number_counters').all()).toEqual([
      { department_id: t.town.departments.somu.id, fiscal_year: 2026, last_seq: 2 },
    ]);
  });

  it('start again at 第1号 on 1 April (Tokyo), by the day of submission', async () => {
    const t = await town();
    const notice = t.town.types.notice.id;
    expect((await submitted(await t.as('clerk'), { typeId: notice })).number).toBe('総務課第1号');

    t.clock.advance(Date.parse('2027-03-31T23:30:00+09:00') - t.clock.now());
    let clerk = await signIn(t.app, 'clerk');
    const march = await submitted(clerk, { typeId: notice, title: '年度末' });
    expect([march.number, march.numberFiscalYear]).toEqual(['総務課第2号', 2026]);
    const drafted = await draft(clerk, { typeId: notice, title: '3月起案・4月提出' });

    t.clock.advance(60 * 60 * 1000); // 2027-04-01 00:30 in Tokyo
    clerk = await signIn(t.app, 'clerk');
    const april = await submit(clerk, drafted);
    expect([april.number, april.numberFiscalYear]).toEqual(['総務課第1号', 2027]);
    expect((await submitted(clerk, { typeId: notice })).number).toBe('総務課第2号');
    expect((await submitted(await signIn(t.app, 'outsider'), { typeId: notice })).number).toBe('財政課第1号');
    // Both years' numbers stay unique side by side.
    const numbers = t.db.prepare('SELECT number FROM cases WHERE number IS NOT NULL ORDER BY id').all();
    expect(numbers).toEqual([{ number: '総務課第1号' }, { number: '総務課第2号' }, { number: '総務課第1号' }, { number: '総務課第2号' }, { number: '財政課第1号' }]);
  });

  it('use the department’s prefix (北広総第1号): the nearest department up the chain that has one', async () => {
    const t = await town();
    const admin = await t.as('admin');
    const { somu, jinji } = t.town.departments;
    const setPrefix = (id: number, docPrefix: string) => admin.inject({ method: 'PATCH', url: `/api/org/departments/${id}`, payload: { docPrefix } });
    refused(await setPrefix(somu.id, '北広第'), 400, 'validation');
    expect(bodyOf(api.updateDepartment, await setPrefix(somu.id, '北広総')).docPrefix).toBe('北広総');

    const notice = t.town.types.notice.id;
    const clerk = await t.as('clerk');
    const hosa = await t.as('hosa');
    expect((await submitted(clerk, { typeId: notice })).number).toBe('北広総第1号');
    expect((await submitted(hosa, { typeId: notice })).number).toBe('北広総第2号');

    // A 係 with its own prefix has its own series.
    bodyOf(api.updateDepartment, await setPrefix(jinji.id, '北広人'));
    expect((await submitted(clerk, { typeId: notice })).number).toBe('北広人第1号');
    expect((await submitted(hosa, { typeId: notice })).number).toBe('北広総第3号');
  });
});
