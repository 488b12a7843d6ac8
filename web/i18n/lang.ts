export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A label pair as the contracts' enum tables define them. */
export type Bilingual = { vi: string; en: string };
