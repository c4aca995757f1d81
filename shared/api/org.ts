import { z } from 'zod';
import { roleSchema } from './roles.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

export const siteKindSchema = z.enum(['honcho', 'shisho', 'outpost']);
export type SiteKind = z.infer<typeof siteKindSchema>;

export const siteSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: siteKindSchema,
  address: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteInputSchema = z.object({
  code: text(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: text(60),
  kind: siteKindSchema,
  address: z.string().trim().max(200).default(''),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
// A PATCH changes only the fields it names: zod 4 applies a `.default()` even
// inside `.partial()`, so the defaults are unwrapped first (else renaming a
// user would also reset their roles to ['clerk'] and their department to none).
export const sitePatchSchema = siteInputSchema
  .extend({ address: siteInputSchema.shape.address.unwrap(), sortOrder: siteInputSchema.shape.sortOrder.unwrap() })
  .partial()
  .extend({ active: z.boolean().optional() });

export const departmentKindSchema = z.enum(['bu', 'ka', 'kakari']);
export type DepartmentKind = z.infer<typeof departmentKindSchema>;

export const departmentSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: departmentKindSchema,
  parentId: id.nullable(),
  siteId: id,
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** Prefix of the department's document numbers (北広総 → 北広総第123号); empty: its 課's name. */
  docPrefix: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentInputSchema = z.object({
  code: text(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: text(60),
  kind: departmentKindSchema,
  parentId: id.nullable().default(null),
  siteId: id,
  sortOrder: z.number().int().min(0).max(9999).default(0),
  docPrefix: z.string().trim().max(20).regex(/^[^\s第号]*$/, 'no spaces, 第 or 号 (they are added)').default(''),
});
export const departmentPatchSchema = departmentInputSchema
  .extend({
    parentId: departmentInputSchema.shape.parentId.unwrap(),
    sortOrder: departmentInputSchema.shape.sortOrder.unwrap(),
    docPrefix: departmentInputSchema.shape.docPrefix.unwrap(),
  })
  .partial()
  .extend({ active: z.boolean().optional() });

export const positionSchema = z.object({
  id,
  name: z.string(),
  /** Higher rank = more authority (町長 highest). */
  rank: z.number().int(),
  active: z.boolean(),
});
export type Position = z.infer<typeof positionSchema>;

export const positionInputSchema = z.object({
  name: text(40),
  rank: z.number().int().min(0).max(1000),
});
export const positionPatchSchema = positionInputSchema.partial().extend({ active: z.boolean().optional() });

export const languageSchema = z.enum(['ja', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const userSchema = z.object({
  id,
  login: z.string(),
  name: z.string(),
  kana: z.string(),
  email: z.string(),
  departmentId: id.nullable(),
  positionId: id.nullable(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  language: languageSchema,
});
export type User = z.infer<typeof userSchema>;

/** A user as listed on the admin page, with names resolved for display. */
export const userRowSchema = userSchema.extend({
  departmentName: z.string().nullable(),
  siteName: z.string().nullable(),
  positionName: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const loginSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . - and _ only');

/** 10+ characters; the server also refuses a password equal to the login. */
export const passwordSchema = z.string().min(10).max(200);

export const userInputSchema = z.object({
  login: loginSchema,
  name: text(60),
  kana: z.string().trim().max(60).default(''),
  email: z.union([z.literal(''), z.email()]).default(''),
  departmentId: id.nullable().default(null),
  positionId: id.nullable().default(null),
  roles: z.array(roleSchema).min(1).default(['clerk']),
  password: passwordSchema,
});
export type UserInput = z.input<typeof userInputSchema>;

const userShape = userInputSchema.shape;
export const userPatchSchema = userInputSchema
  .omit({ password: true, login: true })
  .extend({
    kana: userShape.kana.unwrap(),
    email: userShape.email.unwrap(),
    departmentId: userShape.departmentId.unwrap(),
    positionId: userShape.positionId.unwrap(),
    roles: userShape.roles.unwrap(),
  })
  .partial()
  .extend({ active: z.boolean().optional() });

export const userListQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const userListSchema = z.object({
  items: z.array(userRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const resetPasswordSchema = z.object({ newPassword: passwordSchema });

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
