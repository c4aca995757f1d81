import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadMigrations } from '../../../electron/app/db/migrate.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { uploadSchema } from '../../../electron/app/server/openapi.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, testApp, testClock, testDb } from '../../helpers/test-app.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('GET /api/health', () => {
  it('is public and tells version, mode, schema version, town and whether set-up is needed', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(bodyOf(api.health, res)).toEqual({
      name: 'kamiless',
      version: packageVersion,
      mode: 'hub',
      schemaVersion: loadMigrations().length,
      setupRequired: false,
      townName: 'テスト町',
    });
  });

  it('reports set-up as required on an empty town, and the standalone mode', async () => {
    const app = await buildApp({ db: testDb(), mode: 'standalone', clock: testClock() });
    const health = bodyOf(api.health, await app.inject({ method: 'GET', url: '/api/health' }));
    expect(health).toMatchObject({ mode: 'standalone', setupRequired: true, townName: '' });
  });
});

const operationSchema = z.object({
  summary: z.string(),
  tags: z.array(z.string()),
  'x-access': z.unknown(),
  parameters: z.array(z.object({ name: z.string(), in: z.enum(['path', 'query']), required: z.boolean(), schema: z.unknown() })),
  requestBody: z.union([
    z.object({
      required: z.literal(true),
      content: z.object({ 'application/json': z.object({ schema: z.object({ type: z.literal('object'), properties: z.record(z.string(), z.unknown()), required: z.array(z.string()).optional() }) }) }),
    }),
    // A file upload: the raw bytes.
    z.object({
      required: z.literal(true),
      description: z.string(),
      content: z.object({ 'application/octet-stream': z.object({ schema: z.object({ type: z.literal('string'), format: z.literal('binary') }) }) }).strict(),
    }),
    // A file upload as a form: the field `file`.
    z.object({
      required: z.literal(true),
      description: z.string(),
      content: z
        .object({ 'multipart/form-data': z.object({ schema: z.object({ type: z.literal('object'), properties: z.object({ file: z.object({ type: z.literal('string'), format: z.literal('binary') }) }), required: z.array(z.string()) }) }) })
        .strict(),
    }),
  ]).optional(),
  responses: z.record(z.string(), z.unknown()),
  security: z.array(z.unknown()).optional(),
});
const documentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), operationSchema)),
});

describe('GET /api/openapi.json', () => {
  it('is public and describes every endpoint: method, {param} path, parameters, body and access', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = documentSchema.parse(JSON.parse(res.body));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(packageVersion);

    const endpoints = Object.values(api);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(endpoints.map((ep) => `${ep.method} ${ep.path.replace(/:(\w+)/g, '{$1}')}`).sort());
    for (const path of Object.keys(doc.paths)) expect(path).not.toContain(':');

    for (const ep of endpoints) {
      const path = ep.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[ep.method.toLowerCase()];
      const where = `${ep.method} ${ep.path}`;
      if (!op) throw new Error(`${where} is missing`);
      expect(op['x-access'], where).toEqual(ep.access);
      expect(op.security !== undefined, where).toBe(ep.access.kind !== 'public');

      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), where).toEqual(pathParams);
      for (const p of op.parameters.filter((x) => x.in === 'path')) expect(p.required).toBe(true);

      if (ep.query instanceof z.ZodObject) {
        expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort(), where).toEqual(Object.keys(ep.query.shape).sort());
      }

      if (ep.upload) {
        expect(op.requestBody?.content, where).toEqual({ [ep.upload.contentType]: { schema: uploadSchema(ep.upload.contentType) } });
      } else if (ep.body instanceof z.ZodObject) {
        const body = op.requestBody;
        const schema = body && 'application/json' in body.content ? body.content['application/json'].schema : undefined;
        expect(schema, `${where} has no request body schema`).toBeDefined();
        expect(Object.keys(schema?.properties ?? {}).sort(), where).toEqual(Object.keys(ep.body.shape).sort());
      } else {
        expect(op.requestBody, `${where} documents a body it does not take`).toBeUndefined();
      }
    }
  });

  it('documents which fields are required and the enums of a body', async () => {
    const { app } = await testApp();
    const doc = documentSchema.parse(JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body));
    const jsonBody = (op: z.infer<typeof operationSchema> | undefined) => {
      const body = op?.requestBody;
      return body && 'application/json' in body.content ? body.content['application/json'].schema : undefined;
    };
    const createUser = jsonBody(doc.paths['/api/users']?.post);
    // Fields with a default may be left out.
    expect(createUser?.required?.sort()).toEqual(['login', 'name', 'password']);
    expect(createUser?.properties.roles).toMatchObject({ type: 'array', items: { enum: ['admin', 'dx', 'clerk'] } });
    const patchUser = jsonBody(doc.paths['/api/users/{id}']?.patch);
    expect(patchUser?.required ?? []).toEqual([]);
  });
});
