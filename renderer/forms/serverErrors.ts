import type { ReactNode } from 'react';
import { isApiError } from '../api/ApiError.js';

/**
 * The form input an API error belongs to: the server names it by path
 * (`body.login`, `body.admin.login`, `body.roles.0`); the nearest segment
 * that is a field of this form wins.
 */
export function formFieldOf(error: unknown, fields: readonly string[]): string | null {
  if (!isApiError(error) || !error.field) return null;
  const segments = error.field.split('.');
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const segment = segments[i];
    if (segment !== undefined && fields.includes(segment)) return segment;
  }
  return null;
}

/** The part of a @mantine/form form this needs. */
interface ErrorTarget {
  getValues(): object;
  setFieldError(path: string, error: ReactNode): void;
}

/**
 * Shows a server error under its input ("ログインID: 同じ値がすでに登録されています").
 * Returns false when the error belongs to no input, so the caller shows it above the form.
 */
export function placeServerError(
  form: ErrorTarget,
  error: unknown,
  describe: (error: unknown, field?: string) => string,
): boolean {
  const field = formFieldOf(error, Object.keys(form.getValues()));
  if (!field) return false;
  form.setFieldError(field, describe(error, field));
  return true;
}
