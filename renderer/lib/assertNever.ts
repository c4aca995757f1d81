/** Exhaustiveness check for switches over a union: adding a member breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
