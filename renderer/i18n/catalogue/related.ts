/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const relatedJa = {
} as const;

export const relatedEn: { readonly [K in keyof typeof relatedJa]: string } = {
};
