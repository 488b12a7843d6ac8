import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { gradeInputSchema, gradeParams, gradeSchema, gradingSchemeSchema } from '../../../shared/contracts/grading.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { getGrade, listGradingSchemes, scoreOrganization } from './grading.service.ts';

const tags = ['grading'];

export const gradingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/grading-schemes',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Các bộ tiêu chí xếp loại', response: { 200: z.array(gradingSchemeSchema) } },
    },
    async () => listGradingSchemes(db),
  );

  app.get(
    '/organizations/:id/grades/:year',
    {
      config: { permission: 'organizations.read' },
      schema: { tags, params: gradeParams, response: { 200: gradeSchema, 404: problemSchema } },
    },
    async (req) => getGrade(db, callerOf(req), req.params.id, req.params.year),
  );

  app.put(
    '/organizations/:id/grades/:year',
    {
      config: { permission: 'grades.score' },
      schema: {
        tags,
        summary: 'Chấm điểm theo bộ tiêu chí: tổng điểm và xếp loại được tính, không nhập tay',
        params: gradeParams,
        body: gradeInputSchema,
        response: { 200: gradeSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (req) => scoreOrganization(db, callerOf(req), req.params.id, req.params.year, req.body),
  );
};
