import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Actor, ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';

type App = Parameters<FastifyPluginCallbackZod>[0];

/** What a record with a review history offers: its events, its saved versions and one version. */
export interface HistoryServices {
  events(ctx: ServiceContext, actor: Actor, id: string): Promise<unknown[]>;
  revisions(ctx: ServiceContext, actor: Actor, id: string): Promise<unknown[]>;
  revision(ctx: ServiceContext, actor: Actor, id: string, version: number): Promise<unknown>;
}

const Id = z.object({ id: z.string().min(1).max(64) });

/**
 * `GET {base}/:id/events`, `/revisions` and `/revisions/:version`, the same for evaluations and
 * target forms; `label` names the record in the API docs ("" for evaluations, "绩效目标").
 */
export function registerHistoryRoutes(
  app: App,
  ctx: ServiceContext,
  options: { base: string; tags: string[]; label: string; services: HistoryServices },
): void {
  const { base, tags, label, services } = options;
  app.get(
    `${base}/:id/events`,
    { schema: { tags, summary: `${label}审核记录`, params: Id } },
    async (request) => ({
      items: await services.events(ctx, requireActor(request), request.params.id),
    }),
  );
  app.get(
    `${base}/:id/revisions`,
    { schema: { tags, summary: `${label}历史版本`, params: Id } },
    async (request) => ({
      items: await services.revisions(ctx, requireActor(request), request.params.id),
    }),
  );
  app.get(
    `${base}/:id/revisions/:version`,
    {
      schema: {
        tags,
        summary: `${label}某一历史版本`,
        params: Id.extend({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request) =>
      services.revision(ctx, requireActor(request), request.params.id, request.params.version),
  );
}
