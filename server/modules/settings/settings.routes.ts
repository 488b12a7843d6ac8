import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import { settingsInputSchema, settingsSchema } from '../../../shared/contracts/settings.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { getSettings, updateSettings } from './settings.service.ts';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/settings',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Các thiết lập của hệ thống', response: { 200: settingsSchema } },
    },
    async () => getSettings(db),
  );

  app.put(
    '/settings',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Đổi thiết lập; gửi kèm version đã đọc',
        body: settingsInputSchema,
        response: { 200: settingsSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (req) => updateSettings(db, callerOf(req), req.body),
  );
};
