import { z } from 'zod';
import { mailSecuritySchema, type MailSettings, type MailSettingsInput } from '../../../shared/api/mail.js';
import type { SettingsRepo } from '../org/settings.repo.js';

const settingKey = 'mail.smtp';

/**
 * The SMTP settings as stored (in the settings table, one JSON value). The
 * password is kept as given: the SMTP server needs it back in clear, and a
 * key stored beside it in the same database would protect nothing.
 */
const storedSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: mailSecuritySchema,
  user: z.string(),
  password: z.string(),
  fromAddress: z.string(),
  fromName: z.string(),
  appUrl: z.string(),
});
export type SmtpSettings = z.infer<typeof storedSchema>;

export const defaultSmtpSettings: SmtpSettings = {
  enabled: false,
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  password: '',
  fromAddress: '',
  fromName: 'Kamiless',
  appUrl: '',
};

export function readSmtpSettings(settings: SettingsRepo): SmtpSettings {
  const raw = settings.get(settingKey);
  if (raw === null) return defaultSmtpSettings;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultSmtpSettings;
  } catch {
    // A value damaged by hand: mail stays off until an administrator saves the settings again.
    return defaultSmtpSettings;
  }
}

/** Stores `input` over what is stored; an omitted password keeps the stored one, null removes it. */
export function writeSmtpSettings(settings: SettingsRepo, input: MailSettingsInput): SmtpSettings {
  const { password, ...rest } = input;
  const before = readSmtpSettings(settings);
  const next: SmtpSettings = { ...rest, password: password === undefined ? before.password : (password ?? '') };
  settings.set(settingKey, JSON.stringify(next));
  return next;
}

/** What an administrator is shown: everything but the password. */
export function smtpSettingsView(s: SmtpSettings): MailSettings {
  const { password, ...rest } = s;
  return { ...rest, passwordSet: password !== '' };
}
