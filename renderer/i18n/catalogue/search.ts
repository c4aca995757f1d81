/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const searchJa = {
} as const;

export const searchEn: { readonly [K in keyof typeof searchJa]: string } = {
};
