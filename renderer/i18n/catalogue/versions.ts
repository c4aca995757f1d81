/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const versionsJa = {
} as const;

export const versionsEn: { readonly [K in keyof typeof versionsJa]: string } = {
};
