// The paragraph officials write today (contracts §5), from the figures of §4:
//   "Trên địa bàn huyện Hạ Lang có tổng số 15 HTX, với tổng số 119 thành viên, trong đó có
//    4 HTX nông nghiệp, 7 HTX xây dựng, …; số HTX hoạt động hiệu quả chiếm 20%. Thu nhập bình
//    quân của lao động thường xuyên đạt 5 triệu đồng/tháng."
// A figure nobody reported is left out, never written as 0; so are sectors with none.
import { KINDS, SECTORS, type Sector } from '../../../shared/contracts/enums.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import { formatMoney, formatNumber, formatPercent, lowerFirst, upperFirst } from '../../../shared/format/vietnamese.ts';

/** How a sector reads after its count and the kind word: "4 HTX nông nghiệp". */
const SECTOR_WORDS: Record<Sector, string> = {
  agriculture: 'nông nghiệp',
  industry_handicraft: 'công nghiệp - tiểu thủ công nghiệp',
  construction: 'xây dựng',
  trade_services: 'thương mại - dịch vụ',
  transport: 'vận tải',
  credit_fund: 'quỹ tín dụng nhân dân',
  environment: 'môi trường',
  other: 'lĩnh vực khác',
};

/**
 * Sectors named first whatever their count, as the officials' paragraph does (agriculture
 * leads in contracts §5); the others follow by descending count, ties in the order of §7.
 */
export const LEADING_SECTORS: readonly Sector[] = ['agriculture'];

/** All kinds together. */
const ALL_KINDS = 'tổ chức kinh tế tập thể';

export function narrative(stats: Stats): string {
  const o = stats.organizations;
  const place = stats.area.level === 'country' ? 'Trên phạm vi cả nước' : `Trên địa bàn ${lowerFirst(stats.area.name)}`;
  /** the word after a count: "15 HTX", "40 tổ chức nông nghiệp" */
  const word = stats.kind ?? 'tổ chức';
  if (o.total === 0) return `${place} chưa có ${stats.kind ?? ALL_KINDS} nào.`;

  let first = `${place} có tổng số ${formatNumber(o.total)} ${stats.kind ?? ALL_KINDS}`;
  if (!stats.kind) first += ` (${kindList(stats)})`;
  if (stats.members !== null) first += `, với tổng số ${formatNumber(stats.members)} thành viên`;
  const sectors = sectorOrder(o.bySector).map((s) => sectorPhrase(s, o.bySector[s], word));
  if (sectors.length) first += `, trong đó có ${sectors.join(', ')}`;
  const { share, graded } = stats.effective;
  if (share !== null) {
    first += `; số ${word} hoạt động hiệu quả chiếm ${formatPercent(share)}`;
    // the share is of those graded: said when not all are, lest 2 of 4 read as all 4
    if (graded < o.total) first += ` trong ${formatNumber(graded)} ${word} được xếp loại`;
  }

  const sentences = [first + '.'];
  const income = stats.averages.incomePerWorkerMonthVnd;
  if (income !== null) {
    sentences.push(`Thu nhập bình quân của lao động thường xuyên đạt ${formatMoney(income)}/tháng.`);
  }
  const averages = averagePhrases(stats, word);
  if (averages.length) sentences.push(upperFirst(averages.join('; ')) + '.');
  return sentences.join(' ');
}

function kindList(stats: Stats): string {
  const byKind = stats.organizations.byKind;
  return KINDS.filter((k) => byKind[k] > 0)
    .map((k) => `${formatNumber(byKind[k])} ${k}`)
    .join(', ');
}

export function sectorOrder(bySector: Record<Sector, number>): Sector[] {
  const rank = (s: Sector) => (LEADING_SECTORS.includes(s) ? LEADING_SECTORS.indexOf(s) : LEADING_SECTORS.length);
  return SECTORS.filter((s) => bySector[s] > 0).sort(
    (a, b) => rank(a) - rank(b) || bySector[b] - bySector[a] || SECTORS.indexOf(a) - SECTORS.indexOf(b),
  );
}

function sectorPhrase(sector: Sector, count: number, word: string): string {
  // a people's credit fund is its own kind of organisation: "2 quỹ tín dụng nhân dân"
  return sector === 'credit_fund'
    ? `${formatNumber(count)} ${SECTOR_WORDS[sector]}`
    : `${formatNumber(count)} ${word} ${SECTOR_WORDS[sector]}`;
}

/** "vốn điều lệ bình quân 2,002 tỷ đồng/HTX", "doanh thu bình quân 3,6 tỷ đồng", … (to the million, contracts §5) */
function averagePhrases(stats: Stats, word: string): string[] {
  const { charterCapitalVnd: capital, revenueVnd: revenue, profitVnd: profit } = stats.averages;
  const money = (v: number) => formatMoney(v);
  const phrases: string[] = [];
  if (capital !== null) phrases.push(`vốn điều lệ bình quân ${money(capital)}/${word}`);
  if (revenue !== null) phrases.push(`doanh thu bình quân ${money(revenue)}`);
  if (profit !== null) {
    phrases.push(profit < 0 ? `lỗ bình quân ${money(-profit)}` : `lợi nhuận bình quân ${money(profit)}`);
  }
  return phrases;
}
