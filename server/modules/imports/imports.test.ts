// The import API: upload (multipart) → background job → poll → apply; the template.
import ExcelJS from '../../lib/exceljs.ts';
import type { DataValidation } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import { unique } from '../../../test/factories.ts';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/pool.ts';
import { countOrganizations, csv, goodRow, HEADERS, multipart, xlsx } from '../../../test/import-files.ts';

let app: Agent;
let db: Db;
beforeAll(async () => {
  ({ admin: app, db } = await testApp());
});

async function upload(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  return app.inject({ method: 'POST', url: '/api/v1/imports/organizations', ...multipart(fields, file) });
}

/** Polls the job until it is over. */
async function finished(id: string): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}` });
    expect(res.statusCode).toBe(200);
    const job = res.json<ImportJob>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('POST /imports/organizations', () => {
  it('400 without a file, with a bad map or period', async () => {
    const noFile = await upload({ period: '2024' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'file' }] });

    const data = csv([goodRow(`A${unique()}`)]);
    const badMap = await upload({ map: 'old' }, { name: 'a.csv', data });
    expect(badMap.statusCode).toBe(400);
    expect(badMap.json().errors[0].field).toBe('map');
    const badPeriod = await upload({ period: '2024-Q1' }, { name: 'a.csv', data });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().errors[0]).toMatchObject({ field: 'period' });

    const notMultipart = await app.inject({ method: 'POST', url: '/api/v1/imports/organizations', payload: {} });
    expect(notMultipart.statusCode).toBe(400);
  });

  it('previews in the background, writes nothing, then applies the same file once', async () => {
    const t = `P${unique()}`;
    const data = csv([goodRow(`${t}1`), goodRow(`${t}2`, { 'Loại hình': 'Tổ hợp tác' })]);
    const res = await upload({ period: '2024', map: 'current', dryRun: 'true' }, { name: 'xem-truoc.csv', data });
    expect(res.statusCode).toBe(202);
    const queued = res.json<ImportJob>();
    expect(queued).toMatchObject({
      kind: 'organizations',
      fileName: 'xem-truoc.csv',
      options: { period: '2024', map: 'current', dryRun: true },
      canApply: false,
    });
    expect(['queued', 'running']).toContain(queued.status);

    const preview = await finished(queued.id);
    expect(preview).toMatchObject({ status: 'succeeded', processedRows: 2, canApply: true });
    expect(preview.result).toMatchObject({ dryRun: true, committed: false, created: 2, errorCount: 0 });
    expect(preview.result!.preview.map((p) => p.kind)).toEqual(['HTX', 'THT']);
    expect(await countOrganizations(db, t)).toBe(0);

    const apply = await app.inject({ method: 'POST', url: `/api/v1/imports/${queued.id}/apply` });
    expect(apply.statusCode).toBe(202);
    const applied = await finished(queued.id);
    expect(applied).toMatchObject({ status: 'succeeded', canApply: false, options: { dryRun: false } });
    expect(applied.result).toMatchObject({ dryRun: false, committed: true, created: 2 });
    expect(await countOrganizations(db, t)).toBe(2);

    const again = await app.inject({ method: 'POST', url: `/api/v1/imports/${queued.id}/apply` });
    expect(again.statusCode).toBe(409);
    expect(again.json().detailEn).toContain('already applied');
  });

  it('reports every bad row of an Excel file; such a preview cannot be applied', async () => {
    const t = `Q${unique()}`;
    const data = await xlsx([
      goodRow(`${t}1`),
      goodRow(`${t}2`, { 'Vốn điều lệ': '7.500.000,5', 'Lĩnh vực': 'Du lịch' }),
    ]);
    const res = await upload({ period: '2024' }, { name: 'sai.xlsx', data });
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'failed', canApply: false });
    expect(job.result!.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Lĩnh vực'],
      [3, 'Vốn điều lệ'],
    ]);
    const apply = await app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply` });
    expect(apply.statusCode).toBe(409);
    expect(apply.json().detailEn).toContain('the preview found errors');
    expect(await countOrganizations(db, t)).toBe(0);
  });

  it('names the period as the option to change when figures come without one', async () => {
    const res = await upload({}, { name: 'khong-ky.csv', data: csv([goodRow(`N${unique()}1`)]) });
    const job = await finished(res.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'failed', error: { field: 'period' } });
    expect(job.error!.messageEn).toContain('choose their period');
  });

  it('takes files over the 1 MB body limit of other routes', async () => {
    const t = `G${unique()}`;
    const note = 'x'.repeat(700_000);
    const data = csv([goodRow(`${t}1`, { 'Ghi chú': note }), goodRow(`${t}2`, { 'Ghi chú': note })], {
      headers: [...HEADERS, 'Ghi chú'],
    });
    expect(data.length).toBeGreaterThan(1_400_000);
    const res = await upload({ period: '2024' }, { name: 'lon.csv', data });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(res.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 2, created: 2 } });
  });

  it('a file it cannot read fails with the reason', async () => {
    const data = csv([], { headers: ['Mã số', 'Tên'] });
    const job = await finished((await upload({}, { name: 'thieu.csv', data })).json<ImportJob>().id);
    expect(job.status).toBe('failed');
    expect(job.result).toBeUndefined();
    expect(job.error!.messageEn).toContain('missing required column(s) "Loại hình" (loai_hinh)');
  });

  it('imports at once when dryRun=false', async () => {
    const t = `N${unique()}`;
    const res = await upload({ dryRun: 'false', period: '2024' }, { name: 'ngay.csv', data: csv([goodRow(`${t}1`)]) });
    const job = await finished(res.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'succeeded', canApply: false, result: { committed: true, created: 1 } });
    expect(await countOrganizations(db, t)).toBe(1);
    const apply = await app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply` });
    expect(apply.statusCode).toBe(409);
  });
});

describe('the OpenAPI document', () => {
  it('lists the import routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/imports/organizations',
        '/api/v1/imports/organizations/template.xlsx',
        '/api/v1/imports/{id}',
        '/api/v1/imports/{id}/apply',
      ]),
    );
  });
});

describe('GET /imports/:id', () => {
  it('404 for an unknown job, 400 for a malformed id', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/imports/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/imports/42' });
    expect(bad.statusCode).toBe(400);
    const applyMissing = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/00000000-0000-4000-8000-000000000000/apply',
    });
    expect(applyMissing.statusCode).toBe(404);
  });
});

describe('GET /imports/organizations/template.xlsx', () => {
  it('is a workbook with the §3 headers, samples, drop-downs and number checks', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/organizations/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell('E2').value).toBe('04');
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, DataValidation> } })
      .dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$4"] });
    expect(validations['D2']).toMatchObject({ type: 'list' });
    expect(validations['J2']).toMatchObject({ type: 'whole', formulae: [0, 9_000_000_000_000_000] });
    const lists = workbook.getWorksheet('Danh mục')!;
    expect(lists.getCell('B2').value).toBe('Nông nghiệp');
    expect(lists.getCell('D5').value).toBe('Yếu');
  });

  it('reads as an import file, whose sample rows are refused until deleted', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/organizations/template.xlsx' });
    const job = await finished(
      (await upload({ period: '2024' }, { name: 'mau.xlsx', data: res.rawPayload })).json<ImportJob>().id,
    );
    // every cell of the samples is valid: the only error of each is being a sample
    expect(job).toMatchObject({ status: 'failed', result: { rows: 3, errorCount: 3 } });
    expect(job.result!.errors.map((e) => [e.line, e.column, e.messageEn])).toEqual(
      [2, 3, 4].map((line) => [line, 'Mã số', 'a sample row of the template: delete it before importing']),
    );
  });
});
