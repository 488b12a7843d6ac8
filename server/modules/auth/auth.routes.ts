import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { loginSchema, passwordChangeSchema, sessionSchema } from '../../../shared/contracts/auth.ts';
import { problemSchema } from '../../../shared/contracts/problem.ts';
import type { Db } from '../../db/pool.ts';
import { getUser } from '../users/users.service.ts';
import { callerOf, clearSessionCookie, setSessionCookie } from './auth.hooks.ts';
import { changeOwnPassword, login } from './auth.service.ts';
import { callerFor, homeArea, type Caller } from './caller.ts';
import { liveSession, sessionCache } from './session-cache.ts';
import { deleteSession } from './sessions.queries.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const sessionOf = async (caller: Caller, csrfToken: string) => {
    const user = await getUser(db, caller.user!.id);
    const home = homeArea(caller);
    const homeProvince = home === 'VN' || home === null ? null : (caller.user!.areaProvinceCode ?? null);
    return { user: { ...user, permissions: [...caller.permissions], homeArea: home, homeProvince }, csrfToken };
  };

  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Đăng nhập: đặt cookie phiên (http-only) và trả mã chống giả mạo (csrfToken)',
        body: loginSchema,
        response: {
          200: sessionSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const s = await login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
      });
      setSessionCookie(req, reply, s.token);
      const live = (await liveSession(db, s.token, { fresh: true }))!; // the page's first reads find it kept
      return sessionOf(callerFor(live.user, { ip: req.ip, requestId: req.id }), s.csrfToken);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Phiên đang đăng nhập', response: { 200: sessionSchema, 401: problemSchema } },
    },
    async (req) => sessionOf(callerOf(req), req.session!.csrfToken),
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Đăng xuất', response: { 204: z.null(), 401: problemSchema, 403: problemSchema } },
    },
    async (req, reply) => {
      await deleteSession(db, req.session!.id);
      sessionCache.forgetSession(req.session!.id);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Đổi mật khẩu của mình; các phiên khác kết thúc',
        body: passwordChangeSchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(db, callerOf(req), { sessionId: req.session!.id, ...req.body });
      return reply.status(204).send(null);
    },
  );
};
