// The Excel round trip through the API: the workbook of a commune pre-filled with each
// organisation's latest figures, with validation and locked cells; an upload previews changes
// and errors cell by cell; apply is all-or-nothing; stale, locked, out-of-scope and invalid rows
// are refused. Units of Lâm Đồng (68) and the years 2070–2071, which no other test uses.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, DataValidation, Workbook } from 'exceljs';
import type { Report, WorkbookPreview } from '../../../shared/contracts/reports.ts';
import { signIn, testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization } from '../../../test/factories.ts';
import { multipart } from '../../../test/import-files.ts';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../http/app.ts';
import ExcelJS from '../../lib/exceljs.ts';

let app: App;
let db: Db;
let admin: Agent;
let officer: Agent;
let commune = '';
const org = { a: { id: 0, no: '' }, b: { id: 0, no: '' }, away: { id: 0, no: '' }, hidden: { id: 0, no: '' } };
const BEFORE = '2070';
const PERIOD = '2071';

async function create(communeCode: string, provinceCode = '68') {
  const body = buildOrganization({ provinceCode, communeCode });
  const res = await admin.inject({ method: 'POST', url: '/api/v1/organizations', payload: body });
  return { id: res.json<{ id: number }>().id, no: body.registrationNo };
}

beforeAll(async () => {
  ({ app, db, admin } = await testApp());
  const { rows } = await db.execute<{ code: string }>(
    sql`select code from admin_units where map = 'current' and province_code = '68' and level = 'commune' order by code limit 2`,
  );
  commune = rows[0]!.code;
  org.a = await create(commune);
  org.b = await create(commune);
  org.away = await create(rows[1]!.code);
  org.hidden = await create('00004', '01'); // another province: the officer may not read it
  officer = await signIn(app, db, { role: 'commune_officer', areaCode: commune });
  for (const period of [BEFORE, PERIOD]) {
    await admin.inject({
      method: 'PUT',
      url: `/api/v1/periods/${period}`,
      payload: { opensOn: '2026-01-01', dueOn: `${period}-12-15`, version: 0 },
    });
  }
  const last = await admin.inject({
    method: 'PUT',
    url: `/api/v1/organizations/${org.a.id}/reports/${BEFORE}`,
    payload: { members: 20, workers: 9, revenueVnd: 2_000_000_000, profitVnd: 100_000_000, difficulties: ['capital'] },
  });
  expect(last.statusCode, last.body).toBe(200);
});

async function download(agent = officer): Promise<Workbook> {
  const res = await agent.inject(`/api/v1/reports/workbook.xlsx?period=${PERIOD}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toContain(`bao-cao-${PERIOD}-${commune}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** Header texts by column number (exceljs rows are 1-based, with a hole at 0). */
const headersOf = (sheet: Workbook['worksheets'][number]) =>
  Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));

/** The sheet's rows by registration number, as header → value. */
function rowsOf(workbook: Workbook): Map<string, Record<string, unknown>> {
  const sheet = workbook.worksheets[0]!;
  const headers = headersOf(sheet);
  const out = new Map<string, Record<string, unknown>>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    const record = Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null]));
    out.set(String(record['Mã số']), record);
  });
  return out;
}

/** Sets cells (by header) of the row of a registration number. */
function edit(workbook: Workbook, no: string, values: Record<string, unknown>) {
  const sheet = workbook.worksheets[0]!;
  const headers = headersOf(sheet);
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== no) return;
    for (const [h, v] of Object.entries(values)) row.getCell(headers.indexOf(h)).value = v as CellValue;
  });
}

async function upload(workbook: Workbook, apply: boolean, agent = officer) {
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  const res = await agent.inject({
    method: 'POST',
    url: '/api/v1/reports/workbook',
    ...multipart({ period: PERIOD, apply: String(apply) }, { name: 'so-bao-cao.xlsx', data }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkbookPreview>();
}

const report = (id: number) => admin.inject(`/api/v1/organizations/${id}/reports/${PERIOD}`);

describe('the report workbook', () => {
  it('lists the commune’s organisations with their latest figures, validated, the rest locked', async () => {
    const workbook = await download();
    const rows = rowsOf(workbook);
    expect([...rows.keys()].sort()).toEqual([org.a.no, org.b.no].sort());
    expect(rows.get(org.a.no)).toMatchObject({
      'Số thành viên': 20,
      'Doanh thu': 2_000_000_000,
      'Khó khăn (cách nhau bởi dấu ;)': null, // the figures only: what is named is named anew
      'Số liệu điền sẵn từ kỳ': BEFORE,
      'Trạng thái': 'Chưa có báo cáo',
      'Phiên bản (không sửa)': 0,
    });
    expect(rows.get(org.b.no)).toMatchObject({ 'Số thành viên': null, 'Số liệu điền sẵn từ kỳ': null });
    const sheet = workbook.worksheets[0]!;
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, DataValidation> } })
      .dataValidations.model;
    // exceljs reads a range back cell by cell: every figure column, on every organisation's row
    const whole = Object.entries(validations).filter(([, v]) => v.type === 'whole');
    expect(new Set(whole.map(([cell]) => cell.replace(/\d+$/, ''))).size).toBe(8);
    expect(whole).toHaveLength(8 * rows.size);
    expect(sheet.getRow(2).getCell(1).protection?.locked).not.toBe(false);
    expect(sheet.getRow(2).getCell(4).protection?.locked).toBe(false);
  });

  it('skips rows left as pre-filled: they are no report of the period', async () => {
    const untouched = await upload(await download(), false);
    expect(untouched).toMatchObject({ counts: { rows: 2, unchanged: 2, new: 0 }, rows: [] });
  });

  it('previews changes and errors cell by cell; with an error, apply writes nothing', async () => {
    const workbook = await download();
    edit(workbook, org.a.no, { 'Số thành viên': 22 });
    edit(workbook, org.b.no, { 'Số thành viên': '12,5', 'Khó khăn (cách nhau bởi dấu ;)': 'vốn; thời tiết' });
    const preview = await upload(workbook, false);
    expect(preview).toMatchObject({ applied: false, counts: { rows: 2, new: 1, errors: 1 } });
    const a = preview.rows.find((r) => r.registrationNo === org.a.no)!;
    expect(a.outcome).toBe('new');
    expect(a.changes).toContainEqual({ column: 'Số thành viên', field: 'members', before: null, after: 22 });
    const b = preview.rows.find((r) => r.registrationNo === org.b.no)!;
    expect(b.errors.map((e) => e.column)).toEqual(['Số thành viên', 'Khó khăn (cách nhau bởi dấu ;)']);
    expect(b.errors[0]!.message).toMatch(/thập phân/);
    expect(b.errors[1]!.message).toContain('thời tiết');

    expect((await upload(workbook, true)).applied).toBe(false);
    expect((await report(org.a.id)).statusCode).toBe(404);
  });

  it('applies every row at once when all are valid, new and changed together, then reads back unchanged', async () => {
    const first = await download();
    edit(first, org.a.no, { 'Số thành viên': 21, 'Giải trình': 'Kết nạp thêm thành viên' });
    expect(await upload(first, true)).toMatchObject({ applied: true, counts: { new: 1, unchanged: 1, errors: 0 } });

    const workbook = await download();
    expect(rowsOf(workbook).get(org.a.no)).toMatchObject({ 'Phiên bản (không sửa)': 1 });
    edit(workbook, org.a.no, { 'Số thành viên': 22 });
    edit(workbook, org.b.no, {
      'Số thành viên': 8,
      'Số lao động thường xuyên': 5,
      'Khó khăn (cách nhau bởi dấu ;)': 'thi truong',
    });
    const applied = await upload(workbook, true);
    expect(applied).toMatchObject({ applied: true, counts: { new: 1, changed: 1, errors: 0 } });
    expect((await report(org.a.id)).json<Report>()).toMatchObject({
      status: 'draft',
      source: 'officer',
      members: 22,
      workers: 9,
      comment: 'Kết nạp thêm thành viên',
      version: 2,
    });
    expect((await report(org.b.id)).json<Report>()).toMatchObject({ members: 8, difficulties: ['market'], version: 1 });
    const trail = async (id: number) => (await admin.inject(`/api/v1/organizations/${id}/history`)).json().items[0];
    expect(await trail(org.b.id)).toMatchObject({
      action: 'report.create',
      note: expect.stringMatching(/^so-bao-cao\.xlsx:\d+$/),
    });
    expect(await trail(org.a.id)).toMatchObject({
      action: 'report.update',
      changes: { [`members@${PERIOD}`]: [21, 22] },
    });

    const again = await download();
    expect(rowsOf(again).get(org.a.no)).toMatchObject({ 'Số liệu điền sẵn từ kỳ': PERIOD, 'Phiên bản (không sửa)': 2 });
    expect(await upload(again, false)).toMatchObject({ counts: { unchanged: 2 }, rows: [] });
  });

  it('refuses stale, locked, out-of-scope and rule-breaking rows', async () => {
    const stale = await download();
    await admin.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.a.id}/reports/${PERIOD}/submit`,
      payload: {},
    });
    await admin.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.a.id}/reports/${PERIOD}/approve`,
      payload: {},
    });
    edit(stale, org.b.no, { 'Số lao động thường xuyên': 6 });
    const before = (await report(org.b.id)).json<Report>().version;
    await admin.inject({
      method: 'PUT',
      url: `/api/v1/organizations/${org.b.id}/reports/${PERIOD}`,
      payload: { members: 8, workers: 7, version: before },
    });
    const refused = await upload(stale, false);
    expect(refused.rows.find((r) => r.registrationNo === org.b.no)!.errors[0]!.column).toBe('Phiên bản (không sửa)');

    const fresh = await download();
    edit(fresh, org.a.no, { 'Số thành viên': 30 });
    edit(fresh, org.b.no, { 'Doanh thu': 100_000_000, 'Lợi nhuận trước thuế': 300_000_000 });
    const sheet = fresh.worksheets[0]!;
    sheet.addRow([org.away.no]).getCell(17).value = 0;
    sheet.addRow(['KHONG-CO-MA-NAY']).getCell(17).value = 0;
    sheet.addRow([org.hidden.no]).getCell(17).value = 0;
    const preview = await upload(fresh, true);
    expect(preview.applied).toBe(false);
    const byNo = new Map(preview.rows.map((r) => [r.registrationNo, r]));
    expect(byNo.get(org.a.no)!.errors[0]).toMatchObject({
      column: 'Trạng thái',
      messageEn: 'The report is approved: it cannot change',
    });
    expect(byNo.get(org.b.no)!.errors[0]!.message).toContain('không thể lớn hơn Doanh thu');
    expect(byNo.get(org.away.no)!.errors[0]!.messageEn).toBe('Outside the area you may change');
    expect(byNo.get('KHONG-CO-MA-NAY')!.errors[0]!.messageEn).toMatch(/No organisation/);
    // one the officer may not read is answered as one that does not exist: no id, no name
    expect(byNo.get(org.hidden.no)).toMatchObject({ organizationId: null, name: null, outcome: 'error' });
    expect(byNo.get(org.hidden.no)!.errors).toEqual([
      expect.objectContaining({ messageEn: `No organisation ${org.hidden.no}` }),
    ]);
    expect((await report(org.a.id)).json<Report>().members).toBe(22);
  });

  it('is not a hoptac workbook without its key columns', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['Tên', 'Số thành viên']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await officer.inject({
      method: 'POST',
      url: '/api/v1/reports/workbook',
      ...multipart({ period: PERIOD }, { name: 'khac.xlsx', data }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('Mã số');
  });
});
