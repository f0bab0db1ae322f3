import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { checkStats, rectificationList, reviewOpinion } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';

const Id = z.object({ id: z.string().min(1).max(64) });

/** The review opinion, the rectification lists and the figures about decisions. */
export function rectificationRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const tags = ['rectification'];
    app.get(
      '/api/evaluations/:id/opinion.docx',
      { schema: { tags, summary: '审核意见书（Word）：已确认、待整改的审查发现', params: Id } },
      async (request, reply) => {
        const file = await reviewOpinion(ctx, requireActor(request), request.params.id, request.ip);
        return sendFile(reply, file.fileName, 'docx', file.bytes);
      },
    );

    app.get(
      '/api/rounds/:id/rectification.xlsx',
      {
        schema: {
          tags,
          summary: '整改清单（Excel）：本轮各单位已确认的审查发现及整改状态',
          params: Id,
          querystring: z.object({ departmentId: z.string().min(1).max(64).optional() }),
        },
      },
      async (request, reply) => {
        const file = await rectificationList(
          ctx,
          requireActor(request),
          request.params.id,
          request.query.departmentId,
        );
        return sendFile(reply, file.fileName, 'xlsx', file.bytes);
      },
    );

    app.get(
      '/api/admin/checks',
      { schema: { tags, summary: '各项检查的触发、确认、排除次数与理由（管理员）' } },
      async (request) => ({ items: await checkStats(ctx, requireActor(request)) }),
    );
    done();
  };
}
