import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from '@fastify/type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import type { Db } from '../db/pool.ts';
import { AppError, fieldMessages } from './errors.ts';
import { adminUnitRoutes } from '../modules/admin-units/admin-units.routes.ts';
import { organizationRoutes } from '../modules/organizations/organizations.routes.ts';
import { statsRoutes } from '../modules/stats/stats.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { installAuth } from '../modules/auth/auth.hooks.ts';
import { userRoutes } from '../modules/users/users.routes.ts';
import { reportRoutes } from '../modules/reports/reports.routes.ts';
import { gradingRoutes } from '../modules/grading/grading.routes.ts';
import { fieldReviewRoutes } from '../modules/field-reviews/field-reviews.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AppOptions {
  db: Db;
  logLevel?: string;
  /** serve the built web app from web/dist (default: when it exists) */
  serveWeb?: boolean;
}

export async function buildApp({ db, logLevel = 'info', serveWeb = existsSync(webDist) }: AppOptions) {
  const app = Fastify({
    logger: { level: logLevel },
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // helmet's middleware is built once: @fastify/helmet builds it again on every request, a
  // twentieth of a /stats request's CPU (bench/RESULTS.md, "Statistics")
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // Mantine and ECharts set inline styles; everything else comes from this site
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null, // a plain-HTTP install (http://localhost) must keep working
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(cookie);
  // answers of 1 kB and more, compressed for browsers that accept it (a registry page of 50
  // organisations 33 → 5 kB): the phones of commune officers are often on slow lines. The web
  // bundles come compressed from the build; requests are never decompressed.
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  const routes = installAuth(app, db);

  await app.register(swagger, {
    openapi: {
      info: { title: 'hoptac API', version: '1', description: 'Hệ thống thông tin hợp tác xã' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
    await db.execute('select 1');
    return { status: 'ok' as const };
  });
  await app.register(authRoutes, { prefix: '/api/v1', db });
  await app.register(userRoutes, { prefix: '/api/v1', db });
  await app.register(auditRoutes, { prefix: '/api/v1', db });
  await app.register(adminUnitRoutes, { prefix: '/api/v1', db });
  await app.register(organizationRoutes, { prefix: '/api/v1', db });
  await app.register(statsRoutes, { prefix: '/api/v1', db });
  await app.register(importRoutes, { prefix: '/api/v1', db });
  await app.register(reportRoutes, { prefix: '/api/v1', db });
  await app.register(gradingRoutes, { prefix: '/api/v1', db });
  await app.register(fieldReviewRoutes, { prefix: '/api/v1', db });
  await app.register(settingsRoutes, { prefix: '/api/v1', db });

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true, // the .br and .gz copies the build writes (vite.config.ts)
      // a bundle's name is its content's hash: kept for a year; the page naming them, never
      setHeaders: (reply, path) =>
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // the app's own addresses get its page; a bundle no build has (a page left open across an
    // upgrade asks for the old ones) gets 404, not a page the browser would run as a script
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/assets/')) {
      return reply.sendFile('index.html');
    }
    const e = new AppError('not_found', {
      vi: `Không có đường dẫn ${req.url}`,
      en: `No route ${req.method} ${req.url}`,
    });
    return reply.status(404).type('application/problem+json').send(e.toProblem(req.id));
  });
  await app.ready();
  return Object.assign(app, { routeRules: routes });
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/** Every error as problem+json; anything unexpected is a generic 500 with the request id (logged, never shown). */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: import('fastify').FastifyReply) {
  const problem = toAppError(err, req);
  if (problem.status >= 500) req.log.error(err);
  if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(problem.toProblem(req.id));
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_CHECK_VIOLATION = '23514';
const PG_FK_VIOLATION = '23503';
const PG_OUT_OF_RANGE = '22003';

function toAppError(err: FastifyError, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return zodToAppError(err, req);
  const pgCode = (err as { code?: string }).code;
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return new AppError('conflict', { vi: 'Bản ghi đã tồn tại', en: 'Record already exists' });
  }
  if (pgCode === PG_CHECK_VIOLATION || pgCode === PG_FK_VIOLATION) {
    return new AppError('validation_failed', { vi: 'Giá trị không được chấp nhận', en: 'Value not accepted' });
  }
  if (pgCode === PG_OUT_OF_RANGE) {
    return new AppError('validation_failed', { vi: 'Có số vượt quá giới hạn', en: 'A number is out of range' });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // malformed JSON, wrong content type, body too large …
    return new AppError('validation_failed', {
      vi: 'Yêu cầu không hợp lệ: ' + err.message,
      en: err.message,
      errors: [{ field: 'body', message: 'Nội dung yêu cầu không đọc được', messageEn: err.message }],
    });
  }
  return new AppError('internal', {
    vi: 'Đã có lỗi, vui lòng thử lại hoặc báo mã yêu cầu cho quản trị viên',
    en: 'Something went wrong; please retry or give the request id to an administrator',
  });
}

/** Field errors in both languages: zod's own message in English, its Vietnamese locale for Vietnamese. */
type ValidationFailure = { validation: { instancePath: string; message?: string }[]; validationContext?: string };

function zodToAppError(err: ValidationFailure, req: FastifyRequest): AppError {
  const context = (err.validationContext ?? 'body') as 'body' | 'querystring' | 'params' | 'headers';
  const schema = (req.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as z.ZodType | undefined;
  const data =
    context === 'body'
      ? req.body
      : context === 'querystring'
        ? req.query
        : context === 'params'
          ? req.params
          : req.headers;
  const vi = schema?.safeParse(data, { error: z.locales.vi().localeError }).error?.issues ?? [];
  const errors = err.validation.map((issue, i) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context;
    return { field, ...fieldMessages(issue.message ?? 'invalid', vi[i]?.message) };
  });
  return new AppError('validation_failed', {
    vi: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    en: errors.map((e) => `${e.field}: ${e.messageEn}`).join('; '),
    errors,
  });
}
