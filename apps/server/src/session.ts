import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, cachedSession, sessionFor } from '@jixiao/services';
import type { Actor, ServiceContext, SessionInfo } from '@jixiao/services';

export const SESSION_COOKIE = 'jixiao_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Sets the request's actor from its session (if any) and refuses a state-changing request of a
 * signed-in actor without the session's CSRF token; the error, if any, goes to `done`.
 */
function applySession(
  request: FastifyRequest,
  token: string | undefined,
  session: SessionInfo | null,
  done: (error?: Error) => void,
): void {
  if (session !== null && token !== undefined) {
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    request.sessionToken = token;
  }
  if (MUTATING.has(request.method) && request.actor !== null) {
    const path = request.url.split('?')[0] ?? '';
    if (!CSRF_EXEMPT.has(path) && request.headers['x-csrf-token'] !== request.csrfToken) {
      done(new ServiceError('CSRF_INVALID', '请求缺少有效的安全令牌，请刷新页面后重试'));
      return;
    }
  }
  done();
}

/** Loads the session behind the cookie and enforces the CSRF header on state-changing requests. */
export function installSession(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  // A session this process has cached is applied without a promise; otherwise it is read first.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) {
      done();
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') {
      applySession(request, token, null, done);
      return;
    }
    const cached = cachedSession(ctx, token);
    if (cached !== undefined) {
      applySession(request, token, cached, done);
      return;
    }
    sessionFor(ctx, token).then((session) => {
      applySession(request, token, session, done);
    }, done);
  });
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new ServiceError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 12 * 60 * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
