import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { importJobParams, importJobSchema, importUploadFields } from '../../../shared/contracts/imports.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import type { Db } from '../../db/pool.ts';
import { readUpload } from '../../http/upload.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { applyImportJob, getImportJob, importJobsIdle, startImportJob } from './import-jobs.ts';
import { importTemplate } from './template.ts';

const tags = ['imports'];
const config = { permission: 'imports.run' } as const;
const MAX_FILE = 50 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 1, fields: 10 } });
  app.addHook('onClose', () => importJobsIdle()); // a running import ends before the pool does

  app.post(
    '/imports/organizations',
    {
      config,
      bodyLimit: MAX_FILE + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Tải tệp HTX/THT/LHHTX (.xlsx, .csv) lên để xem trước (dryRun=true, mặc định) hoặc nhập ngay; chạy nền, theo dõi bằng GET /imports/:id',
        description:
          'multipart/form-data: `file` (≤ 50 MB), `period` (2024, 2024-H1 …; cần khi tệp có số liệu), `map` (current | pre-2025), `dryRun` (true | false).',
        consumes: ['multipart/form-data'],
        response: { 202: importJobSchema, 400: problemSchema },
      },
    },
    async (req, reply) => {
      const upload = await readImportUpload(req);
      return reply.status(202).send(await startImportJob(db, req.log, callerOf(req), upload));
    },
  );

  app.get(
    '/imports/organizations/template.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'Tệp mẫu để nhập: các cột của §3, dòng mẫu, danh sách chọn',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (_req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="mau-nhap-htx.xlsx"`)
        .send(await importTemplate()),
  );

  app.get(
    '/imports/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Tiến độ và kết quả một lần nhập',
        params: importJobParams,
        response: { 200: importJobSchema, 404: problemSchema },
      },
    },
    async (req) => getImportJob(db, callerOf(req), req.params.id),
  );

  app.post(
    '/imports/:id/apply',
    {
      config,
      schema: {
        tags,
        summary: 'Áp dụng bản xem trước không lỗi: chạy lại đúng tệp đó và ghi (409 nếu có lỗi hoặc đã áp dụng)',
        params: importJobParams,
        response: { 202: importJobSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await applyImportJob(db, req.log, callerOf(req), req.params.id)),
  );
};

/** The file and the import's options. */
async function readImportUpload(req: FastifyRequest) {
  const { fileName, fileData, fields } = await readUpload(req, importUploadFields, MAX_FILE / 1024 / 1024);
  return { fileName, fileData, options: { period: fields.period ?? null, map: fields.map, dryRun: fields.dryRun } };
}
