import { z } from 'zod';
import type { Endpoint } from '../../../shared/api/endpoint.js';
import { errorBodySchema, errorStatus } from '../../../shared/api/errors.js';

type JsonObject = Record<string, unknown>;

const toJson = (schema: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;

function parameters(ep: Endpoint): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [where, schema] of [['path', ep.params], ['query', ep.query]] as const) {
    if (!schema) continue;
    const json = toJson(schema, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

/** OpenAPI 3.1 document generated from the same zod schemas the server validates with. */
/** Raw bytes, or for a multipart form the one field `file` carrying them. */
export function uploadSchema(contentType: string): Record<string, unknown> {
  const binary = { type: 'string', format: 'binary' };
  return contentType === 'multipart/form-data' ? { type: 'object', properties: { file: binary }, required: ['file'] } : binary;
}

export function buildOpenApi(endpoints: readonly Endpoint[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const ep of endpoints) {
    const path = ep.path.replace(/:(\w+)/g, '{$1}');
    const op: JsonObject = {
      summary: ep.summary,
      tags: [ep.tag],
      'x-access': ep.access,
      parameters: parameters(ep),
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: toJson(ep.response, 'output') } } },
        default: { description: `Error; codes: ${Object.keys(errorStatus).join(', ')}`, content: { 'application/json': { schema: toJson(errorBodySchema, 'output') } } },
      },
    };
    if (ep.body) op.requestBody = { required: true, content: { 'application/json': { schema: toJson(ep.body, 'input') } } };
    if (ep.upload) {
      op.requestBody = {
        required: true,
        description: `The file's bytes, at most ${ep.upload.maxBytes} bytes`,
        content: { [ep.upload.contentType]: { schema: uploadSchema(ep.upload.contentType) } },
      };
    }
    if (ep.access.kind === 'sourceToken') op.security = [{ sourceToken: [] }];
    else if (ep.access.kind !== 'public') op.security = [{ session: [] }];
    paths[path] = { ...paths[path], [ep.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kamiless hub API',
      version,
      description: 'Sign in with POST /api/auth/login; send the session cookie and, on every non-GET request, the x-csrf-token header from the login response.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'kamiless_session' },
        sourceToken: { type: 'http', scheme: 'bearer', description: "A log source's agent token (kamiless agent)" },
      },
    },
    paths,
  };
}
