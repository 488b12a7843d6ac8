import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/pool.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import {
  narrativeSchema,
  statsBreakdownSchema,
  statsQuery,
  statsSchema,
  type StatsQuery,
} from '../../../shared/contracts/stats.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { readableArea } from '../auth/scope.ts';
import { computeBreakdown } from './breakdown.ts';
import { workbookName, writeStatsWorkbook } from './export-stats.ts';
import { narrative } from './narrative.ts';
import { computeStats, type StatsOptions } from './stats.service.ts';

const tags = ['stats'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const config = { permission: 'stats.read' } as const;

export const statsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** The caller's own area when none is asked for; 403 for an area beyond what they may see. */
  const scoped = async (req: FastifyRequest, query: StatsQuery): Promise<StatsOptions> => ({
    ...query,
    area: (await readableArea(db, callerOf(req), query)).code,
  });

  app.get(
    '/stats',
    {
      config,
      schema: {
        tags,
        summary: 'Số liệu thống kê của một địa bàn, một kỳ (contracts §4)',
        querystring: statsQuery,
        response: { 200: statsSchema, 400: problemSchema },
      },
    },
    async (req) => computeStats(db, await scoped(req, req.query)),
  );

  app.get(
    '/stats/narrative',
    {
      config,
      schema: {
        tags,
        summary: 'Đoạn tóm tắt bằng tiếng Việt (contracts §5)',
        querystring: statsQuery,
        response: { 200: narrativeSchema, 400: problemSchema },
      },
    },
    async (req) => ({ text: narrative(await computeStats(db, await scoped(req, req.query))) }),
  );

  app.get(
    '/stats/breakdown',
    {
      config,
      schema: {
        tags,
        summary: 'Số liệu theo từng đơn vị trực thuộc của địa bàn',
        querystring: statsQuery,
        response: { 200: statsBreakdownSchema, 400: problemSchema },
      },
    },
    async (req) => computeBreakdown(db, await scoped(req, req.query)),
  );

  app.get(
    '/stats/export.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'Tệp Excel: tổng hợp, đoạn tóm tắt và số liệu theo địa bàn',
        querystring: statsQuery,
        produces: [XLSX],
        // a stream: sent as it is, never serialised
        response: { 200: z.any().describe(`${XLSX}: sheets "Tổng hợp" and "Theo địa bàn"`), 400: problemSchema },
      },
    },
    async (req, reply) => {
      // Everything that can fail as a user error is computed before the first byte is sent.
      const opts = await scoped(req, req.query);
      const stats = await computeStats(db, opts);
      const breakdown = await computeBreakdown(db, { ...opts, period: stats.period });
      const body = new PassThrough();
      writeStatsWorkbook(body, { stats, breakdown, narrative: narrative(stats) }).catch((err: Error) => {
        req.log.error(err);
        body.destroy(err);
      });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${workbookName({ stats })}"`)
        .send(body);
    },
  );
};
