import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  addRulebook,
  createDepartment,
  createRegion,
  createRound,
  createUser,
  getRulebook,
  listDepartments,
  listRegions,
  listRounds,
  listRulebooks,
  listUsers,
  remindRound,
  requireRole,
  roundProgress,
  updateUser,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';

const Role = z.enum(['filer', 'head', 'reviewer', 'admin']);
const Id = z.object({ id: z.string().min(1).max(128) });

export function adminRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/api/rulebooks',
      { schema: { tags: ['rulebooks'], summary: '评价指标体系列表' } },
      async (request) => {
        requireActor(request);
        return { items: await listRulebooks(ctx) };
      },
    );
    app.get(
      '/api/rulebooks/:id',
      { schema: { tags: ['rulebooks'], summary: '评价指标体系', params: Id } },
      async (request) => {
        requireActor(request);
        return getRulebook(ctx, request.params.id);
      },
    );
    app.post(
      '/api/rulebooks',
      {
        schema: {
          tags: ['rulebooks'],
          summary: '新增评价指标体系版本（管理员）',
          body: z.record(z.string(), z.unknown()),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addRulebook(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/regions',
      { schema: { tags: ['admin'], summary: '行政区划列表' } },
      async (request) => {
        requireRole(requireActor(request), ['admin', 'reviewer']);
        return { items: await listRegions(ctx) };
      },
    );
    app.post(
      '/api/regions',
      {
        schema: {
          tags: ['admin'],
          summary: '新增行政区划及其财政局（管理员）',
          body: z.object({
            name: z.string().min(1).max(100),
            financeBureau: z.string().min(1).max(100),
          }),
        },
      },
      async (request, reply) => {
        requireRole(requireActor(request), ['admin']);
        return reply.status(201).send(await createRegion(ctx, request.body));
      },
    );

    app.get(
      '/api/departments',
      { schema: { tags: ['admin'], summary: '单位列表' } },
      async (request) => {
        const actor = requireActor(request);
        requireRole(actor, ['admin', 'reviewer']);
        return { items: await listDepartments(ctx, actor) };
      },
    );
    app.post(
      '/api/departments',
      {
        schema: {
          tags: ['admin'],
          summary: '新增单位（管理员）',
          body: z.object({
            code: z.string().min(1).max(32),
            name: z.string().min(1).max(100),
            regionId: z.string().min(1),
            parentId: z.string().nullable().optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createDepartment(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/users',
      { schema: { tags: ['admin'], summary: '用户列表（管理员）' } },
      async (request) => ({
        items: await listUsers(ctx, requireActor(request)),
      }),
    );
    app.post(
      '/api/users',
      {
        schema: {
          tags: ['admin'],
          summary: '新增用户（管理员）',
          body: z.object({
            username: z.string().min(1).max(64),
            password: z.string().min(1).max(256),
            role: Role,
            displayName: z.string().max(64).optional(),
            departmentId: z.string().nullable().optional(),
            regionId: z.string().nullable().optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(ctx, requireActor(request), request.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['admin'],
          summary: '修改用户：停用、重置密码、姓名、角色（管理员）',
          params: Id,
          body: z.object({
            disabled: z.boolean().optional(),
            password: z.string().min(1).max(256).optional(),
            displayName: z.string().min(1).max(64).optional(),
            role: Role.optional(),
            unlock: z.boolean().optional(),
          }),
        },
      },
      async (request) => updateUser(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/rounds',
      { schema: { tags: ['rounds'], summary: '自评任务列表' } },
      async (request) => ({
        items: await listRounds(ctx, requireActor(request)),
      }),
    );
    app.post(
      '/api/rounds',
      {
        schema: {
          tags: ['rounds'],
          summary: '发起自评任务',
          body: z.object({
            year: z.number().int().min(1990).max(2100),
            kind: z.enum(['department', 'project']),
            rulebookId: z.string().min(1),
            deadline: z.iso.date({ error: '截止日期应为 YYYY-MM-DD 格式的有效日期' }),
            departmentIds: z.array(z.string().min(1).max(64)).max(10_000).optional(),
            regionId: z.string().min(1).max(64).optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRound(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/api/rounds/:id/progress',
      { schema: { tags: ['rounds'], summary: '自评任务进度', params: Id } },
      async (request) => ({
        items: await roundProgress(ctx, requireActor(request), request.params.id),
      }),
    );
    app.post(
      '/api/rounds/:id/remind',
      { schema: { tags: ['rounds'], summary: '催报未提交的单位', params: Id } },
      async (request) => remindRound(ctx, requireActor(request), request.params.id),
    );
    done();
  };
}
