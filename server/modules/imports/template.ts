// The import template (GET /api/v1/imports/organizations/template.xlsx): the §3 headers, three
// sample rows on the current map, drop-down lists for the enumerations (their labels on a
// second sheet) and whole-number checks for counts and money. Codes are text cells, so Excel
// keeps their leading zeros.
import ExcelJS from '../../lib/exceljs.ts';
import type { DataValidation } from 'exceljs';
import { GRADE_LABELS, KIND_LABELS, SECTOR_LABELS, STATUS_LABELS, type Kind } from '../../../shared/contracts/enums.ts';
import { COLUMNS, FIELDS, type Field } from './columns.ts';
import { SAMPLES } from './samples.ts';

/** rows of the sheet that get the drop-downs and checks */
const LAST_ROW = 5000;
const TEMPLATE_FIELDS = FIELDS.filter((f) => !['address', 'representative', 'phone', 'email'].includes(f));

const WIDTHS: Partial<Record<Field, number>> = { name: 40, sector: 32, status: 22, foundedOn: 15 };
const FORMATS: Partial<Record<Field, string>> = {
  registrationNo: '@',
  provinceCode: '@',
  districtCode: '@',
  communeCode: '@',
  foundedOn: 'dd/mm/yyyy',
  charterCapitalVnd: '#,##0',
  revenueVnd: '#,##0',
  profitVnd: '#,##0',
  incomePerWorkerMonthVnd: '#,##0',
};

type Validation = DataValidation;
type WithValidations = { dataValidations: { add(range: string, v: Validation): void } };

export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoptac';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('Danh mục');

  sheet.columns = TEMPLATE_FIELDS.map((f) => ({
    header: COLUMNS[f].header,
    key: f,
    width: WIDTHS[f] ?? Math.max(12, COLUMNS[f].header.length + 4),
    style: FORMATS[f] ? { numFmt: FORMATS[f] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const sample of SAMPLES) sheet.addRow(sample);

  // the lists, one column each, on the second sheet
  const enumLists: [Field, string, string[]][] = [
    ['kind', 'Loại hình', Object.keys(KIND_LABELS) as Kind[]],
    ['sector', 'Lĩnh vực', Object.values(SECTOR_LABELS).map((l) => l.vi)],
    ['status', 'Trạng thái', Object.values(STATUS_LABELS).map((l) => l.vi)],
    ['grade', 'Xếp loại', Object.values(GRADE_LABELS).map((l) => l.vi)],
  ];
  const v = (sheet as unknown as WithValidations).dataValidations;
  const colOf = (f: Field) => sheet.getColumn(f).letter;
  const rows = (f: Field) => `${colOf(f)}2:${colOf(f)}${LAST_ROW}`;
  enumLists.forEach(([field, title, values], i) => {
    const col = lists.getColumn(i + 1);
    col.width = 34;
    lists.getCell(1, i + 1).value = title;
    values.forEach((value, r) => (lists.getCell(r + 2, i + 1).value = value));
    v.add(rows(field), {
      type: 'list',
      allowBlank: field !== 'kind',
      formulae: [`'Danh mục'!$${col.letter}$2:$${col.letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorTitle: 'Giá trị không có trong danh mục',
      error: `Chọn một ${title.toLowerCase()} trong danh sách`,
    });
  });
  lists.getRow(1).font = { bold: true };
  lists.getCell('F1').value = 'Ghi chú';
  lists.getCell('F1').font = { bold: true };
  lists.getColumn(6).width = 90;
  NOTES.forEach((note, i) => (lists.getCell(i + 2, 6).value = note));

  const whole = (field: Field, min: number, error: string): void =>
    v.add(rows(field), {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [min, 9_000_000_000_000_000],
      showErrorMessage: true,
      errorTitle: 'Số không hợp lệ',
      error,
    });
  for (const f of ['members', 'workers'] as const) whole(f, 0, 'Số nguyên không âm');
  for (const f of ['charterCapitalVnd', 'revenueVnd', 'incomePerWorkerMonthVnd'] as const) {
    whole(f, 0, 'Số tiền nguyên (đồng), không âm, không có phần thập phân');
  }
  whole('profitVnd', -9_000_000_000_000_000, 'Số tiền nguyên (đồng), có thể âm, không có phần thập phân');

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const NOTES = [
  'Mỗi dòng một HTX / THT / LHHTX; "Mã số" là khoá: nhập lại cùng mã số thì cập nhật, không tạo bản ghi mới.',
  'Mã tỉnh 2 chữ số, mã xã 5 chữ số, theo bản đồ hành chính từ 01/7/2025 (hoặc chọn bản đồ trước 01/7/2025 khi nhập; khi đó có thêm mã huyện 3 chữ số).',
  'Ngày thành lập dạng dd/mm/yyyy. Trạng thái để trống: "Đang hoạt động" với tổ chức mới, giữ nguyên với tổ chức đã có.',
  'Số liệu là của kỳ báo cáo chọn khi nhập (2024, 2024-H1, …). Tiền là số nguyên đồng (7.500.000.000); lợi nhuận có thể âm.',
  'Một dòng sai thì cả tệp không được ghi; danh sách lỗi nêu dòng, cột và lý do.',
  'Ba dòng "… Mẫu" chỉ để xem cách điền: xóa chúng trước khi nhập (tệp còn dòng mẫu sẽ bị từ chối).',
];
