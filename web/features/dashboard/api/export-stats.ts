import type { StatsQuery } from '../../../../shared/contracts/stats.ts';
import { queryString } from '../../../lib/api.ts';

/** The workbook of the dashboard's figures; a plain link, so the browser downloads it itself. */
export function statsExportUrl(query: StatsQuery): string {
  return `/api/v1/stats/export.xlsx${queryString({ ...query })}`;
}
