import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decideInJob,
  exportDecisions,
  ServiceError,
  createAuditJob,
  getJob,
  importDocument,
  exportJob,
  importedPagePicture,
  jobPicture,
  pendingAuditBytes,
} from '@jixiao/services';
import type { AuditUpload, ServiceContext } from '@jixiao/services';
import { requireActor } from '../session.ts';
import { sendFile } from '../present.ts';

/** Bytes a batch audit may bring: per request, and per user counting what still waits. */
export interface BatchLimits {
  perRequest: number;
  perUser: number;
}

function megabytes(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}

/** Bytes being received, per user, in this process. */
function uploadsInFlight(limits: BatchLimits) {
  const inFlight = new Map<string, number>();
  return {
    ...limits,
    take(userId: string, bytes: number): void {
      inFlight.set(userId, (inFlight.get(userId) ?? 0) + bytes);
    },
    give(userId: string, bytes: number): void {
      const left = (inFlight.get(userId) ?? 0) - bytes;
      if (left > 0) inFlight.set(userId, left);
      else inFlight.delete(userId);
    },
    inFlight(userId: string): number {
      return inFlight.get(userId) ?? 0;
    },
  };
}

export function fileRoutes(ctx: ServiceContext, batch: BatchLimits): FastifyPluginCallbackZod {
  const limits = uploadsInFlight(batch);
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
        const parts = request.files();
        const first = await parts.next();
        if (first.done) throw new ServiceError('BAD_REQUEST', '请上传一个文件');
        const file = first.value;
        const bytes = new Uint8Array(await file.toBuffer());
        // One report per import: a second file would be left unread without a word.
        const second = await parts.next();
        if (!second.done) {
          await second.value.toBuffer();
          throw new ServiceError(
            'BAD_REQUEST',
            '一次只能导入一个文件；多个文件请使用批量审查（/api/audit-jobs）',
          );
        }
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
        const pending = await pendingAuditBytes(ctx, actor.username);
        const spool = await mkdtemp(join(tmpdir(), 'jixiao-upload-'));
        let received = 0;
        try {
          const files: AuditUpload[] = [];
          for await (const part of request.files()) {
            const path = join(spool, String(files.length));
            const out = createWriteStream(path);
            try {
              for await (const chunk of part.file as AsyncIterable<Buffer>) {
                received += chunk.length;
                limits.take(actor.id, chunk.length);
                if (received > limits.perRequest)
                  throw new ServiceError(
                    'FILE_TOO_LARGE',
                    `一次批量审查的文件合计不能超过 ${megabytes(limits.perRequest)} MB`,
                  );
                if (pending + limits.inFlight(actor.id) > limits.perUser)
                  throw new ServiceError(
                    'FILE_TOO_LARGE',
                    `您上传中和待审查的文件合计不能超过 ${megabytes(limits.perUser)} MB，请待已有的批量审查完成后再上传`,
                  );
                if (!out.write(chunk)) await once(out, 'drain');
              }
            } finally {
              out.end();
              await once(out, 'close');
            }
            files.push({ name: part.filename, read: () => readFile(path) });
          }
          const result = await createAuditJob(ctx, actor, files);
          return await reply.status(202).send(result);
        } finally {
          limits.give(actor.id, received);
          await rm(spool, { recursive: true, force: true });
        }
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

    app.put(
      '/api/audit-jobs/:id/files/:index/decisions',
      {
        schema: {
          tags: ['imports'],
          summary: '认定批量审查文件的审查发现（仅审核人；按单位沿用）',
          params: Id.extend({ index: z.coerce.number().int().min(0).max(10_000) }),
          body: z.object({
            fingerprint: z.string().min(1).max(2000),
            state: z.enum(['confirmed', 'dismissed', 'open']),
            reason: z.string().max(2000).optional(),
          }),
        },
      },
      async (request) =>
        decideInJob(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.index,
          request.body,
        ),
    );

    app.get(
      '/api/audit-jobs/:id/files/:index/pictures/:finding',
      {
        schema: {
          tags: ['imports'],
          summary: '批量审查中一处发现的原页面图片（PNG，问题所在处以红框标出）',
          params: Id.extend({
            index: z.coerce.number().int().min(0).max(10_000),
            finding: z.coerce.number().int().min(0).max(100_000),
          }),
        },
      },
      async (request, reply) => {
        const { id, index, finding } = request.params;
        const png = await jobPicture(ctx, requireActor(request), id, index, finding);
        return reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      },
    );

    const Coordinate = z.coerce.number().min(-100_000).max(100_000);
    app.get(
      '/api/imports/:id/pages/:page',
      {
        schema: {
          tags: ['imports'],
          summary: '导入的 PDF 的一页（PNG），bbox 所指处以红框标出',
          params: Id.extend({ page: z.coerce.number().int().min(1).max(10_000) }),
          querystring: z.object({ x0: Coordinate, y0: Coordinate, x1: Coordinate, y1: Coordinate }),
        },
      },
      async (request, reply) => {
        const { x0, y0, x1, y1 } = request.query;
        const png = await importedPagePicture(ctx, requireActor(request), request.params.id, {
          page: request.params.page,
          bbox: [x0, y0, x1, y1],
        });
        return reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      },
    );

    app.get(
      '/api/decisions/export',
      {
        schema: { tags: ['imports'], summary: '导出认定记录（供 jixiao audit --decisions 使用）' },
      },
      async (request, reply) => {
        const file = await exportDecisions(ctx, requireActor(request));
        return reply
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('审查认定记录.json')}`,
          )
          .send(file);
      },
    );
    done();
  };
}
