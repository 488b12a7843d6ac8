import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { userSchema } from '../../../shared/contracts/auth.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import { userCreateSchema, userListQuery, userListSchema, userPatchSchema } from '../../../shared/contracts/users.ts';
import { idParams } from '../../../shared/contracts/organizations.ts';
import type { Db } from '../../db/pool.ts';
import { callerOf } from '../auth/auth.hooks.ts';
import { listUsers } from './users.queries.ts';
import { createUser, getUser, patchUser } from './users.service.ts';

const tags = ['users'];
const config = { permission: 'users.manage' } as const;

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/users',
    {
      config,
      schema: { tags, summary: 'Danh sách tài khoản', querystring: userListQuery, response: { 200: userListSchema } },
    },
    async (req) => ({ ...(await listUsers(db, req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.get(
    '/users/:id',
    { config, schema: { tags, params: idParams, response: { 200: userSchema, 404: problemSchema } } },
    async (req) => getUser(db, req.params.id),
  );

  app.post(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Tạo tài khoản với vai trò và phạm vi (địa bàn hoặc tổ chức)',
        body: userCreateSchema,
        response: { 201: userSchema, 400: problemSchema, 409: problemSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, callerOf(req), req.body)),
  );

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa, vô hiệu hóa, đặt lại mật khẩu; gửi kèm version đã đọc (409 nếu người khác đã sửa)',
        params: idParams,
        body: userPatchSchema,
        response: { 200: userSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (req) => patchUser(db, callerOf(req), req.params.id, req.body),
  );
};
