import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  checkTargets,
  createTargetForm,
  exportTargetForm,
  importTargetFile,
  getTargetForm,
  getTargetRevision,
  listTargetEvents,
  listTargetForms,
  listTargetRevisions,
  parseClientTargets,
  targetFindings,
  transitionTargets,
  updateTargetForm,
} from '@jixiao/services';
import { ServiceError } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';
import { registerHistoryRoutes } from './history-routes.ts';

const Status = z.enum(['draft', 'submitted', 'returned', 'approved']);
const Kind = z.enum(['department', 'project']);
const Id = z.object({ id: z.string().min(1).max(64) });
const Year = z.coerce.number().int().min(1990).max(2100);
/** Bodies are validated by the domain schema in the service (with paths in the error details). */
const Body = z.record(z.string(), z.unknown());

/** 绩效目标: forms per unit, year and project, their workflow, revisions and checks. */
export function targetRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const tags = ['targets'];
    app.get(
      '/api/targets',
      {
        schema: {
          tags,
          summary: '绩效目标列表（按角色过滤）',
          querystring: z.object({
            year: Year.optional(),
            status: Status.optional(),
            departmentId: z.string().max(64).optional(),
          }),
        },
      },
      async (request) => ({
        items: await listTargetForms(ctx, requireActor(request), request.query),
      }),
    );

    app.post(
      '/api/targets',
      {
        schema: {
          tags,
          summary: '新建绩效目标（部门整体或项目）',
          body: z.object({
            departmentId: z.string().min(1).max(64),
            year: z.number().int().min(1990).max(2100),
            kind: Kind,
            rulebookId: z.string().min(1).max(100),
            projectName: z.string().max(200).optional(),
            body: Body.optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTargetForm(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/targets/check',
      { schema: { tags, summary: '即时审查绩效目标（不保存）', body: z.object({ body: Body }) } },
      async (request) => {
        requireActor(request);
        return { findings: await checkTargets(ctx, parseClientTargets(request.body.body)) };
      },
    );

    app.get(
      '/api/targets/:id',
      { schema: { tags, summary: '绩效目标详情', params: Id } },
      async (request) => getTargetForm(ctx, requireActor(request), request.params.id),
    );

    app.put(
      '/api/targets/:id',
      {
        schema: {
          tags,
          summary: '保存（带版本号；审核通过后调整须填写理由并重新审核）',
          params: Id,
          body: z.object({
            version: z.number().int().min(1),
            body: Body,
            reason: z.string().max(5000).optional(),
          }),
        },
      },
      async (request) =>
        updateTargetForm(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/targets/:id/findings',
      { schema: { tags, summary: '绩效目标审查发现', params: Id } },
      async (request) => targetFindings(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/targets/:id/transitions',
      {
        schema: {
          tags,
          summary: '流转：提交、退回、审核通过',
          params: Id,
          body: z.object({
            action: z.enum(['submit', 'return', 'approve']),
            comment: z.string().max(5000).optional(),
          }),
        },
      },
      async (request) =>
        transitionTargets(ctx, requireActor(request), request.params.id, request.body),
    );

    registerHistoryRoutes(app, ctx, {
      base: '/api/targets',
      tags,
      label: '绩效目标',
      services: {
        events: listTargetEvents,
        revisions: listTargetRevisions,
        revision: getTargetRevision,
      },
    });

    app.post(
      '/api/targets/import',
      {
        schema: {
          tags,
          summary: '导入绩效目标表（Excel、Word、PDF、扫描件、网页、文本），生成草稿',
          querystring: z.object({
            departmentId: z.string().min(1).max(64),
            rulebookId: z.string().min(1).max(100).optional(),
            year: Year.optional(),
          }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await request.file();
        if (file === undefined) throw new ServiceError('BAD_REQUEST', '请上传一个文件');
        const bytes = new Uint8Array(await file.toBuffer());
        const result = await importTargetFile(ctx, actor, {
          fileName: file.filename,
          bytes,
          ...request.query,
          ip: request.ip,
        });
        return reply.status(201).send(result);
      },
    );

    for (const format of ['docx', 'xlsx'] as const) {
      app.get(
        `/api/targets/:id/export.${format}`,
        {
          schema: {
            tags,
            summary: format === 'docx' ? '导出绩效目标表（Word）' : '导出绩效目标表（Excel）',
            params: Id,
          },
        },
        async (request, reply) => {
          const file = await exportTargetForm(
            ctx,
            requireActor(request),
            request.params.id,
            format,
            request.ip,
          );
          return sendFile(reply, file.fileName, format, file.bytes);
        },
      );
    }
    done();
  };
}
