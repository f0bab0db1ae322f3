import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, sessionFor } from '@jixiao/services';
import type { Actor, ServiceContext } from '@jixiao/services';

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

/** Loads the session behind the cookie and enforces the CSRF header on state-changing requests. */
export function installSession(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && token !== '') {
      const session = await sessionFor(ctx, token);
      if (session !== null) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
        request.sessionToken = token;
      }
    }
    const path = request.url.split('?')[0] ?? '';
    if (MUTATING.has(request.method) && !CSRF_EXEMPT.has(path) && request.actor !== null) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.csrfToken) {
        throw new ServiceError('CSRF_INVALID', '请求缺少有效的安全令牌，请刷新页面后重试');
      }
    }
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
