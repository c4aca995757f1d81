import type { FormatModule, FormatName } from './format.js';

/**
 * Each format's module, loaded when it is asked for: a thread that reads one
 * file (the parse worker of an import) needs only that file's format, not
 * the registry's others and what they load (the mapping formats' schemas:
 * zod alone takes about 70 ms to load, the registry 145 ms, one format 25).
 * Keyed by every FormatName, so a new format cannot be left out here; a test
 * checks each loader against the registry.
 */
export const formatLoaders: Record<FormatName, () => Promise<FormatModule>> = {
  'papercut-logger': async () => (await import('./formats/papercut-logger.js')).papercutLogger,
  'windows-307': async () => (await import('./formats/windows-307.js')).windows307,
  cups: async () => (await import('./formats/cups.js')).cups,
  'papercut-ng': async () => (await import('./formats/papercut-ng.js')).papercutNg,
  csv: async () => (await import('./formats/csv-mapped.js')).csvMapped,
  counter: async () => (await import('./formats/counter.js')).counter,
};
