import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, createUser, dbSnapshot, errorOf, signIn, testApp, testPassword, type Client } from '../../helpers/test-app.js';

async function setUp() {
  const t = await testApp();
  return { ...t, admin: await signIn(t.app, 'admin') };
}

async function expectRefused(t: { db: Parameters<typeof dbSnapshot>[0]; admin: Client }, req: InjectOptions, status: number, code: string, field: string) {
  const before = dbSnapshot(t.db);
  const res = await t.admin.inject(req);
  expect(res.statusCode, res.body).toBe(status);
  expect(errorOf(res)).toMatchObject({ code, field });
  expect(dbSnapshot(t.db)).toEqual(before);
}

const listed = async (admin: Client, query = '') =>
  bodyOf(api.listUsers, await admin.inject({ method: 'GET', url: `/api/users${query}` }));

describe('users', () => {
  it('an admin creates a user with department, position and roles; the user can sign in', async () => {
    const t = await setUp();
    const user = await createUser(t.admin, {
      login: 'sato.hanako', name: '佐藤 花子', kana: 'さとう はなこ', email: 'sato@example.jp',
      departmentId: t.town.ka.id, positionId: t.town.kacho.id, roles: ['dx', 'clerk'], password: 'hanako-passphrase',
    });
    expect(user).toMatchObject({
      login: 'sato.hanako', departmentId: t.town.ka.id, departmentName: '総務課', siteName: '本庁',
      positionId: t.town.kacho.id, positionName: '課長', roles: ['dx', 'clerk'], active: true, language: 'ja',
    });
    const session = await signIn(t.app, 'sato.hanako', 'hanako-passphrase');
    expect(bodyOf(api.me, await session.inject({ method: 'GET', url: '/api/me' })).user.roles).toEqual(['dx', 'clerk']);
  });

  it('gives a new user the clerk role and no department by default', async () => {
    const t = await setUp();
    const user = await createUser(t.admin, { login: 'newbie', name: '新人', password: testPassword });
    expect(user).toMatchObject({ roles: ['clerk'], departmentId: null, positionId: null, kana: '', email: '' });
  });

  it('changes only the fields a PATCH names', async () => {
    const t = await setUp();
    const before = (await listed(t.admin, '?q=dx')).items.find((u) => u.login === 'dx');
    const res = await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.dx.id}`, payload: { name: 'DX 花子（改姓）' } });
    expect(bodyOf(api.updateUser, res)).toEqual({ ...before, name: 'DX 花子（改姓）' });
    // The administrator can rename themselves without losing the admin role.
    const self = await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.admin.id}`, payload: { kana: 'かんり たろう' } });
    expect(bodyOf(api.updateUser, self).roles).toEqual(['admin', 'clerk']);
  });

  it('refuses a duplicate login whatever its case: 409 duplicate naming body.login, nothing stored', async () => {
    const t = await setUp();
    for (const login of ['Admin', 'ADMIN', 'admin']) {
      await expectRefused(t, { method: 'POST', url: '/api/users', payload: { login, name: '二人目', password: testPassword } }, 409, 'duplicate', 'body.login');
    }
  });

  it('refuses an unknown or inactive department or position: 400 unknown_reference naming the field', async () => {
    const t = await setUp();
    const base = { login: 'ghost', name: '幽霊', password: testPassword };
    await expectRefused(t, { method: 'POST', url: '/api/users', payload: { ...base, departmentId: 999 } }, 400, 'unknown_reference', 'body.departmentId');
    await expectRefused(t, { method: 'POST', url: '/api/users', payload: { ...base, positionId: 999 } }, 400, 'unknown_reference', 'body.positionId');
    await expectRefused(t, { method: 'PATCH', url: `/api/users/${t.town.clerk.id}`, payload: { departmentId: 999 } }, 400, 'unknown_reference', 'body.departmentId');

    const old = bodyOf(api.createPosition, await t.admin.inject({ method: 'POST', url: '/api/org/positions', payload: { name: '旧職', rank: 1 } }));
    bodyOf(api.updatePosition, await t.admin.inject({ method: 'PATCH', url: `/api/org/positions/${old.id}`, payload: { active: false } }));
    await expectRefused(t, { method: 'POST', url: '/api/users', payload: { ...base, positionId: old.id } }, 400, 'unknown_reference', 'body.positionId');
  });

  it('refuses a password equal to the login: 400 password_too_weak, nothing stored', async () => {
    const t = await setUp();
    await expectRefused(t, { method: 'POST', url: '/api/users', payload: { login: 'tanaka.ichiro', name: '田中', password: 'Tanaka.Ichiro' } }, 400, 'password_too_weak', 'body.password');
  });

  it('deactivating a user keeps the row, hides it from the default list and signs them out', async () => {
    const t = await setUp();
    const clerk = await signIn(t.app, 'clerk');
    const res = await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.clerk.id}`, payload: { active: false } });
    const off = bodyOf(api.updateUser, res);
    expect(off).toMatchObject({ active: false, login: 'clerk', roles: ['clerk'], departmentId: t.town.ka.id });

    expect((await listed(t.admin)).items.map((u) => u.login)).not.toContain('clerk');
    expect((await listed(t.admin)).total).toBe(2);
    const all = await listed(t.admin, '?includeInactive=true');
    expect(all.total).toBe(3);
    expect(all.items.find((u) => u.login === 'clerk')?.active).toBe(false);

    expect((await clerk.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'clerk', password: testPassword } });
    expect(login.statusCode).toBe(401);

    // Reactivated, they can sign in again, but the session from before stays ended.
    bodyOf(api.updateUser, await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.clerk.id}`, payload: { active: true } }));
    await signIn(t.app, 'clerk');
    expect((await clerk.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('changing roles signs the user out; other edits do not', async () => {
    const t = await setUp();
    const dx = await signIn(t.app, 'dx');
    bodyOf(api.updateUser, await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.dx.id}`, payload: { email: 'dx@example.jp' } }));
    expect((await dx.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    bodyOf(api.updateUser, await t.admin.inject({ method: 'PATCH', url: `/api/users/${t.town.dx.id}`, payload: { roles: ['clerk'] } }));
    expect((await dx.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('the last active admin can neither be deactivated nor lose the role: 409 last_admin', async () => {
    const t = await setUp();
    const url = `/api/users/${t.town.admin.id}`;
    await expectRefused(t, { method: 'PATCH', url, payload: { active: false } }, 409, 'last_admin', 'body.active');
    await expectRefused(t, { method: 'PATCH', url, payload: { roles: ['dx', 'clerk'] } }, 409, 'last_admin', 'body.roles');

    // An inactive admin does not count as a second one.
    const dormant = await createUser(t.admin, { login: 'dormant', name: '休眠', roles: ['admin'], password: testPassword });
    bodyOf(api.updateUser, await t.admin.inject({ method: 'PATCH', url: `/api/users/${dormant.id}`, payload: { active: false } }));
    await expectRefused(t, { method: 'PATCH', url, payload: { active: false } }, 409, 'last_admin', 'body.active');

    // With a second active admin, the first may step down.
    await createUser(t.admin, { login: 'deputy', name: '副管理者', roles: ['admin'], password: testPassword });
    const res = await t.admin.inject({ method: 'PATCH', url, payload: { roles: ['clerk'] } });
    expect(bodyOf(api.updateUser, res).roles).toEqual(['clerk']);
  });

  it('answers 404 for an unknown user', async () => {
    const t = await setUp();
    const res = await t.admin.inject({ method: 'PATCH', url: '/api/users/999', payload: { name: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });
});

describe('reactivating', () => {
  it('refuses to reactivate a user into a department that was closed meanwhile', async () => {
    const { app, db } = await testApp();
    const admin = await signIn(app, 'admin');
    const dept = bodyOf(api.createDepartment, await admin.inject({
      method: 'POST', url: '/api/org/departments', payload: { code: 'TMP', name: '臨時係', kind: 'kakari', parentId: 2, siteId: 1 },
    }));
    const user = await createUser(admin, { login: 'rinji.taro', name: '臨時 太郎', departmentId: dept.id, password: testPassword });
    expect((await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { active: false } })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'PATCH', url: `/api/org/departments/${dept.id}`, payload: { active: false } })).statusCode).toBe(200);
    const before = dbSnapshot(db);
    const res = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { active: true } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'unknown_reference', field: 'body.departmentId' });
    expect(dbSnapshot(db)).toEqual(before);
  });
});
