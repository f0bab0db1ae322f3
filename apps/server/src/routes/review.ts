import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  bulkReview,
  exportReviewList,
  listNotifications,
  markNotificationsRead,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';

const Status = z.enum(['draft', 'submitted', 'returned', 'approved', 'published']);
const Kind = z.enum(['department', 'project']);
const Year = z.coerce.number().int().min(1990).max(2100);
/** Ids are checked one by one by the service (an unknown one fails alone, in Chinese). */
const Ids = z.array(z.string().max(200)).max(100_000);

/** 审核's bulk actions and export, and the notifications the units receive. */
export function reviewRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/api/review/bulk',
      {
        schema: {
          tags: ['review'],
          summary: '批量审核通过、公开或催办：逐项成功或失败（附中文原因）',
          body: z.object({
            action: z.enum(['approve', 'publish', 'remind']),
            ids: Ids,
            comment: z.string().max(5000).optional(),
          }),
        },
      },
      async (request) =>
        bulkReview(ctx, requireActor(request), { ...request.body, ip: request.ip }),
    );

    app.get(
      '/api/review/export.xlsx',
      {
        schema: {
          tags: ['review'],
          summary: '导出审核列表（Excel，按当前筛选）',
          querystring: z.object({
            year: Year.optional(),
            status: Status.optional(),
            kind: Kind.optional(),
            departmentId: z.string().min(1).max(64).optional(),
          }),
        },
      },
      async (request, reply) => {
        const file = await exportReviewList(ctx, requireActor(request), request.query, request.ip);
        return sendFile(reply, file.fileName, 'xlsx', file.bytes);
      },
    );

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: '本人的通知（最新 50 条）与未读数',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).optional() }),
        },
      },
      async (request) => listNotifications(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/notifications/read',
      {
        schema: {
          tags: ['notifications'],
          summary: '标为已读：指定的通知，或全部',
          body: z.union([
            z.object({ ids: z.array(z.string().min(1).max(64)).max(1000) }),
            z.object({ all: z.literal(true) }),
          ]),
        },
      },
      async (request) => markNotificationsRead(ctx, requireActor(request), request.body),
    );
    done();
  };
}
