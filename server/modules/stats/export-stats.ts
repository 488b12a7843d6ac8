// `GET /api/v1/stats/export.xlsx`: the statistics of an area as an Excel workbook, written
// row by row with exceljs's streaming writer. Sheet "Tổng hợp": the figures of contracts §4 as
// a labelled table and the narrative; sheet "Theo địa bàn": the sub-areas. Numbers stay
// numbers with the format `#,##0` (Excel shows `1.264` on a Vietnamese system).
import type { Writable } from 'node:stream';
import ExcelJS from '../../lib/exceljs.ts';
import type { Workbook } from 'exceljs';
import {
  GRADE_LABELS,
  GRADES,
  KIND_LABELS,
  KINDS,
  LEVEL_LABELS,
  MAP_LABELS,
  SECTOR_LABELS,
  SECTORS,
} from '../../../shared/contracts/enums.ts';
import type { BreakdownFigures, Stats, StatsBreakdown } from '../../../shared/contracts/stats.ts';
import { periodName } from '../reports/period.ts';

const WHOLE = '#,##0';
const SHARE = '0.0%';
const BOLD = { bold: true };

export interface StatsWorkbook {
  stats: Stats;
  breakdown: StatsBreakdown;
  narrative: string;
}

/** A file name without diacritics: thong-ke-048-2024-HTX.xlsx */
export function workbookName({ stats }: Pick<StatsWorkbook, 'stats'>): string {
  return ['thong-ke', stats.area.code, stats.period, stats.kind].filter(Boolean).join('-') + '.xlsx';
}

/** Writes the workbook to `out` and ends it. */
export async function writeStatsWorkbook(out: Writable, data: StatsWorkbook): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'hoptac';
  summarySheet(workbook, data);
  areasSheet(workbook, data);
  await workbook.commit();
}

type Value = string | number | null;

function summarySheet(workbook: Workbook, { stats, narrative }: StatsWorkbook) {
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.columns = [{ width: 44 }, { width: 22 }];
  const o = stats.organizations;
  const add = (label: string, value: Value, format = WHOLE, bold = false) => {
    const row = sheet.addRow([label, value]);
    row.getCell(2).numFmt = format;
    if (bold) row.font = BOLD;
    row.commit();
  };
  const heading = (text: string) => {
    const row = sheet.addRow([text]);
    row.font = BOLD;
    row.commit();
  };

  heading(`Số liệu kinh tế tập thể — ${stats.area.name}`);
  add('Mã địa bàn', stats.area.code, '@');
  add('Bản đồ hành chính', MAP_LABELS[stats.area.map].vi, '@');
  add('Kỳ báo cáo', stats.period ? periodName(stats.period) : '', '@');
  add('Loại hình', stats.kind ? KIND_LABELS[stats.kind].vi : 'Tất cả', '@');
  sheet.addRow([]).commit();

  add('Chỉ tiêu', 'Số liệu', '@', true);
  add('Tổng số tổ chức', o.total, WHOLE, true);
  heading('Theo loại hình (mọi loại hình)');
  for (const k of KINDS) add(`  ${KIND_LABELS[k].vi}`, o.byKind[k]);
  heading('Theo lĩnh vực');
  for (const k of SECTORS) add(`  ${SECTOR_LABELS[k].vi}`, o.bySector[k]);
  heading('Theo trạng thái');
  add('  Đang hoạt động', o.byStatus.active);
  add('  Tạm ngừng hoạt động', o.byStatus.suspended);
  heading('Theo xếp loại');
  for (const g of GRADES) add(`  ${GRADE_LABELS[g].vi}`, o.byGrade[g]);
  add('Số hoạt động hiệu quả', stats.effective.count);
  add('Số đã xếp loại', stats.effective.graded);
  add('Tỷ lệ hoạt động hiệu quả', stats.effective.share, SHARE);
  add('Số thành viên', stats.members);
  add('Số lao động thường xuyên', stats.workers);
  add('Tổng vốn điều lệ (đồng)', stats.totals.charterCapitalVnd);
  add('Tổng doanh thu (đồng)', stats.totals.revenueVnd);
  add('Tổng lợi nhuận (đồng)', stats.totals.profitVnd);
  add('Vốn điều lệ bình quân (đồng)', stats.averages.charterCapitalVnd);
  add('Doanh thu bình quân (đồng)', stats.averages.revenueVnd);
  add('Lợi nhuận bình quân (đồng)', stats.averages.profitVnd);
  add('Thu nhập bình quân của lao động (đồng/tháng)', stats.averages.incomePerWorkerMonthVnd);
  sheet.addRow([]).commit();

  heading('Tóm tắt');
  const text = sheet.addRow([narrative]);
  text.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  text.height = 120;
  text.commit();
  sheet.commit();
}

const AREA_HEADERS = [
  'Mã',
  'Tên đơn vị',
  'Tổng số',
  'HTX',
  'THT',
  'LHHTX',
  'Thành viên',
  'Lao động',
  'Hoạt động hiệu quả',
  'Đã xếp loại',
  'Tỷ lệ hiệu quả',
  'Thu nhập bình quân (đồng/tháng)',
];

function areasSheet(workbook: Workbook, { stats, breakdown }: StatsWorkbook) {
  const sheet = workbook.addWorksheet('Theo địa bàn');
  sheet.columns = [
    { width: 8 },
    { width: 32 },
    ...AREA_HEADERS.slice(2).map((_, i) => ({ width: i === 9 ? 18 : 12, style: { numFmt: i === 8 ? SHARE : WHOLE } })),
  ];
  const unitHeader = breakdown.childLevel ? LEVEL_LABELS[breakdown.childLevel].vi : AREA_HEADERS[1];
  const header = sheet.addRow([AREA_HEADERS[0], unitHeader, ...AREA_HEADERS.slice(2)]);
  header.font = BOLD;
  header.commit();
  const add = (code: string, name: string, f: BreakdownFigures, bold = false) => {
    const row = sheet.addRow([
      code,
      name,
      f.total,
      f.byKind.HTX,
      f.byKind.THT,
      f.byKind.LHHTX,
      f.members,
      f.workers,
      f.effective.count,
      f.effective.graded,
      f.effective.share,
      f.incomePerWorkerMonthVnd,
    ]);
    if (bold) row.font = BOLD;
    row.commit();
  };
  for (const item of breakdown.items) add(item.code, item.name, item);
  if (breakdown.unplaced) add('', 'Chưa xác định địa bàn', breakdown.unplaced);
  add(stats.area.code, `Cộng: ${stats.area.name}`, totalsOf(stats), true);
  sheet.commit();
}

function totalsOf(stats: Stats): BreakdownFigures {
  return {
    total: stats.organizations.total,
    byKind: stats.organizations.byKind,
    members: stats.members,
    workers: stats.workers,
    effective: stats.effective,
    incomePerWorkerMonthVnd: stats.averages.incomePerWorkerMonthVnd,
  };
}
