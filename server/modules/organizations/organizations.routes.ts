import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { Db } from '../../db/pool.ts';
import {
  idParams,
  organizationCreateSchema,
  organizationDetailSchema,
  organizationListQuery,
  organizationListSchema,
  organizationPatchSchema,
  organizationSchema,
} from '../../../shared/contracts/organizations.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import { resolveArea } from '../admin-units/area.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { listOrganizations } from './organizations.queries.ts';
import { exportOrganizations } from './export-organizations.ts';
import { createOrganization, getOrganization, updateOrganization, withAbilities } from './organizations.service.ts';

const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/organizations',
    {
      config: { permission: 'organizations.read' },
      schema: {
        tags,
        summary: 'Danh sách tổ chức: lọc, tìm không dấu, sắp xếp, phân trang',
        querystring: organizationListQuery,
        response: { 200: organizationListSchema, 400: problemSchema },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const { area, map, ...rest } = req.query;
      const resolved = area ? await resolveArea(db, area, map) : undefined;
      const { items, total } = await listOrganizations(db, { ...rest, area: resolved, scope: caller.read });
      return { items: items.map((o) => withAbilities(caller, o)), total, page: rest.page, pageSize: rest.pageSize };
    },
  );

  app.get(
    '/organizations/export.xlsx',
    {
      config: { permission: 'organizations.read' },
      schema: {
        tags,
        summary: 'Xuất danh sách đã lọc ra Excel (cột như tệp nhập, kèm số liệu của kỳ)',
        querystring: organizationListQuery.omit({ page: true, pageSize: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const { area, map, ...rest } = req.query;
      const resolved = area ? await resolveArea(db, area, map) : undefined;
      const { stream, period } = await exportOrganizations(db, { ...rest, area: resolved, scope: callerOf(req).read });
      const name = ['to-chuc', resolved?.code ?? 'VN', period].filter(Boolean).join('-');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(stream);
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { permission: 'organizations.read' },
      schema: { tags, params: idParams, response: { 200: organizationDetailSchema, 404: problemSchema } },
    },
    async (req) => getOrganization(db, callerOf(req), req.params.id),
  );

  app.post(
    '/organizations',
    {
      config: { permission: 'organizations.create' },
      schema: {
        tags,
        body: organizationCreateSchema,
        response: { 201: organizationSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganization(db, callerOf(req), req.body)),
  );

  app.patch(
    '/organizations/:id',
    {
      config: { permission: 'organizations.update' },
      schema: {
        tags,
        summary: 'Sửa tổ chức; gửi kèm version đã đọc (409 nếu người khác đã sửa)',
        params: idParams,
        body: organizationPatchSchema,
        response: {
          200: organizationSchema,
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (req) => updateOrganization(db, callerOf(req), req.params.id, req.body),
  );
};
