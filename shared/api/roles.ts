import { z } from 'zod';

/** admin: organisation and settings; dx: the DX office (paper KPI, logs); clerk: drafting and approving. */
export const roleSchema = z.enum(['admin', 'dx', 'clerk']);
export type Role = z.infer<typeof roleSchema>;
export const allRoles: readonly Role[] = roleSchema.options;
