import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { checkHubUrl } from '../../shared/domain/hub-url.js';
import { readJsonFile, writeJsonFile } from './json-file.js';

const SETTINGS_FILE = 'settings.json';

/** The hub's base URL without a trailing slash, or undefined unless it is a plain http(s) URL without credentials. */
export function normaliseHubUrl(value: string): string | undefined {
  const checked = checkHubUrl(value);
  return checked.ok ? checked.hubUrl : undefined;
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

/**
 * Stores the hub URL (undefined: standalone) and keeps every other field as it
 * is, including ones this version does not know, so that switching mode never
 * loses the data folder. The caller has validated the URL. Throws when the file
 * cannot be written.
 */
export function saveHubUrl(file: string, hubUrl: string | undefined): void {
  const current = readJsonFile(file);
  const fields: Record<string, unknown> =
    typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current } : {};
  if (hubUrl === undefined) delete fields['hubUrl'];
  else fields['hubUrl'] = hubUrl;
  writeJsonFile(file, fields);
}
