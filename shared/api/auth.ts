import { z } from 'zod';
import { languageSchema, passwordSchema, userSchema } from './org.js';

export const loginBodySchema = z.object({
  login: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const preferencesSchema = z.object({ language: languageSchema });

export const okSchema = z.object({ ok: z.literal(true) });

export const modeSchema = z.enum(['hub', 'standalone']);
export type Mode = z.infer<typeof modeSchema>;

export const healthSchema = z.object({
  name: z.literal('kamiless'),
  version: z.string(),
  mode: modeSchema,
  schemaVersion: z.number().int(),
  setupRequired: z.boolean(),
  townName: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

export const townSchema = z.object({ townName: z.string().trim().min(1).max(40) });

export const setupBodySchema = z.object({
  townName: z.string().trim().min(1).max(40),
  admin: z.object({
    login: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9._-]+$/),
    name: z.string().trim().min(1).max(60),
    password: passwordSchema,
  }),
});
