import { z } from 'zod';

/** How the hub talks to the SMTP server: plain, upgraded with STARTTLS, or TLS from the first byte (usually port 465). */
export const mailSecuritySchema = z.enum(['none', 'starttls', 'tls']);
export type MailSecurity = z.infer<typeof mailSecuritySchema>;

const optionalEmail = z.union([z.literal(''), z.email()]);
const optionalUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]);

/** The SMTP settings as an administrator sees them: the password only as "one is set". */
export const mailSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: mailSecuritySchema,
  user: z.string(),
  passwordSet: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  /** The address users open the hub at; links in mails point there. */
  appUrl: z.string(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

/**
 * The SMTP settings to store. `password`: omitted keeps the stored one, a
 * string replaces it, null removes it. Turned on, a mail needs a server, a
 * sender and the link target, so those are required then.
 */
export const mailSettingsInputSchema = z
  .object({
    enabled: z.boolean(),
    host: z.string().trim().max(253),
    port: z.number().int().min(1).max(65_535),
    security: mailSecuritySchema,
    user: z.string().trim().max(254),
    password: z.string().min(1).max(500).nullable().optional(),
    fromAddress: optionalEmail,
    fromName: z.string().trim().max(100),
    appUrl: optionalUrl,
  })
  .superRefine((v, ctx) => {
    if (!v.enabled) return;
    if (v.host === '') ctx.addIssue({ code: 'custom', path: ['host'], message: 'required when mail is on' });
    if (v.fromAddress === '') ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: 'required when mail is on' });
    if (v.appUrl === '') ctx.addIssue({ code: 'custom', path: ['appUrl'], message: 'required when mail is on' });
  });
export type MailSettingsInput = z.infer<typeof mailSettingsInputSchema>;

export const mailTestBodySchema = z.object({ to: z.email() });

/** Why a mail could not be sent, as the screen explains it. */
export const mailFailureSchema = z.enum(['not_configured', 'connection', 'auth', 'tls', 'timeout', 'rejected', 'other']);
export type MailFailure = z.infer<typeof mailFailureSchema>;

/** A test mail's outcome: the SMTP server's answer, or why it failed (and the server's words when it said any). */
export const mailTestResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: z.string() }),
  z.object({ ok: z.literal(false), reason: mailFailureSchema, message: z.string() }),
]);
export type MailTestResult = z.infer<typeof mailTestResultSchema>;

export const outboxFailureSchema = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'failed']),
  attempts: z.number().int(),
  lastError: z.string(),
  createdAt: z.string(),
  /** Queued: when the next attempt is due (ISO); null once given up. */
  nextAttemptAt: z.string().nullable(),
});

/** The mail outbox at a glance: counts by state and the latest mails that failed at least once. */
export const outboxStatusSchema = z.object({
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  lastFailures: z.array(outboxFailureSchema),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** What "send again now" did: how many mails it put back in the queue, and the outbox after it. */
export const outboxRetrySchema = z.object({
  retried: z.number().int(),
  outbox: outboxStatusSchema,
});
export type OutboxRetry = z.infer<typeof outboxRetrySchema>;

/** My own mail notices: whether I want them, where they go, and whether the hub sends mail at all. */
export const myMailSchema = z.object({
  enabled: z.boolean(),
  address: z.string(),
  hubSendsMail: z.boolean(),
});
export type MyMail = z.infer<typeof myMailSchema>;

export const myMailInputSchema = z.object({ enabled: z.boolean() });
