import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, dbSnapshot, errorOf, signIn, testApp } from '../../helpers/test-app.js';

describe('positions', () => {
  it('an admin creates, renames and re-ranks positions; the list runs from the highest rank', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const kakaricho = bodyOf(api.createPosition, await admin.inject({ method: 'POST', url: '/api/org/positions', payload: { name: '係長', rank: 30 } }));
    expect(kakaricho).toMatchObject({ name: '係長', rank: 30, active: true });
    const renamed = bodyOf(api.updatePosition, await admin.inject({ method: 'PATCH', url: `/api/org/positions/${kakaricho.id}`, payload: { name: '主査' } }));
    expect(renamed).toEqual({ ...kakaricho, name: '主査' });
    bodyOf(api.updatePosition, await admin.inject({ method: 'PATCH', url: `/api/org/positions/${kakaricho.id}`, payload: { rank: 60 } }));
    const list = bodyOf(api.listPositions, await admin.inject({ method: 'GET', url: '/api/org/positions' }));
    expect(list.map((p) => [p.name, p.rank])).toEqual([['主査', 60], ['課長', 50], ['主事', 10]]);
  });

  it('refuses a duplicate name: 409 duplicate naming body.name, nothing stored', async () => {
    const { app, db } = await testApp();
    const admin = await signIn(app, 'admin');
    const other = bodyOf(api.createPosition, await admin.inject({ method: 'POST', url: '/api/org/positions', payload: { name: '係長', rank: 30 } }));
    const before = dbSnapshot(db);
    for (const [method, url, payload] of [
      ['POST', '/api/org/positions', { name: '課長', rank: 45 }],
      ['PATCH', `/api/org/positions/${other.id}`, { name: '主事' }],
    ] as const) {
      const res = await admin.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'duplicate', field: 'body.name' });
    }
    expect(dbSnapshot(db)).toEqual(before);
  });

  it('cannot be deactivated while active users hold it: 409 in_use; can once nobody does', async () => {
    const { app, db, town } = await testApp();
    const admin = await signIn(app, 'admin');
    const before = dbSnapshot(db);
    const res = await admin.inject({ method: 'PATCH', url: `/api/org/positions/${town.kacho.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'in_use', field: 'body.active' });
    expect(dbSnapshot(db)).toEqual(before);

    const unused = bodyOf(api.createPosition, await admin.inject({ method: 'POST', url: '/api/org/positions', payload: { name: '参与', rank: 70 } }));
    const off = bodyOf(api.updatePosition, await admin.inject({ method: 'PATCH', url: `/api/org/positions/${unused.id}`, payload: { active: false } }));
    expect(off).toEqual({ ...unused, active: false });
  });
});
