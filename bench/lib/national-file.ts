// The national import file for the benchmarks: the demo generator's organisations over every
// commune of the current map, written as a contracts §3 file (Vietnamese headers, figures of one
// period) — CSV, and optionally .xlsx through exceljs's streaming writer.
import { closeSync, openSync, writeSync } from 'node:fs';
import ExcelJS from '../../server/lib/exceljs.ts';
import { GRADE_LABELS, SECTOR_LABELS, STATUS_LABELS, type Kind } from '../../shared/contracts/enums.ts';
import { currentUnitsFromPackage } from '../../server/modules/admin-units/load-current.ts';
import { COLUMNS, FIELDS, type Field } from '../../server/modules/imports/columns.ts';
import { generateOrganizations, type GeneratedOrganization } from '../../server/modules/demo/generate.ts';
import type { Commune } from '../../server/modules/demo/names.ts';

/** The communes of the current map as `currentCommunes(db)` answers them, from the shipped list (no database). */
export function shippedCommunes(): Commune[] {
  const units = currentUnitsFromPackage();
  const provinces = new Map(units.filter((u) => u.level === 'province').map((u) => [u.code, u]));
  return units
    .filter((u) => u.level === 'commune')
    .map((c) => {
      const p = provinces.get(c.provinceCode)!;
      return {
        code: c.code,
        name: c.name,
        fullName: c.fullName,
        type: c.type,
        provinceCode: c.provinceCode,
        provinceName: p.name,
        provinceFullName: p.fullName,
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Columns of the file, in the order of the template and the export (no "Mã huyện": current map). */
const FILE_FIELDS = FIELDS.filter((f) => f !== 'districtCode');

type Value = string | number | Date | null;

/** One organisation as the cells of its row; figures are the period's report (empty if none). */
function cells(o: GeneratedOrganization, period: string): Record<Field, Value> {
  const r = o.reports.find((x) => x.period === period);
  return {
    registrationNo: o.registrationNo,
    name: o.name,
    kind: o.kind,
    sector: SECTOR_LABELS[o.sector].vi,
    provinceCode: o.provinceCode,
    districtCode: null,
    communeCode: o.communeCode,
    foundedOn: new Date(`${o.foundedOn}T00:00:00Z`),
    status: STATUS_LABELS[o.status].vi,
    members: r?.members ?? null,
    workers: r?.workers ?? null,
    charterCapitalVnd: r?.charterCapitalVnd ?? null,
    revenueVnd: r?.revenueVnd ?? null,
    profitVnd: r?.profitVnd ?? null,
    incomePerWorkerMonthVnd: r?.incomePerWorkerMonthVnd ?? null,
    grade: r?.grade ? GRADE_LABELS[r.grade].vi : null,
    address: o.address,
    representative: o.representative,
    phone: o.phone,
    email: o.email,
  };
}

const ddmmyyyy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');

function csvCell(v: Value): string {
  if (v === null) return '';
  const s = v instanceof Date ? ddmmyyyy(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function generateNational(seed: string, counts: Record<Kind, number>): GeneratedOrganization[] {
  return generateOrganizations({ seed, communes: shippedCommunes(), counts });
}

/** Writes the CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8"); answers its size in bytes. */
export function writeCsv(file: string, orgs: GeneratedOrganization[], period: string): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  const put = (text: string) => (bytes += writeSync(fd, text));
  try {
    put('\uFEFF' + FILE_FIELDS.map((f) => csvCell(COLUMNS[f].header)).join(',') + '\r\n');
    let chunk: string[] = [];
    for (const o of orgs) {
      const c = cells(o, period);
      chunk.push(FILE_FIELDS.map((f) => csvCell(c[f])).join(','));
      if (chunk.length === 5000) {
        put(chunk.join('\r\n') + '\r\n');
        chunk = [];
      }
    }
    if (chunk.length) put(chunk.join('\r\n') + '\r\n');
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * The same rows as an .xlsx (one sheet; dates as Excel dates, codes as text), its texts in the
 * shared-strings part as Excel saves them.
 */
export async function writeXlsx(file: string, orgs: GeneratedOrganization[], period: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.columns = FILE_FIELDS.map((f) => ({
    header: COLUMNS[f].header,
    key: f,
    style: f === 'foundedOn' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  for (const o of orgs) sheet.addRow(cells(o, period)).commit();
  sheet.commit();
  await workbook.commit();
}
