// Matching what people type against what we know: headers, kinds, sectors, statuses, grades
// compare without regard to case, diacritics (đ → d), spacing, "_" and punctuation.

/** "  Mã_số (*) " → "ma so"; "Thương mại – dịch vụ" → "thuong mai dich vu". */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\-–—,;:/&.*+]/g, ' ')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The same, after dropping parenthesised remarks: "Vốn điều lệ (đồng)" → "von dieu le". */
export function normalizeHeader(text: string): string {
  return normalizeKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

/** Text as stored: NFC (some tools write decomposed Vietnamese), single spaces, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A lookup from every accepted spelling to a key. Each spelling is normalised; labels with a
 * remark in parentheses are accepted with and without it.
 */
export function lookupOf<K extends string>(spellings: Record<K, readonly string[]>): (text: string) => K | undefined {
  const map = new Map<string, K>();
  for (const [key, words] of Object.entries(spellings) as [K, readonly string[]][]) {
    for (const word of [key, ...words]) {
      map.set(normalizeKey(word), key);
      map.set(normalizeHeader(word), key);
    }
  }
  // a file repeats a handful of spellings over and over: remember them
  const seen = new Map<string, K | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const key = map.get(normalizeKey(text)) ?? map.get(normalizeHeader(text));
    if (seen.size < 10_000) seen.set(text, key);
    return key;
  };
}
