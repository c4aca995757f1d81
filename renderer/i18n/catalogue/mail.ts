/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const mailJa = {
} as const;

export const mailEn: { readonly [K in keyof typeof mailJa]: string } = {
};
