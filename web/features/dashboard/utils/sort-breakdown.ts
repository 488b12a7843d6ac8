import type { BreakdownRow } from '../../../../shared/contracts/stats.ts';
import type { BreakdownColumn, BreakdownSort } from './dashboard-params.ts';

const VALUE: Record<Exclude<BreakdownColumn, 'name'>, (row: BreakdownRow) => number | null> = {
  total: (row) => row.total,
  members: (row) => row.members,
  workers: (row) => row.workers,
  effective: (row) => row.effective.share,
  income: (row) => row.incomePerWorkerMonthVnd,
};

const collator = new Intl.Collator('vi');

/** The rows in the chosen order; missing figures last in both directions, ties by code. */
export function sortBreakdown(rows: readonly BreakdownRow[], sort: BreakdownSort): BreakdownRow[] {
  if (!sort) return [...rows];
  const descending = sort.startsWith('-');
  const column = sort.replace(/^-/, '') as BreakdownColumn;
  const direction = descending ? -1 : 1;
  const compare = (a: BreakdownRow, b: BreakdownRow): number => {
    if (column === 'name') return direction * collator.compare(a.name, b.name);
    const x = VALUE[column](a);
    const y = VALUE[column](b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction * (x - y);
  };
  return [...rows].sort((a, b) => compare(a, b) || a.code.localeCompare(b.code));
}

/** Numbers read best largest first; names A to Z. A third click goes back to the server's order. */
export function nextSort(current: BreakdownSort, column: BreakdownColumn): BreakdownSort {
  const first: BreakdownSort = column === 'name' ? 'name' : `-${column}`;
  const second: BreakdownSort = column === 'name' ? '-name' : column;
  if (current === first) return second;
  if (current === second) return null;
  return first;
}
