import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The parsed content of a small JSON file, or undefined when it is missing or not JSON. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves
 * the old file rather than a truncated one. Synchronous on purpose: these files
 * are a few hundred bytes, written on window close, when an await might be cut off by quit.
 */
export function writeJsonFile(path: string, value: unknown): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  renameSync(temporary, path);
}
