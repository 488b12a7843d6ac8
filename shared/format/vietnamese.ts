// Numbers, money and percentages the way Vietnamese official reports write them:
// `1.264` (dot groups thousands), `3,6 tỷ đồng` (comma before decimals), `288 triệu đồng`, `12,5%`.
// Pure functions, used by the narrative, the CLI, exports and the web app alike. Money is whole
// VND and is scaled with integer arithmetic, so rounding is exact (half away from zero).

const TRIEU = 1_000_000;

/** a / b for non-negative integers, rounded half away from zero, exactly. */
function roundDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return 2 * (a - q * b) >= b ? q + 1 : q;
}

/** Groups the digits of a non-negative integer by thousands with dots: 1264 → "1.264". */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A non-negative integer `scaled` holding `decimals` decimals: 36, 1 → "3,6"; 2000, 3 → "2". */
function formatScaled(scaled: number, decimals: number): string {
  const unit = 10 ** decimals;
  const whole = Math.floor(scaled / unit);
  const fraction = String(scaled - whole * unit)
    .padStart(decimals, '0')
    .replace(/0+$/, '');
  return groupThousands(whole) + (fraction ? ',' + fraction : '');
}

/**
 * 1264 → "1.264"; with `maxDecimals`, up to that many decimals without trailing zeros:
 * formatNumber(3.14159, 2) → "3,14". Rounds half away from zero.
 */
export function formatNumber(value: number, maxDecimals = 0): string {
  const sign = value < 0 ? '-' : '';
  const scaled = Math.round(Math.abs(value) * 10 ** maxDecimals);
  return (scaled === 0 ? '' : sign) + formatScaled(scaled, maxDecimals);
}

/**
 * Whole VND in words of the report: "2,002 tỷ đồng", "3,6 tỷ đồng", "288 triệu đồng",
 * "4,85 triệu đồng", "850.000 đồng".
 * - from 1 tỷ: in tỷ with up to 3 decimals (to the million);
 * - from 10 triệu: whole triệu; from 1 triệu: up to 2 decimals (to 10.000 đồng);
 * - below 1 triệu: whole đồng.
 */
export function formatMoney(vnd: number): string {
  const sign = vnd < 0 ? '-' : '';
  const a = Math.abs(Math.round(vnd));
  if (roundDiv(a, TRIEU) >= 1000) {
    return `${sign}${formatScaled(roundDiv(a, TRIEU), 3)} tỷ đồng`;
  }
  if (a >= 10 * TRIEU) return `${sign}${groupThousands(roundDiv(a, TRIEU))} triệu đồng`;
  if (a >= TRIEU) return `${sign}${formatScaled(roundDiv(a, TRIEU / 100), 2)} triệu đồng`;
  return `${a === 0 ? '' : sign}${groupThousands(a)} đồng`;
}

/** A share between 0 and 1 as a percentage, one decimal only when needed: 0.2 → "20%", 0.125 → "12,5%". */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-05" → "05/03/2024", read as text so no time zone can shift the day; null when not such a date. */
export function formatDate(isoDate: string): string | null {
  const match = ISO_DATE.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : null;
}

/** "Huyện Hạ Lang" → "huyện Hạ Lang": a unit's name inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** "số HTX hoạt động…" → "Số HTX hoạt động…": the start of a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
