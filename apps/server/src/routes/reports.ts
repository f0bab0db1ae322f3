import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { dashboard, getPublicReport, listPublicReports, publicReportFile } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { Disposition, dispositionOf, sendFile } from '../present.ts';

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
    for (const format of ['docx', 'pdf'] as const) {
      app.get(
        `/api/public/reports/:id/report.${format}`,
        {
          schema: {
            tags: ['public'],
            summary: format === 'docx' ? '下载公开报告（Word）' : '下载公开报告（PDF，可打印）',
            params: Id,
            querystring: Disposition,
          },
        },
        async (request, reply) => {
          const file = await publicReportFile(ctx, request.params.id, format, request.ip);
          return sendFile(reply, file.fileName, format, file.bytes, dispositionOf(request.query));
        },
      );
    }
    done();
  };
}
