import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import {
  completenessQuery,
  completenessSchema,
  periodWindowInput,
  periodWindowSchema,
  reportInputSchema,
  reportListQuery,
  reportListSchema,
  reportParams,
  reminderSchema,
  reportRuleSchema,
  reportSchema,
  returnSchema,
  workbookPreviewSchema,
  workbookQuery,
  workbookUploadFields,
} from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { periodSchema } from '../../../shared/contracts/stats.ts';
import { computeCompleteness } from './completeness.ts';
import { listPeriods, setPeriodWindow } from './periods.ts';
import { remindersFor } from './reminders.ts';
import { readUpload } from '../../http/upload.ts';
import { downloadWorkbook, uploadWorkbook } from './workbook.ts';
import { activeRules } from './reports.queries.ts';
import { getReport, moveReport, reportList, saveReport } from './reports.service.ts';

const tags = ['reports'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const versionBody = z.object({ version: z.number().int().min(1).optional() }).default({});

const WORKBOOK_MB = 20;

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(multipart, { limits: { fileSize: WORKBOOK_MB * 1024 * 1024, files: 1, fields: 5 } });

  app.get(
    '/organizations/:id/reports/:period',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Báo cáo của tổ chức trong một kỳ',
        params: reportParams,
        response: { 200: reportSchema, ...errors },
      },
    },
    async (req) => getReport(db, callerOf(req), req.params.id, req.params.period),
  );

  app.put(
    '/organizations/:id/reports/:period',
    {
      config: { permission: 'reports.edit' },
      schema: {
        tags,
        summary: 'Lưu số liệu báo cáo (nháp); gửi kèm version đã đọc, trừ lần lưu đầu',
        params: reportParams,
        body: reportInputSchema,
        response: { 200: reportSchema, ...errors },
      },
    },
    async (req) => saveReport(db, callerOf(req), req.params.id, req.params.period, req.body),
  );

  for (const step of ['submit', 'approve'] as const) {
    app.post(
      `/organizations/:id/reports/:period/${step}`,
      {
        config: { permission: step === 'submit' ? 'reports.submit' : 'reports.review' },
        schema: {
          tags,
          summary: step === 'submit' ? 'Gửi báo cáo để duyệt' : 'Duyệt báo cáo (khóa lại)',
          params: reportParams,
          body: versionBody,
          response: { 200: reportSchema, ...errors },
        },
      },
      async (req) => moveReport(db, callerOf(req), req.params.id, req.params.period, step, req.body),
    );
  }

  app.post(
    '/organizations/:id/reports/:period/return',
    {
      config: { permission: 'reports.review' },
      schema: {
        tags,
        summary: 'Trả lại báo cáo kèm lý do',
        params: reportParams,
        body: returnSchema.extend({ version: z.number().int().min(1).optional() }),
        response: { 200: reportSchema, ...errors },
      },
    },
    async (req) => moveReport(db, callerOf(req), req.params.id, req.params.period, 'return', req.body),
  );

  app.get(
    '/reports',
    {
      config: { permission: 'completeness.read' },
      schema: {
        tags,
        summary: 'Báo cáo của một địa bàn trong kỳ: hàng chờ duyệt (status=submitted), tổ chức chưa nộp (status=none)',
        querystring: reportListQuery,
        response: { 200: reportListSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (req) => reportList(db, callerOf(req), req.query),
  );

  app.get(
    '/report-rules',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Các quy tắc kiểm tra số liệu báo cáo', response: { 200: z.array(reportRuleSchema) } },
    },
    async () => activeRules(db),
  );

  app.get(
    '/completeness',
    {
      config: { permission: 'completeness.read' },
      schema: {
        tags,
        summary: 'Tình hình nộp báo cáo của một địa bàn trong một kỳ',
        querystring: completenessQuery,
        response: { 200: completenessSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (req) => computeCompleteness(db, callerOf(req), req.query),
  );

  app.get(
    '/periods',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Các kỳ báo cáo với ngày mở và hạn nộp',
        response: { 200: z.array(periodWindowSchema) },
      },
    },
    async () => listPeriods(db),
  );

  app.put(
    '/periods/:period',
    {
      config: { permission: 'periods.manage' },
      schema: {
        tags,
        summary: 'Đặt ngày mở và hạn nộp của một kỳ báo cáo',
        params: z.object({ period: periodSchema }),
        body: periodWindowInput,
        response: { 200: periodWindowSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (req) => setPeriodWindow(db, callerOf(req), req.params.period, req.body),
  );

  app.get(
    '/reminders',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Việc cần làm: báo cáo của mình chưa gửi; báo cáo của địa bàn chờ duyệt hoặc chưa nộp',
        response: { 200: z.array(reminderSchema) },
      },
    },
    async (req) => remindersFor(db, callerOf(req)),
  );

  app.get(
    '/reports/workbook.xlsx',
    {
      config: { permission: 'reports.edit' },
      schema: {
        tags,
        summary: 'Sổ báo cáo Excel của một địa bàn và kỳ, điền sẵn số liệu gần nhất, có kiểm tra ô',
        querystring: workbookQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const { fileName, data } = await downloadWorkbook(db, callerOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(data);
    },
  );

  app.post(
    '/reports/workbook',
    {
      config: { permission: 'reports.edit' },
      bodyLimit: (WORKBOOK_MB + 1) * 1024 * 1024,
      schema: {
        tags,
        summary: 'Tải sổ báo cáo lên: xem trước thay đổi và lỗi từng ô (apply=false), hoặc ghi tất cả (apply=true)',
        description:
          'multipart/form-data: `file` (.xlsx tải từ GET /reports/workbook.xlsx), `period`, `apply` (true | false). ' +
          'apply=true ghi mọi thay đổi trong một giao dịch khi không dòng nào có lỗi; có lỗi thì không ghi gì (applied=false).',
        consumes: ['multipart/form-data'],
        response: { 200: workbookPreviewSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (req) => {
      const upload = await readUpload(req, workbookUploadFields, WORKBOOK_MB);
      return uploadWorkbook(db, callerOf(req), upload, upload.fields);
    },
  );
};
