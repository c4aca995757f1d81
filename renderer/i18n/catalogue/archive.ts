/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const archiveJa = {
} as const;

export const archiveEn: { readonly [K in keyof typeof archiveJa]: string } = {
};
