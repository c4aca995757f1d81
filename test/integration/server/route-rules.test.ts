import type { FastifyInstance, InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../../electron/app/org/passwords.js';
import { newSourceToken } from '../../../electron/app/printlog/source-token.js';
import { createServices } from '../../../electron/app/services.js';
import type { Access } from '../../../shared/api/endpoint.js';
import { api } from '../../../shared/api/endpoints.js';
import type { Role } from '../../../shared/api/roles.js';
import { dbSnapshot, errorOf, signIn, testApp, testPassword, type Client } from '../../helpers/test-app.js';
import { accessOf, collect, concreteUrl, isSafeMethod, label, routeRuleProblems, type CollectedRoute } from './route-walk.js';

interface Caller {
  login: string;
  roles: readonly Role[];
  client: Client;
}

/** Every route the app registers, collected as it registers them, and a caller per kind of user. */
async function buildWorld() {
  const routes: CollectedRoute[] = [];
  const { app, db, clock } = await testApp({ onRoute: (r) => routes.push(...collect(r)) });
  // Single-role users, so that every role rule has someone who lacks it.
  const s = createServices(db, clock);
  const hash = await hashPassword(testPassword);
  for (const role of ['admin', 'dx'] as const) {
    s.users.create({ login: `only-${role}`, name: role, kana: '', email: '', departmentId: null, positionId: null, roles: [role] }, hash);
  }
  await app.ready();
  const callers: Caller[] = [];
  for (const [login, roles] of [['clerk', ['clerk']], ['only-dx', ['dx']], ['only-admin', ['admin']], ['admin', ['admin', 'clerk']]] as const) {
    callers.push({ login, roles, client: await signIn(app, login) });
  }
  // A second session whose CSRF token must not work for the first.
  const otherSession = await signIn(app, 'dx');
  // Branch agents call with their source's token instead of a session.
  const agentToken = newSourceToken();
  const folderToken = newSourceToken();
  const removedToken = newSourceToken();
  const source = { format: 'auto', mapping: null, siteId: null, polling: false, pollIntervalMs: 1000, glob: '*.csv', folder: '' } as const;
  s.sources.add({ ...source, name: 'agent', kind: 'agent' }, agentToken.hash);
  s.sources.add({ ...source, name: 'folder', kind: 'folder', folder: '/tmp' }, folderToken.hash);
  s.sources.add({ ...source, name: 'removed', kind: 'agent' }, removedToken.hash);
  s.sources.deactivate('removed');
  const tokens = { agent: agentToken.token, folder: folderToken.token, removed: removedToken.token };
  return { app, db, routes, callers, otherSession, tokens };
}

const world = await buildWorld();
const { app, db } = world;

const allowed = (access: Access, roles: readonly Role[]): boolean =>
  access.kind !== 'role' || access.roles.some((r) => roles.includes(r));

/** The headers of a caller who may call a route: a session with its CSRF token, or an agent's token. */
function authHeaders(access: Access): Record<string, string> {
  if (access.kind === 'sourceToken') return { authorization: `Bearer ${world.tokens.agent}` };
  const caller = withAccess(access);
  return { cookie: caller.client.cookie, 'x-csrf-token': caller.client.csrf };
}

function withAccess(access: Access): Caller {
  const caller = world.callers.find((c) => allowed(access, c.roles));
  if (!caller) throw new Error(`no test user may call ${JSON.stringify(access)}`);
  return caller;
}

function lackingAccess(access: Access): Caller {
  const caller = world.callers.find((c) => !allowed(access, c.roles));
  if (!caller) throw new Error(`every role may call ${JSON.stringify(access)}: declare it signedIn instead`);
  return caller;
}

/** A body whose every field has a type no schema accepts: `[[]]`. */
function wrongTypeBody(schema: z.ZodType): Record<string, unknown> {
  if (!(schema instanceof z.ZodObject)) throw new Error('request bodies are objects');
  return Object.fromEntries(Object.keys(schema.shape).map((k) => [k, [[]]]));
}

/** Sends a request that must be refused, and proves it changed nothing stored. */
async function refused(req: InjectOptions, via: FastifyInstance = app) {
  const before = dbSnapshot(db);
  const res = await via.inject(req);
  expect(dbSnapshot(db), `${req.method} ${String(req.url)} changed the database`).toEqual(before);
  return res;
}

const rows = (list: CollectedRoute[]) => list.map((r) => [label(r), r] as const);
const checked = world.routes.filter((r) => accessOf(r) !== null);
const nonPublic = checked.filter((r) => accessOf(r)?.kind !== 'public');
const roleRoutes = checked.filter((r) => accessOf(r)?.kind === 'role');
const tokenRoutes = checked.filter((r) => accessOf(r)?.kind === 'sourceToken');
// An agent's token is not a cookie a browser sends by itself: there is no CSRF to guard against.
const csrfRoutes = nonPublic.filter((r) => !isSafeMethod(r.method) && accessOf(r)?.kind !== 'sourceToken');
const bodyRoutes = checked.filter((r) => r.endpoint?.body !== undefined);
const paramRoutes = checked.filter((r) => r.endpoint?.params !== undefined);

describe('the collected routes', () => {
  it('include every endpoint of shared/api and the routes registered outside it', () => {
    const seen = new Set(world.routes.map(label));
    for (const ep of Object.values(api)) expect(seen, `${ep.method} ${ep.path} was not registered`).toContain(`${ep.method} ${ep.path}`);
    expect(seen).toContain('GET /api/openapi.json');
    expect(seen).toContain('GET /*');
    expect(world.routes.length).toBeGreaterThan(Object.keys(api).length);
  });

  it('every route declares a valid access rule (the same as its endpoint)', () => {
    expect(routeRuleProblems(world.routes)).toEqual([]);
    expect(checked).toHaveLength(world.routes.length);
  });

  it('the walk has something to walk', () => {
    expect(nonPublic.length).toBeGreaterThan(10);
    expect(roleRoutes.length).toBeGreaterThan(5);
    expect(csrfRoutes.length).toBeGreaterThan(5);
    expect(bodyRoutes.length).toBeGreaterThan(5);
  });
});

describe('the rule check itself', () => {
  it('reports a route without access, with a malformed rule, or disagreeing with its endpoint', () => {
    const bad: CollectedRoute[] = [
      { method: 'GET', url: '/api/x', access: undefined, endpoint: undefined },
      { method: 'POST', url: '/api/y', access: { kind: 'role', roles: [] }, endpoint: undefined },
      { method: 'POST', url: '/api/z', access: { kind: 'role', roles: ['mayor'] }, endpoint: undefined },
      { method: 'GET', url: '/api/me', access: { kind: 'public' }, endpoint: api.me },
      { method: 'GET', url: '/api/health', access: { kind: 'public' }, endpoint: api.health },
    ];
    const problems = routeRuleProblems(bad);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('GET /api/x');
    expect(problems[1]).toContain('POST /api/y');
    expect(problems[2]).toContain('POST /api/z');
    expect(problems[3]).toContain('GET /api/me');
  });

  it('catches a route added to the app without access, and the app refuses to serve it', async () => {
    const routes: CollectedRoute[] = [];
    const { app: other } = await testApp({ onRoute: (r) => routes.push(...collect(r)) });
    other.get('/api/x', async () => ({ secret: 'data' }));
    await other.ready();
    expect(routeRuleProblems(routes).map((p) => p.split(' declares')[0])).toEqual(['GET /api/x', 'HEAD /api/x']);
    const res = await other.inject({ method: 'GET', url: '/api/x' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
    expect(res.body).not.toContain('data');
  });
});

describe('public routes', () => {
  it.each(rows(checked.filter((r) => accessOf(r)?.kind === 'public')))('%s answers without a session', async (_l, r) => {
    const res = await app.inject({ method: r.method as InjectOptions['method'], url: concreteUrl(r.url) });
    expect([401, 403]).not.toContain(res.statusCode);
  });
});

describe('signed-in and role routes', () => {
  it.each(rows(nonPublic))('%s refuses a caller without a session: 401 unauthenticated', async (_l, r) => {
    const res = await refused({ method: r.method as InjectOptions['method'], url: concreteUrl(r.url) });
    expect(res.statusCode).toBe(401);
    if (r.method !== 'HEAD') expect(errorOf(res).code).toBe('unauthenticated');
  });

  it.each(rows(nonPublic))('%s refuses an unknown session cookie: 401', async (_l, r) => {
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: concreteUrl(r.url),
      headers: { cookie: 'kamiless_session=not-a-session', 'x-csrf-token': world.otherSession.csrf },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('agent routes', () => {
  it('exist', () => {
    expect(tokenRoutes.map(label)).toEqual(expect.arrayContaining(['POST /api/ingest/hello', 'GET /api/ingest/files', 'POST /api/ingest/files']));
  });

  const attempts: [string, () => Record<string, string>][] = [
    ['a signed-in admin without a token', () => ({ cookie: world.callers[3]?.client.cookie ?? '', 'x-csrf-token': world.callers[3]?.client.csrf ?? '' })],
    ['an unknown token', () => ({ authorization: `Bearer ${world.tokens.agent.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))}` })],
    ["a folder source's token", () => ({ authorization: `Bearer ${world.tokens.folder}` })],
    ["a removed source's token", () => ({ authorization: `Bearer ${world.tokens.removed}` })],
    ['the token without Bearer', () => ({ authorization: world.tokens.agent })],
  ];
  const cases = tokenRoutes.flatMap((r) => attempts.map(([what, headers]) => [`${label(r)} with ${what}`, r, headers] as const));

  it.each(cases)('%s: 401 unauthenticated, nothing stored', async (_l, r, headers) => {
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: `${concreteUrl(r.url)}?path=a.csv&offset=0`,
      headers: headers(),
      ...(r.endpoint?.upload ? { payload: Buffer.from('x'), headers: { ...headers(), 'content-type': r.endpoint.upload.contentType } } : {}),
      ...(r.endpoint?.body && { payload: { host: 'h', version: '1', path: '', glob: '*' } }),
    });
    expect(res.statusCode, res.body).toBe(401);
    if (r.method !== 'HEAD') expect(errorOf(res).code).toBe('unauthenticated');
  });
});

describe('role routes', () => {
  it.each(rows(roleRoutes))('%s refuses a signed-in user without the role: 403 forbidden', async (_l, r) => {
    const access = accessOf(r);
    if (!access) throw new Error('unreachable: filtered');
    const caller = lackingAccess(access);
    const body = r.endpoint?.body ? wrongTypeBody(r.endpoint.body) : undefined;
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: concreteUrl(r.url),
      headers: { cookie: caller.client.cookie, 'x-csrf-token': caller.client.csrf },
      ...(body !== undefined && { payload: body }),
    });
    expect(res.statusCode, `${caller.login} on ${label(r)}: ${res.body}`).toBe(403);
    if (r.method !== 'HEAD') expect(errorOf(res).code).toBe('forbidden');
  });
});

describe('state-changing routes', () => {
  const attempts: [string, (c: Client) => Record<string, string>][] = [
    ['no x-csrf-token', (c) => ({ cookie: c.cookie })],
    ['an empty x-csrf-token', (c) => ({ cookie: c.cookie, 'x-csrf-token': '' })],
    ['a wrong token of the same length', (c) => ({ cookie: c.cookie, 'x-csrf-token': c.csrf.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')) })],
    ['a longer token starting with the right one', (c) => ({ cookie: c.cookie, 'x-csrf-token': `${c.csrf}x` })],
    ["another session's token", (c) => ({ cookie: c.cookie, 'x-csrf-token': world.otherSession.csrf })],
  ];
  const cases = csrfRoutes.flatMap((r) => attempts.map(([what, headers]) => [`${label(r)} with ${what}`, r, headers] as const));

  it.each(cases)('%s: 403 csrf_missing', async (_l, r, headers) => {
    const access = accessOf(r);
    if (!access) throw new Error('unreachable: filtered');
    const caller = withAccess(access);
    const body = r.endpoint?.body ? wrongTypeBody(r.endpoint.body) : undefined;
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: concreteUrl(r.url),
      headers: headers(caller.client),
      ...(body !== undefined && { payload: body }),
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(errorOf(res).code).toBe('csrf_missing');
  });
});

describe('routes with a body', () => {
  it.each(rows(bodyRoutes))('%s refuses a body of wrong types: 400 validation naming a body field', async (_l, r) => {
    const access = accessOf(r);
    if (!access || !r.endpoint?.body) throw new Error('unreachable: filtered');
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: concreteUrl(r.url),
      headers: authHeaders(access),
      payload: wrongTypeBody(r.endpoint.body),
    });
    expect(res.statusCode, res.body).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('validation');
    expect(error.field).toMatch(/^body\.\w/);
  });

  it.each(rows(bodyRoutes.filter((r) => r.endpoint?.body?.safeParse({}).success === false)))(
    '%s refuses an empty object: 400 validation naming a body field',
    async (_l, r) => {
      const access = accessOf(r);
      if (!access) throw new Error('unreachable: filtered');
      const res = await refused({
        method: r.method as InjectOptions['method'],
        url: concreteUrl(r.url),
        headers: authHeaders(access),
        payload: {},
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).code).toBe('validation');
      expect(errorOf(res).field).toMatch(/^body\.\w/);
    },
  );

  it.each(rows(bodyRoutes))('%s refuses a body that is not JSON: 400, nothing stored', async (_l, r) => {
    const access = accessOf(r);
    if (!access) throw new Error('unreachable: filtered');
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: concreteUrl(r.url),
      headers: { ...authHeaders(access), 'content-type': 'text/plain' },
      payload: 'login=admin',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).code).toBe('validation');
  });
});

describe('routes with an :id', () => {
  it.each(rows(paramRoutes))('%s refuses a non-numeric id: 400 naming params.id', async (_l, r) => {
    const access = accessOf(r);
    if (!access) throw new Error('unreachable: filtered');
    const res = await refused({
      method: r.method as InjectOptions['method'],
      url: r.url.replace(':id', 'abc'),
      headers: authHeaders(access),
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(400);
    // A HEAD answer has no body to name the field in.
    if (r.method !== 'HEAD') expect(errorOf(res)).toMatchObject({ code: 'validation', field: 'params.id' });
  });
});

describe('the desktop secret', () => {
  it('is required on every request, public ones included, when the app is given one', async () => {
    const { app: desktop } = await testApp({ secret: 's3cret-value' });
    for (const headers of [{}, { 'x-kamiless-secret': 'wrong' }, { 'x-kamiless-secret': 's3cret-valu' }]) {
      const res = await desktop.inject({ method: 'GET', url: '/api/health', headers });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('bad_secret');
    }
    const login = await desktop.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password: testPassword } });
    expect(login.statusCode).toBe(403);
    const ok = await desktop.inject({ method: 'GET', url: '/api/health', headers: { 'x-kamiless-secret': 's3cret-value' } });
    expect(ok.statusCode).toBe(200);
  });
});
