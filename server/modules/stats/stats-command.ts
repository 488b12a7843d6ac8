// `hoptac stats` and `hoptac report narrative` (contracts §2): validate the options with the
// API's own schema, compute with the one query layer, answer the text to print.
import { z } from 'zod';
import type { Db } from '../../db/pool.ts';
import { AppError, fieldMessages } from '../../http/errors.ts';
import {
  GRADE_LABELS,
  KIND_LABELS,
  KINDS,
  MAP_LABELS,
  SECTOR_LABELS,
  SECTORS,
  GRADES,
} from '../../../shared/contracts/enums.ts';
import { statsQuery, type Stats } from '../../../shared/contracts/stats.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../shared/format/vietnamese.ts';
import { narrative } from './narrative.ts';
import { computeStats, type StatsOptions } from './stats.service.ts';

export interface CommandOptions {
  area: string;
  period?: string | undefined;
  kind?: string | undefined;
  map?: string | undefined;
}

/** The options as the API would take them; bad ones are a user error naming each option. */
export function parseOptions(opts: CommandOptions): StatsOptions {
  const input = { area: opts.area, period: opts.period, kind: opts.kind, map: opts.map };
  const parsed = statsQuery.safeParse(input);
  if (parsed.success) return { ...parsed.data, area: parsed.data.area ?? 'VN' };
  const vi = statsQuery.safeParse(input, { error: z.locales.vi().localeError }).error?.issues ?? [];
  const errors = parsed.error.issues.map((issue, i) => ({
    field: issue.path.join('.'),
    ...fieldMessages(issue.message, vi[i]?.message),
  }));
  return failWith(errors);
}

function failWith(errors: { field: string; message: string; messageEn: string }[]): never {
  throw new AppError('validation_failed', {
    vi: errors.map((e) => `--${e.field}: ${e.message}`).join('; '),
    en: errors.map((e) => `--${e.field}: ${e.messageEn}`).join('; '),
    errors,
  });
}

/** `hoptac stats`: the JSON of contracts §4 with --json, else a readable table in Vietnamese. */
export async function statsCommand(db: Db, opts: CommandOptions & { json?: boolean | undefined }): Promise<string> {
  const stats = await computeStats(db, parseOptions(opts));
  return opts.json ? JSON.stringify(stats, null, 2) : statsTable(stats);
}

/** `hoptac report narrative`: the paragraph of contracts §5. */
export async function narrativeCommand(db: Db, opts: CommandOptions): Promise<string> {
  return narrative(await computeStats(db, parseOptions(opts)));
}

const orDash = (v: number | null, show: (v: number) => string) => (v === null ? '—' : show(v));

export function statsTable(s: Stats): string {
  const o = s.organizations;
  const line = (label: string, value: string) => `  ${label.padEnd(40)} ${value}`;
  const count = (n: number) => formatNumber(n);
  const money = (v: number | null) => orDash(v, (x) => `${formatNumber(x)} đồng (${formatMoney(x)})`);
  return [
    `${s.area.name} (${s.area.code}) · ${MAP_LABELS[s.area.map].vi}`,
    `Kỳ báo cáo ${s.period} · ${s.kind ? KIND_LABELS[s.kind].vi : 'Tất cả loại hình'}`,
    '',
    line('Tổng số', count(o.total)),
    'Theo loại hình (mọi loại hình)',
    ...KINDS.map((k) => line(`  ${KIND_LABELS[k].vi}`, count(o.byKind[k]))),
    'Theo lĩnh vực',
    ...SECTORS.map((k) => line(`  ${SECTOR_LABELS[k].vi}`, count(o.bySector[k]))),
    'Theo trạng thái',
    line('  Đang hoạt động', count(o.byStatus.active)),
    line('  Tạm ngừng hoạt động', count(o.byStatus.suspended)),
    'Theo xếp loại',
    ...GRADES.map((g) => line(`  ${GRADE_LABELS[g].vi}`, count(o.byGrade[g]))),
    line(
      'Hoạt động hiệu quả',
      `${count(s.effective.count)} / ${count(s.effective.graded)} đã xếp loại` +
        (s.effective.share === null ? '' : ` (${formatPercent(s.effective.share)})`),
    ),
    '',
    line('Thành viên', orDash(s.members, count)),
    line('Lao động thường xuyên', orDash(s.workers, count)),
    line('Tổng vốn điều lệ', money(s.totals.charterCapitalVnd)),
    line('Tổng doanh thu', money(s.totals.revenueVnd)),
    line('Tổng lợi nhuận', money(s.totals.profitVnd)),
    line('Vốn điều lệ bình quân', money(s.averages.charterCapitalVnd)),
    line('Doanh thu bình quân', money(s.averages.revenueVnd)),
    line('Lợi nhuận bình quân', money(s.averages.profitVnd)),
    line('Thu nhập bình quân (tháng)', money(s.averages.incomePerWorkerMonthVnd)),
  ].join('\n');
}
