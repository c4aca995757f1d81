import { describe, expect, it } from 'vitest';
import { departmentPatchSchema, positionPatchSchema, sitePatchSchema, userPatchSchema } from '../../../shared/api/org.js';

/**
 * A PATCH body must come out of validation with only the fields it named.
 * zod 4 applies `.default()` even inside `.partial()`, which once turned
 * "rename this user" into "rename, and reset roles to clerk and department to none".
 */
describe('PATCH body schemas', () => {
  const schemas = { sitePatchSchema, departmentPatchSchema, positionPatchSchema, userPatchSchema };

  it.each(Object.entries(schemas))('%s adds no field the caller did not send', (_name, schema) => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ active: false })).toEqual({ active: false });
  });

  it('still validates the fields that are sent', () => {
    expect(userPatchSchema.safeParse({ roles: [] }).success).toBe(false);
    expect(userPatchSchema.safeParse({ roles: ['mayor'] }).success).toBe(false);
    expect(userPatchSchema.parse({ departmentId: null })).toEqual({ departmentId: null });
    expect(departmentPatchSchema.parse({ parentId: null })).toEqual({ parentId: null });
    expect(sitePatchSchema.safeParse({ sortOrder: -1 }).success).toBe(false);
    expect(sitePatchSchema.parse({ address: '  北広島町  ' })).toEqual({ address: '北広島町' });
    expect(userPatchSchema.safeParse({ login: 'renamed' }).success).toBe(true);
    expect(userPatchSchema.parse({ login: 'renamed' })).toEqual({});
  });
});
