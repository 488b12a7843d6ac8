export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A label pair as the contracts' enum tables define them. */
export type Bilingual = { vi: string; en: string };

/** The contracts write messages as "Vietnamese / English". */
export function splitMessage(message: string): Bilingual {
  const [viText = message, enText] = message.split(' / ');
  return { vi: viText, en: enText ?? viText };
}
