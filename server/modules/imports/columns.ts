// The columns of the import file (contracts §3) and the matching of a file's header row.
// The registry export (export-organizations.ts) writes the same headers plus contacts and the
// unit names, so an export can be edited and imported back without warnings.
import { normalizeHeader } from './normalize.ts';

export const FIELDS = [
  'registrationNo',
  'name',
  'kind',
  'sector',
  'provinceCode',
  'districtCode',
  'communeCode',
  'foundedOn',
  'status',
  'members',
  'workers',
  'charterCapitalVnd',
  'revenueVnd',
  'profitVnd',
  'incomePerWorkerMonthVnd',
  'grade',
  'address',
  'representative',
  'phone',
  'email',
] as const;
export type Field = (typeof FIELDS)[number];

interface Column {
  header: string;
  alias: string;
  en: string;
  required?: true;
  /** figures of the period (organization_reports) */
  figure?: true;
}

export const COLUMNS = {
  registrationNo: { header: 'Mã số', alias: 'ma_so', en: 'registration number', required: true },
  name: { header: 'Tên', alias: 'ten', en: 'name', required: true },
  kind: { header: 'Loại hình', alias: 'loai_hinh', en: 'kind', required: true },
  sector: { header: 'Lĩnh vực', alias: 'linh_vuc', en: 'sector', required: true },
  provinceCode: { header: 'Mã tỉnh', alias: 'ma_tinh', en: 'province code', required: true },
  districtCode: { header: 'Mã huyện', alias: 'ma_huyen', en: 'district code' },
  communeCode: { header: 'Mã xã', alias: 'ma_xa', en: 'commune code' },
  foundedOn: { header: 'Ngày thành lập', alias: 'ngay_thanh_lap', en: 'founding date' },
  status: { header: 'Trạng thái', alias: 'trang_thai', en: 'status' },
  members: { header: 'Số thành viên', alias: 'so_thanh_vien', en: 'members', figure: true },
  workers: { header: 'Số lao động', alias: 'so_lao_dong', en: 'workers', figure: true },
  charterCapitalVnd: { header: 'Vốn điều lệ', alias: 'von_dieu_le', en: 'charter capital', figure: true },
  revenueVnd: { header: 'Doanh thu', alias: 'doanh_thu', en: 'revenue', figure: true },
  profitVnd: { header: 'Lợi nhuận', alias: 'loi_nhuan', en: 'profit', figure: true },
  incomePerWorkerMonthVnd: {
    header: 'Thu nhập bình quân',
    alias: 'thu_nhap_binh_quan',
    en: 'average income',
    figure: true,
  },
  grade: { header: 'Xếp loại', alias: 'xep_loai', en: 'grade', figure: true },
  address: { header: 'Địa chỉ', alias: 'dia_chi', en: 'address' },
  representative: { header: 'Người đại diện', alias: 'nguoi_dai_dien', en: 'representative' },
  phone: { header: 'Điện thoại', alias: 'dien_thoai', en: 'phone' },
  email: { header: 'Email', alias: 'email', en: 'email' },
} satisfies Record<Field, Column> as Record<Field, Column>;

export const FIGURE_FIELDS = FIELDS.filter((f) => COLUMNS[f].figure);

/** Columns people add that carry nothing to import: row numbers, unit names next to codes. */
const IGNORED = ['STT', 'Số thứ tự', 'TT', 'Tỉnh/thành phố', 'Quận/huyện', 'Xã/phường'];

const BY_KEY = new Map<string, Field>();
for (const field of FIELDS) {
  const c = COLUMNS[field];
  for (const spelling of [c.header, c.alias, field]) BY_KEY.set(normalizeHeader(spelling), field);
}
BY_KEY.set(normalizeHeader('Số điện thoại'), 'phone');
BY_KEY.set(normalizeHeader('Mã số HTX'), 'registrationNo');
BY_KEY.set(normalizeHeader('Tên HTX'), 'name');
const IGNORED_KEYS = new Set(IGNORED.map(normalizeHeader));

export interface HeaderMatch {
  /** field → index of its cell in a row */
  index: Partial<Record<Field, number>>;
  /** field → the header as written in the file */
  written: Partial<Record<Field, string>>;
  unknown: string[];
  missing: Field[];
  /** headers naming a field that an earlier header already named */
  duplicates: { field: Field; headers: string[] }[];
  /** cells in the header row, up to the last filled one */
  width: number;
}

export function matchHeaders(headers: readonly string[]): HeaderMatch {
  const m: HeaderMatch = { index: {}, written: {}, unknown: [], missing: [], duplicates: [], width: 0 };
  headers.forEach((raw, i) => {
    const header = raw.trim();
    if (header) m.width = i + 1;
    if (!header) return;
    const key = normalizeHeader(header);
    const field = BY_KEY.get(key);
    if (!field) {
      if (!IGNORED_KEYS.has(key)) m.unknown.push(header);
      return;
    }
    if (m.index[field] !== undefined) {
      const dup = m.duplicates.find((d) => d.field === field);
      if (dup) dup.headers.push(header);
      else m.duplicates.push({ field, headers: [m.written[field]!, header] });
      return;
    }
    m.index[field] = i;
    m.written[field] = header;
  });
  m.missing = FIELDS.filter((f) => COLUMNS[f].required && m.index[f] === undefined);
  return m;
}
