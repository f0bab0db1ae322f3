import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { dashboard, getPublicReport, listPublicReports, publicReportDocx } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';

const Year = z.coerce.number().int().min(1990).max(2100);

export function reportRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/api/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary: '区域年度统计',
          querystring: z.object({ regionId: z.string().optional(), year: Year.optional() }),
        },
      },
      async (request) => dashboard(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/public/reports',
      {
        schema: {
          tags: ['public'],
          summary: '已公开的自评报告（无需登录）',
          querystring: z.object({ q: z.string().max(100).optional(), year: Year.optional() }),
        },
      },
      async (request) => ({ items: await listPublicReports(ctx, request.query) }),
    );
    const Id = z.object({ id: z.string().min(1).max(64) });
    app.get(
      '/api/public/reports/:id',
      { schema: { tags: ['public'], summary: '公开报告详情', params: Id } },
      async (request) => getPublicReport(ctx, request.params.id),
    );
    app.get(
      '/api/public/reports/:id/report.docx',
      { schema: { tags: ['public'], summary: '下载公开报告', params: Id } },
      async (request, reply) => {
        const file = await publicReportDocx(ctx, request.params.id, request.ip);
        return sendFile(reply, file.fileName, 'docx', file.bytes);
      },
    );
    done();
  };
}
