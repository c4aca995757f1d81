import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, dbSnapshot, errorOf, signIn, testApp } from '../../helpers/test-app.js';

describe('sites', () => {
  it('an admin creates and edits a site; everyone signed in lists it', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const created = bodyOf(api.createSite, await admin.inject({
      method: 'POST', url: '/api/org/sites', payload: { code: 'GEIHOKU', name: '芸北支所', kind: 'shisho', address: '山県郡北広島町川小田', sortOrder: 2 },
    }));
    expect(created).toMatchObject({ code: 'GEIHOKU', name: '芸北支所', kind: 'shisho', active: true, sortOrder: 2 });

    const edited = bodyOf(api.updateSite, await admin.inject({ method: 'PATCH', url: `/api/org/sites/${created.id}`, payload: { name: '芸北支所（新）' } }));
    // A PATCH changes only what it names.
    expect(edited).toEqual({ ...created, name: '芸北支所（新）' });

    const clerk = await signIn(app, 'clerk');
    const list = bodyOf(api.listSites, await clerk.inject({ method: 'GET', url: '/api/org/sites' }));
    expect(list.map((s) => s.code)).toEqual(['HQ', 'GEIHOKU']);
  });

  it('refuses a duplicate code, whatever its case: 409 duplicate naming body.code, nothing stored', async () => {
    const { app, db } = await testApp();
    const admin = await signIn(app, 'admin');
    const other = bodyOf(api.createSite, await admin.inject({ method: 'POST', url: '/api/org/sites', payload: { code: 'OASA', name: '大朝支所', kind: 'shisho' } }));
    const before = dbSnapshot(db);
    for (const [method, url, payload] of [
      ['POST', '/api/org/sites', { code: 'hq', name: '二つ目の本庁', kind: 'honcho' }],
      ['PATCH', `/api/org/sites/${other.id}`, { code: 'Hq' }],
    ] as const) {
      const res = await admin.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'duplicate', field: 'body.code' });
    }
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('cannot be deactivated while active departments are there: 409 in_use', async () => {
    const { app, db, town } = await testApp();
    const admin = await signIn(app, 'admin');
    const before = dbSnapshot(db);
    const res = await admin.inject({ method: 'PATCH', url: `/api/org/sites/${town.site.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'in_use', field: 'body.active' });
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('answers 404 for an unknown site', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const res = await admin.inject({ method: 'PATCH', url: '/api/org/sites/999', payload: { name: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });
});

describe('the municipality', () => {
  it('can be renamed by an admin; the new name is in /api/health; a blank name is refused naming the field', async () => {
    const { app, db } = await testApp();
    const admin = await signIn(app, 'admin');
    const renamed = await admin.inject({ method: 'PUT', url: '/api/town', payload: { townName: '北広島町役場' } });
    expect(renamed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ townName: '北広島町役場' });
    const before = dbSnapshot(db);
    const blank = await admin.inject({ method: 'PUT', url: '/api/town', payload: { townName: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank)).toMatchObject({ code: 'validation', field: 'body.townName' });
    expect(dbSnapshot(db)).toEqual(before);
  });
});
