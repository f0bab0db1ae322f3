import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { login, logout } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { clearSessionCookie, requireActor, setSessionCookie } from '../session.ts';
import { presentUser } from '../present.ts';

export function authRoutes(ctx: ServiceContext, dialect: string): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, () =>
      Promise.resolve({ status: 'ok' as const, db: dialect }),
    );

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录',
          body: z.object({
            username: z.string().min(1).max(64),
            password: z.string().min(1).max(256),
          }),
        },
      },
      async (request, reply) => {
        const result = await login(ctx, { ...request.body, ip: request.ip });
        setSessionCookie(request, reply, result.token);
        return { user: presentUser(result.actor), csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: '退出登录' } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.sessionToken !== null) await logout(ctx, request.sessionToken, actor);
        clearSessionCookie(reply);
        return { ok: true };
      },
    );

    app.get('/api/me', { schema: { tags: ['auth'], summary: '当前用户' } }, (request) => {
      const actor = requireActor(request);
      return Promise.resolve({ user: presentUser(actor), csrfToken: request.csrfToken });
    });
    done();
  };
}
