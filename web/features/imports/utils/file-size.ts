import type { Lang } from '../../../i18n/lang.ts';
import { formatNumber } from '../../../lib/format.ts';

const KB = 1024;
const MB = 1024 * KB;

/** A file's size as people read it: "0 B", "980 B", "12 KB", "3,4 MB" (vi) / "3.4 MB" (en). */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < KB) return `${formatNumber(bytes, lang)} B`;
  if (bytes < MB) return `${formatNumber(bytes / KB, lang)} KB`;
  return `${formatNumber(bytes / MB, lang, 1)} MB`;
}
