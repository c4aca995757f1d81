import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Department } from '../../../shared/api/org.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, dbSnapshot, errorOf, signIn, testApp, type Client } from '../../helpers/test-app.js';

async function setUp() {
  const t = await testApp();
  const admin = await signIn(t.app, 'admin');
  const create = async (payload: Record<string, unknown>): Promise<Department> =>
    bodyOf(api.createDepartment, await admin.inject({ method: 'POST', url: '/api/org/departments', payload: { siteId: t.town.site.id, ...payload } }));
  return { ...t, admin, create };
}

/** A request that must be refused with `status`, `code` and `field`, changing nothing stored. */
async function expectRefused(t: { db: Parameters<typeof dbSnapshot>[0]; admin: Client }, req: InjectOptions, status: number, code: string, field: string) {
  const before = dbSnapshot(t.db);
  const res = await t.admin.inject(req);
  expect(res.statusCode, res.body).toBe(status);
  expect(errorOf(res)).toMatchObject({ code, field });
  expect(dbSnapshot(t.db)).toEqual(before);
  return errorOf(res);
}

describe('departments', () => {
  it('an admin builds a 部 → 課 → 係 tree and edits it', async () => {
    const t = await setUp();
    const kakari = await t.create({ code: 'SOMU-1', name: '庶務係', kind: 'kakari', parentId: t.town.ka.id });
    expect(kakari).toMatchObject({ kind: 'kakari', parentId: t.town.ka.id, siteId: t.town.site.id, active: true });
    // A 課 may stand on its own.
    const kaikei = await t.create({ code: 'KAIKEI', name: '会計課', kind: 'ka' });
    expect(kaikei.parentId).toBeNull();

    const renamed = bodyOf(api.updateDepartment, await t.admin.inject({ method: 'PATCH', url: `/api/org/departments/${kakari.id}`, payload: { name: '庶務・文書係' } }));
    // A PATCH changes only what it names: the 係 stays under its 課.
    expect(renamed).toEqual({ ...kakari, name: '庶務・文書係' });

    // Move the 係 under another 課.
    const moved = bodyOf(api.updateDepartment, await t.admin.inject({ method: 'PATCH', url: `/api/org/departments/${kakari.id}`, payload: { parentId: kaikei.id } }));
    expect(moved.parentId).toBe(kaikei.id);

    const clerk = await signIn(t.app, 'clerk');
    const list = bodyOf(api.listDepartments, await clerk.inject({ method: 'GET', url: '/api/org/departments' }));
    expect(list.map((d) => d.code).sort()).toEqual(['KAIKEI', 'SOMU', 'SOMU-1', 'SOMUKA']);
  });

  it('refuses a kind under the wrong parent: 400 naming body.parentId', async () => {
    const t = await setUp();
    const url = '/api/org/departments';
    const site = t.town.site.id;
    // 係 under a 部, 係 at the top, 部 under a 部, 課 under a 課.
    for (const payload of [
      { code: 'X1', name: 'x', kind: 'kakari', parentId: t.town.bu.id, siteId: site },
      { code: 'X2', name: 'x', kind: 'kakari', parentId: null, siteId: site },
      { code: 'X3', name: 'x', kind: 'bu', parentId: t.town.bu.id, siteId: site },
      { code: 'X4', name: 'x', kind: 'ka', parentId: t.town.ka.id, siteId: site },
    ]) {
      await expectRefused(t, { method: 'POST', url, payload }, 400, 'validation', 'body.parentId');
    }
    // Moving an existing 課 under itself (a 課 under a 課) is refused the same way.
    await expectRefused(t, { method: 'PATCH', url: `${url}/${t.town.ka.id}`, payload: { parentId: t.town.ka.id } }, 400, 'validation', 'body.parentId');
  });

  it('refuses to move a department under its own descendant: 400 naming body.parentId', async () => {
    const t = await setUp();
    // 総務部 made a 係 would fit under a 課 by kind, but 総務課 is its own child.
    const error = await expectRefused(t, {
      method: 'PATCH', url: `/api/org/departments/${t.town.bu.id}`, payload: { kind: 'kakari', parentId: t.town.ka.id },
    }, 400, 'validation', 'body.parentId');
    expect(error.detail).toContain('itself');
  });

  it('refuses a new kind that no longer fits above its sub-departments: 400 naming body.kind', async () => {
    const t = await setUp();
    // 総務部 turned 課 would hold 総務課, a 課 under a 課.
    await expectRefused(t, { method: 'PATCH', url: `/api/org/departments/${t.town.bu.id}`, payload: { kind: 'ka' } }, 400, 'validation', 'body.kind');
    // Without sub-departments the kind may change.
    const lone = await t.create({ code: 'GIKAI', name: '議会事務局', kind: 'ka' });
    const res = await t.admin.inject({ method: 'PATCH', url: `/api/org/departments/${lone.id}`, payload: { kind: 'bu' } });
    expect(bodyOf(api.updateDepartment, res).kind).toBe('bu');
  });

  it('refuses an unknown or inactive site or parent: 400 unknown_reference naming the field', async () => {
    const t = await setUp();
    const url = '/api/org/departments';
    await expectRefused(t, { method: 'POST', url, payload: { code: 'X', name: 'x', kind: 'ka', siteId: 999 } }, 400, 'unknown_reference', 'body.siteId');
    await expectRefused(t, { method: 'PATCH', url: `${url}/${t.town.ka.id}`, payload: { siteId: 999 } }, 400, 'unknown_reference', 'body.siteId');
    await expectRefused(t, { method: 'POST', url, payload: { code: 'X', name: 'x', kind: 'ka', parentId: 999, siteId: t.town.site.id } }, 400, 'unknown_reference', 'body.parentId');

    const closed = bodyOf(api.createSite, await t.admin.inject({ method: 'POST', url: '/api/org/sites', payload: { code: 'OLD', name: '旧支所', kind: 'shisho' } }));
    bodyOf(api.updateSite, await t.admin.inject({ method: 'PATCH', url: `/api/org/sites/${closed.id}`, payload: { active: false } }));
    await expectRefused(t, { method: 'POST', url, payload: { code: 'X', name: 'x', kind: 'ka', siteId: closed.id } }, 400, 'unknown_reference', 'body.siteId');
  });

  it('refuses a duplicate code, whatever its case: 409 duplicate naming body.code', async () => {
    const t = await setUp();
    const other = await t.create({ code: 'KIKAKU', name: '企画課', kind: 'ka' });
    await expectRefused(t, { method: 'POST', url: '/api/org/departments', payload: { code: 'somuka', name: '第二総務課', kind: 'ka', siteId: t.town.site.id } }, 409, 'duplicate', 'body.code');
    await expectRefused(t, { method: 'PATCH', url: `/api/org/departments/${other.id}`, payload: { code: 'Somu' } }, 409, 'duplicate', 'body.code');
  });

  it('cannot be deactivated with active users or active sub-departments: 409 in_use; can once empty', async () => {
    const t = await setUp();
    const url = `/api/org/departments/${t.town.ka.id}`;
    await expectRefused(t, { method: 'PATCH', url, payload: { active: false } }, 409, 'in_use', 'body.active');
    await expectRefused(t, { method: 'PATCH', url: `/api/org/departments/${t.town.bu.id}`, payload: { active: false } }, 409, 'in_use', 'body.active');

    // Move everyone out of 総務課, then it can close, keeping its place in the tree.
    const lone = await t.create({ code: 'SHINKA', name: '新課', kind: 'ka' });
    for (const u of [t.town.admin, t.town.dx, t.town.clerk]) {
      const res = await t.admin.inject({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { departmentId: lone.id } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const closed = bodyOf(api.updateDepartment, await t.admin.inject({ method: 'PATCH', url, payload: { active: false } }));
    expect(closed).toMatchObject({ active: false, parentId: t.town.bu.id, kind: 'ka' });
    // A closed department takes no new members.
    await expectRefused(t, { method: 'PATCH', url: `/api/users/${t.town.clerk.id}`, payload: { departmentId: t.town.ka.id } }, 400, 'unknown_reference', 'body.departmentId');
  });
});

describe('document number prefix (文書番号の記号)', () => {
  it('is stored, changed by a PATCH, and refused with 第 or 号 in it', async () => {
    const t = await setUp();
    const ka = await t.create({ code: 'ZAISEI', name: '財政課', kind: 'ka', docPrefix: '北広財' });
    expect(ka.docPrefix).toBe('北広財');
    const patched = bodyOf(api.updateDepartment, await t.admin.inject({ method: 'PATCH', url: `/api/org/departments/${ka.id}`, payload: { docPrefix: '北財' } }));
    expect(patched).toEqual({ ...ka, docPrefix: '北財' });
    await expectRefused(t, { method: 'PATCH', url: `/api/org/departments/${ka.id}`, payload: { docPrefix: '北財第' } }, 400, 'validation', 'body.docPrefix');
    // Left out, it is empty: numbers then use the 課's name.
    expect((await t.create({ code: 'KIKAKU', name: '企画課', kind: 'ka' })).docPrefix).toBe('');
  });
});
