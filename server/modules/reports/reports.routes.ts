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
  reportRuleSchema,
  reportSchema,
  returnSchema,
} from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { periodSchema } from '../../../shared/contracts/stats.ts';
import { computeCompleteness } from './completeness.ts';
import { listPeriods, setPeriodWindow } from './periods.ts';
import { activeRules } from './reports.queries.ts';
import { getReport, moveReport, reportList, saveReport } from './reports.service.ts';

const tags = ['reports'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const versionBody = z.object({ version: z.number().int().min(1).optional() }).default({});

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
        response: { 200: periodWindowSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (req) => setPeriodWindow(db, callerOf(req), req.params.period, req.body),
  );
};
