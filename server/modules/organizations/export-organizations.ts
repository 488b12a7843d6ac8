// The filtered registry as an Excel workbook, streamed: the columns of the import file
// (contracts §3) first, so an export can be edited and imported back, then names and contacts.
import { PassThrough } from 'node:stream';
import ExcelJS from '../../lib/exceljs.ts';
import { GRADE_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/contracts/enums.ts';
import type { Sort } from '../../../shared/contracts/organizations.ts';
import { latestPeriod } from '../stats/stats.service.ts';
import { reportedPeriods } from '../stats/stats.queries.ts';
import { exportBatch, type Executor, type ListFilter } from './organizations.queries.ts';

type Row = Awaited<ReturnType<typeof exportBatch>>[number];

const money = '#,##0';
const COLUMNS: { header: string; width: number; numFmt?: string; value: (r: Row) => unknown }[] = [
  { header: 'Mã số', width: 14, value: (r) => r.registrationNo },
  { header: 'Tên', width: 42, value: (r) => r.name },
  { header: 'Loại hình', width: 10, value: (r) => r.kind },
  { header: 'Lĩnh vực', width: 26, value: (r) => SECTOR_LABELS[r.sector].vi },
  { header: 'Mã tỉnh', width: 9, value: (r) => r.provinceCode },
  { header: 'Mã huyện', width: 9, value: () => null },
  { header: 'Mã xã', width: 9, value: (r) => r.communeCode },
  { header: 'Ngày thành lập', width: 14, numFmt: 'dd/mm/yyyy', value: (r) => excelDate(r.foundedOn) },
  { header: 'Trạng thái', width: 20, value: (r) => STATUS_LABELS[r.status].vi },
  { header: 'Số thành viên', width: 12, numFmt: '#,##0', value: (r) => r.members },
  { header: 'Số lao động', width: 12, numFmt: '#,##0', value: (r) => r.workers },
  { header: 'Vốn điều lệ', width: 18, numFmt: money, value: (r) => r.charterCapitalVnd },
  { header: 'Doanh thu', width: 18, numFmt: money, value: (r) => r.revenueVnd },
  { header: 'Lợi nhuận', width: 18, numFmt: money, value: (r) => r.profitVnd },
  { header: 'Thu nhập bình quân', width: 18, numFmt: money, value: (r) => r.incomePerWorkerMonthVnd },
  { header: 'Xếp loại', width: 14, value: (r) => (r.grade ? GRADE_LABELS[r.grade].vi : null) },
  { header: 'Tỉnh/thành phố', width: 24, value: (r) => r.provinceName },
  { header: 'Xã/phường', width: 24, value: (r) => r.communeName },
  { header: 'Địa chỉ', width: 36, value: (r) => r.address },
  { header: 'Người đại diện', width: 24, value: (r) => r.representative },
  { header: 'Điện thoại', width: 16, value: (r) => r.phone },
  { header: 'Email', width: 26, value: (r) => r.email },
];

const BATCH = 2000;

/** A date cell for Excel: UTC midnight, so it shows the same day everywhere. */
function excelDate(isoDate: string | null): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

export async function exportOrganizations(
  db: Executor,
  filter: ListFilter & { sort: Sort; period?: string | undefined },
): Promise<{ stream: PassThrough; period: string; done: Promise<void> }> {
  const period = filter.period ?? latestPeriod(await reportedPeriods(db));
  const stream = new PassThrough();
  const done = (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(`Danh sách ${period}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (let offset = 0; ; offset += BATCH) {
      const rows = await exportBatch(db, { ...filter, period, offset, limit: BATCH });
      for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.value(row))).commit();
      if (rows.length < BATCH) break;
    }
    sheet.commit();
    await workbook.commit();
  })();
  done.catch((err) => stream.destroy(err));
  return { stream, period, done };
}
