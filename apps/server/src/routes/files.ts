import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ServiceError, createAuditJob, getJob, importDocument, exportJob } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';

export function fileRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/api/imports',
      {
        schema: {
          tags: ['imports'],
          summary: '导入一份报告（.docx/.txt/.html/.xlsx），得到草稿与审查发现',
          querystring: z.object({
            create: z.enum(['0', '1']).optional(),
            departmentId: z.string().optional(),
            year: z.coerce.number().int().min(1990).max(2100).optional(),
          }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const file = await request.file();
        if (file === undefined) throw new ServiceError('BAD_REQUEST', '请上传一个文件');
        const bytes = new Uint8Array(await file.toBuffer());
        const { create, departmentId, year } = request.query;
        if (create === '1' && departmentId === undefined)
          throw new ServiceError('BAD_REQUEST', '创建草稿时须指定单位');
        const result = await importDocument(ctx, actor, {
          fileName: file.filename,
          bytes,
          create: create === '1' && departmentId !== undefined ? { departmentId, year } : undefined,
          ip: request.ip,
        });
        return result;
      },
    );

    app.post(
      '/api/audit-jobs',
      { schema: { tags: ['imports'], summary: '批量审查：上传多个文件，后台处理' } },
      async (request, reply) => {
        const actor = requireActor(request);
        const files: { name: string; bytes: Uint8Array }[] = [];
        for await (const part of request.files()) {
          files.push({ name: part.filename, bytes: new Uint8Array(await part.toBuffer()) });
        }
        const result = await createAuditJob(ctx, actor, files);
        return reply.status(202).send(result);
      },
    );

    const Id = z.object({ id: z.string().min(1).max(64) });
    app.get(
      '/api/audit-jobs/:id',
      { schema: { tags: ['imports'], summary: '批量审查进度与结果', params: Id } },
      async (request) => getJob(ctx, requireActor(request), request.params.id),
    );

    app.get(
      '/api/audit-jobs/:id/export',
      {
        schema: {
          tags: ['imports'],
          summary: '导出批量审查结果',
          params: Id,
          querystring: z.object({ format: z.enum(['xlsx', 'html']).default('html') }),
        },
      },
      async (request, reply) => {
        const format = request.query.format;
        const file = await exportJob(ctx, requireActor(request), request.params.id, format);
        return sendFile(reply, `批量审查结果.${format}`, format, file);
      },
    );
    done();
  };
}
