import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { Db } from '../../db/pool.ts';
import {
  adminUnitDetailSchema,
  adminUnitListQuery,
  adminUnitListSchema,
  adminUnitParams,
} from '../../../shared/contracts/admin-units.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import { notFound } from '../../http/errors.ts';
import { countChildren, findUnit, listUnits, predecessorsOf, successorsOf } from './admin-units.queries.ts';

export const adminUnitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/admin-units',
    {
      config: { permission: 'admin_units.read' },
      schema: {
        tags: ['admin-units'],
        summary: 'Đơn vị hành chính: tỉnh, con của một đơn vị, hoặc tìm theo tên',
        querystring: adminUnitListQuery,
        response: { 200: adminUnitListSchema, 400: problemSchema },
      },
    },
    async (req) => {
      const items = await listUnits(db, req.query);
      return { items, total: items.length };
    },
  );

  app.get(
    '/admin-units/:map/:code',
    {
      config: { permission: 'admin_units.read' },
      schema: {
        tags: ['admin-units'],
        params: adminUnitParams,
        response: { 200: adminUnitDetailSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const { map, code } = req.params;
      const unit = await findUnit(db, map, code);
      if (!unit) {
        const mapVi = map === 'current' ? 'hiện hành' : 'trước 01/7/2025';
        throw notFound(`Không có đơn vị ${code} trên bản đồ ${mapVi}`, `No unit ${code} on the ${map} map`);
      }
      const ancestors = [];
      for (let parent = unit.parentCode; parent;) {
        const p = await findUnit(db, map, parent);
        if (!p) break;
        ancestors.unshift(p);
        parent = p.parentCode;
      }
      return {
        ...unit,
        ancestors,
        childCount: await countChildren(db, map, code),
        successors: map === 'pre-2025' ? await successorsOf(db, code) : [],
        predecessors: map === 'current' ? await predecessorsOf(db, code) : [],
      };
    },
  );
};
