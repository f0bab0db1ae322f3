import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  answerLightDecision,
  builtinThresholds,
  createMonitoringRound,
  decideLight,
  getEvaluation,
  getMonitoringReport,
  latestLights,
  listMonitoringRounds,
  roundOverview,
  saveMonitoringReport,
  targetsForEvaluation,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';

const Id = z.object({ id: z.string().min(1).max(64) });
const FormOfRound = Id.extend({ formId: z.string().min(1).max(64) });
const Year = z.coerce.number().int().min(1990).max(2100);
/** A calendar date that exists (2025-02-30 does not). */
const IsoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD 格式的有效日期' });

/** 绩效运行监控: rounds, a unit's figures and explanations per form, reviewers' decisions, lights. */
export function monitoringRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const tags = ['monitoring'];
    app.get(
      '/api/monitoring/thresholds',
      { schema: { tags, summary: '预警阈值（指标体系数据）' } },
      (request, reply) => {
        requireActor(request);
        return reply.send({ items: builtinThresholds() });
      },
    );

    app.get(
      '/api/monitoring/rounds',
      {
        schema: {
          tags,
          summary: '绩效运行监控任务列表',
          querystring: z.object({ year: Year.optional() }),
        },
      },
      async (request) => ({
        items: await listMonitoringRounds(ctx, requireActor(request), request.query),
      }),
    );

    app.post(
      '/api/monitoring/rounds',
      {
        schema: {
          tags,
          summary: '开展绩效运行监控（审核人、管理员）',
          body: z.object({
            year: z.number().int().min(1990).max(2100),
            asOf: IsoDate,
            deadline: IsoDate,
            regionId: z.string().min(1).max(64).optional(),
            thresholdsId: z.string().min(1).max(64).optional(),
          }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createMonitoringRound(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/monitoring/rounds/:id',
      { schema: { tags, summary: '监控任务：各绩效目标的预警灯', params: Id } },
      async (request) => roundOverview(ctx, requireActor(request), request.params.id),
    );

    app.get(
      '/api/monitoring/rounds/:id/forms/:formId',
      { schema: { tags, summary: '某绩效目标的监控数据与预警灯', params: FormOfRound } },
      async (request) =>
        getMonitoringReport(ctx, requireActor(request), request.params.id, request.params.formId),
    );

    app.put(
      '/api/monitoring/rounds/:id/forms/:formId',
      {
        schema: {
          tags,
          summary: '填报监控数据与偏差原因（带版本号，首次为 0）',
          params: FormOfRound,
          body: z.object({
            version: z.number().int().min(0),
            figures: z.record(z.string(), z.unknown()),
          }),
        },
      },
      async (request) =>
        saveMonitoringReport(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.formId,
          request.body,
        ),
    );

    app.post(
      '/api/monitoring/rounds/:id/forms/:formId/decisions',
      {
        schema: {
          tags,
          summary: '审核人对预警灯的认定：要求整改或无需整改',
          params: FormOfRound,
          body: z.object({
            subject: z.string().min(1).max(300),
            state: z.enum(['confirmed', 'dismissed']),
            reason: z.string().max(5000).optional(),
            correction: z.string().max(5000).optional(),
            deadline: IsoDate.optional(),
          }),
        },
      },
      async (request) =>
        decideLight(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.formId,
          request.body,
        ),
    );

    app.post(
      '/api/monitoring/rounds/:id/forms/:formId/answers',
      {
        schema: {
          tags,
          summary: '填报单位回复整改情况',
          params: FormOfRound,
          body: z.object({
            subject: z.string().min(1).max(300),
            answer: z.string().min(1).max(5000),
          }),
        },
      },
      async (request) =>
        answerLightDecision(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.formId,
          request.body,
        ),
    );

    app.get(
      '/api/monitoring/lights',
      {
        schema: {
          tags,
          summary: '数据看板：最新一次监控的预警灯',
          querystring: z.object({
            year: Year.optional(),
            regionId: z.string().min(1).max(64).optional(),
          }),
        },
      },
      async (request) => ({
        overview: await latestLights(ctx, requireActor(request), request.query),
      }),
    );

    app.get(
      '/api/evaluations/:id/targets',
      { schema: { tags, summary: '自评对应的已批复绩效目标与最近一次监控', params: Id } },
      async (request) => {
        const evaluation = await getEvaluation(ctx, requireActor(request), request.params.id);
        return {
          tie: await targetsForEvaluation(
            ctx,
            evaluation.departmentId,
            evaluation.year,
            evaluation.body,
          ),
        };
      },
    );
    done();
  };
}
