import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  answerFinding,
  createEvaluation,
  decideFinding,
  listDecisions,
  evaluateJson,
  evaluationFindings,
  evaluationReport,
  exportEvaluation,
  getEvaluationResponse,
  getRevision,
  listEvaluations,
  listEvents,
  listRevisions,
  transition,
  updateEvaluation,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { Disposition, acceptsGzip, dispositionOf, sendFile, sendJsonBytes } from '../present.ts';
import { registerHistoryRoutes } from './history-routes.ts';

const Status = z.enum(['draft', 'submitted', 'returned', 'approved', 'published']);
const Kind = z.enum(['department', 'project']);
const Id = z.object({ id: z.string().min(1).max(64) });
const Year = z.coerce.number().int().min(1990).max(2100);
/** Bodies are validated by the domain schema in the service (with paths in the error details). */
const Body = z.record(z.string(), z.unknown());
const Fingerprint = z.string().min(1).max(2000);
const Answer = z.object({ fingerprint: Fingerprint, text: z.string().min(1).max(5000) });

export function evaluationRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const tags = ['evaluations'];
    app.get(
      '/api/evaluations',
      {
        schema: {
          tags,
          summary: '自评列表（按角色过滤）',
          querystring: z.object({
            year: Year.optional(),
            status: Status.optional(),
            kind: Kind.optional(),
            departmentId: z.string().optional(),
          }),
        },
      },
      async (request) => ({
        items: await listEvaluations(ctx, requireActor(request), request.query),
      }),
    );

    app.post(
      '/api/evaluations',
      {
        schema: {
          tags,
          summary: '新建自评',
          body: z.object({
            departmentId: z.string().min(1),
            year: z.number().int().min(1990).max(2100),
            kind: Kind,
            rulebookId: z.string().min(1),
            body: Body.optional(),
            copyFromEvaluationId: z.string().optional(),
            roundId: z.string().min(1).max(64).optional(),
            fromTargets: z.boolean().optional(),
            projectName: z.string().max(200).optional(),
          }),
        },
      },
      async (request, reply) => {
        const record = await createEvaluation(ctx, requireActor(request), request.body);
        return reply.status(201).send(record);
      },
    );

    app.get(
      '/api/evaluations/:id',
      { schema: { tags, summary: '自评详情', params: Id } },
      async (request, reply) =>
        sendJsonBytes(
          reply,
          await getEvaluationResponse(
            ctx,
            requireActor(request),
            request.params.id,
            acceptsGzip(request.headers['accept-encoding']),
          ),
        ),
    );

    app.put(
      '/api/evaluations/:id',
      {
        schema: {
          tags,
          summary: '保存（带版本号，过期版本返回 409 与当前内容）',
          params: Id,
          body: z.object({ version: z.number().int().min(1), body: Body }),
        },
      },
      async (request) =>
        updateEvaluation(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/evaluate',
      { schema: { tags, summary: '即时评分与审查（不保存）', body: z.object({ body: Body }) } },
      async (request) => {
        requireActor(request);
        return evaluateJson(ctx, request.body.body);
      },
    );

    app.get(
      '/api/evaluations/:id/findings',
      { schema: { tags, summary: '评分表与审查发现', params: Id } },
      async (request) => evaluationFindings(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/evaluations/:id/transitions',
      {
        schema: {
          tags,
          summary: '流转：提交、退回、审核通过、公开、重新打开',
          params: Id,
          body: z.object({
            action: z.enum(['submit', 'return', 'approve', 'publish', 'reopen']),
            comment: z.string().max(5000).optional(),
            comments: z
              .array(
                z.object({
                  path: z.string().optional(),
                  findingCode: z.string().optional(),
                  text: z.string().min(1).max(5000),
                }),
              )
              .max(500)
              .optional(),
            answers: z.array(Answer).max(500).optional(),
          }),
        },
      },
      async (request) => transition(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/evaluations/:id/decisions',
      { schema: { tags, summary: '审查发现的认定（含本单位沿用的“不是问题”）', params: Id } },
      async (request) => ({
        items: await listDecisions(ctx, requireActor(request), request.params.id),
      }),
    );

    app.put(
      '/api/evaluations/:id/decisions',
      {
        schema: {
          tags,
          summary: '认定审查发现：确认、不是问题（须填理由）或恢复待定（仅审核人）',
          params: Id,
          body: z.object({
            fingerprint: Fingerprint,
            state: z.enum(['confirmed', 'dismissed', 'open']),
            reason: z.string().max(2000).optional(),
            correction: z.string().max(2000).optional(),
            deadline: z.iso.date().optional(),
          }),
        },
      },
      async (request) => ({
        items: await decideFinding(ctx, requireActor(request), request.params.id, request.body),
      }),
    );

    app.post(
      '/api/evaluations/:id/decisions/answers',
      {
        schema: {
          tags,
          summary: '对已确认的审查发现填写情况说明（本单位填报人、负责人）',
          params: Id,
          body: Answer,
        },
      },
      async (request) => ({
        items: await answerFinding(ctx, requireActor(request), request.params.id, request.body),
      }),
    );

    registerHistoryRoutes(app, ctx, {
      base: '/api/evaluations',
      tags,
      label: '',
      services: { events: listEvents, revisions: listRevisions, revision: getRevision },
    });

    app.get(
      '/api/evaluations/:id/report',
      { schema: { tags, summary: '报告正文（与 Word 报告相同的标题、段落和表格）', params: Id } },
      async (request) => evaluationReport(ctx, requireActor(request), request.params.id),
    );

    const summaries = {
      docx: '导出 Word 报告',
      pdf: '导出 PDF 报告（由 Word 报告转换，可打印）',
      xlsx: '导出 Excel 自评表',
    } as const;
    for (const format of ['docx', 'pdf', 'xlsx'] as const) {
      app.get(
        `/api/evaluations/:id/export.${format}`,
        {
          schema: { tags, summary: summaries[format], params: Id, querystring: Disposition },
        },
        async (request, reply) => {
          const file = await exportEvaluation(
            ctx,
            requireActor(request),
            request.params.id,
            format,
            request.ip,
          );
          return sendFile(reply, file.fileName, format, file.bytes, dispositionOf(request.query));
        },
      );
    }
    done();
  };
}
