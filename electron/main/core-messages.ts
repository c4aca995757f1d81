import { z } from 'zod';

/**
 * Messages the core's utilityProcess (electron/app/core-process.ts) posts to main.
 * Main cannot import that file, so the shape is repeated here and validated:
 * whatever arrives over IPC is untrusted input.
 */
const coreMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int().min(1).max(65_535) }),
  z.object({ type: z.literal('failed'), message: z.string().transform((text) => text.slice(0, 2000)) }),
]);

export type CoreMessage = z.infer<typeof coreMessageSchema>;

export function parseCoreMessage(value: unknown): CoreMessage | undefined {
  const result = coreMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The one message main sends: close the database and exit. */
export const shutdownMessage = { type: 'shutdown' } as const;
