import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  difficultyStatsQuery,
  difficultyStatsSchema,
  fieldReviewInputSchema,
  fieldReviewListQuery,
  fieldReviewListSchema,
  fieldReviewSchema,
} from '../../../shared/contracts/field-reviews.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import {
  createFieldReview,
  difficultyStats,
  getFieldReview,
  listFieldReviews,
  updateFieldReview,
} from './field-reviews.service.ts';

const tags = ['field-reviews'];
const params = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const fieldReviewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/field-reviews',
    {
      config: { permission: 'reviews.read' },
      schema: {
        tags,
        summary: 'Sổ các đợt rà soát, khảo sát của một địa bàn',
        querystring: fieldReviewListQuery,
        response: { 200: fieldReviewListSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (req) => listFieldReviews(db, callerOf(req), req.query),
  );

  app.get(
    '/field-reviews/:id',
    {
      config: { permission: 'reviews.read' },
      schema: { tags, params, response: { 200: fieldReviewSchema, 404: problemSchema } },
    },
    async (req) => getFieldReview(db, callerOf(req), req.params.id),
  );

  app.post(
    '/field-reviews',
    {
      config: { permission: 'reviews.edit' },
      schema: {
        tags,
        summary: 'Ghi một đợt rà soát với kết quả từng tổ chức',
        body: fieldReviewInputSchema,
        response: { 201: fieldReviewSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createFieldReview(db, callerOf(req), req.body)),
  );

  app.put(
    '/field-reviews/:id',
    {
      config: { permission: 'reviews.edit' },
      schema: {
        tags,
        summary: 'Sửa một đợt rà soát; gửi kèm version đã đọc',
        params,
        body: fieldReviewInputSchema,
        response: { 200: fieldReviewSchema, ...errors },
      },
    },
    async (req) => updateFieldReview(db, callerOf(req), req.params.id, req.body),
  );

  app.get(
    '/difficulties',
    {
      config: { permission: 'reviews.read' },
      schema: {
        tags,
        summary: 'Số tổ chức nêu từng loại khó khăn trong năm (rà soát và báo cáo), theo địa bàn',
        querystring: difficultyStatsQuery,
        response: { 200: difficultyStatsSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (req) => difficultyStats(db, callerOf(req), req.query),
  );
};
