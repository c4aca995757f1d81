import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './json-file.js';

const SETTINGS_FILE = 'settings.json';

/** The hub's base URL without a trailing slash, or undefined unless it is a plain http(s) URL. */
export function normaliseHubUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // Credentials in the URL would end up in logs and error dialogs; the hub has its own sign-in.
  if (url.username !== '' || url.password !== '') return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const hubUrlSchema = z.string().transform((value, context) => {
  const normalised = normaliseHubUrl(value);
  if (normalised !== undefined) return normalised;
  context.addIssue({ code: 'custom', message: 'not an http(s) URL without credentials' });
  return z.NEVER;
});

// Each field falls back on its own, so one bad value does not throw away the others.
const settingsSchema = z.object({
  hubUrl: hubUrlSchema.optional().catch(undefined),
  dataDir: z.string().min(1).refine(isAbsolute).optional().catch(undefined),
});

/** Standalone: a private core on this PC. Connected: every /api call goes to the office hub. */
export type ShellMode = { readonly kind: 'standalone' } | { readonly kind: 'connected'; readonly hubUrl: string };

export interface DesktopSettings {
  readonly mode: ShellMode;
  /** Overrides the data folder of standalone mode. */
  readonly dataDir?: string;
}

export function settingsFile(userDataDir: string): string {
  return join(userDataDir, SETTINGS_FILE);
}

/** Reads settings.json; missing, corrupt or invalid values mean standalone with the default data folder. */
export function loadSettings(file: string): DesktopSettings {
  const parsed = settingsSchema.safeParse(readJsonFile(file));
  if (!parsed.success) return { mode: { kind: 'standalone' } };
  const { hubUrl, dataDir } = parsed.data;
  return {
    mode: hubUrl === undefined ? { kind: 'standalone' } : { kind: 'connected', hubUrl },
    ...(dataDir === undefined ? {} : { dataDir }),
  };
}
