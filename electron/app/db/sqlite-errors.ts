import { SqliteError } from 'better-sqlite3';
import { AppError } from '../app-error.js';

/**
 * Turns a UNIQUE violation into a `duplicate` error naming the field, so a
 * race between two admins still gets the same clear message as the pre-check.
 * SQLite-specific by nature: kept here, apart from the repositories.
 */
export function rethrowUnique(err: unknown, fieldByColumn: Record<string, string>): never {
  if (err instanceof SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(err.message)?.[1] ?? '';
    throw new AppError('duplicate', { field: fieldByColumn[column] ?? `body.${column}` });
  }
  throw err;
}
