import type { ReactNode } from 'react';
import type { z } from 'zod';

type Rule<T> = (value: T) => ReactNode;

/**
 * A @mantine/form rule from a schema in shared/api: the form refuses exactly
 * what the server would, but says so in the UI language before the round trip.
 */
export function schemaRule<T>(schema: z.ZodType, message: string): Rule<T> {
  return (value) => (schema.safeParse(value).success ? null : message);
}

/** For "confirm password" fields. */
export function sameAs<Values>(other: (values: Values) => unknown, message: string) {
  return (value: unknown, values: Values): ReactNode => (value === other(values) ? null : message);
}
