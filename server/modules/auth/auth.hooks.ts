// The one gate of the API. Every route under /api/v1 declares who may call it
// (`config.permission`: a permission, 'signed-in' or 'public'); a route without one stops the
// server at start. Per request: the session cookie becomes a Caller (or none), then 401 without
// a session, 403 for a write without the session's CSRF token or from another origin, 403
// without the permission. What the caller may see within a permission is scope.ts's.
import { timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../../shared/contracts/auth.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { callerFor, type Caller } from './caller.ts';
import { liveSession, sessionCache } from './session-cache.ts';
import { SESSION_LIMITS, touchSession, type LiveSession } from './sessions.queries.ts';

export type RouteRule = Permission | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteRule;
  }
  interface FastifyRequest {
    caller: Caller | null;
    session: LiveSession | null;
  }
}

export const SESSION_COOKIE = 'hoptac_session';
const API = '/api/v1/';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The routes of the API with their rule, in registration order (the test matrix reads it). */
export interface RouteEntry {
  method: string;
  url: string;
  rule: RouteRule;
}

export function installAuth(app: FastifyInstance, db: Db): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.decorateRequest('caller', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API) || route.method === 'HEAD') return;
    const rule = route.config?.permission;
    if (!rule) throw new Error(`${String(route.method)} ${route.url} declares no permission (config.permission)`);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, rule });
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith(API)) return;
    // what the API answers is an account's data: no browser or proxy keeps it (a computer shared
    // in a commune office, after signing out)
    reply.header('cache-control', 'no-store');
    const token = req.cookies[SESSION_COOKIE];
    // a write reads its session from the database; a read may take it from the cache
    const session = token ? await liveSession(db, token, { fresh: UNSAFE.has(req.method) }) : undefined;
    if (session) {
      req.session = session;
      req.caller = callerFor(session.user, { ip: req.ip, requestId: req.id });
      if (session.idleSeconds >= SESSION_LIMITS.touchEverySeconds) {
        await touchSession(db, session.id);
        sessionCache.touched(session.id);
      }
    } else if (token) {
      clearSessionCookie(reply); // expired, ended or unknown: forget it
    }
    if (UNSAFE.has(req.method)) checkOrigin(req);
    const rule = req.routeOptions.config.permission;
    if (!rule || rule === 'public') return;
    if (!req.caller) throw unauthenticated();
    if (UNSAFE.has(req.method)) checkCsrfToken(req);
    if (rule !== 'signed-in' && !req.caller.permissions.has(rule)) throw forbidden();
  });
  return routes;
}

/** The caller of a route that requires a session (the gate has checked it). */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw unauthenticated();
  return req.caller;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  const options: CookieSerializeOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: SESSION_LIMITS.maxHours * 3600,
  };
  reply.setCookie(SESSION_COOKIE, token, options);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const unauthenticated = () =>
  new AppError('unauthenticated', {
    vi: 'Bạn cần đăng nhập (hoặc phiên làm việc đã hết hạn)',
    en: 'Sign in first (or your session has expired)',
  });
const forbidden = () =>
  new AppError('forbidden', {
    vi: 'Vai trò của bạn không được thực hiện thao tác này',
    en: 'Your role may not do this',
  });

/** A write sent by a browser from another site is refused (signing in included). */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return; // not a browser's cross-site request: tools and tests send none
  const here = URL.canParse(`${req.protocol}://${req.host}`) && new URL(`${req.protocol}://${req.host}`).host;
  if (URL.canParse(origin) && new URL(origin).host === here) return;
  throw new AppError('forbidden', { vi: 'Yêu cầu từ trang khác bị từ chối', en: 'Cross-site request refused' });
}

/** A cookie-authenticated write carries the session's CSRF token. */
function checkCsrfToken(req: FastifyRequest): void {
  const sent = req.headers['x-csrf-token'];
  const expected = req.session!.csrfToken;
  const ok =
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) {
    throw new AppError('forbidden', {
      vi: 'Thiếu hoặc sai mã chống giả mạo (x-csrf-token); hãy tải lại trang',
      en: 'Missing or wrong anti-forgery token (x-csrf-token); reload the page',
    });
  }
}
