import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../../electron/app/org/passwords.js';
import { createServices } from '../../../electron/app/services.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, createUser, signIn, testApp, testPassword } from '../../helpers/test-app.js';

async function setUp() {
  const t = await testApp();
  const admin = await signIn(t.app, 'admin');
  const search = async (query: string) => bodyOf(api.listUsers, await admin.inject({ method: 'GET', url: `/api/users?${query}` }));
  return { ...t, admin, search };
}

const logins = (list: { items: { login: string }[] }) => list.items.map((u) => u.login).sort();

describe('searching users', () => {
  it('finds users by name, kana, login, e-mail and department name', async () => {
    const t = await setUp();
    const kikaku = bodyOf(api.createDepartment, await t.admin.inject({
      method: 'POST', url: '/api/org/departments', payload: { code: 'KIKAKU', name: '企画課', kind: 'ka', siteId: t.town.site.id },
    }));
    await createUser(t.admin, {
      login: 'suzuki.jiro', name: '鈴木 次郎', kana: 'すずき じろう', email: 'jiro@town.example.jp', departmentId: kikaku.id, password: testPassword,
    });
    expect(logins(await t.search(`q=${encodeURIComponent('鈴木')}`))).toEqual(['suzuki.jiro']);
    expect(logins(await t.search(`q=${encodeURIComponent('じろう')}`))).toEqual(['suzuki.jiro']);
    expect(logins(await t.search('q=SUZUKI'))).toEqual(['suzuki.jiro']);
    expect(logins(await t.search('q=town.example'))).toEqual(['suzuki.jiro']);
    expect(logins(await t.search(`q=${encodeURIComponent('企画')}`))).toEqual(['suzuki.jiro']);
    expect(logins(await t.search(`q=${encodeURIComponent('総務課')}`))).toEqual(['admin', 'clerk', 'dx']);
    const none = await t.search(`q=${encodeURIComponent('存在しない')}`);
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('pages through the results with a total, every user exactly once', async () => {
    const t = await setUp();
    const s = createServices(t.db, t.clock);
    const hash = await hashPassword(testPassword);
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, '0');
      s.users.create({ login: `bulk${n}`, name: `一括 ${n}`, kana: `いっかつ ${n}`, email: '', departmentId: t.town.ka.id, positionId: null, roles: ['clerk'] }, hash);
    }
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await t.search(`page=${page}&pageSize=10`));
    expect(pages.map((p) => p.total)).toEqual([33, 33, 33, 33]);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 10, 3]);
    expect(pages.map((p) => [p.page, p.pageSize])).toEqual([[1, 10], [2, 10], [3, 10], [4, 10]]);
    const ids = pages.flatMap((p) => p.items.map((u) => u.id));
    expect(new Set(ids).size).toBe(33);
    expect((await t.search('page=5&pageSize=10')).items).toEqual([]);

    // With a query, the total counts only the matches.
    const bulk = await t.search('q=bulk&page=3&pageSize=10');
    expect(bulk.total).toBe(30);
    expect(bulk.items).toHaveLength(10);
    expect(bulk.items.every((u) => u.login.startsWith('bulk'))).toBe(true);
    expect((await t.search('q=bulk&page=4&pageSize=10')).items).toEqual([]);
  });

  it('matches % and _ in the query literally, not as wildcards', async () => {
    const t = await setUp();
    await createUser(t.admin, { login: 'percent', name: '100% 達成', password: testPassword });
    await createUser(t.admin, { login: 'under_score', name: 'アンダー', password: testPassword });
    await createUser(t.admin, { login: 'underXscore', name: 'エックス', password: testPassword });
    await createUser(t.admin, { login: 'back.slash', name: 'a\\b', password: testPassword });
    expect(logins(await t.search('q=%25'))).toEqual(['percent']);
    expect(logins(await t.search('q=0%25'))).toEqual(['percent']);
    expect(logins(await t.search('q=r_s'))).toEqual(['under_score']);
    expect(logins(await t.search('q=_'))).toEqual(['under_score']);
    expect(logins(await t.search(`q=${encodeURIComponent('a\\b')}`))).toEqual(['back.slash']);
    expect((await t.search(`q=${encodeURIComponent('\\')}`)).total).toBe(1);
  });

  it('never sends a password hash', async () => {
    const t = await setUp();
    for (const url of ['/api/users', '/api/users?includeInactive=true', '/api/me']) {
      const res = await t.admin.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/scrypt|password/i);
    }
    const created = await t.admin.inject({ method: 'POST', url: '/api/users', payload: { login: 'fresh', name: '新規', password: testPassword } });
    expect(created.statusCode).toBe(200);
    expect(created.body).not.toMatch(/scrypt|password/i);
  });
});
