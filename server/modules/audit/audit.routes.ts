import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { auditListSchema, auditQuery } from '../../../shared/contracts/audit.ts';
import { idParams } from '../../../shared/contracts/organizations.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { findReadable } from '../organizations/organizations.service.ts';
import { listAuditEvents } from './audit.queries.ts';

const tags = ['audit'];
const paging = auditQuery.pick({ page: true, pageSize: true });

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Tìm trong nhật ký thay đổi: theo người, đối tượng, ngày',
        querystring: auditQuery,
        response: { 200: auditListSchema, 400: problemSchema },
      },
    },
    async (req) => ({ ...(await listAuditEvents(db, req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.get(
    '/organizations/:id/history',
    {
      config: { permission: 'organizations.history' },
      schema: {
        tags,
        summary: 'Lịch sử thay đổi của một tổ chức (mới nhất trước)',
        params: idParams,
        querystring: paging,
        response: { 200: auditListSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      await findReadable(db, caller, req.params.id); // 404 outside the caller's scope
      const found = await listAuditEvents(db, { organizationId: req.params.id, ...req.query });
      // who changed what is the record's; from which address, and which request, the audit's
      // readers' only: an official's address is personal data a cooperative has no use for
      const items = caller.permissions.has('audit.read')
        ? found.items
        : found.items.map((e) => ({ ...e, ip: null, requestId: null }));
      return { ...found, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
};
