import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../electron/app/db/migrate.js';
import { signIn, testApp } from '../../helpers/test-app.js';

describe('smoke', () => {
  it('signs in and lists users', async () => {
    const { app } = await testApp();
    const admin = await signIn(app, 'admin');
    const res = await admin.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(3);
    const h = await app.inject({ method: 'GET', url: '/api/health' });
    expect(h.json()).toMatchObject({ name: 'kamiless', setupRequired: false, schemaVersion: loadMigrations().length });
  });
});
