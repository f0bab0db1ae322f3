import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import Fastify from 'fastify';
import { z } from 'zod';
import { zodErrorMapZh } from '@jixiao/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ServiceError, closeAuditWorkers, startJobWorker } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { errorHandler, frameworkErrorAnswer } from './errors.ts';
import { installSession } from './session.ts';
import { authRoutes } from './routes/auth.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { fileRoutes } from './routes/files.ts';
import { adminRoutes } from './routes/admin.ts';
import { reportRoutes } from './routes/reports.ts';
import { rectificationRoutes } from './routes/rectification.ts';
import { targetRoutes } from './routes/targets.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { reviewRoutes } from './routes/review.ts';
import { attachmentRoutes } from './routes/attachments.ts';

/** Proxy hops to trust, or the proxies' addresses. */
export type TrustProxy = number | readonly string[];

export interface AppOptions {
  ctx: ServiceContext;
  /** The built web app (apps/web/dist); served at / with SPA fallback when it exists. */
  webDist?: string | undefined;
  /** Largest accepted upload per file, in bytes (default 20 MB). */
  uploadLimit?: number | undefined;
  /** Most files in one batch audit (default 200). */
  maxFiles?: number | undefined;
  /** Most bytes of one batch-audit upload, all files together (default 200 MB). */
  batchLimit?: number | undefined;
  /** Most bytes a user may have uploading or waiting for audit at once (default 400 MB). */
  userBatchLimit?: number | undefined;
  /** Run the audit-job worker in this process (default true). */
  worker?: boolean | undefined;
  logger?: boolean | undefined;
  /**
   * Behind reverse proxies: how many hops to trust (a number), or which proxy addresses (CIDRs).
   * The client's address is then the one the nearest untrusted hop reported in X-Forwarded-For,
   * never whatever a client writes there itself. Absent: no proxy, the socket's address.
   */
  trustProxy?: TrustProxy | undefined;
}

/** Deepest nesting a body may have: far past any tree the schemas admit (their own depth limit answers those), short of a stack overflow. */
const MAX_JSON_DEPTH = 5_000;

/** How deep a JSON text nests its arrays and objects, in one pass (strings skipped). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** A JSON `\u0000` escape: an odd number of backslashes before u0000. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;
const NUL_MESSAGE = '请求中含有空字符（\\u0000），已拒绝';

/** Headers sent with every response. */
export const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
} as const;

function trustProxySetting(
  trust: TrustProxy | undefined,
): ((address: string, hop: number) => boolean) | string[] | false {
  if (trust === undefined) return false;
  // Hop 0 is the socket's peer, hop 1 the last X-Forwarded-For entry, and so on.
  if (typeof trust === 'number') return trust > 0 ? (_address, hop) => hop < trust : false;
  return trust.length > 0 ? [...trust] : false;
}

// Request validation (query, params, bodies) speaks Chinese: zod's global error map. A message a
// schema spells out itself still takes precedence.
z.config({ customError: zodErrorMapZh });

/** A route as the router holds it: one method and its URL template ("/api/evaluations/:id"). */
export interface RouteEntry {
  method: string;
  url: string;
}

const routeTables = new WeakMap<object, RouteEntry[]>();

/** Every route the app registered (documented in OpenAPI or not), in the order registered. */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

/** The platform server: JSON API under /api, OpenAPI at /api/docs, the web app at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: trustProxySetting(options.trustProxy),
    // The router's own refusals skip the hooks, so they get the security headers here.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const { status, body } = frameworkErrorAnswer(error);
      void reply.status(status).headers(SECURITY_HEADERS).send(body);
    },
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(ctx));
  // An empty JSON body (a bare POST such as logout) reads as {} rather than failing.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = typeof text === 'string' ? text : text.toString('utf8');
    if (body.trim() === '') {
      done(null, {});
      return;
    }
    if (body.includes('\\u0000') && ESCAPED_NUL.test(body)) {
      done(new ServiceError('BAD_REQUEST', NUL_MESSAGE), undefined);
      return;
    }
    if (jsonDepth(body) > MAX_JSON_DEPTH) {
      done(
        new ServiceError('BAD_REQUEST', `请求的 JSON 嵌套超过 ${MAX_JSON_DEPTH} 层，已拒绝`),
        undefined,
      );
      return;
    }
    try {
      done(null, JSON.parse(body) as unknown);
    } catch (error) {
      done(error instanceof Error ? error : new SyntaxError('invalid JSON'), undefined);
    }
  });

  // No string may carry NUL: PostgreSQL refuses it in text where SQLite keeps it, so it is refused
  // at the edge for both, in the address (path and query) here and in JSON bodies above; file
  // names are cleaned by the services.
  app.addHook('onRequest', (request, _reply, done) => {
    done(/%00|\0/i.test(request.url) ? new ServiceError('BAD_REQUEST', NUL_MESSAGE) : undefined);
  });

  // Security headers on every answer, pages and API alike. The web app loads its own scripts
  // only; Ant Design writes its styles into <style> elements (hence 'unsafe-inline' for styles
  // alone); ECharts draws on canvas; images and fonts may come as data: URLs.
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  await app.register(cookie);
  await app.register(multipart, {
    limits: {
      fileSize: options.uploadLimit ?? 20 * 1024 * 1024,
      files: options.maxFiles ?? 200,
      fields: 20,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'jixiao 预算绩效自评平台 API',
        version: '1.0.0',
        description: '错误统一为 { error: { code, message, details } }',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installSession(app, ctx);
  await app.register(authRoutes(ctx, ctx.dialect));
  await app.register(evaluationRoutes(ctx));
  await app.register(
    fileRoutes(ctx, {
      perRequest: options.batchLimit ?? 200 * 1024 * 1024,
      perUser: options.userBatchLimit ?? 400 * 1024 * 1024,
    }),
  );
  await app.register(adminRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(rectificationRoutes(ctx));
  await app.register(targetRoutes(ctx));
  await app.register(monitoringRoutes(ctx));
  await app.register(reviewRoutes(ctx));
  await app.register(attachmentRoutes(ctx));

  const dist = options.webDist;
  const hasWeb = dist !== undefined && existsSync(join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler(async (request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: '请求的地址不存在', details: {} } });
  });

  if (options.worker ?? true) {
    const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    let worker: { stop(): Promise<void> } | undefined;
    app.addHook('onReady', (done) => {
      worker = startJobWorker(ctx, workerId);
      done();
    });
    app.addHook('onClose', async () => {
      await worker?.stop();
      // The audit processes the jobs left warm in the pool.
      await closeAuditWorkers();
    });
  }
  return app;
}
